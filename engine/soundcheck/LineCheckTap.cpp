#include "LineCheckTap.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::engine::soundcheck {

namespace {
LineCheckSnapshot sized(int channels) {
    LineCheckSnapshot s;
    s.channels.resize(std::size_t(channels));
    return s;
}
} // namespace

LineCheckTap::LineCheckTap(int channels, double sampleRate)
    : m_channels(channels), m_windowFrames(std::max(1, int(sampleRate * 0.25))),
      m_sums(std::size_t(channels)), m_clips(std::size_t(channels)), m_published(sized(channels)) {}

void LineCheckTap::rt_setOn(bool on) noexcept {
    if (on && !m_on) {
        std::fill(m_sums.begin(), m_sums.end(), Sums{});
        std::fill(m_clips.begin(), m_clips.end(), 0);
        m_frames = 0;
        m_windows = 0;
    }
    m_on = on;
}

void LineCheckTap::rt_measure(const float* const* in, int n) noexcept {
    for (int ch = 0; ch < m_channels; ++ch) {
        Sums& s = m_sums[std::size_t(ch)];
        const float* x = in[ch];
        const float* next = ch + 1 < m_channels ? in[ch + 1] : nullptr;
        double squares = 0, products = 0;
        float peak = s.peak;
        std::uint64_t clips = 0;
        for (int i = 0; i < n; ++i) {
            const float a = std::fabs(x[i]);
            squares += double(x[i]) * x[i];
            peak = std::max(peak, a);
            clips += a >= 1.0f;
        }
        if (next)
            for (int i = 0; i < n; ++i)
                products += double(x[i]) * next[i];
        s.squares += squares;
        s.productWithNext += products;
        s.peak = peak;
        m_clips[std::size_t(ch)] += clips;
    }
    m_frames += n;
    if (m_frames >= m_windowFrames)
        rt_publish();
}

void LineCheckTap::rt_publish() noexcept {
    LineCheckSnapshot& out = m_published.back();
    for (int ch = 0; ch < m_channels; ++ch) {
        const Sums& s = m_sums[std::size_t(ch)];
        LineStats& line = out.channels[std::size_t(ch)];
        line.rms = float(std::sqrt(s.squares / m_frames));
        line.peak = s.peak;
        line.clips = m_clips[std::size_t(ch)];
        const double nextSquares = ch + 1 < m_channels ? m_sums[std::size_t(ch + 1)].squares : 0.0;
        const double norm = std::sqrt(s.squares * nextSquares);
        line.correlationWithNext = norm > 0 ? float(s.productWithNext / norm) : 0.0f;
    }
    out.windows = ++m_windows;
    m_published.publish();
    std::fill(m_sums.begin(), m_sums.end(), Sums{});
    m_frames = 0;
}

} // namespace stagedesk::engine::soundcheck
