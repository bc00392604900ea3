#include "SceneFades.h"

#include <algorithm>

namespace stagedesk::engine {

namespace {
// Below this a fade's line is flat: -90 dB and silence sound the same, and a
// line down to -144 would spend a third of the fade inaudible.
constexpr float kFadeFloorDb = -90.0f;
} // namespace

SceneFades::SceneFades(int inputs, int buses) : m_inputs(inputs), m_buses(buses) {
    const std::size_t keys = std::size_t(returnFader(kFxSlots));
    m_fades.resize(keys);
    m_position.assign(keys, -1);
    m_active.resize(keys);
}

void SceneFades::rt_start(int key, float fromDb, float toDb, std::uint32_t samples) noexcept {
    Fade& f = m_fades[std::size_t(key)];
    f.startDb = std::max(fromDb, kFadeFloorDb);
    f.endDb = std::max(toDb, kFadeFloorDb);
    f.toDb = toDb;
    f.length = std::max<std::uint32_t>(samples, 1);
    f.elapsed = 0;
    f.arrived = false;
    if (m_position[std::size_t(key)] < 0) {
        m_position[std::size_t(key)] = m_activeCount;
        m_active[std::size_t(m_activeCount++)] = key;
    }
}

void SceneFades::rt_cancel(int key) noexcept {
    if (const int i = m_position[std::size_t(key)]; i >= 0)
        remove(i);
}

void SceneFades::remove(int activeIndex) noexcept {
    const int key = m_active[std::size_t(activeIndex)];
    const int last = m_active[std::size_t(--m_activeCount)];
    m_active[std::size_t(activeIndex)] = last;
    m_position[std::size_t(last)] = activeIndex;
    m_position[std::size_t(key)] = -1;
}

} // namespace stagedesk::engine
