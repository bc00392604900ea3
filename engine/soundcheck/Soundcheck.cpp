#include "Soundcheck.h"

#include "dsp/FastMath.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::engine::soundcheck {

Soundcheck::Soundcheck(const EngineConfig& config)
    : m_inputs(config.inputs), m_buses(config.buses),
      m_glide(std::exp(-float(dsp::kSubBlock) / (0.005f * float(config.sampleRate)))),
      m_switchStep(float(dsp::kSubBlock) / (0.010f * float(config.sampleRate))),
      m_lineCheck(config.inputs, config.sampleRate), m_generator(config.sampleRate) {}

bool Soundcheck::Ramp::rt_advance(float glide, float& from) noexcept {
    from = value;
    value = target + (value - target) * glide;
    if (std::fabs(value - target) < 1e-6f)
        value = target;
    return from != 0 || value != 0;
}

void Soundcheck::rt_refreshSelection() noexcept {
    for (int ch = 0; ch < m_inputs; ++ch)
        m_mixTarget[std::size_t(ch)] = m_routSwitch || m_playbackOn[std::size_t(ch)] ? 1.0f : 0.0f;
    m_switchActive = true; // until the next sub-block finds every channel live
}

bool Soundcheck::rt_apply(const Command& c) noexcept {
    if (!std::isfinite(c.value))
        return false;
    const bool on = c.value >= 0.5f;
    if (c.param == Param::PlaybackOn) {
        if (c.target != Target::Channel || c.index >= m_inputs)
            return false;
        m_playbackOn[c.index] = on;
        rt_refreshSelection();
        return true;
    }
    auto setBit = [on](std::uint32_t& mask, int bit) {
        mask = on ? (mask | (1u << bit)) : (mask & ~(1u << bit));
    };
    switch (c.param) {
    case Param::RoutSwitch:
        m_routSwitch = on;
        rt_refreshSelection();
        return true;
    case Param::GenOn:
        m_generator.setOn(on);
        return true;
    case Param::GenType:
        if (c.value < 0 || c.value > float(GeneratorType::Pink))
            return false;
        m_generator.setType(GeneratorType(int(c.value)));
        return true;
    case Param::GenFreq:
        m_generator.setFrequency(c.value);
        return true;
    case Param::GenLevel:
        m_generator.setLevelDb(c.value);
        return true;
    case Param::GenMain:
        m_genMain = on;
        return true;
    case Param::GenBus:
        if (c.sub >= m_buses)
            return false;
        setBit(m_genBuses, c.sub);
        return true;
    case Param::TalkOn:
        m_talkOn = on;
        break;
    case Param::TalkInput:
        if (c.value < 0 || c.value >= float(m_inputs))
            return false;
        m_talkInput = int(c.value);
        return true;
    case Param::TalkLevel:
        m_talkLevelGain = dsp::dbToGain(std::clamp(c.value, -144.0f, 18.0f));
        break;
    case Param::TalkBus:
        if (c.sub >= m_buses)
            return false;
        setBit(m_talkBuses, c.sub);
        return true;
    case Param::TalkDim:
        m_talkDimGain = dsp::dbToGain(std::clamp(c.value, -144.0f, 0.0f));
        break;
    case Param::RtaSource: {
        const auto kind = RtaSourceKind(c.sub);
        const int limit = kind == RtaSourceKind::Channel ? m_inputs
                          : kind == RtaSourceKind::Bus   ? m_buses
                                                         : 1;
        if (c.sub > std::uint16_t(RtaSourceKind::Main) || c.index >= limit)
            return false;
        m_rta.rt_select(kind, c.index);
        return true;
    }
    case Param::LineCheckOn:
        m_lineCheck.rt_setOn(on);
        return true;
    default:
        return false;
    }
    // Talkback changed: its gain and main's dim glide to the new targets.
    m_talk.target = m_talkOn ? m_talkLevelGain : 0.0f;
    m_dim.target = m_talkOn ? m_talkDimGain : 1.0f;
    return true;
}

void Soundcheck::rt_beginBlock(std::uint64_t samplePosition) noexcept {
    m_recording = m_record.rt_beginBlock(samplePosition);
    m_playing = m_playback.rt_beginBlock(m_playbackSignal);
}

const float* const* Soundcheck::rt_channelInputs(const float* const* inputs, int inputCount,
                                                 int offset, int n) noexcept {
    const bool recordInputs = m_recording && !m_record.rt_postPreamp();
    const bool talk = m_talk.value != 0 || m_talk.target != 0;
    if (!(m_switchActive || recordInputs || m_playing || talk || m_lineCheck.rt_on()))
        return nullptr;
    for (int ch = 0; ch < m_inputs; ++ch)
        m_live[std::size_t(ch)] =
            ch < inputCount && inputs[ch] ? inputs[ch] + offset : m_silence.data();
    if (recordInputs)
        m_record.rt_captureInputs(m_live.data(), n);
    if (m_lineCheck.rt_on())
        m_lineCheck.rt_measure(m_live.data(), n);
    if (m_playing)
        m_playback.rt_pull(n, m_playbackSignal);
    if (!m_switchActive)
        return nullptr;

    bool anyPlayback = false;
    for (int ch = 0; ch < m_inputs; ++ch) {
        const auto c = std::size_t(ch);
        const float from = m_mix[c], target = m_mixTarget[c];
        const float to = from < target ? std::min(target, from + m_switchStep)
                                       : std::max(target, from - m_switchStep);
        m_mix[c] = to;
        anyPlayback = anyPlayback || to != 0;
        const float* playback = m_playing ? m_playbackSignal[c].data() : m_silence.data();
        if (from == 0 && to == 0) {
            m_heard[c] = m_live[c];
        } else if (from == 1 && to == 1) {
            m_heard[c] = playback;
        } else { // crossfading: equal gain, the two carry the same programme
            const float* live = m_live[c];
            float* out = m_mixed[c].data();
            const float step = (to - from) / float(n);
            for (int i = 0; i < n; ++i) {
                const float g = from + step * float(i + 1);
                out[i] = live[i] + (playback[i] - live[i]) * g;
            }
            m_heard[c] = out;
            anyPlayback = true;
        }
    }
    m_switchActive = anyPlayback;
    return m_heard.data();
}

void Soundcheck::rt_afterChannels(const dsp::LaneBlock* postPreamp, int n) noexcept {
    if (rt_wantsPostPreamp())
        m_record.rt_captureLanes(postPreamp, n);
}

void Soundcheck::rt_addToBuses(std::vector<dsp::LaneBlock>& busSums, int n) noexcept {
    m_genActive = m_generator.rt_render(m_genSignal.data(), n);
    m_talkActive = m_talk.rt_advance(m_glide, m_talkFrom);
    m_dim.rt_advance(m_glide, m_dimFrom);
    m_dimActive = m_dimFrom != 1 || m_dim.value != 1;
    const std::uint32_t genBuses = m_genActive ? m_genBuses : 0;
    const std::uint32_t talkBuses = m_talkActive ? m_talkBuses : 0;
    if (!(genBuses | talkBuses))
        return;
    const float* talk = m_live[std::size_t(m_talkInput)];
    const float talkStep = (m_talk.value - m_talkFrom) / float(n);
    for (int b = 0; b < m_buses; ++b) {
        const std::uint32_t bit = 1u << b;
        dsp::LaneBlock& sums = busSums[std::size_t(b / dsp::kLanes)];
        const int lane = b % dsp::kLanes;
        if (genBuses & bit)
            for (int i = 0; i < n; ++i)
                sums.s[i][lane] += m_genSignal[std::size_t(i)];
        if (talkBuses & bit)
            for (int i = 0; i < n; ++i)
                sums.s[i][lane] += talk[i] * (m_talkFrom + talkStep * float(i + 1));
    }
}

void Soundcheck::rt_addToMain(dsp::LaneBlock& mainSums, int n) noexcept {
    if (m_dimActive) {
        const float step = (m_dim.value - m_dimFrom) / float(n);
        for (int i = 0; i < n; ++i) {
            const float g = m_dimFrom + step * float(i + 1);
            mainSums.s[i][0] *= g;
            mainSums.s[i][1] *= g;
        }
    }
    if (m_genActive && m_genMain)
        for (int i = 0; i < n; ++i) {
            mainSums.s[i][0] += m_genSignal[std::size_t(i)];
            mainSums.s[i][1] += m_genSignal[std::size_t(i)];
        }
}

void Soundcheck::rt_endBlock(const float* const* inputs, int inputCount,
                             const float* const* outputs, int outputCount, int frames) noexcept {
    const int index = m_rta.rt_index();
    const float* source = nullptr;
    switch (m_rta.rt_kind()) {
    case RtaSourceKind::Off:
        return;
    case RtaSourceKind::Channel:
        source = index < inputCount ? inputs[index] : nullptr;
        break;
    case RtaSourceKind::Bus:
        source = busOutput(index) < outputCount ? outputs[busOutput(index)] : nullptr;
        break;
    case RtaSourceKind::Main:
        source = kMainLeftOutput < outputCount ? outputs[kMainLeftOutput] : nullptr;
        break;
    }
    if (source)
        m_rta.rt_capture(source, frames);
}

} // namespace stagedesk::engine::soundcheck
