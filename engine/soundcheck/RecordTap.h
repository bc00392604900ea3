#pragma once
// The audio-thread side of the multitrack recorder: copies the chosen
// channels' signals, before or after the preamp (trim and polarity), into a
// ring of interleaved frames that a disk writer empties. Every track of a
// frame comes from the same sample, so the tracks of a take are aligned.

#include "ConsoleSize.h"
#include "dsp/Lanes.h"
#include "soundcheck/FrameRing.h"
#include "soundcheck/TapSwitch.h"

#include <array>
#include <atomic>
#include <cstdint>

namespace stagedesk::engine::soundcheck {

enum class RecordPoint : std::uint8_t { PrePreamp, PostPreamp };

struct RecordRouting {
    int tracks = 0;
    std::array<std::uint16_t, kMaxInputs> channelOfTrack{};
    RecordPoint point = RecordPoint::PrePreamp;
};

class RecordTap {
public:
    // Control thread. Starts recording 'routing' into 'ring' (one track per
    // recorded channel) from the next block; false if a take is running or
    // the routing does not fit the ring. The ring must outlive the take:
    // until stopped() after requestStop().
    bool start(FrameRing& ring, const RecordRouting& routing);
    void requestStop() { m_switch.requestStop(); }
    bool stopped() const { return m_switch.stopped(); }
    // After stopped(): ready for the next take.
    void reset() { m_switch.reset(); }
    // The engine's sample position of the take's first frame (valid once
    // the first frame is in the ring).
    std::uint64_t startSample() const { return m_startSample.load(std::memory_order_acquire); }
    // Frames the ring had no room for (the disk fell further behind than the
    // ring holds): the take is no longer continuous.
    std::uint64_t droppedFrames() const { return m_dropped.load(std::memory_order_relaxed); }

    // Audio thread, once per block: true while recording.
    bool rt_beginBlock(std::uint64_t samplePosition) noexcept;
    bool rt_postPreamp() const noexcept { return m_routing.point == RecordPoint::PostPreamp; }
    // The raw inputs of channels (before the preamp).
    void rt_captureInputs(const float* const* channelInputs, int n) noexcept;
    // The channel groups' signals after the preamp, lane = channel % kLanes.
    void rt_captureLanes(const dsp::LaneBlock* groups, int n) noexcept;

private:
    template <typename SampleOf> void rt_capture(int n, SampleOf&& sampleOf) noexcept;

    TapSwitch m_switch;
    FrameRing* m_ring = nullptr; // set by the control thread while idle
    RecordRouting m_routing;
    std::atomic<std::uint64_t> m_startSample{0};
    std::atomic<std::uint64_t> m_dropped{0};
};

} // namespace stagedesk::engine::soundcheck
