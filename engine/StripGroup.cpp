#include "StripGroup.h"

#include "dsp/FastMath.h"

#include <cmath>
#include <cstring>
#include <numbers>

// The per-sub-block entry points are compiled for baseline x86-64, for AVX2+FMA
// and for AVX-512, chosen once at load time (GCC function multiversioning),
// so one shipped binary runs everywhere and uses the widest vectors it can.
#if defined(__x86_64__) && !defined(STAGEDESK_RTSAN) && !defined(__clang__)
#define STAGEDESK_SIMD_CLONES                                                                      \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define STAGEDESK_SIMD_CLONES
#endif

namespace stagedesk::engine {

namespace {
constexpr float kGainSmoothingMs = 5.0f;
constexpr float kCoefficientGlideMs = 5.0f;
constexpr float kMeterFallDbPerSecond = 20.0f;
constexpr float kMeterRmsWindowMs = 300.0f;

float perSubBlockPole(float timeMs, float sampleRate) {
    return std::exp(-static_cast<float>(dsp::kSubBlock) / (timeMs * 0.001f * sampleRate));
}
// Constant-power pan: -3 dB each side at centre. Hard left or right is true
// silence on the other side (float cos(pi/2) is not zero).
float constantPowerPan(float pan, bool right) {
    const float theta = (pan + 1.0f) * std::numbers::pi_v<float> / 4.0f;
    const float g = right ? std::sin(theta) : std::cos(theta);
    return g < 1e-6f ? 0.0f : g;
}
// An FX return's balance: each side at full level until the balance turns
// away from it, then down linearly to silence at the other end.
float balance(float pan, bool right) {
    return right ? std::min(1.0f, 1.0f + pan) : std::min(1.0f, 1.0f - pan);
}
// Each side of a stereo FX return into a mono mix bus or the solo bus.
constexpr float kReturnSideToMono = 0.5f;
float perSamplePole(float timeMs, float sampleRate) {
    return std::exp(-1.0f / std::max(timeMs * 0.001f * sampleRate, 1e-3f));
}
} // namespace

StripGroup::StripGroup(Kind kind, int firstStrip, int activeLanes, int busCount, double sampleRate,
                       InsertEvents& inserts)
    : m_kind(kind), m_activeLanes(activeLanes), m_busCount(takesInputs() ? busCount : 0),
      m_sampleRate(static_cast<float>(sampleRate)),
      m_rampDecay(perSubBlockPole(kGainSmoothingMs, m_sampleRate)),
      m_coeffGlide(1.0f - perSubBlockPole(kCoefficientGlideMs, m_sampleRate)),
      m_meterPeakDecay(dsp::dbToGain(-kMeterFallDbPerSecond * dsp::kSubBlock / m_sampleRate)),
      m_meterRmsCoefficient(1.0f - perSubBlockPole(kMeterRmsWindowMs, m_sampleRate)),
      m_sendPreEq(m_busCount), m_sendPreFader(m_busCount), m_sendPostFader(m_busCount),
      m_sendDecay(m_busCount), m_insertEvents(&inserts) {
    if (kind == Kind::Main) {
        m_inserts.emplace_back(Target::Main, 0, 2);
    } else if (kind != Kind::FxReturn) {
        for (int l = 0; l < activeLanes; ++l)
            m_inserts.emplace_back(kind == Kind::Channel ? Target::Channel : Target::Bus,
                                   firstStrip + l, 1);
    }
    if (kind == Kind::Channel)
        m_alignment = std::make_unique<dsp::LaneDelay>(kMaxInsertLatency);
    for (int l = 0; l < kLanes; ++l) {
        m_inputGain.target[l] = l < activeLanes ? 1.0f : 0.0f;
        m_meters.gateGain[l] = 1.0f;
        m_faderDecay[l] = m_rampDecay;
        for (auto& d : m_sendDecay)
            d[l] = m_rampDecay;
    }
}

void StripGroup::rt_setGainTargets(int lane, const StripParams& p, const StripTargets& t) {
    m_mute.target[lane] = t.muted ? 0.0f : 1.0f;
    m_fader.target[lane] = dsp::dbToGain(t.faderDb);
    m_faderDecay[lane] = t.faderFading ? 0.0f : m_rampDecay;
    const bool fxReturn = m_kind == Kind::FxReturn;
    const float toMono = fxReturn ? kReturnSideToMono : 1.0f;
    m_solo.target[lane] = p.solo ? toMono : 0.0f;
    if (!takesInputs())
        return;
    m_inputGain.target[lane] = dsp::dbToGain(p.trimDb) * (p.invert ? -1.0f : 1.0f);
    if (fxReturn) {
        const bool right = lane % 2 == 1;
        m_mainLeft.target[lane] = p.mainOn && !right ? balance(p.pan, false) : 0.0f;
        m_mainRight.target[lane] = p.mainOn && right ? balance(p.pan, true) : 0.0f;
    } else {
        m_mainLeft.target[lane] = p.mainOn ? constantPowerPan(p.pan, false) : 0.0f;
        m_mainRight.target[lane] = p.mainOn ? constantPowerPan(p.pan, true) : 0.0f;
    }
    for (int b = 0; b < m_busCount; ++b) {
        const SendParams& send = p.sends[b];
        const float level = send.on ? dsp::dbToGain(send.levelDb) * toMono : 0.0f;
        m_sendPreEq[b].target[lane] = send.tap == SendTap::PreEq ? level : 0.0f;
        m_sendPreFader[b].target[lane] = send.tap == SendTap::PreFader ? level : 0.0f;
        m_sendPostFader[b].target[lane] = send.tap == SendTap::PostFader ? level : 0.0f;
        m_sendDecay[b][lane] = (t.sendsFading >> b) & 1u ? 0.0f : m_rampDecay;
    }
}

void StripGroup::rt_setProcessingTargets(int lane, const StripParams& p) {
    const double rate = m_sampleRate;
    if (takesInputs()) {
        for (int s = 0; s < 2; ++s)
            m_hpf[s].setTarget(lane, p.hpfOn ? dsp::designHighPass(p.hpfSlope, s, p.hpfHz, rate)
                                             : dsp::BiquadCoeffs::identity());
        m_gate.thresholdGain[lane] = p.gateOn ? dsp::dbToGain(p.gateThresholdDb) : 0.0f;
        m_gate.closedGain[lane] = p.gateOn ? dsp::dbToGain(-p.gateRangeDb) : 1.0f;
        m_gate.attackCoefficient[lane] = 1.0f - perSamplePole(p.gateAttackMs, m_sampleRate);
        m_gate.releaseCoefficient[lane] = 1.0f - perSamplePole(p.gateReleaseMs, m_sampleRate);
        m_gate.holdSamples[lane] = p.gateHoldMs * 0.001f * m_sampleRate;
    }

    m_comp.thresholdDb[lane] = p.dynThresholdDb;
    m_comp.ratio[lane] = p.dynOn ? p.dynRatio : 1.0f;
    m_comp.kneeDb[lane] = p.dynKneeDb;
    m_comp.attackPole[lane] = perSamplePole(p.dynAttackMs, m_sampleRate);
    m_comp.releasePole[lane] = perSamplePole(p.dynReleaseMs, m_sampleRate);
    m_comp.makeup.target[lane] = p.dynOn ? dsp::dbToGain(p.dynMakeupDb) : 1.0f;

    for (int b = 0; b < kEqBands; ++b) {
        const EqBandParams& band = p.eq[b];
        m_eq[b].setTarget(lane, p.eqOn && band.on ? dsp::designEqBand(band.type, band.freqHz,
                                                                      band.gainDb, band.q, rate)
                                                  : dsp::BiquadCoeffs::identity());
    }
}

void StripGroup::snapToTargets() {
    for (dsp::GainRamp* r :
         {&m_inputGain, &m_mute, &m_fader, &m_solo, &m_mainLeft, &m_mainRight, &m_comp.makeup})
        r->snap();
    for (auto* sends : {&m_sendPreEq, &m_sendPreFader, &m_sendPostFader})
        for (auto& r : *sends)
            r.snap();
    for (auto& f : m_hpf)
        f.snap();
    for (auto& f : m_eq)
        f.snap();
}

// Inlined into the two entry points, so that it is compiled for AVX2 too.
[[gnu::always_inline]] inline void StripGroup::rt_advanceSmoothing() {
    for (dsp::GainRamp* r :
         {&m_inputGain, &m_mute, &m_solo, &m_mainLeft, &m_mainRight, &m_comp.makeup})
        r->rt_advance(m_rampDecay);
    m_fader.rt_advance(dsp::loadLanes(m_faderDecay));
    m_anyPreEqSend = false;
    for (int b = 0; b < m_busCount; ++b) {
        const dsp::LaneVec decay = dsp::loadLanes(m_sendDecay[b]);
        m_sendPreEq[b].rt_advance(decay);
        m_sendPreFader[b].rt_advance(decay);
        m_sendPostFader[b].rt_advance(decay);
        m_anyPreEqSend = m_anyPreEqSend || !m_sendPreEq[b].silent;
    }
    for (auto& f : m_hpf)
        f.rt_advance(m_coeffGlide);
    for (auto& f : m_eq)
        f.rt_advance(m_coeffGlide);
}

void StripGroup::releaseInserts() {
    for (InsertRack& r : m_inserts)
        r.release();
}

// Takes each strip that has inserts at this point out of its lane, runs its
// rack, and puts it back. Strips without inserts cost one check.
void StripGroup::rt_runInserts(InsertPosition position, LaneBlock& buf, int frames) {
    float* io[2] = {m_insertIo[0], m_insertIo[1]};
    for (std::size_t r = 0; r < m_inserts.size(); ++r) {
        InsertRack& rack = m_inserts[r];
        if (!rack.usesPosition(position))
            continue;
        const int firstLane = static_cast<int>(r); // main: lanes 0 and 1
        for (int c = 0; c < rack.channels(); ++c)
            for (int i = 0; i < frames; ++i)
                io[c][i] = buf.s[i][firstLane + c];
        rack.rt_process(position, io, frames, *m_insertEvents);
        for (int c = 0; c < rack.channels(); ++c)
            for (int i = 0; i < frames; ++i)
                buf.s[i][firstLane + c] = io[c][i];
    }
}

[[gnu::always_inline]] inline void StripGroup::rt_runDynamicsAndEq(LaneBlock& buf, int frames,
                                                                   bool keepPreEq) {
    if (takesInputs()) {
        dsp::rt_processCascade(m_hpf, buf, frames);
        if (m_gate.idle()) {
            m_meters.gateGain = LaneValues{};
            for (int l = 0; l < kLanes; ++l)
                m_meters.gateGain[l] = 1.0f;
        } else {
            m_gate.rt_process(buf, frames);
            m_meters.gateGain = m_gate.minGainThisBlock;
        }
    }
    if (m_comp.idle()) {
        m_meters.compReductionDb = LaneValues{};
    } else {
        m_comp.rt_process(buf, frames);
        m_meters.compReductionDb = m_comp.maxReductionThisBlock;
    }
    rt_runInserts(InsertPosition::PreEq, buf, frames);
    if (keepPreEq)
        m_preEq = buf;
    dsp::rt_processCascade(m_eq, buf, frames);
    rt_runInserts(InsertPosition::PostEq, buf, frames);
}

[[gnu::always_inline]] inline void StripGroup::rt_meter(const LaneBlock& buf, int frames) {
    // All lanes in one vector (dsp::LaneVec): these per-lane sums over the
    // samples do not auto-vectorise.
    const dsp::LaneVec zero{}, one = dsp::splatLanes(1.0f);
    dsp::LaneVec vpeak{}, vsum{}, vclips{};
    for (int i = 0; i < frames; ++i) {
        const dsp::LaneVec x = dsp::absLanes(dsp::loadLanes(buf.s[i]));
        vpeak = dsp::maxLanes(vpeak, x);
        vsum += x * x;
        vclips += x >= 1.0f ? one : zero;
    }
    LaneValues peak, sumSquares, clips;
    dsp::storeLanes(peak, vpeak);
    dsp::storeLanes(sumSquares, vsum);
    dsp::storeLanes(clips, vclips);
    const float inv = 1.0f / static_cast<float>(frames);
    for (int l = 0; l < kLanes; ++l) {
        m_meters.peak[l] = std::max(peak[l], m_meters.peak[l] * m_meterPeakDecay);
        m_meters.meanSquare[l] +=
            (sumSquares[l] * inv - m_meters.meanSquare[l]) * m_meterRmsCoefficient;
        m_meters.clips[l] += clips[l];
    }
}

STAGEDESK_SIMD_CLONES
void StripGroup::rt_processChannels(const float* const* laneInputs, int frames,
                                    LaneBlock* postPreamp) {
    rt_advanceSmoothing();
    for (int l = 0; l < kLanes; ++l) {
        const float* in = laneInputs[l];
        for (int i = 0; i < frames; ++i)
            m_buf.s[i][l] = in[i];
    }
    if (m_alignment)
        m_alignment->rt_process(m_buf, frames);
    dsp::applyRamped(m_buf, m_inputGain, frames);
    if (postPreamp)
        std::memcpy(postPreamp->s, m_buf.s, sizeof(float) * kLanes * std::size_t(frames));
    const bool fxReturn = m_kind == Kind::FxReturn;
    if (!fxReturn)
        rt_meter(m_buf, frames);
    rt_runDynamicsAndEq(m_buf, frames, m_anyPreEqSend);

    if (!m_solo.silent)
        m_preMute = m_buf;
    // Mute every tap, then the fader for main and post-fader sends.
    dsp::applyRamped(m_buf, m_mute, frames);
    if (m_anyPreEqSend)
        dsp::applyRamped(m_preEq, m_mute, frames);
    bool needPostFader = fxReturn || !m_mainLeft.silent || !m_mainRight.silent;
    for (int b = 0; b < m_busCount && !needPostFader; ++b)
        needPostFader = !m_sendPostFader[b].silent;
    if (needPostFader) {
        m_postFader = m_buf;
        dsp::applyRamped(m_postFader, m_fader, frames);
    }
    if (fxReturn)
        rt_meter(m_postFader, frames);
}

STAGEDESK_SIMD_CLONES
void StripGroup::rt_mixMain(int frames, LaneBlock& left, LaneBlock& right) const {
    const dsp::MixTerm l{&m_postFader, &m_mainLeft}, r{&m_postFader, &m_mainRight};
    dsp::mixTerms(&l, m_mainLeft.silent ? 0 : 1, frames, left);
    dsp::mixTerms(&r, m_mainRight.silent ? 0 : 1, frames, right);
}

STAGEDESK_SIMD_CLONES
void StripGroup::rt_mixBus(int b, int frames, LaneBlock& bus) const {
    dsp::MixTerm terms[3];
    int count = 0;
    for (const dsp::MixTerm t :
         {dsp::MixTerm{&m_postFader, &m_sendPostFader[b]}, dsp::MixTerm{&m_buf, &m_sendPreFader[b]},
          dsp::MixTerm{&m_preEq, &m_sendPreEq[b]}})
        if (!t.gain->silent)
            terms[count++] = t;
    dsp::mixTerms(terms, count, frames, bus);
}

STAGEDESK_SIMD_CLONES
void StripGroup::rt_mixSolo(int frames, LaneBlock& acc) const {
    const dsp::MixTerm t{takesInputs() ? &m_preMute : &m_buf, &m_solo};
    dsp::mixTerms(&t, m_solo.silent ? 0 : 1, frames, acc);
}

STAGEDESK_SIMD_CLONES
void StripGroup::rt_processSums(const LaneBlock& sums, int frames, float* const* laneOutputs) {
    rt_advanceSmoothing();
    for (int i = 0; i < frames; ++i)
        for (int l = 0; l < kLanes; ++l)
            m_buf.s[i][l] = sums.s[i][l];
    rt_runDynamicsAndEq(m_buf, frames, false);
    dsp::applyRamped(m_buf, m_mute, frames);
    dsp::applyRamped(m_buf, m_fader, frames);
    rt_meter(m_buf, frames);
    for (int l = 0; l < m_activeLanes; ++l) {
        float* out = laneOutputs[l];
        if (!out)
            continue;
        for (int i = 0; i < frames; ++i)
            out[i] = m_buf.s[i][l];
    }
}

} // namespace stagedesk::engine
