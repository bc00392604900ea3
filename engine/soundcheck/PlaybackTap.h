#pragma once
// The audio-thread side of virtual-soundcheck playback: takes frames of a
// take from a ring that a disk reader fills and spreads their tracks over the
// channels they were recorded from. A starved ring plays silence for what is
// missing and counts an underrun; it never waits.

#include "ConsoleSize.h"
#include "dsp/Lanes.h"
#include "soundcheck/FrameRing.h"
#include "soundcheck/TapSwitch.h"

#include <array>
#include <atomic>
#include <cstdint>

namespace stagedesk::engine::soundcheck {

struct PlaybackRouting {
    int tracks = 0;
    std::array<std::uint16_t, kMaxInputs> channelOfTrack{};
};

// One sub-block of playback signal per channel (silence where no track plays).
using PlaybackBlock = std::array<std::array<float, dsp::kSubBlock>, kMaxInputs>;

class PlaybackTap {
public:
    // Control thread: as RecordTap. Prefill the ring first, so that the
    // first block does not underrun.
    bool start(FrameRing& ring, const PlaybackRouting& routing);
    void requestStop() { m_switch.requestStop(); }
    bool stopped() const { return m_switch.stopped(); }
    void reset() { m_switch.reset(); }
    // Sub-blocks that found fewer frames in the ring than they needed.
    std::uint64_t underruns() const { return m_underruns.load(std::memory_order_relaxed); }
    // Control thread, before start(): the run ends after this many frames;
    // running dry after them is the end of the take, not an underrun.
    void finishAfter(std::uint64_t frames) { m_endFrames.store(frames, std::memory_order_relaxed); }
    // Frames played from the ring (the transport position within the run).
    std::uint64_t framesPlayed() const { return m_played.load(std::memory_order_relaxed); }

    // Audio thread, once per block: true while playing.
    bool rt_beginBlock(PlaybackBlock& out) noexcept;
    // n frames into 'out' for the routed channels.
    void rt_pull(int n, PlaybackBlock& out) noexcept;

private:
    TapSwitch m_switch;
    FrameRing* m_ring = nullptr;
    PlaybackRouting m_routing;
    std::atomic<std::uint64_t> m_underruns{0};
    std::atomic<std::uint64_t> m_played{0};
    std::atomic<std::uint64_t> m_endFrames{~std::uint64_t(0)};
};

} // namespace stagedesk::engine::soundcheck
