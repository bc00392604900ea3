#pragma once
// Bounded single-producer single-consumer queue of trivially copyable items.
//
// Memory ordering: the producer writes slots, then publishes them with a
// release store of m_write; the consumer's acquire load of m_write makes those
// slot writes visible. Symmetrically the consumer releases slots with a release
// store of m_read, which the producer acquires before reusing them. Each side
// keeps a cached copy of the other side's index so that the shared cache line
// is touched only when the queue looks full (producer) or empty (consumer).
//
// tryPushAll() publishes a whole batch with one release store: the consumer
// sees either none of it or all of it, which is what makes a scene recall one
// transaction on the audio thread.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

namespace stagedesk::rt {

template <typename T> class SpscQueue {
    static_assert(std::is_trivially_copyable_v<T>, "queue items must be trivially copyable");

public:
    // capacity is rounded up to a power of two; all memory is allocated here.
    explicit SpscQueue(std::size_t capacity)
        : m_capacity(roundUpToPowerOfTwo(capacity)), m_mask(m_capacity - 1),
          m_slots(std::make_unique<T[]>(m_capacity)) {}

    SpscQueue(const SpscQueue&) = delete;
    SpscQueue& operator=(const SpscQueue&) = delete;

    std::size_t capacity() const { return m_capacity; }

    // Producer side. Returns false, and pushes nothing, when there is no room.
    bool tryPush(const T& item) { return tryPushAll(std::span<const T>(&item, 1)); }

    bool tryPushAll(std::span<const T> items) {
        const std::uint64_t write = m_write.load(std::memory_order_relaxed);
        if (write + items.size() - m_readCache > m_capacity) {
            m_readCache = m_read.load(std::memory_order_acquire);
            if (write + items.size() - m_readCache > m_capacity)
                return false;
        }
        for (std::size_t i = 0; i < items.size(); ++i)
            m_slots[(write + i) & m_mask] = items[i];
        m_write.store(write + items.size(), std::memory_order_release);
        return true;
    }

    // Producer side: how many items could be pushed now (a lower bound).
    std::size_t freeSpace() {
        m_readCache = m_read.load(std::memory_order_acquire);
        return m_capacity - (m_write.load(std::memory_order_relaxed) - m_readCache);
    }

    // Consumer side: calls fn(item) for every item published so far, then
    // releases them all. Returns how many were consumed. Never blocks.
    template <typename Fn> std::size_t consumeAll(Fn&& fn) {
        const std::uint64_t read = m_read.load(std::memory_order_relaxed);
        m_writeCache = m_write.load(std::memory_order_acquire);
        const std::uint64_t available = m_writeCache - read;
        for (std::uint64_t i = 0; i < available; ++i)
            fn(m_slots[(read + i) & m_mask]);
        if (available)
            m_read.store(read + available, std::memory_order_release);
        return static_cast<std::size_t>(available);
    }

private:
    static std::size_t roundUpToPowerOfTwo(std::size_t n) {
        std::size_t p = 1;
        while (p < n)
            p <<= 1;
        return p;
    }

    static constexpr std::size_t kCacheLine = 64;

    const std::size_t m_capacity;
    const std::size_t m_mask;
    std::unique_ptr<T[]> m_slots;

    // Monotonic 64-bit counters never wrap in practice; index = counter & mask.
    alignas(kCacheLine) std::atomic<std::uint64_t> m_write{0};
    std::uint64_t m_readCache = 0; // producer's copy of m_read
    alignas(kCacheLine) std::atomic<std::uint64_t> m_read{0};
    std::uint64_t m_writeCache = 0; // consumer's copy of m_write
};

} // namespace stagedesk::rt
