#pragma once
// Line-check statistics of every input, measured on the raw inputs over
// windows of about a quarter of a second and published whole through a
// triple buffer: level, peak, clips and the correlation of each channel with
// the next one (strongly negative on two microphones of one source = a
// polarity flip). Off, it costs nothing.

#include "rt/TripleBuffer.h"

#include <cstdint>
#include <vector>

namespace stagedesk::engine::soundcheck {

struct LineStats {
    float rms = 0;                 // linear, over the window
    float peak = 0;                // linear, over the window
    std::uint64_t clips = 0;       // samples at or above full scale since line check went on
    float correlationWithNext = 0; // -1..1 with the next channel over the window
};

struct LineCheckSnapshot {
    std::vector<LineStats> channels;
    std::uint64_t windows = 0; // windows measured since line check went on
};

class LineCheckTap {
public:
    LineCheckTap(int channels, double sampleRate);

    // Reader thread (one).
    const LineCheckSnapshot& read() {
        m_published.update();
        return m_published.front();
    }

    // Audio thread.
    void rt_setOn(bool on) noexcept;
    bool rt_on() const noexcept { return m_on; }
    // One sub-block of every channel's raw input.
    void rt_measure(const float* const* channelInputs, int n) noexcept;

private:
    void rt_publish() noexcept;

    struct Sums {
        double squares = 0, productWithNext = 0;
        float peak = 0;
    };
    int m_channels;
    int m_windowFrames;
    bool m_on = false;
    int m_frames = 0;
    std::uint64_t m_windows = 0;
    std::vector<Sums> m_sums;
    std::vector<std::uint64_t> m_clips;
    rt::TripleBuffer<LineCheckSnapshot> m_published;
};

} // namespace stagedesk::engine::soundcheck
