#pragma once
// The insert slots of one strip (a channel, a mix bus or main LR), run in
// slot order at the point of the strip each slot is placed: before or after
// the EQ.

#include "../dsp/Lanes.h"
#include "InsertSlot.h"

#include <array>

namespace stagedesk::engine {

class InsertRack {
public:
    InsertRack(Target target, int index, int channels);

    int channels() const noexcept { return m_channels; }
    InsertSlot& slot(int s) noexcept { return m_slots[std::size_t(s)]; }
    // Reorders two slots at once (no cross-fade).
    void rt_swap(int a, int b) noexcept {
        std::swap(m_slots[std::size_t(a)], m_slots[std::size_t(b)]);
    }

    bool usesPosition(InsertPosition p) const noexcept;
    // Samples of delay the chain adds (bypassed slots keep theirs).
    int latency() const noexcept;

    // io: channels() buffers of 'frames' samples, processed in place.
    void rt_process(InsertPosition position, float* const* io, int frames,
                    InsertEvents& events) noexcept;

    void release() noexcept;

private:
    Target m_target;
    int m_index;
    int m_channels;
    std::array<InsertSlot, kInsertSlots> m_slots;
    float m_dry[2][dsp::kSubBlock];
};

} // namespace stagedesk::engine
