// engine_load: how much of one core the engine needs, offline, with every
// stage of every strip switched on and doing real work.
//
// Every channel: trim, HPF 24 dB/oct, gate, compressor (with gain reduction),
// four EQ bands with gain, pan, fader, main assign and a send to every bus
// (pre-EQ, pre-fader and post-fader taps mixed). Every bus and main: EQ and
// compressor on. The inputs are bursts of tone and noise over a low noise
// floor, so gates open and close and compressors reduce. A few fader and EQ
// moves are posted every block, as a live engineer would, so the smoothing
// and coefficient paths run too.
//
// Each callback (OfflineRenderer::renderBlock) is timed with steady_clock;
// the figures are printed as plain text. With --inserts URI the same console
// runs again with that LV2 plugin in insert slot 1 of every channel, and the
// two loads are printed side by side. With --fx-rack it runs again with a
// trivial stereo processor in all 8 FX slots (fed from the buses, returning
// into main and every bus), and prints that load next to the load without.

#include "Engine.h"
#include "PluginInsert.h"
#include "PluginWorld.h"
#include "io/OfflineRenderer.h"
#include "io/RealtimeThread.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

using namespace stagedesk::engine;
namespace plugins = stagedesk::plugins;

namespace {

struct Options {
    int inputs = 64;
    int buses = 16;
    int frames = 64;
    double rate = 48000;
    double seconds = 10;
    int changesPerBlock = 4;
    int moving = 16; // channels whose faders are being ridden
    bool realtime = false;
    std::string insertUri; // --inserts: an LV2 plugin in every channel's slot 1, or none
    bool fxRack = false;   // --fx-rack: all FX slots running, in a second run
};

void usage(const char* argv0) {
    std::printf("usage: %s [--inputs N] [--buses N] [--frames N] [--rate HZ] [--seconds S] "
                "[--changes N] [--moving N] [--realtime] [--inserts URI] [--fx-rack]\n"
                "  --inputs   input channels, 1..%d (default 64)\n"
                "  --buses    mix buses, 0..%d (default 16)\n"
                "  --frames   frames per callback (default 64)\n"
                "  --rate     sample rate in Hz (default 48000)\n"
                "  --seconds  seconds of audio to render, timed (default 10)\n"
                "  --changes  fader moves posted per callback (default 4)\n"
                "  --moving   channels whose faders those moves ride, round robin\n"
                "             (default 16; --moving %d keeps every fader in motion)\n"
                "  --realtime run at SCHED_FIFO priority 70, as the audio thread does\n"
                "             (fewer preemptions in the worst case; the machine's other\n"
                "             work waits while this runs flat out)\n"
                "  --inserts  run again with this LV2 plugin in insert slot 1 of every\n"
                "             channel (one instance each) and print both loads\n"
                "  --fx-rack  run again with a stereo gain in all 8 FX slots, their\n"
                "             returns on main and sending to every bus; print both loads\n",
                argv0, kMaxInputs, kMaxBuses, kMaxInputs);
}

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            usage(argv[0]);
            std::exit(0);
        }
        if (a == "--realtime") {
            o.realtime = true;
            continue;
        }
        if (a == "--fx-rack") {
            o.fxRack = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s: missing value for %s\n", argv[0], a.c_str());
            return false;
        }
        if (a == "--inserts") {
            o.insertUri = argv[++i];
            continue;
        }
        char* end = nullptr;
        const char* v = argv[++i];
        const double d = std::strtod(v, &end);
        if (end == v || *end != '\0') {
            std::fprintf(stderr, "%s: bad value '%s' for %s\n", argv[0], v, a.c_str());
            return false;
        }
        if (a == "--inputs")
            o.inputs = static_cast<int>(d);
        else if (a == "--buses")
            o.buses = static_cast<int>(d);
        else if (a == "--frames")
            o.frames = static_cast<int>(d);
        else if (a == "--rate")
            o.rate = d;
        else if (a == "--seconds")
            o.seconds = d;
        else if (a == "--changes")
            o.changesPerBlock = static_cast<int>(d);
        else if (a == "--moving")
            o.moving = static_cast<int>(d);
        else {
            std::fprintf(stderr, "%s: unknown option %s\n", argv[0], a.c_str());
            return false;
        }
    }
    if (o.inputs < 1 || o.inputs > kMaxInputs || o.buses < 0 || o.buses > kMaxBuses ||
        o.frames < 1 || o.frames > 1 << 16 || o.rate < 8000 || o.rate > 384000 ||
        !(o.seconds > 0) || o.changesPerBlock < 0 || o.moving < 1) {
        std::fprintf(stderr, "%s: option out of range\n", argv[0]);
        usage(argv[0]);
        return false;
    }
    return true;
}

// A musical-ish source per channel: a tone plus band-wide noise in bursts
// (on ~300 ms, off ~200 ms, staggered per channel) over a -66 dBFS noise
// floor. Bursts peak around -10 dBFS: above the compressor threshold, and the
// gaps sit below the gate threshold.
class Source {
public:
    Source(int channel, double rate)
        : m_increment(2.0 * std::numbers::pi * (60.0 + 97.0 * channel) / rate),
          m_noise(0x9e3779b9u * static_cast<std::uint32_t>(channel + 1)),
          m_burstOn(static_cast<int>(0.3 * rate)), m_cycle(static_cast<int>(0.5 * rate)),
          m_position((channel * 1777) % m_cycle) {}

    void fill(float* out, int n) {
        for (int i = 0; i < n; ++i) {
            const bool on = m_position < m_burstOn;
            if (++m_position >= m_cycle)
                m_position = 0;
            const float noise = nextNoise();
            float x = 0.0005f * noise; // about -66 dBFS
            if (on)
                x += 0.22f * static_cast<float>(std::sin(m_phase)) + 0.08f * noise;
            m_phase += m_increment;
            if (m_phase > 2.0 * std::numbers::pi)
                m_phase -= 2.0 * std::numbers::pi;
            out[i] = x;
        }
    }

private:
    float nextNoise() { // xorshift32, uniform in [-1, 1)
        m_noise ^= m_noise << 13;
        m_noise ^= m_noise >> 17;
        m_noise ^= m_noise << 5;
        return static_cast<float>(m_noise) * (2.0f / 4294967296.0f) - 1.0f;
    }

    double m_phase = 0;
    double m_increment;
    std::uint32_t m_noise;
    int m_burstOn, m_cycle, m_position;
};

class Poster {
public:
    explicit Poster(Engine& e) : m_engine(e) {}
    void operator()(Target t, Param p, int index, int sub, float value) {
        const Command c{t, p, static_cast<std::uint16_t>(index), static_cast<std::uint16_t>(sub),
                        value};
        if (!m_engine.post(c))
            ++m_dropped;
    }
    long dropped() const { return m_dropped; }

private:
    Engine& m_engine;
    long m_dropped = 0;
};

// The whole console set up as a busy show: every stage on everywhere.
void setUpConsole(Poster& post, const Options& o) {
    static constexpr float kBandGainDb[kEqBands] = {3.0f, -4.0f, 2.5f, 4.0f};
    static constexpr float kBandFreqHz[kEqBands] = {120.0f, 400.0f, 2500.0f, 9000.0f};
    for (int ch = 0; ch < o.inputs; ++ch) {
        post(Target::Channel, Param::Trim, ch, 0, 3.0f);
        post(Target::Channel, Param::Invert, ch, 0, ch % 7 == 0 ? 1.0f : 0.0f);
        post(Target::Channel, Param::HpfOn, ch, 0, 1);
        post(Target::Channel, Param::HpfSlope, ch, 0, 24);
        post(Target::Channel, Param::HpfFreq, ch, 0, 80.0f + static_cast<float>(ch % 5) * 10.0f);
        post(Target::Channel, Param::GateOn, ch, 0, 1);
        post(Target::Channel, Param::GateThreshold, ch, 0, -45);
        post(Target::Channel, Param::GateRange, ch, 0, 40);
        post(Target::Channel, Param::GateAttack, ch, 0, 0.5f);
        post(Target::Channel, Param::GateHold, ch, 0, 20);
        post(Target::Channel, Param::GateRelease, ch, 0, 80);
        post(Target::Channel, Param::DynOn, ch, 0, 1);
        post(Target::Channel, Param::DynThreshold, ch, 0, -30);
        post(Target::Channel, Param::DynRatio, ch, 0, 4);
        post(Target::Channel, Param::DynKnee, ch, 0, 6);
        post(Target::Channel, Param::DynAttack, ch, 0, 5);
        post(Target::Channel, Param::DynRelease, ch, 0, 120);
        post(Target::Channel, Param::DynMakeup, ch, 0, 6);
        post(Target::Channel, Param::EqOn, ch, 0, 1);
        for (int b = 0; b < kEqBands; ++b) {
            post(Target::Channel, Param::EqBandOn, ch, b, 1);
            post(Target::Channel, Param::EqBandFreq, ch, b, kBandFreqHz[b]);
            post(Target::Channel, Param::EqBandGain, ch, b, kBandGainDb[b]);
            post(Target::Channel, Param::EqBandQ, ch, b, 1.2f);
        }
        post(Target::Channel, Param::Pan, ch, 0, static_cast<float>(ch % 9) / 4.0f - 1.0f);
        post(Target::Channel, Param::Fader, ch, 0, -10);
        post(Target::Channel, Param::On, ch, 0, 1);
        post(Target::Channel, Param::MainOn, ch, 0, 1);
        for (int bus = 0; bus < o.buses; ++bus) {
            post(Target::Channel, Param::SendOn, ch, bus, 1);
            post(Target::Channel, Param::SendTap, ch, bus, static_cast<float>((ch + bus) % 3));
            post(Target::Channel, Param::SendLevel, ch, bus,
                 -12.0f - static_cast<float>((ch * 5 + bus) % 12));
        }
    }
    auto sumStrip = [&](Target t, int index) {
        post(t, Param::DynOn, index, 0, 1);
        post(t, Param::DynThreshold, index, 0, -18);
        post(t, Param::DynRatio, index, 0, 2);
        post(t, Param::DynKnee, index, 0, 6);
        post(t, Param::DynAttack, index, 0, 10);
        post(t, Param::DynRelease, index, 0, 200);
        post(t, Param::DynMakeup, index, 0, 2);
        post(t, Param::EqOn, index, 0, 1);
        for (int b = 0; b < kEqBands; ++b) {
            post(t, Param::EqBandOn, index, b, 1);
            post(t, Param::EqBandGain, index, b, kBandGainDb[kEqBands - 1 - b]);
        }
        post(t, Param::Fader, index, 0, -6);
        post(t, Param::On, index, 0, 1);
    };
    for (int bus = 0; bus < o.buses; ++bus)
        sumStrip(Target::Bus, bus);
    sumStrip(Target::Main, 0);
}

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty())
        return 0;
    const double rank = p / 100.0 * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(rank);
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double f = rank - static_cast<double>(lo);
    return sorted[lo] * (1.0 - f) + sorted[hi] * f;
}

// One timed run of the console: each callback's time, and the proof that
// its stages (and its inserts) were working.
struct Measured {
    std::vector<double> ns; // per callback, sorted
    long blocks = 0, warmupBlocks = 0;
    long changesPosted = 0, dropped = 0;
    long channelBlocksCompressing = 0, channelBlocksGated = 0, busBlocksCompressing = 0;
    double mainPeak = 0;
    bool finite = true;
    EngineStats stats{};
    int inserts = 0;              // plugin instances in the channels' insert slots
    std::size_t insertFaults = 0; // slots the engine bypassed on its own (overrun, NaN)
    std::string insertError;      // why the inserts could not all be made, or empty
    float fxReturnPeak = 0;       // FX return 1, left, at the end: proof the rack ran

    double mean() const {
        double total = 0;
        for (double v : ns)
            total += v;
        return total / static_cast<double>(ns.size());
    }
    long xruns(double periodNs) const {
        return static_cast<long>(
            std::count_if(ns.begin(), ns.end(), [&](double v) { return v > periodNs; }));
    }
};

// One instance of the plugin in insert slot 1 of every channel, made as the
// insert host makes them (PluginInsert::create, off the audio thread) and
// handed over through the engine's queue, which is bounded: callbacks run
// until it takes the next one.
bool insertOnEveryChannel(Engine& engine, OfflineRenderer& renderer, plugins::PluginWorld& world,
                          const Options& o, Measured& m) {
    for (int ch = 0; ch < o.inputs; ++ch) {
        auto created = plugins::PluginInsert::create(world, {o.insertUri, 1, o.rate, nullptr});
        if (!created.insert) {
            m.insertError = created.error;
            return false;
        }
        std::unique_ptr<InsertProcessor> processor = std::move(created.insert);
        for (int tries = 0; !engine.postInsert(Target::Channel, ch, 0, processor); ++tries) {
            if (tries == 1000) {
                m.insertError =
                    "the engine refused the insert on channel " + std::to_string(ch + 1);
                return false;
            }
            renderer.renderBlock();
        }
        ++m.inserts;
    }
    return true;
}

// The cheapest stereo effect: what the FX rack itself costs, not a plugin.
class StereoGain final : public InsertProcessor {
public:
    int channels() const noexcept override { return 2; }
    int latencySamples() const noexcept override { return 0; }
    void rt_run(float* const* buffers, int frames) noexcept override {
        for (int c = 0; c < 2; ++c)
            for (int i = 0; i < frames; ++i)
                buffers[c][i] *= 0.5f;
    }
};

// Every FX slot fed from a bus and holding a StereoGain; every return with
// its EQ on, on main and sending to every bus.
void runFxRack(Engine& engine, OfflineRenderer& renderer, Poster& post, const Options& o) {
    for (int k = 0; k < kFxSlots && o.buses > 0; ++k) {
        post(Target::Fx, Param::FxSource, k, 0, static_cast<float>(k % o.buses));
        std::unique_ptr<InsertProcessor> processor = std::make_unique<StereoGain>();
        while (!engine.postInsert(Target::Fx, k, 0, processor))
            renderer.renderBlock();
        post(Target::FxReturn, Param::Fader, k, 0, -6);
        post(Target::FxReturn, Param::Pan, k, 0, static_cast<float>(k - 4) / 4.0f);
        for (int b = 0; b < kEqBands; ++b)
            post(Target::FxReturn, Param::EqBandGain, k, b, b % 2 ? -3.0f : 2.0f);
        for (int bus = 0; bus < o.buses; ++bus)
            post(Target::FxReturn, Param::SendLevel, k, bus, -20);
    }
}

// The busy console for o.seconds, every callback timed; with 'world', the
// plugin o.insertUri in every channel's first insert slot; with 'fxRack', the
// FX rack running (runFxRack).
Measured measure(const Options& o, plugins::PluginWorld* world, bool fxRack = false) {
    Measured m;
    EngineConfig config;
    config.inputs = o.inputs;
    config.buses = o.buses;
    config.sampleRate = o.rate;
    Engine engine(config);
    OfflineRenderer renderer(engine, o.frames);
    Poster post(engine);

    std::vector<Source> sources;
    sources.reserve(static_cast<std::size_t>(o.inputs));
    for (int ch = 0; ch < o.inputs; ++ch)
        sources.emplace_back(ch, o.rate);
    auto& inputs = renderer.blockInputs();
    auto fillInputs = [&] {
        for (int ch = 0; ch < o.inputs; ++ch)
            sources[static_cast<std::size_t>(ch)].fill(inputs[static_cast<std::size_t>(ch)].data(),
                                                       o.frames);
    };

    setUpConsole(post, o);
    if (world && !insertOnEveryChannel(engine, renderer, *world, o, m))
        return m;
    if (fxRack)
        runFxRack(engine, renderer, post, o);

    // Warm-up (not timed): applies the set-up, lets every glide (and the
    // inserts' fade-in) settle, warms the caches and the branch predictors.
    const double period = static_cast<double>(o.frames) / o.rate;
    m.warmupBlocks = std::max(1L, std::lround(0.25 / period));
    for (long b = 0; b < m.warmupBlocks; ++b) {
        fillInputs();
        renderer.renderBlock();
    }

    m.blocks = std::max(1L, std::lround(o.seconds / period));
    m.ns.resize(static_cast<std::size_t>(m.blocks));
    int nextChannel = 0;

    for (long b = 0; b < m.blocks; ++b) {
        fillInputs();

        // A few moves per callback: the faders of 'moving' channels riding
        // on a slow sine, and every eighth callback an EQ gain and a bus
        // fader, which redesign filters.
        const double t = static_cast<double>(b) * period;
        for (int k = 0; k < o.changesPerBlock; ++k) {
            const int ch = nextChannel;
            nextChannel = (nextChannel + 1) % o.moving;
            post(Target::Channel, Param::Fader, ch, 0,
                 static_cast<float>(-10.0 + 6.0 * std::sin(2.0 * std::numbers::pi * 0.5 * t + ch)));
            ++m.changesPosted;
        }
        if (o.changesPerBlock > 0 && b % 8 == 0) {
            const int ch = static_cast<int>((b / 8) % o.inputs);
            post(Target::Channel, Param::EqBandGain, ch, 1,
                 static_cast<float>(-4.0 + 2.0 * std::sin(t)));
            ++m.changesPosted;
            if (o.buses > 0) {
                post(Target::Bus, Param::Fader, static_cast<int>((b / 8) % o.buses), 0,
                     static_cast<float>(-6.0 + 3.0 * std::sin(t)));
                ++m.changesPosted;
            }
        }

        const auto start = std::chrono::steady_clock::now();
        renderer.renderBlock();
        const auto stop = std::chrono::steady_clock::now();
        m.ns[static_cast<std::size_t>(b)] = static_cast<double>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count());

        // Proof that the stages are working (not timed).
        const MeterSnapshot& meters = engine.readMeters();
        for (const MeterPoint& p : meters.channels) {
            m.channelBlocksCompressing += p.compReductionDb > 1.0f;
            m.channelBlocksGated += p.gateGain < 0.5f;
        }
        for (const MeterPoint& p : meters.buses)
            m.busBlocksCompressing += p.compReductionDb > 0.5f;
        for (float x : renderer.blockOutputs()[kMainLeftOutput]) {
            m.finite = m.finite && std::isfinite(x);
            m.mainPeak = std::max(m.mainPeak, static_cast<double>(std::fabs(x)));
        }
    }
    m.insertFaults = engine.drainInsertFaults([](const InsertFault&) {});
    m.fxReturnPeak = engine.readMeters().fxReturns[0][0].peak;
    std::sort(m.ns.begin(), m.ns.end());
    m.dropped = post.dropped();
    m.stats = engine.stats();
    return m;
}

void printActivity(const Options& o, const Measured& m) {
    const double channelBlocks = static_cast<double>(m.blocks) * o.inputs;
    std::printf(
        "activity    : channel comp > 1 dB in %.0f %% of callbacks, gate closing in %.0f %%, "
        "bus comp > 0.5 dB in %.0f %%, main L peak %.1f dBFS%s\n",
        100.0 * static_cast<double>(m.channelBlocksCompressing) / channelBlocks,
        100.0 * static_cast<double>(m.channelBlocksGated) / channelBlocks,
        o.buses ? 100.0 * static_cast<double>(m.busBlocksCompressing) /
                      (static_cast<double>(m.blocks) * o.buses)
                : 0.0,
        m.mainPeak > 0 ? 20.0 * std::log10(m.mainPeak) : -INFINITY,
        m.finite ? "" : "  NON-FINITE OUTPUT");
}

void printReport(const Options& o, const std::string& realtime, const Measured& m) {
    const double period = static_cast<double>(o.frames) / o.rate;
    const double periodNs = period * 1e9;
    const double mean = m.mean();
    auto pct = [&](double v) { return 100.0 * v / periodNs; };
    std::printf("engine_load: every stage on (HPF 24 dB/oct, gate, comp, 4-band EQ, all sends)\n");
    std::printf("config      : %d inputs, %d buses, %d frames, %.0f Hz, %.1f s of audio "
                "(%ld callbacks, %ld warm-up)\n",
                o.inputs, o.buses, o.frames, o.rate, static_cast<double>(m.blocks) * period,
                m.blocks, m.warmupBlocks);
    std::printf("moves       : %d fader moves per callback over %d channels; every 8th callback an "
                "EQ gain and a bus fader\n",
                o.changesPerBlock, o.moving);
    std::printf("thread      : %s\n", realtime.empty() ? "SCHED_FIFO priority 70"
                                      : o.realtime     ? "normal priority (SCHED_FIFO refused)"
                                                   : "normal priority (--realtime for SCHED_FIFO)");
    std::printf("period      : %.1f us per callback\n", periodNs / 1000.0);
    std::printf("mean        : %8.2f us  %6.2f %% of the period\n", mean / 1000.0, pct(mean));
    for (const auto& [name, p] : {std::pair{"median", 50.0}, std::pair{"p99", 99.0},
                                  std::pair{"p99.9", 99.9}, std::pair{"worst", 100.0}})
        std::printf("%-12s: %8.2f us  %6.2f %%\n", name, percentile(m.ns, p) / 1000.0,
                    pct(percentile(m.ns, p)));
    std::printf("per channel : %.3f ns per channel per sample (mean / (inputs * frames))\n",
                mean / (static_cast<double>(o.inputs) * o.frames));
    std::printf("xruns       : %ld callbacks longer than the period\n", m.xruns(periodNs));
    std::printf("changes     : %ld posted while timed (%ld dropped); engine applied %llu with the "
                "set-up, rejected %llu\n",
                m.changesPosted, m.dropped,
                static_cast<unsigned long long>(m.stats.commandsApplied),
                static_cast<unsigned long long>(m.stats.commandsRejected));
    printActivity(o, m);
}

// The same console again with the inserts, side by side with the run without.
void printWithInserts(const Options& o, const Measured& without, const Measured& with) {
    const double periodNs = static_cast<double>(o.frames) / o.rate * 1e9;
    auto pct = [&](double v) { return 100.0 * v / periodNs; };
    std::printf("\nwith inserts: %s in insert slot 1 of every channel (%d instances); "
                "%zu slots bypassed by the engine while timed\n",
                o.insertUri.c_str(), with.inserts, with.insertFaults);
    std::printf("              without inserts      with inserts        difference   per insert\n");
    const auto row = [&](const char* name, double a, double b) {
        std::printf("%-12s: %8.2f us %6.2f %%  %8.2f us %6.2f %%  %+9.2f us  %+8.3f us\n", name,
                    a / 1000.0, pct(a), b / 1000.0, pct(b), (b - a) / 1000.0,
                    (b - a) / 1000.0 / with.inserts);
    };
    row("mean", without.mean(), with.mean());
    for (const auto& [name, p] : {std::pair{"median", 50.0}, std::pair{"p99", 99.0},
                                  std::pair{"p99.9", 99.9}, std::pair{"worst", 100.0}})
        row(name, percentile(without.ns, p), percentile(with.ns, p));
    std::printf("xruns       : %ld without, %ld with (callbacks longer than the period)\n",
                without.xruns(periodNs), with.xruns(periodNs));
    printActivity(o, with);
}

// The FX rack's run next to the run without it.
void printWithFxRack(const Options& o, const Measured& without, const Measured& with) {
    const double periodNs = static_cast<double>(o.frames) / o.rate * 1e9;
    auto pct = [&](double v) { return 100.0 * v / periodNs; };
    std::printf("\nwith FX rack: a stereo gain in all %d FX slots, returns on main and sending to "
                "every bus; FX return 1 peak %.1f dBFS\n",
                kFxSlots, with.fxReturnPeak > 0 ? 20.0 * std::log10(with.fxReturnPeak) : -INFINITY);
    std::printf("              without FX rack      with FX rack        difference\n");
    const auto row = [&](const char* name, double a, double b) {
        std::printf("%-12s: %8.2f us %6.2f %%  %8.2f us %6.2f %%  %+9.2f us\n", name, a / 1000.0,
                    pct(a), b / 1000.0, pct(b), (b - a) / 1000.0);
    };
    row("mean", without.mean(), with.mean());
    for (const auto& [name, p] :
         {std::pair{"median", 50.0}, std::pair{"p99", 99.0}, std::pair{"worst", 100.0}})
        row(name, percentile(without.ns, p), percentile(with.ns, p));
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o))
        return 2;
    o.moving = std::min(o.moving, o.inputs);

    // Like the audio thread: SCHED_FIFO if asked and allowed, so that other
    // processes do not preempt the timed callbacks (the worst case shows it).
    const std::string realtime =
        o.realtime ? requestRealtimePriorityForThisThread() : std::string("not asked");

    const Measured without = measure(o, nullptr);
    printReport(o, realtime, without);
    if (o.fxRack) {
        const Measured fx = measure(o, nullptr, true);
        printWithFxRack(o, without, fx);
        if (!fx.finite)
            return 1;
    }
    if (o.insertUri.empty())
        return without.finite ? 0 : 1;

    plugins::PluginWorld world; // outlives the engine that runs its instances
    const Measured with = measure(o, &world);
    if (!with.insertError.empty()) {
        std::fprintf(stderr, "%s: --inserts %s: %s\n", argv[0], o.insertUri.c_str(),
                     with.insertError.c_str());
        return 1;
    }
    printWithInserts(o, without, with);
    return without.finite && with.finite ? 0 : 1;
}
