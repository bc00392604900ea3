#include "PlaybackTap.h"

#include <algorithm>

namespace stagedesk::engine::soundcheck {

bool PlaybackTap::start(FrameRing& ring, const PlaybackRouting& routing) {
    if (!m_switch.idle() || routing.tracks < 1 || routing.tracks != ring.tracks())
        return false;
    m_ring = &ring;
    m_routing = routing;
    m_underruns.store(0, std::memory_order_relaxed);
    m_played.store(0, std::memory_order_relaxed);
    return m_switch.requestStart();
}

bool PlaybackTap::rt_beginBlock(PlaybackBlock& out) noexcept {
    bool started = false;
    const bool running = m_switch.rt_running(started);
    if (started) // channels without a track play silence for the whole run
        for (auto& channel : out)
            channel.fill(0.0f);
    return running;
}

void PlaybackTap::rt_pull(int n, PlaybackBlock& out) noexcept {
    const int available = static_cast<int>(std::min(m_ring->readableFrames(), std::size_t(n)));
    const int tracks = m_routing.tracks;
    for (int i = 0; i < available; ++i) {
        const float* frame = m_ring->frameToRead(std::size_t(i));
        for (int t = 0; t < tracks; ++t)
            out[m_routing.channelOfTrack[std::size_t(t)]][std::size_t(i)] = frame[t];
    }
    m_ring->release(std::size_t(available));
    const std::uint64_t played =
        m_played.fetch_add(std::uint64_t(available), std::memory_order_relaxed) +
        std::uint64_t(available);
    if (available < n) {
        for (int t = 0; t < tracks; ++t)
            std::fill(out[m_routing.channelOfTrack[std::size_t(t)]].begin() + available,
                      out[m_routing.channelOfTrack[std::size_t(t)]].begin() + n, 0.0f);
        if (played < m_endFrames.load(std::memory_order_relaxed))
            m_underruns.fetch_add(1, std::memory_order_relaxed);
    }
}

} // namespace stagedesk::engine::soundcheck
