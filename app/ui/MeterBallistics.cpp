#include "MeterBallistics.h"

#include <algorithm>

namespace stagedesk::ui {

double meterPosition(double db) {
    return std::clamp((db - kMeterFloorDb) / -kMeterFloorDb, 0.0, 1.0);
}

double reductionPosition(double reductionDb) {
    return std::clamp(reductionDb / kGrFullScaleDb, 0.0, 1.0);
}

void MeterBallistics::update(const engine::MeterPoint& point, double nowSeconds) {
    m_now = nowSeconds;
    m_level = meterPosition(point.peakDb());
    if (m_level >= m_hold || nowSeconds - m_holdSince > kHoldSeconds) {
        m_hold = m_level;
        m_holdSince = nowSeconds;
    }
    // The first reading only learns the counter: clips from before the
    // screen looked are not news.
    if (!m_first && point.clips != m_clips)
        m_clipUntil = nowSeconds + kClipSeconds;
    m_clips = point.clips;
    m_first = false;
}

} // namespace stagedesk::ui
