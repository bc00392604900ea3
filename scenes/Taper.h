#pragma once
// How a parameter's plain value (dB, Hz, ms, as people read it) maps onto the
// normalized 0..1 travel that OSC clients and on-screen faders use. The curves
// are the Behringer X32's, so that tablet apps show the same numbers.

#include <cstdint>

namespace stagedesk::scenes {

enum class Taper : std::uint8_t {
    Linear, // plain = min + n (max - min)
    Log,    // plain = min (max/min)^n; min > max runs backwards (X32 EQ Q)
    Fader,  // the X32 fader law, dB; kFaderOffDb is -inf
    Enum,   // an integer index 0..count-1; n = index / (count - 1)
    Bool,   // 0 or 1
    Int,    // an integer min..max (bit masks); n = (v - min) / (max - min)
    String, // text; no normalized form
};

// The X32 fader law: four straight segments in dB against travel.
//   n 1.0 = +10 dB, 0.75 = 0 dB, 0.5 = -10 dB, 0.25 = -30 dB, 0.0625 = -60 dB,
//   0 = -inf (plain kFaderOffDb).
constexpr double kFaderOffDb = -90.0;
double faderNormalizedToDb(double n);
double faderDbToNormalized(double db);

} // namespace stagedesk::scenes
