#include "Biquad.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

namespace stagedesk::dsp {

namespace {

BiquadCoeffs normalise(double b0, double b1, double b2, double a0, double a1, double a2) {
    return {static_cast<float>(b0 / a0), static_cast<float>(b1 / a0), static_cast<float>(b2 / a0),
            static_cast<float>(a1 / a0), static_cast<float>(a2 / a0)};
}

double clampedOmega(double freqHz, double sampleRate) {
    const double f = std::clamp(freqHz, 1.0, 0.49 * sampleRate);
    return 2.0 * std::numbers::pi * f / sampleRate;
}

} // namespace

BiquadCoeffs designEqBand(EqType type, double freqHz, double gainDb, double q, double sampleRate) {
    const double w0 = clampedOmega(freqHz, sampleRate);
    const double cosw = std::cos(w0);
    const double alpha = std::sin(w0) / (2.0 * std::max(q, 0.05));
    const double A = std::pow(10.0, gainDb / 40.0);

    switch (type) {
    case EqType::LowCut:
        return normalise((1 + cosw) / 2, -(1 + cosw), (1 + cosw) / 2, 1 + alpha, -2 * cosw,
                         1 - alpha);
    case EqType::HighCut:
        return normalise((1 - cosw) / 2, 1 - cosw, (1 - cosw) / 2, 1 + alpha, -2 * cosw,
                         1 - alpha);
    case EqType::Peak:
        return normalise(1 + alpha * A, -2 * cosw, 1 - alpha * A, 1 + alpha / A, -2 * cosw,
                         1 - alpha / A);
    case EqType::LowShelf: {
        const double s = 2 * std::sqrt(A) * alpha;
        return normalise(A * ((A + 1) - (A - 1) * cosw + s), 2 * A * ((A - 1) - (A + 1) * cosw),
                         A * ((A + 1) - (A - 1) * cosw - s), (A + 1) + (A - 1) * cosw + s,
                         -2 * ((A - 1) + (A + 1) * cosw), (A + 1) + (A - 1) * cosw - s);
    }
    case EqType::HighShelf: {
        const double s = 2 * std::sqrt(A) * alpha;
        return normalise(A * ((A + 1) + (A - 1) * cosw + s), -2 * A * ((A - 1) + (A + 1) * cosw),
                         A * ((A + 1) + (A - 1) * cosw - s), (A + 1) - (A - 1) * cosw + s,
                         2 * ((A - 1) - (A + 1) * cosw), (A + 1) - (A - 1) * cosw - s);
    }
    }
    return BiquadCoeffs::identity();
}

BiquadCoeffs designHighPass(int slopeDbPerOct, int section, double freqHz, double sampleRate) {
    // Butterworth pole Qs: 1/sqrt(2) for 2nd order; 1/(2cos(pi/8)) and
    // 1/(2cos(3pi/8)) for the two sections of 4th order.
    if (slopeDbPerOct >= 24) {
        const double q = section == 0 ? 1.0 / (2.0 * std::cos(std::numbers::pi / 8))
                                      : 1.0 / (2.0 * std::cos(3 * std::numbers::pi / 8));
        return designEqBand(EqType::LowCut, freqHz, 0, q, sampleRate);
    }
    if (section == 0)
        return designEqBand(EqType::LowCut, freqHz, 0, std::numbers::sqrt2 / 2, sampleRate);
    return BiquadCoeffs::identity();
}

double magnitudeDb(const BiquadCoeffs& c, double freqHz, double sampleRate) {
    const double w = 2.0 * std::numbers::pi * freqHz / sampleRate;
    const std::complex<double> z1 = std::polar(1.0, -w);
    const std::complex<double> z2 = z1 * z1;
    const std::complex<double> num = double(c.b0) + double(c.b1) * z1 + double(c.b2) * z2;
    const std::complex<double> den = 1.0 + double(c.a1) * z1 + double(c.a2) * z2;
    return 20.0 * std::log10(std::abs(num) / std::abs(den));
}

} // namespace stagedesk::dsp
