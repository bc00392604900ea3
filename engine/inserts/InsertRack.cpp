#include "InsertRack.h"

namespace stagedesk::engine {

InsertRack::InsertRack(Target target, int index, int channels)
    : m_target(target), m_index(index), m_channels(channels) {}

bool InsertRack::usesPosition(InsertPosition p) const noexcept {
    for (const InsertSlot& s : m_slots)
        if (s.occupied() && s.position() == p)
            return true;
    return false;
}

int InsertRack::latency() const noexcept {
    int total = 0;
    for (const InsertSlot& s : m_slots)
        total += s.latency();
    return total;
}

void InsertRack::rt_process(InsertPosition position, float* const* io, int frames,
                            InsertEvents& events) noexcept {
    float* dry[2] = {m_dry[0], m_dry[1]};
    for (int s = 0; s < kInsertSlots; ++s) {
        InsertSlot& slot = m_slots[std::size_t(s)];
        if (slot.occupied() && slot.position() == position)
            slot.rt_process(io, dry, m_channels, frames, events,
                            {m_target, std::uint16_t(m_index), std::uint8_t(s), {}});
    }
}

void InsertRack::release() noexcept {
    for (InsertSlot& s : m_slots)
        s.release();
}

} // namespace stagedesk::engine
