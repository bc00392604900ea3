#pragma once
// Second-order filter sections designed after the RBJ Audio EQ Cookbook.
// Coefficients are normalised (a0 = 1) and used in transposed direct form II:
//   y = b0 x + z1;  z1 = b1 x - a1 y + z2;  z2 = b2 x - a2 y
// The same design and magnitude functions serve the engine, the tests and the
// EQ curve on the screen, so what is drawn is what is heard.

#include <cstdint>

namespace stagedesk::dsp {

enum class EqType : std::uint8_t { LowCut = 0, LowShelf = 1, Peak = 2, HighShelf = 3, HighCut = 4 };
constexpr int kEqTypeCount = 5;

struct BiquadCoeffs {
    float b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;

    static BiquadCoeffs identity() { return {}; }
};

// One EQ band: type, centre/corner frequency (Hz), gain (dB; shelves and peak
// only) and Q. The frequency is clamped below Nyquist.
BiquadCoeffs designEqBand(EqType type, double freqHz, double gainDb, double q, double sampleRate);

// High-pass of order 2 (12 dB/oct) or 4 (24 dB/oct, two sections), Butterworth.
// 'section' is 0 or 1; for order 2 the second section is the identity.
BiquadCoeffs designHighPass(int slopeDbPerOct, int section, double freqHz, double sampleRate);

// |H(e^jw)| in dB of one section at freqHz.
double magnitudeDb(const BiquadCoeffs& c, double freqHz, double sampleRate);

} // namespace stagedesk::dsp
