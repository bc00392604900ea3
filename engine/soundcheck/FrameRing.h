#pragma once
// Bounded single-producer single-consumer ring of interleaved frames (one
// float per track and frame) between the audio thread and a disk thread: the
// recorder's audio thread writes and its disk writer reads; the player's disk
// reader writes and the audio thread reads.
//
// Memory ordering as in rt::SpscQueue: the producer fills frames, then
// publishes them with a release store of m_written; the consumer's acquire
// load of m_written makes them visible. The consumer frees frames with a
// release store of m_read, which the producer acquires before reusing them.
// Counters are monotonic 64-bit frame counts; a frame's slot is count %
// capacity, and a frame never wraps (each frame is tracks() contiguous floats).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace stagedesk::engine::soundcheck {

class FrameRing {
public:
    // All memory is allocated here, off the audio thread.
    FrameRing(int tracks, std::size_t capacityFrames)
        : m_tracks(tracks), m_capacity(capacityFrames),
          m_samples(std::make_unique<float[]>(std::size_t(tracks) * capacityFrames)) {}
    FrameRing(const FrameRing&) = delete;
    FrameRing& operator=(const FrameRing&) = delete;

    int tracks() const { return m_tracks; }
    std::size_t capacityFrames() const { return m_capacity; }

    // Producer: how many frames may be written now.
    std::size_t writableFrames() const {
        return m_capacity - std::size_t(m_written.load(std::memory_order_relaxed) -
                                        m_read.load(std::memory_order_acquire));
    }
    // Producer: the k-th frame after the last published one (k < writableFrames()).
    float* frameToWrite(std::size_t k) {
        return frameAt(m_written.load(std::memory_order_relaxed) + k);
    }
    void publish(std::size_t frames) {
        m_written.store(m_written.load(std::memory_order_relaxed) + frames,
                        std::memory_order_release);
    }

    // Consumer: how many frames may be read now.
    std::size_t readableFrames() const {
        return std::size_t(m_written.load(std::memory_order_acquire) -
                           m_read.load(std::memory_order_relaxed));
    }
    const float* frameToRead(std::size_t k) const {
        return frameAt(m_read.load(std::memory_order_relaxed) + k);
    }
    void release(std::size_t frames) {
        m_read.store(m_read.load(std::memory_order_relaxed) + frames, std::memory_order_release);
    }

    // Either side, while the other one is not running: empties the ring.
    void clear() { m_read.store(m_written.load(std::memory_order_relaxed)); }

private:
    float* frameAt(std::uint64_t count) const {
        return m_samples.get() + std::size_t(count % m_capacity) * std::size_t(m_tracks);
    }

    const int m_tracks;
    const std::size_t m_capacity;
    std::unique_ptr<float[]> m_samples;
    alignas(64) std::atomic<std::uint64_t> m_written{0};
    alignas(64) std::atomic<std::uint64_t> m_read{0};
};

} // namespace stagedesk::engine::soundcheck
