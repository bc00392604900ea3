#pragma once
// What a strip's meter shows on screen, from the engine's meter points: the
// level on the meter scale, a peak-hold marker that stays for a while before
// it falls, and a clip light that stays lit long enough to be seen after the
// clip counter moved. The engine's peak already decays; the hold and the
// latch are the screen's.

#include "Meters.h"

#include <cstdint>

namespace stagedesk::ui {

// The meter scale: -60 dBFS at the bottom, 0 dBFS at the top, linear in dB.
constexpr double kMeterFloorDb = -60;
double meterPosition(double db);
// Gain reduction: 0 at rest, 1 at kGrFullScaleDb of reduction.
constexpr double kGrFullScaleDb = 24;
double reductionPosition(double reductionDb);

class MeterBallistics {
public:
    static constexpr double kHoldSeconds = 2.0;
    static constexpr double kClipSeconds = 3.0;

    // Takes one meter reading at time 'nowSeconds'.
    void update(const engine::MeterPoint& point, double nowSeconds);

    double level() const { return m_level; }
    double peakHold() const { return m_hold; }
    bool clip() const { return m_clipUntil > m_now; }

private:
    double m_level = 0, m_hold = 0, m_holdSince = 0, m_now = 0;
    double m_clipUntil = -1;
    std::uint32_t m_clips = 0;
    bool m_first = true;
};

} // namespace stagedesk::ui
