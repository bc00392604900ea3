#pragma once
// The real-time analyser's tap: the audio thread copies the chosen source
// (a channel's input, a bus or main left as they leave the desk) into a
// lock-free ring that an FFT worker drains at its own pace. When the worker
// falls behind, blocks are dropped whole (counted), never waited for.

#include "rt/SpscQueue.h"

#include <atomic>
#include <cstdint>
#include <span>

namespace stagedesk::engine::soundcheck {

enum class RtaSourceKind : std::uint8_t { Off = 0, Channel = 1, Bus = 2, Main = 3 };

class RtaTap {
public:
    RtaTap() : m_samples(1 << 15) {}

    // Reader (the FFT worker): every sample captured since the last call.
    template <typename Fn> std::size_t drain(Fn&& fn) { return m_samples.consumeAll(fn); }
    std::uint64_t droppedBlocks() const { return m_dropped.load(std::memory_order_relaxed); }

    // Audio thread.
    void rt_select(RtaSourceKind kind, int index) noexcept {
        m_kind = kind;
        m_index = index;
    }
    RtaSourceKind rt_kind() const noexcept { return m_kind; }
    int rt_index() const noexcept { return m_index; }
    void rt_capture(const float* samples, int n) noexcept {
        if (!m_samples.tryPushAll(std::span<const float>(samples, std::size_t(n))))
            m_dropped.fetch_add(1, std::memory_order_relaxed);
    }

private:
    rt::SpscQueue<float> m_samples;
    std::atomic<std::uint64_t> m_dropped{0};
    RtaSourceKind m_kind = RtaSourceKind::Off;
    int m_index = 0;
};

} // namespace stagedesk::engine::soundcheck
