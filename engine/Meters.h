#pragma once
// What the engine's meters show, as published to readers once per callback.

#include "ConsoleSize.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace stagedesk::engine {

struct MeterPoint {
    float peak = 0;            // linear, 1.0 = 0 dBFS, decaying peak hold (20 dB/s)
    float rms = 0;             // linear, ~300 ms window
    std::uint32_t clips = 0;   // samples at or above full scale since start
    float gateGain = 1;        // linear gain of the gate (1 = open)
    float compReductionDb = 0; // >= 0

    static float toDb(float linear) { return linear > 0 ? 20.0f * std::log10(linear) : -INFINITY; }
    float peakDb() const { return toDb(peak); }
    float rmsDb() const { return toDb(rms); }
    float gateReductionDb() const { return -toDb(gateGain); }
};

// Channel meters are taken after trim and polarity (the input level a line
// check needs); bus and main meters after the fader (what leaves the desk).
struct MeterSnapshot {
    std::vector<MeterPoint> channels;
    std::vector<MeterPoint> buses;
    MeterPoint mainLeft, mainRight;
    // Per FX return, after its fader: left then right.
    std::array<std::array<MeterPoint, 2>, kFxSlots> fxReturns;
    std::uint64_t block = 0; // engine callback count when taken
};

} // namespace stagedesk::engine
