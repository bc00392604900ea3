#include "TapTempo.h"

#include "ParameterRegistry.h"

#include <algorithm>

namespace stagedesk::app {

std::optional<double> TapTempo::tap(Time at) {
    if (!m_taps.empty() && (at < m_taps.back() || at - m_taps.back() > kRestartGap))
        m_taps.clear(); // a pause (or a clock that went back): a new run
    m_taps.push_back(at);
    if (m_taps.size() > std::size_t(kIntervals + 1))
        m_taps.pop_front();
    if (m_taps.size() < 2)
        return std::nullopt;
    const std::chrono::duration<double> span = m_taps.back() - m_taps.front();
    const double interval = span.count() / double(m_taps.size() - 1);
    if (interval <= 0)
        return scenes::kMaxTempoBpm; // two taps at once: as fast as it goes
    return std::clamp(60.0 / interval, scenes::kMinTempoBpm, scenes::kMaxTempoBpm);
}

} // namespace stagedesk::app
