#pragma once
// Lock-free triple buffer: one writer publishes whole snapshots, one reader
// takes the newest at its own pace. Neither side ever waits or allocates.
//
// Three slots: the writer owns one (back), the reader owns one (front), and the
// third sits in the shared "middle" index together with a fresh-data bit.
// publish() swaps back and middle (acq_rel, so the snapshot's writes are
// released and the reader's previous slot is acquired); read() swaps front and
// middle only when the fresh bit is set.

#include <array>
#include <atomic>
#include <cstdint>

namespace stagedesk::rt {

template <typename T> class TripleBuffer {
public:
    // Every slot is initialised with a copy of 'prototype', so a T holding
    // vectors is fully allocated before the audio thread starts.
    explicit TripleBuffer(const T& prototype) : m_slots{prototype, prototype, prototype} {}

    // Writer side.
    T& back() { return m_slots[m_back]; }
    void publish() {
        const std::uint32_t previous =
            m_middle.exchange(m_back | kFreshBit, std::memory_order_acq_rel);
        m_back = previous & kIndexMask;
    }

    // Reader side: the newest published snapshot (or the last one read when
    // nothing new was published). Returns true if it is new.
    bool update() {
        if ((m_middle.load(std::memory_order_relaxed) & kFreshBit) == 0)
            return false;
        const std::uint32_t previous = m_middle.exchange(m_front, std::memory_order_acq_rel);
        m_front = previous & kIndexMask;
        return true;
    }
    const T& front() const { return m_slots[m_front]; }

private:
    static constexpr std::uint32_t kFreshBit = 4;
    static constexpr std::uint32_t kIndexMask = 3;

    std::array<T, 3> m_slots;
    std::uint32_t m_back = 0;
    std::uint32_t m_front = 1;
    alignas(64) std::atomic<std::uint32_t> m_middle{2};
};

} // namespace stagedesk::rt
