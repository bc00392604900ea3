#pragma once
// The signal generator: a sine (frequency, level), white or pink noise. The
// level is the signal's RMS in dBFS (a sine's peak is 3.01 dB above it).
// Off, it costs one comparison per sub-block; on and off glide over a few
// milliseconds so that switching it never clicks.

#include <cstdint>

namespace stagedesk::engine::soundcheck {

enum class GeneratorType : std::uint8_t { Sine = 0, White = 1, Pink = 2 };

class Generator {
public:
    explicit Generator(double sampleRate);

    void setOn(bool on) { m_on = on; }
    void setType(GeneratorType type) { m_type = type; }
    void setFrequency(float hz);
    void setLevelDb(float db);
    bool on() const { return m_on; }

    // Audio thread: true if there is anything to add this sub-block; then
    // 'out' holds n samples of the signal at its gain.
    bool rt_render(float* out, int n) noexcept;

private:
    float rt_white() noexcept;

    double m_rate;
    bool m_on = false;
    GeneratorType m_type = GeneratorType::Sine;
    double m_phase = 0, m_increment = 0;
    float m_levelGain = 0.1f; // -20 dBFS RMS
    float m_gain = 0;         // smoothed: on ? m_levelGain : 0
    float m_glide;            // one-pole per sub-block
    std::uint32_t m_noise = 0x12345678u;
    float m_pink[7] = {};
};

} // namespace stagedesk::engine::soundcheck
