#include "Generator.h"

#include "dsp/FastMath.h"
#include "dsp/Lanes.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stagedesk::engine::soundcheck {

namespace {
// Uniform white noise in -1..1 has an RMS of 1/sqrt(3).
constexpr float kWhiteToUnitRms = 1.7320508f;
// Paul Kellet's pink filter (refined) on unit-RMS white noise has an RMS
// of about 3.3 at 48 kHz; this brings it back to unit RMS.
constexpr float kPinkToUnitRms = 1.0f / 3.3f;
} // namespace

Generator::Generator(double sampleRate)
    : m_rate(sampleRate), m_glide(std::exp(-float(dsp::kSubBlock) / (0.005f * float(sampleRate)))) {
    setFrequency(1000);
}

void Generator::setFrequency(float hz) {
    const double nyquist = m_rate * 0.5;
    m_increment = 2.0 * std::numbers::pi * std::clamp(double(hz), 10.0, nyquist * 0.95) / m_rate;
}

void Generator::setLevelDb(float db) {
    m_levelGain = dsp::dbToGain(std::clamp(db, -144.0f, 0.0f));
}

float Generator::rt_white() noexcept {
    m_noise ^= m_noise << 13;
    m_noise ^= m_noise >> 17;
    m_noise ^= m_noise << 5;
    return (float(m_noise) * (2.0f / 4294967296.0f) - 1.0f) * kWhiteToUnitRms;
}

bool Generator::rt_render(float* out, int n) noexcept {
    const float target = m_on ? m_levelGain : 0.0f;
    const float from = m_gain;
    float to = target + (from - target) * m_glide;
    if (std::fabs(to - target) < 1e-6f)
        to = target;
    m_gain = to;
    if (from == 0 && to == 0)
        return false;
    const float step = (to - from) / float(n);
    float* p = m_pink;
    for (int i = 0; i < n; ++i) {
        float x;
        switch (m_type) {
        case GeneratorType::Sine:
            x = float(std::sin(m_phase)) * std::numbers::sqrt2_v<float>;
            m_phase += m_increment;
            if (m_phase >= 2.0 * std::numbers::pi)
                m_phase -= 2.0 * std::numbers::pi;
            break;
        case GeneratorType::White:
            x = rt_white();
            break;
        default: {
            const float w = rt_white();
            p[0] = 0.99886f * p[0] + w * 0.0555179f;
            p[1] = 0.99332f * p[1] + w * 0.0750759f;
            p[2] = 0.96900f * p[2] + w * 0.1538520f;
            p[3] = 0.86650f * p[3] + w * 0.3104856f;
            p[4] = 0.55000f * p[4] + w * 0.5329522f;
            p[5] = -0.7616f * p[5] - w * 0.0168980f;
            x = (p[0] + p[1] + p[2] + p[3] + p[4] + p[5] + p[6] + w * 0.5362f) * kPinkToUnitRms;
            p[6] = w * 0.115926f;
            break;
        }
        }
        out[i] = x * (from + step * float(i + 1));
    }
    return true;
}

} // namespace stagedesk::engine::soundcheck
