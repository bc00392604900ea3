#include "RecordTap.h"

namespace stagedesk::engine::soundcheck {

bool RecordTap::start(FrameRing& ring, const RecordRouting& routing) {
    if (!m_switch.idle() || routing.tracks < 1 || routing.tracks != ring.tracks())
        return false;
    // The audio thread reads these only after acquiring the start request.
    m_ring = &ring;
    m_routing = routing;
    m_dropped.store(0, std::memory_order_relaxed);
    return m_switch.requestStart();
}

bool RecordTap::rt_beginBlock(std::uint64_t samplePosition) noexcept {
    bool started = false;
    const bool running = m_switch.rt_running(started);
    if (started)
        m_startSample.store(samplePosition, std::memory_order_release);
    return running;
}

template <typename SampleOf> void RecordTap::rt_capture(int n, SampleOf&& sampleOf) noexcept {
    if (m_ring->writableFrames() < std::size_t(n)) {
        m_dropped.fetch_add(std::uint64_t(n), std::memory_order_relaxed);
        return;
    }
    const int tracks = m_routing.tracks;
    for (int i = 0; i < n; ++i) {
        float* frame = m_ring->frameToWrite(std::size_t(i));
        for (int t = 0; t < tracks; ++t)
            frame[t] = sampleOf(m_routing.channelOfTrack[std::size_t(t)], i);
    }
    m_ring->publish(std::size_t(n));
}

void RecordTap::rt_captureInputs(const float* const* channelInputs, int n) noexcept {
    rt_capture(n, [channelInputs](int ch, int i) { return channelInputs[ch][i]; });
}

void RecordTap::rt_captureLanes(const dsp::LaneBlock* groups, int n) noexcept {
    rt_capture(n,
               [groups](int ch, int i) { return groups[ch / dsp::kLanes].s[i][ch % dsp::kLanes]; });
}

} // namespace stagedesk::engine::soundcheck
