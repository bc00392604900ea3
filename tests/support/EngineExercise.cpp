#include "EngineExercise.h"

#include "Engine.h"
#include "TestInserts.h"
#include "io/InternalClockBackend.h"
#include "io/OfflineRenderer.h"
#include "soundcheck/FrameRing.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numbers>
#include <thread>

namespace stagedesk::test {

using namespace stagedesk::engine;

void ExerciseResult::expect(bool condition, const std::string& what) {
    if (!condition && ok) {
        ok = false;
        message = what;
    }
}

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();
// Every parameter and target, the soundcheck's and the FX rack's included.
constexpr int kParamCount = static_cast<int>(Param::FxSource) + 1;
constexpr int kTargetCount = static_cast<int>(Target::FxReturn) + 1;

Command makeCommand(Target target, Param param, int index, int sub, float value,
                    int fadeCentiseconds = 0) {
    Command c{};
    c.target = target;
    c.param = param;
    c.index = static_cast<std::uint16_t>(index);
    c.sub = static_cast<std::uint16_t>(sub);
    c.value = value;
    c.fadeCentiseconds = static_cast<std::uint16_t>(fadeCentiseconds);
    return c;
}

EngineConfig makeConfig(int inputs, int buses, double rate = 48000) {
    EngineConfig c;
    c.inputs = inputs;
    c.buses = buses;
    c.sampleRate = rate;
    return c;
}

// Bursts of tone and noise (about 300 ms on, 200 ms off, staggered per
// channel) over a -66 dBFS noise floor: gates open and close, compressors
// reduce.
class Source {
public:
    Source(int channel, double rate)
        : m_increment(2.0 * std::numbers::pi * (70.0 + 131.0 * channel) / rate),
          m_noise(0x9e3779b9u * static_cast<std::uint32_t>(channel + 1)),
          m_on(static_cast<int>(0.3 * rate)), m_cycle(static_cast<int>(0.5 * rate)),
          m_position((channel * 2741) % m_cycle) {}

    void fill(float* out, int n) {
        for (int i = 0; i < n; ++i) {
            m_noise ^= m_noise << 13;
            m_noise ^= m_noise >> 17;
            m_noise ^= m_noise << 5;
            const float noise = static_cast<float>(m_noise) * (2.0f / 4294967296.0f) - 1.0f;
            float x = 0.0005f * noise;
            if (m_position < m_on)
                x += 0.25f * static_cast<float>(std::sin(m_phase)) + 0.05f * noise;
            m_position = (m_position + 1) % m_cycle;
            m_phase = std::fmod(m_phase + m_increment, 2.0 * std::numbers::pi);
            out[i] = x;
        }
    }

private:
    double m_phase = 0;
    double m_increment;
    std::uint32_t m_noise;
    int m_on, m_cycle, m_position;
};

// An engine driven offline, block by block, with a source on every input.
class Rig {
public:
    Rig(int inputs, int buses, int frames, double rate = 48000)
        : m_engine(makeConfig(inputs, buses, rate)), m_renderer(m_engine, frames) {
        for (int ch = 0; ch < inputs; ++ch)
            m_sources.emplace_back(ch, rate);
    }

    Engine& engine() { return m_engine; }
    OfflineRenderer& renderer() { return m_renderer; }
    long posted() const { return m_posted; }

    // Posts a command, rendering blocks while the queue is full.
    void post(const Command& c, ExerciseResult& r) {
        while (!m_engine.post(c))
            render(1, r);
        ++m_posted;
    }
    void post(Target t, Param p, int index, float value, ExerciseResult& r, int sub = 0) {
        post(makeCommand(t, p, index, sub, value), r);
    }

    void render(int callbacks, ExerciseResult& r) {
        for (int b = 0; b < callbacks; ++b) {
            for (std::size_t ch = 0; ch < m_sources.size(); ++ch)
                m_sources[ch].fill(m_renderer.blockInputs()[ch].data(),
                                   m_renderer.framesPerBlock());
            m_renderer.renderBlock();
            ++r.callbacks;
            for (const auto& out : m_renderer.blockOutputs())
                for (float x : out) {
                    m_allFinite = m_allFinite && std::isfinite(x);
                    m_peak = std::max(m_peak, std::fabs(x));
                }
        }
    }

    // Renders about 'seconds' of audio.
    void renderSeconds(double seconds, ExerciseResult& r) {
        const double frames = seconds * m_engine.config().sampleRate;
        render(std::max(1, static_cast<int>(std::ceil(frames / m_renderer.framesPerBlock()))), r);
    }

    bool allFinite() const { return m_allFinite; }
    float peak() const { return m_peak; }
    void resetPeak() { m_peak = 0; }

private:
    Engine m_engine;
    OfflineRenderer m_renderer;
    std::vector<Source> m_sources;
    long m_posted = 0;
    bool m_allFinite = true;
    float m_peak = 0;
};

// Every stage of every strip on and working, as in a busy show.
void everyStageOn(Rig& rig, ExerciseResult& r) {
    const EngineConfig& c = rig.engine().config();
    for (int ch = 0; ch < c.inputs; ++ch) {
        auto set = [&](Param p, float v, int sub = 0) {
            rig.post(Target::Channel, p, ch, v, r, sub);
        };
        set(Param::Trim, 3);
        set(Param::Invert, ch % 5 == 0 ? 1.0f : 0.0f);
        set(Param::HpfOn, 1);
        set(Param::HpfSlope, 24);
        set(Param::HpfFreq, 90);
        set(Param::GateOn, 1);
        set(Param::GateThreshold, -45);
        set(Param::GateRange, 40);
        set(Param::GateHold, 20);
        set(Param::GateRelease, 80);
        set(Param::DynOn, 1);
        set(Param::DynThreshold, -30);
        set(Param::DynRatio, 4);
        set(Param::DynKnee, ch % 2 ? 6.0f : 0.0f);
        set(Param::DynMakeup, 6);
        set(Param::EqOn, 1);
        for (int band = 0; band < kEqBands; ++band) {
            set(Param::EqBandOn, 1, band);
            set(Param::EqBandGain, band % 2 ? -4.0f : 3.0f, band);
        }
        set(Param::Pan, static_cast<float>(ch % 9) / 4.0f - 1.0f);
        set(Param::Fader, -10);
        set(Param::On, 1);
        set(Param::MainOn, 1);
        for (int bus = 0; bus < c.buses; ++bus) {
            set(Param::SendOn, 1, bus);
            set(Param::SendTap, static_cast<float>((ch + bus) % 3), bus);
            set(Param::SendLevel, -12.0f - static_cast<float>((ch + bus) % 9), bus);
        }
    }
    auto sumStrip = [&](Target t, int index) {
        rig.post(t, Param::DynOn, index, 1, r);
        rig.post(t, Param::DynThreshold, index, -18, r);
        rig.post(t, Param::DynRatio, index, 2, r);
        rig.post(t, Param::EqOn, index, 1, r);
        for (int band = 0; band < kEqBands; ++band)
            rig.post(t, Param::EqBandGain, index, band % 2 ? 2.0f : -2.0f, r, band);
        rig.post(t, Param::Fader, index, -6, r);
    };
    for (int bus = 0; bus < c.buses; ++bus)
        sumStrip(Target::Bus, bus);
    sumStrip(Target::Main, 0);
}

} // namespace

ExerciseResult exerciseBlockSizes() {
    ExerciseResult r;
    struct Size {
        int inputs, buses;
    };
    // A partial channel group, the largest console, no buses at all, one group.
    const Size sizes[] = {{13, 5}, {kMaxInputs, kMaxBuses}, {1, 0}, {8, 8}};
    const int blockSizes[] = {1, 63, 64, 65, 256, 1024};
    for (const Size& size : sizes) {
        for (int frames : blockSizes) {
            const std::string where = std::to_string(size.inputs) + " inputs, " +
                                      std::to_string(size.buses) + " buses, " +
                                      std::to_string(frames) + " frames";
            Rig rig(size.inputs, size.buses, frames);
            everyStageOn(rig, r);
            const long before = r.callbacks;
            rig.renderSeconds(0.05, r);
            // Faders and an EQ band moving, so ramps and glides run across
            // the sub-block boundaries of this block size.
            for (int ch = 0; ch < size.inputs; ch += 3) {
                rig.post(Target::Channel, Param::Fader, ch, -3, r);
                rig.post(Target::Channel, Param::EqBandGain, ch, 6, r, 2);
            }
            if (size.buses > 0)
                rig.post(Target::Bus, Param::Fader, size.buses - 1, 0, r);
            rig.post(Target::Main, Param::Fader, 0, -3, r);
            rig.renderSeconds(0.05, r);
            const EngineStats s = rig.engine().stats();
            r.expect(rig.allFinite(), where + ": an output is not finite");
            r.expect(rig.peak() > 1e-3f, where + ": the outputs stayed silent");
            r.expect(s.blocks == static_cast<std::uint64_t>(r.callbacks - before),
                     where + ": the engine did not count every callback");
            r.expect(s.commandsRejected == 0, where + ": a valid command was rejected");
            r.expect(s.commandsApplied == static_cast<std::uint64_t>(rig.posted()),
                     where + ": not every command was applied");
        }
    }
    return r;
}

ExerciseResult exerciseEveryParameter() {
    ExerciseResult r;
    const int inputs = 16, buses = 8;
    Rig rig(inputs, buses, 64);
    const float values[] = {0, 0.5f, 1, 2, -6, 24, 1e9f, -1e9f, kNaN, kInf, -kInf};
    for (int t = 0; t < kTargetCount; ++t) {
        const auto target = static_cast<Target>(t);
        const int count = target == Target::Channel      ? inputs
                          : target == Target::Bus        ? buses
                          : target == Target::Dca        ? kDcaCount
                          : target == Target::MuteGroup  ? kMuteGroupCount
                          : target == Target::Soundcheck ? inputs // RtaSource's channel index
                          : target == Target::Fx || target == Target::FxReturn ? kFxSlots
                                                                               : 1;
        const int indices[] = {0, count - 1, count, 0xffff};
        const int subs[] = {0, kEqBands - 1, kEqBands, buses - 1, kMaxBuses, 0xffff};
        for (int p = 0; p < kParamCount; ++p) {
            for (int index : indices)
                for (int sub : subs)
                    for (float value : values) {
                        const int fade = (index + sub) % 3 == 0 ? 150 : 0;
                        rig.post(
                            makeCommand(target, static_cast<Param>(p), index, sub, value, fade), r);
                    }
            rig.render(1, r);
        }
    }
    rig.render(4, r);
    EngineStats s = rig.engine().stats();
    r.expect(s.commandsApplied + s.commandsRejected == static_cast<std::uint64_t>(rig.posted()),
             "applied + rejected is not the number of commands posted");
    r.expect(s.commandsApplied > 0 && s.commandsRejected > 0,
             "expected both applied and rejected commands");

    // Back to a working console: nothing left over from the extreme values
    // may make the output non-finite.
    everyStageOn(rig, r);
    for (int d = 0; d < kDcaCount; ++d) {
        rig.post(Target::Dca, Param::Fader, d, 0, r);
        rig.post(Target::Dca, Param::On, d, 1, r);
    }
    for (int m = 0; m < kMuteGroupCount; ++m)
        rig.post(Target::MuteGroup, Param::On, m, 0, r);
    for (int ch = 0; ch < inputs; ++ch) {
        rig.post(Target::Channel, Param::DcaMask, ch, 0, r);
        rig.post(Target::Channel, Param::MuteGroupMask, ch, 0, r);
    }
    rig.resetPeak();
    rig.renderSeconds(0.5, r);
    r.expect(rig.allFinite(), "an output is not finite");
    r.expect(rig.peak() > 1e-3f, "the outputs stayed silent after restoring the console");
    return r;
}

ExerciseResult exerciseBigBatch() {
    ExerciseResult r;
    const int inputs = 32, buses = 16;
    Rig rig(inputs, buses, 64);
    everyStageOn(rig, r);
    rig.renderSeconds(0.02, r);
    rig.engine().drainAppliedLog([](const AppliedRecord&) {});
    const std::uint64_t appliedBefore = rig.engine().stats().commandsApplied;

    std::vector<Command> batch;
    batch.reserve(5000);
    for (int i = 0; batch.size() < 5000; ++i) {
        const int ch = i % inputs;
        switch (i % 5) {
        case 0:
            batch.push_back(makeCommand(Target::Channel, Param::Fader, ch, 0, -20.0f + i % 20));
            break;
        case 1:
            batch.push_back(makeCommand(Target::Channel, Param::EqBandGain, ch, i % kEqBands, 3));
            break;
        case 2:
            batch.push_back(makeCommand(Target::Channel, Param::SendLevel, ch, i % buses, -10, 50));
            break;
        case 3:
            batch.push_back(makeCommand(Target::Bus, Param::Fader, i % buses, 0, -5));
            break;
        default:
            batch.push_back(makeCommand(Target::Channel, Param::Pan, ch, 0, 0.25f));
            break;
        }
    }
    r.expect(rig.engine().postBatch(batch), "the queue refused a 5,000-command batch");
    rig.render(1, r);
    std::uint32_t inOneBlock = 0;
    int records = 0;
    rig.engine().drainAppliedLog([&](const AppliedRecord& a) {
        inOneBlock = a.commands;
        ++records;
    });
    r.expect(records == 1 && inOneBlock == 5000, "the batch was not applied in one callback");
    r.expect(rig.engine().stats().commandsApplied - appliedBefore == 5000,
             "not every command of the batch was applied");
    rig.renderSeconds(0.1, r);
    r.expect(rig.allFinite(), "an output is not finite");
    return r;
}

ExerciseResult exerciseSendTaps() {
    ExerciseResult r;
    const int inputs = 16, buses = 8;
    Rig rig(inputs, buses, 64);
    everyStageOn(rig, r);
    for (int tap = 0; tap < 3; ++tap) {
        for (int ch = 0; ch < inputs; ++ch)
            for (int bus = 0; bus < buses; ++bus) {
                rig.post(Target::Channel, Param::SendTap, ch, static_cast<float>(tap), r, bus);
                rig.post(Target::Channel, Param::SendOn, ch, 1, r, bus);
                rig.post(Target::Channel, Param::SendLevel, ch, -6, r, bus);
            }
        rig.resetPeak();
        rig.renderSeconds(0.1, r);
        r.expect(rig.peak() > 1e-3f, "no signal with every send at tap " + std::to_string(tap));
        // Half the sends off, then all to -inf, then back.
        for (int ch = 0; ch < inputs; ++ch)
            for (int bus = 0; bus < buses; bus += 2)
                rig.post(Target::Channel, Param::SendOn, ch, 0, r, bus);
        rig.renderSeconds(0.05, r);
        for (int ch = 0; ch < inputs; ++ch)
            for (int bus = 0; bus < buses; ++bus)
                rig.post(Target::Channel, Param::SendLevel, ch, -144, r, bus);
        rig.renderSeconds(0.05, r);
    }
    // Mixed taps on one bus, so that a bus takes pre-EQ and post-EQ signal
    // in the same callback; channels off main, muted and unmuted.
    for (int ch = 0; ch < inputs; ++ch)
        for (int bus = 0; bus < buses; ++bus) {
            rig.post(Target::Channel, Param::SendTap, ch, static_cast<float>((ch + bus) % 3), r,
                     bus);
            rig.post(Target::Channel, Param::SendOn, ch, 1, r, bus);
            rig.post(Target::Channel, Param::SendLevel, ch, -3, r, bus);
            rig.post(Target::Channel, Param::MainOn, ch, ch % 2 ? 1.0f : 0.0f, r);
        }
    rig.renderSeconds(0.05, r);
    for (int ch = 0; ch < inputs; ++ch)
        rig.post(Target::Channel, Param::On, ch, 0, r);
    rig.renderSeconds(0.05, r);
    for (int ch = 0; ch < inputs; ++ch)
        rig.post(Target::Channel, Param::On, ch, 1, r);
    rig.resetPeak();
    rig.renderSeconds(0.1, r);
    r.expect(rig.peak() > 1e-3f, "no signal with mixed taps");
    r.expect(rig.allFinite(), "an output is not finite");
    r.expect(rig.engine().stats().commandsRejected == 0, "a valid send command was rejected");
    return r;
}

ExerciseResult exerciseStagesOnOff() {
    ExerciseResult r;
    const int inputs = 12, buses = 4;
    Rig rig(inputs, buses, 64);
    everyStageOn(rig, r);
    rig.renderSeconds(0.05, r);
    struct Toggle {
        Param param;
        int sub;
        bool stripsOfSumsToo; // buses and main have it as well
    };
    const Toggle toggles[] = {{Param::HpfOn, 0, false},   {Param::GateOn, 0, false},
                              {Param::DynOn, 0, true},    {Param::EqOn, 0, true},
                              {Param::EqBandOn, 0, true}, {Param::EqBandOn, 1, true},
                              {Param::EqBandOn, 2, true}, {Param::EqBandOn, 3, true},
                              {Param::Invert, 0, false},  {Param::MainOn, 0, false}};
    for (int round = 0; round < 2; ++round) {
        const float state = round == 0 ? 0.0f : 1.0f;
        for (const Toggle& t : toggles) {
            for (int ch = 0; ch < inputs; ++ch)
                rig.post(Target::Channel, t.param, ch, state, r, t.sub);
            if (t.stripsOfSumsToo) {
                for (int bus = 0; bus < buses; ++bus)
                    rig.post(Target::Bus, t.param, bus, state, r, t.sub);
                rig.post(Target::Main, t.param, 0, state, r, t.sub);
            }
            // Long enough for every coefficient glide to settle (bypass).
            rig.renderSeconds(0.1, r);
        }
        // Both HPF slopes, and band types.
        for (int ch = 0; ch < inputs; ++ch) {
            rig.post(Target::Channel, Param::HpfSlope, ch, round == 0 ? 12.0f : 24.0f, r);
            for (int band = 0; band < kEqBands; ++band)
                rig.post(Target::Channel, Param::EqBandType, ch,
                         static_cast<float>((band + ch + round) % dsp::kEqTypeCount), r, band);
        }
        rig.renderSeconds(0.1, r);
    }
    r.expect(rig.allFinite(), "an output is not finite");
    r.expect(rig.peak() > 1e-3f, "the outputs stayed silent");
    r.expect(rig.engine().stats().commandsRejected == 0, "a valid command was rejected");
    return r;
}

ExerciseResult exerciseInvalidCommands() {
    ExerciseResult r;
    const int inputs = 8, buses = 4;
    Rig rig(inputs, buses, 64);
    everyStageOn(rig, r);
    rig.renderSeconds(0.02, r);
    const std::uint64_t rejectedBefore = rig.engine().stats().commandsRejected;
    const Command bad[] = {
        makeCommand(Target::Channel, Param::Fader, inputs, 0, 0),
        makeCommand(Target::Channel, Param::Fader, 0xffff, 0, 0),
        makeCommand(Target::Bus, Param::Fader, buses, 0, 0),
        makeCommand(Target::Dca, Param::Fader, kDcaCount, 0, 0),
        makeCommand(Target::MuteGroup, Param::On, kMuteGroupCount, 0, 1),
        makeCommand(Target::Channel, Param::EqBandGain, 0, kEqBands, 6),
        makeCommand(Target::Channel, Param::SendLevel, 0, kMaxBuses, 0),
        makeCommand(Target::Channel, Param::ResetStats, 0, 0, 1),
        makeCommand(Target::Dca, Param::GateOn, 0, 0, 1),
        makeCommand(Target::MuteGroup, Param::Fader, 0, 0, 0),
        makeCommand(Target::Engine, Param::Fader, 0, 0, 0),
        makeCommand(static_cast<Target>(200), Param::Fader, 0, 0, 0),
        makeCommand(Target::Channel, static_cast<Param>(250), 0, 0, 0),
        makeCommand(Target::Main, static_cast<Param>(251), 0, 0, 0),
    };
    for (const Command& c : bad)
        rig.post(c, r);
    // Valid targets with values no control should ever send: clamped, and
    // NaN taken as the low end of the range.
    const float wild[] = {kNaN, kInf, -kInf, 1e30f, -1e30f};
    const Param params[] = {Param::Trim,     Param::HpfFreq,    Param::GateThreshold,
                            Param::DynRatio, Param::DynKnee,    Param::EqBandFreq,
                            Param::EqBandQ,  Param::EqBandType, Param::Pan,
                            Param::Fader,    Param::SendLevel,  Param::SendTap,
                            Param::DcaMask,  Param::HpfSlope,   Param::GateRelease};
    for (float v : wild)
        for (Param p : params) {
            rig.post(Target::Channel, p, 1, v, r, 1);
            if (p == Param::SendLevel || p == Param::SendTap)
                continue; // only channels have sends
            rig.post(Target::Bus, p, 0, v, r, 1);
            rig.post(Target::Main, p, 0, v, r, 1);
        }
    for (float v : wild) {
        rig.post(Target::Dca, Param::Fader, 0, v, r);
        rig.post(Target::Dca, Param::On, 1, v, r);
        rig.post(Target::MuteGroup, Param::On, 0, v, r);
    }
    rig.renderSeconds(0.2, r);
    const std::uint64_t rejected = rig.engine().stats().commandsRejected - rejectedBefore;
    r.expect(rejected == std::size(bad), "expected " + std::to_string(std::size(bad)) +
                                             " rejected commands, got " + std::to_string(rejected));
    r.expect(rig.allFinite(), "an output is not finite after NaN and infinite values");
    return r;
}

ExerciseResult exerciseHostileBuffers() {
    ExerciseResult r;
    const int inputs = 12, buses = 3;
    Engine engine(makeConfig(inputs, buses));
    for (int ch = 0; ch < inputs; ++ch) {
        engine.post(makeCommand(Target::Channel, Param::Fader, ch, 0, 0));
        engine.post(makeCommand(Target::Channel, Param::HpfOn, ch, 0, 1));
        engine.post(makeCommand(Target::Channel, Param::GateOn, ch, 0, 1));
        engine.post(makeCommand(Target::Channel, Param::DynOn, ch, 0, 1));
        engine.post(makeCommand(Target::Channel, Param::EqBandGain, ch, 1, 6));
        for (int bus = 0; bus < buses; ++bus)
            engine.post(makeCommand(Target::Channel, Param::SendLevel, ch, bus, -6));
    }

    const int frames = 100;
    const int outputs = engine.outputChannels();
    std::vector<std::vector<float>> in(inputs + 4, std::vector<float>(frames, 0.0f));
    std::vector<std::vector<float>> out(outputs + 3, std::vector<float>(frames, 1.0f));
    std::vector<const float*> inPtrs;
    std::vector<float*> outPtrs;
    for (auto& b : in)
        inPtrs.push_back(b.data());
    for (auto& b : out)
        outPtrs.push_back(b.data());

    auto fillSine = [&](float peak) {
        for (auto& b : in)
            for (int i = 0; i < frames; ++i)
                b[i] = peak * static_cast<float>(std::sin(0.05 * i));
    };
    auto outputsFinite = [&](int count) {
        for (int ch = 0; ch < count; ++ch)
            if (outPtrs[ch])
                for (int i = 0; i < frames; ++i)
                    if (!std::isfinite(outPtrs[ch][i]))
                        return false;
        return true;
    };
    auto call = [&](int inCount, int outCount, int n, const float* const* inp = nullptr) {
        engine.rt_process(inp ? inp : inPtrs.data(), inCount, outPtrs.data(), outCount, n);
        ++r.callbacks;
    };

    fillSine(0.5f);
    for (int b = 0; b < 20; ++b)
        call(inputs, outputs, frames);
    r.expect(outputsFinite(outputs), "output not finite before the hostile input");

    // Hostile samples: NaN, infinities, huge values, denormals, full scale.
    const float hostile[] = {kNaN, kInf, -kInf, 1e30f, -1e30f, 1e-40f, 1.0f, -1.0f};
    for (std::size_t k = 0; k < std::size(hostile); ++k)
        for (std::size_t ch = 0; ch < in.size(); ++ch)
            in[ch][(k * 7 + ch) % frames] = hostile[(k + ch) % std::size(hostile)];
    for (int b = 0; b < 4; ++b)
        call(inputs, outputs, frames);

    // Missing inputs: null pointers, fewer than the engine has, none at all,
    // and more than it has.
    std::vector<const float*> holes = inPtrs;
    for (std::size_t ch = 0; ch < holes.size(); ch += 2)
        holes[ch] = nullptr;
    fillSine(0.25f);
    call(inputs, outputs, frames, holes.data());
    call(inputs / 2, outputs, frames);
    call(0, outputs, frames);
    engine.rt_process(nullptr, 0, outPtrs.data(), outputs, frames);
    ++r.callbacks;
    call(static_cast<int>(in.size()), outputs, frames);

    // Outputs: more than the engine has (zeroed), some null, fewer, none.
    call(inputs, static_cast<int>(out.size()), frames);
    bool extraZeroed = true;
    for (std::size_t ch = static_cast<std::size_t>(outputs); ch < out.size(); ++ch)
        for (float x : out[ch])
            extraZeroed = extraZeroed && x == 0.0f;
    r.expect(extraZeroed, "outputs past the engine's were not zeroed");
    outPtrs[1] = nullptr;
    outPtrs[static_cast<std::size_t>(outputs)] = nullptr;
    call(inputs, static_cast<int>(out.size()), frames);
    call(inputs, 1, frames);
    engine.rt_process(inPtrs.data(), inputs, nullptr, 0, frames);
    ++r.callbacks;
    outPtrs[1] = out[1].data();
    outPtrs[static_cast<std::size_t>(outputs)] = out[static_cast<std::size_t>(outputs)].data();

    // Zero frames and a single frame.
    call(inputs, outputs, 0);
    call(inputs, outputs, 1);

    // After all that, an ordinary signal must come out finite and audible:
    // filters that saw NaN or infinity reset themselves.
    fillSine(0.25f);
    float peak = 0;
    for (int b = 0; b < 200; ++b) {
        call(inputs, outputs, frames);
        for (int ch = 0; ch < outputs; ++ch)
            for (float x : out[static_cast<std::size_t>(ch)])
                peak = std::max(peak, std::fabs(x));
    }
    r.expect(outputsFinite(outputs), "output not finite after the hostile input");
    r.expect(peak > 1e-3f, "output silent after the hostile input");
    return r;
}

ExerciseResult exerciseRealtimeWithReaders() {
    ExerciseResult r;
    const int inputs = 32, buses = 16, frames = 64;
    const double rate = 48000;
    Engine engine(makeConfig(inputs, buses, rate));
    for (int ch = 0; ch < inputs; ++ch) {
        engine.post(makeCommand(Target::Channel, Param::HpfOn, ch, 0, 1));
        engine.post(makeCommand(Target::Channel, Param::GateOn, ch, 0, 1));
        engine.post(makeCommand(Target::Channel, Param::DynOn, ch, 0, 1));
        engine.post(makeCommand(Target::Channel, Param::Fader, ch, 0, -10));
        for (int bus = 0; bus < buses; ++bus)
            engine.post(makeCommand(Target::Channel, Param::SendLevel, ch, bus, -20));
    }
    long posted = inputs * (4 + buses);

    InternalClockBackend backend(engine, rate, frames);
    std::atomic<bool> reading{true};
    std::atomic<long> reads{0}, appliedRecords{0};
    std::atomic<bool> metersWentBack{false};
    // The reader: meters, statistics and the applied log, as fast as it can.
    std::thread reader([&] {
        std::uint64_t lastBlock = 0;
        while (reading.load()) {
            const MeterSnapshot& m = engine.readMeters();
            if (m.block < lastBlock)
                metersWentBack = true;
            lastBlock = m.block;
            const EngineStats s = engine.stats();
            (void)s;
            appliedRecords +=
                static_cast<long>(engine.drainAppliedLog([](const AppliedRecord&) {}));
            ++reads;
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    });

    std::string error;
    r.expect(backend.start(error), "the internal clock did not start: " + error);
    const auto started = std::chrono::steady_clock::now();
    std::vector<Command> batch;
    for (int i = 0; i < 300; ++i)
        batch.push_back(makeCommand(Target::Channel, Param::EqBandGain, i % inputs, i % kEqBands,
                                    static_cast<float>(i % 13) - 6.0f));
    // This thread is the control thread: a steady stream of changes.
    for (int step = 0; std::chrono::steady_clock::now() - started < std::chrono::seconds(1);
         ++step) {
        const int ch = step % inputs;
        if (engine.post(makeCommand(Target::Channel, Param::Fader, ch, 0,
                                    -20.0f + static_cast<float>(step % 15), step % 4 ? 0 : 20)))
            ++posted;
        if (step % 50 == 0 && engine.postBatch(batch))
            posted += static_cast<long>(batch.size());
        if (step % 97 == 0 && engine.post(makeCommand(Target::Channel, Param::GateOn, ch, 0,
                                                      static_cast<float>(step / 97 % 2))))
            ++posted;
        if (step % 211 == 0 && engine.post(makeCommand(Target::Dca, Param::Fader, 0, 0, -3)))
            ++posted;
        if (step == 300 && engine.post(makeCommand(Target::Engine, Param::ResetStats, 0, 0, 1)))
            ++posted;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    // Let the last changes arrive (a loaded machine may delay the clock
    // thread), then stop.
    const auto drained = std::chrono::steady_clock::now();
    while (engine.stats().commandsApplied < static_cast<std::uint64_t>(posted) &&
           std::chrono::steady_clock::now() - drained < std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    backend.stop();
    reading = false;
    reader.join();

    const EngineStats s = engine.stats();
    r.callbacks = static_cast<long>(s.blocks);
    r.expect(s.blocks > 200, "only " + std::to_string(s.blocks) + " callbacks in a second");
    r.expect(s.commandsApplied == static_cast<std::uint64_t>(posted),
             "applied " + std::to_string(s.commandsApplied) + " of " + std::to_string(posted) +
                 " commands");
    r.expect(s.commandsRejected == 0, "a valid command was rejected");
    r.expect(reads > 10, "the reader thread hardly ran");
    r.expect(appliedRecords > 0, "the applied log stayed empty");
    r.expect(!metersWentBack, "the meters went back in time");
    return r;
}

// ---- The soundcheck's audio-thread paths (engine/soundcheck) ----------------

namespace {
// A ring the test thread empties (recording) or fills (playback) between
// callbacks, as the disk threads would.
std::uint64_t drainRing(soundcheck::FrameRing& ring) {
    const std::size_t n = ring.readableFrames();
    ring.release(n);
    return n;
}
void fillRing(soundcheck::FrameRing& ring, std::size_t frames, float value) {
    frames = std::min(frames, ring.writableFrames());
    for (std::size_t i = 0; i < frames; ++i)
        for (int t = 0; t < ring.tracks(); ++t)
            ring.frameToWrite(i)[t] = value;
    ring.publish(frames);
}
} // namespace

ExerciseResult exerciseRecordAndPlayback() {
    ExerciseResult r;
    const int inputs = 20, buses = 4;
    for (int frames : {1, 65, 256}) {
        const std::string where = std::to_string(frames) + " frames: ";
        Rig rig(inputs, buses, frames);
        everyStageOn(rig, r);
        rig.renderSeconds(0.02, r);
        auto& sc = rig.engine().soundcheck();
        // Record every input, before and then after the preamp.
        for (auto point :
             {soundcheck::RecordPoint::PrePreamp, soundcheck::RecordPoint::PostPreamp}) {
            soundcheck::FrameRing ring(inputs, 48000);
            soundcheck::RecordRouting routing;
            routing.tracks = inputs;
            routing.point = point;
            for (int t = 0; t < inputs; ++t)
                routing.channelOfTrack[std::size_t(t)] = std::uint16_t(inputs - 1 - t);
            r.expect(sc.recorder().start(ring, routing), where + "the record tap did not start");
            std::uint64_t recorded = 0;
            const long before = r.callbacks;
            for (int b = 0; b < 40; ++b) {
                rig.render(1, r);
                recorded += drainRing(ring);
            }
            sc.recorder().requestStop();
            rig.render(1, r);
            recorded += drainRing(ring);
            r.expect(sc.recorder().stopped(), where + "the record tap did not stop");
            sc.recorder().reset();
            // The block that saw the stop request records nothing.
            r.expect(recorded == std::uint64_t(r.callbacks - before - 1) * std::uint64_t(frames),
                     where + "recorded " + std::to_string(recorded) + " frames");
            r.expect(sc.recorder().droppedFrames() == 0, where + "frames were dropped");
        }
        // A ring nobody empties: the tap drops (and counts) what does not fit.
        {
            soundcheck::FrameRing ring(2, 128);
            soundcheck::RecordRouting routing;
            routing.tracks = 2;
            r.expect(sc.recorder().start(ring, routing), where + "the record tap did not start");
            rig.render(std::max(4, 1024 / frames), r);
            r.expect(sc.recorder().droppedFrames() > 0, where + "an overfull ring dropped nothing");
            sc.recorder().requestStop();
            rig.render(1, r);
            sc.recorder().reset();
        }
        // Playback: one channel, then the global switch, then starvation.
        soundcheck::FrameRing ring(inputs, 8192);
        soundcheck::PlaybackRouting routing;
        routing.tracks = inputs;
        for (int t = 0; t < inputs; ++t)
            routing.channelOfTrack[std::size_t(t)] = std::uint16_t(t);
        fillRing(ring, 8192, 0.125f);
        sc.player().finishAfter(~std::uint64_t(0));
        r.expect(sc.player().start(ring, routing), where + "the playback tap did not start");
        rig.post(Target::Channel, Param::PlaybackOn, 3, 1, r);
        for (int b = 0; b < 30; ++b) {
            rig.render(1, r);
            fillRing(ring, ring.writableFrames(), 0.125f);
        }
        rig.post(Target::Soundcheck, Param::RoutSwitch, 0, 1, r);
        for (int b = 0; b < 30; ++b) {
            rig.render(1, r);
            fillRing(ring, ring.writableFrames(), 0.125f);
        }
        r.expect(sc.player().underruns() == 0, where + "a fed player underran");
        rig.render(8192 / frames + 8, r); // nobody refills: it runs dry
        r.expect(sc.player().underruns() > 0, where + "a starved player counted no underrun");
        rig.post(Target::Soundcheck, Param::RoutSwitch, 0, 0, r);
        rig.post(Target::Channel, Param::PlaybackOn, 3, 0, r);
        rig.renderSeconds(0.03, r);
        sc.player().requestStop();
        rig.render(1, r);
        r.expect(sc.player().stopped(), where + "the playback tap did not stop");
        sc.player().reset();
        r.expect(rig.allFinite(), where + "an output is not finite");
    }
    return r;
}

ExerciseResult exerciseGeneratorAndTalkback() {
    ExerciseResult r;
    const int inputs = 8, buses = 6;
    Rig rig(inputs, buses, 64);
    for (int b = 0; b < buses; ++b)
        rig.post(Target::Bus, Param::Fader, b, 0, r);
    rig.renderSeconds(0.02, r);
    rig.post(Target::Soundcheck, Param::GenFreq, 0, 440, r);
    rig.post(Target::Soundcheck, Param::GenLevel, 0, -20, r);
    rig.post(Target::Soundcheck, Param::GenMain, 0, 1, r);
    for (int b = 0; b < buses; b += 2)
        rig.post(Target::Soundcheck, Param::GenBus, 0, 1, r, b);
    for (int type = 0; type < 3; ++type) {
        rig.post(Target::Soundcheck, Param::GenType, 0, float(type), r);
        rig.post(Target::Soundcheck, Param::GenOn, 0, 1, r);
        rig.resetPeak();
        rig.renderSeconds(0.05, r);
        r.expect(rig.peak() > 0.05f, "generator type " + std::to_string(type) + " is silent");
        rig.post(Target::Soundcheck, Param::GenOn, 0, 0, r);
        rig.renderSeconds(0.03, r);
    }
    for (int b = 0; b < buses; ++b)
        rig.post(Target::Soundcheck, Param::GenBus, 0, 0, r, b);
    rig.post(Target::Soundcheck, Param::GenMain, 0, 0, r);
    // Talkback from channel 5 to buses 1 and 3, main dimmed, on and off twice.
    rig.post(Target::Channel, Param::Fader, 0, 0, r);
    rig.post(Target::Soundcheck, Param::TalkInput, 0, 5, r);
    rig.post(Target::Soundcheck, Param::TalkLevel, 0, 0, r);
    rig.post(Target::Soundcheck, Param::TalkDim, 0, -20, r);
    rig.post(Target::Soundcheck, Param::TalkBus, 0, 1, r, 1);
    rig.post(Target::Soundcheck, Param::TalkBus, 0, 1, r, 3);
    for (int round = 0; round < 2; ++round) {
        rig.post(Target::Soundcheck, Param::TalkOn, 0, 1, r);
        rig.resetPeak();
        rig.renderSeconds(0.05, r);
        r.expect(rig.peak() > 1e-3f, "talkback is silent");
        rig.post(Target::Soundcheck, Param::TalkOn, 0, 0, r);
        rig.renderSeconds(0.05, r);
    }
    r.expect(rig.allFinite(), "an output is not finite");
    r.expect(rig.engine().stats().commandsRejected == 0, "a valid command was rejected");
    return r;
}

ExerciseResult exerciseRtaAndLineCheck() {
    ExerciseResult r;
    const int inputs = 12, buses = 4;
    Rig rig(inputs, buses, 64);
    everyStageOn(rig, r);
    auto& sc = rig.engine().soundcheck();
    rig.post(Target::Soundcheck, Param::LineCheckOn, 0, 1, r);
    std::size_t drained = 0;
    const int sources[][2] = {{1, 0}, {1, inputs - 1}, {2, 0}, {2, buses - 1}, {3, 0}};
    for (const auto& source : sources) {
        rig.post(Target::Soundcheck, Param::RtaSource, source[1], 1, r, source[0]);
        for (int b = 0; b < 100; ++b) {
            rig.render(1, r);
            if (b % 10 == 0) // an FFT worker's pace
                drained += sc.rta().drain([](const float&) {});
        }
    }
    // A worker that falls behind: whole blocks are dropped, never waited for.
    rig.renderSeconds(1.0, r);
    rig.post(Target::Soundcheck, Param::RtaSource, 0, 0, r, 0);
    rig.render(4, r);
    r.expect(drained > 0, "the RTA tap delivered nothing");
    r.expect(sc.rta().droppedBlocks() > 0, "an undrained RTA tap dropped nothing");
    const auto& check = sc.lineCheck().read();
    r.expect(check.windows > 4, "the line check published no window");
    r.expect(check.channels.size() == std::size_t(inputs) && check.channels[0].peak > 0,
             "the line check saw no signal");
    rig.post(Target::Soundcheck, Param::LineCheckOn, 0, 0, r);
    rig.render(4, r);
    r.expect(rig.engine().stats().commandsRejected == 0, "a valid command was rejected");
    return r;
}

ExerciseResult exerciseInserts() {
    ExerciseResult r;
    const int inputs = 12, buses = 4;
    Rig rig(inputs, buses, 64);
    Engine& e = rig.engine();
    everyStageOn(rig, r);
    auto place = [&](Target t, int index, int slot, std::unique_ptr<InsertProcessor> p) {
        while (!e.postInsert(t, index, slot, p))
            rig.render(1, r);
    };
    for (int ch = 0; ch < inputs; ++ch)
        place(Target::Channel, ch, 0, std::make_unique<GainInsert>(nullptr, 1, -3, ch * 7));
    for (int ch = 0; ch < inputs; ch += 3) {
        place(Target::Channel, ch, 1, std::make_unique<ProbeInsert>(nullptr, 1));
        rig.post(Target::Channel, Param::InsertPosition, ch, 0, r, 1);
    }
    for (int b = 0; b < buses; ++b)
        place(Target::Bus, b, 3, std::make_unique<GainInsert>(nullptr, 1, -1, 12));
    place(Target::Main, 0, 2, std::make_unique<GainInsert>(nullptr, 2, -1, 5));
    auto nan = std::make_unique<NanInsert>(nullptr, 1);
    NanInsert* broken = nan.get();
    place(Target::Channel, 2, 2, std::move(nan));
    place(Target::Channel, 3, 2,
          std::make_unique<StallInsert>(nullptr, 1, std::chrono::microseconds(2000)));
    rig.renderSeconds(0.2, r);

    broken->broken = true;
    for (int frames : {1, 65, 256}) {
        OfflineRenderer renderer(e, frames);
        for (int b = 0; b < 40; ++b) {
            const int ch = b % inputs;
            rig.post(Target::Channel, Param::InsertOn, ch, float(b % 2), r, 0);
            rig.post(Target::Channel, Param::InsertSwap, ch, 1, r, 0);
            if (b % 10 == 0) // replaced and removed while running
                place(Target::Channel, ch, 3,
                      b % 20 ? nullptr : std::make_unique<GainInsert>(nullptr, 1, -6, 3));
            renderer.renderBlock();
            ++r.callbacks;
        }
    }
    rig.renderSeconds(0.2, r);
    int kinds = 0;
    e.drainInsertFaults([&](const InsertFault& f) { kinds |= 1 << int(f.kind); });
    const std::size_t retired = e.drainRetiredInserts([](std::unique_ptr<InsertProcessor>) {});
    r.expect(kinds == 3, "NaN output and overruns were not both reported");
    r.expect(retired >= 3, "replaced inserts were not handed back");
    r.expect(rig.allFinite(), "NaN from an insert reached an output");
    r.expect(e.alignmentDelay(inputs - 1) == 0 && e.alignmentDelay(1) == (inputs - 2) * 7,
             "channel 1 was not aligned to the slowest channel");
    r.expect(e.stats().commandsRejected == 0, "a valid insert command was rejected");
    return r;
}

ExerciseResult exerciseFxRack() {
    ExerciseResult r;
    const int inputs = 8, buses = 8;
    Rig rig(inputs, buses, 64);
    Engine& e = rig.engine();
    everyStageOn(rig, r);
    auto place = [&](int slot, std::unique_ptr<InsertProcessor> p) {
        while (!e.postInsert(Target::Fx, slot, 0, p))
            rig.render(1, r);
    };
    for (int k = 0; k < kFxSlots; ++k) {
        rig.post(Target::Fx, Param::FxSource, k, float(k % buses), r);
        place(k, std::make_unique<GainInsert>(nullptr, 2, -6, k * 5));
        rig.post(Target::FxReturn, Param::Fader, k, -3, r);
        rig.post(Target::FxReturn, Param::Pan, k, float(k - 4) / 4.0f, r);
        rig.post(Target::FxReturn, Param::EqBandGain, k, 4, r, k % kEqBands);
        rig.post(Target::FxReturn, Param::DcaMask, k, float(1 << k), r);
        for (int bus = 0; bus < buses; ++bus) // into every bus, its own source too (feedback)
            rig.post(Target::FxReturn, Param::SendLevel, k, -12, r, bus);
    }
    auto nan = std::make_unique<NanInsert>(nullptr, 2);
    NanInsert* broken = nan.get();
    place(2, std::move(nan));
    place(3, std::make_unique<StallInsert>(nullptr, 2, std::chrono::microseconds(2000)));
    rig.renderSeconds(0.2, r);

    broken->broken = true;
    for (int frames : {1, 37, 65, 256}) {
        OfflineRenderer renderer(e, frames);
        for (int b = 0; b < 40; ++b) {
            const int k = b % kFxSlots;
            rig.post(Target::Fx, Param::InsertOn, k, float(b % 2), r);
            rig.post(Target::Fx, Param::FxSource, k, b % 3 ? float(b % buses) : -1.0f, r);
            rig.post(Target::FxReturn, Param::Solo, k, float(b % 2), r);
            rig.post(makeCommand(Target::FxReturn, Param::Fader, k, 0, -float(b % 7), 10), r);
            rig.post(Target::Dca, Param::Fader, k, -float(b % 5), r);
            if (b % 10 == 0) // replaced and removed while running
                place(k, b % 20 ? nullptr : std::make_unique<GainInsert>(nullptr, 2, -1, 3));
            renderer.renderBlock();
            ++r.callbacks;
        }
    }
    for (int k = 0; k < kFxSlots; ++k)
        rig.post(Target::FxReturn, Param::Solo, k, 0, r);
    rig.renderSeconds(0.2, r);
    int kinds = 0;
    e.drainInsertFaults([&](const InsertFault& f) {
        if (f.target == Target::Fx)
            kinds |= 1 << int(f.kind);
    });
    const std::size_t retired = e.drainRetiredInserts([](std::unique_ptr<InsertProcessor>) {});
    r.expect(kinds == 3, "NaN output and overruns of FX slots were not both reported");
    r.expect(retired >= 4, "replaced FX processors were not handed back");
    r.expect(rig.allFinite(), "NaN from an FX slot reached an output");
    r.expect(e.readMeters().fxReturns[0][0].peak > 0, "the FX returns stayed silent");
    r.expect(e.stats().commandsRejected == 0, "a valid FX command was rejected");
    return r;
}

const std::vector<Exercise>& allExercises() {
    static const std::vector<Exercise> all = {
        {"block sizes", exerciseBlockSizes},
        {"every parameter", exerciseEveryParameter},
        {"5,000-command batch", exerciseBigBatch},
        {"send taps", exerciseSendTaps},
        {"stages on and off", exerciseStagesOnOff},
        {"invalid commands", exerciseInvalidCommands},
        {"hostile buffers", exerciseHostileBuffers},
        {"real time with readers", exerciseRealtimeWithReaders},
        {"soundcheck record and playback", exerciseRecordAndPlayback},
        {"soundcheck generator and talkback", exerciseGeneratorAndTalkback},
        {"soundcheck RTA and line check", exerciseRtaAndLineCheck},
        {"insert slots", exerciseInserts},
        {"FX rack", exerciseFxRack},
    };
    return all;
}

} // namespace stagedesk::test
