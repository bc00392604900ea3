#pragma once
// A delay of 0..maxDelay samples per lane. The engine delays each channel's
// input by what its inserts add less than the slowest channel's, so that every
// channel reaches the buses and main aligned (delay compensation).

#include "Lanes.h"

#include <array>
#include <vector>

namespace stagedesk::dsp {

class LaneDelay {
public:
    explicit LaneDelay(int maxDelay) : m_size(maxDelay + kSubBlock), m_ring(std::size_t(m_size)) {}

    void setDelay(int lane, int samples) {
        m_delay[std::size_t(lane)] = samples;
        m_any = false;
        for (int d : m_delay)
            m_any = m_any || d > 0;
    }
    int delay(int lane) const { return m_delay[std::size_t(lane)]; }

    // The ring always records, so that a delay set later starts from the real
    // past signal; the block is only rewritten when some lane is delayed.
    void rt_process(LaneBlock& buf, int frames) {
        for (int i = 0; i < frames; ++i)
            std::memcpy(m_ring[std::size_t(wrap(m_write + i))].v, buf.s[i], sizeof(buf.s[i]));
        if (m_any)
            for (int i = 0; i < frames; ++i)
                for (int l = 0; l < kLanes; ++l)
                    buf.s[i][l] =
                        m_ring[std::size_t(wrap(m_write + i - m_delay[std::size_t(l)]))][l];
        m_write = wrap(m_write + frames);
    }

private:
    int wrap(int i) const { return i < 0 ? i + m_size : (i >= m_size ? i - m_size : i); }

    int m_size; // > the longest delay plus a sub-block: reads never meet this block's writes
    std::vector<LaneValues> m_ring;
    std::array<int, kLanes> m_delay{};
    bool m_any = false;
    int m_write = 0;
};

} // namespace stagedesk::dsp
