#pragma once
// Branch-free approximations of log2 and exp2 that the compiler vectorises
// across the lanes of a channel group. Errors (least-squares fits): |log2| < 5e-6,
// exp2 relative < 2e-7, i.e. well under 0.001 dB: far inside what any meter or dynamics
// curve can show.

#include "Lanes.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace stagedesk::dsp {

constexpr float kDbPerLog2 = 6.0205999132796239f; // 20 * log10(2)
constexpr float kLog2PerDb = 1.0f / kDbPerLog2;
constexpr float kSilenceDb = -144.0f; // at or below this a gain is zero

namespace detail {
// The polynomials, shared by the scalar and the lane-vector (LaneVec) forms.
// log2(1 + m) for m in [0, 1).
template <typename T> [[gnu::always_inline]] inline T log2Mantissa(const T& m) {
    return m *
           (1.44251703f +
            m * (-0.717898381f +
                 m * (0.456894174f + m * (-0.27736505f + m * (0.121914139f - m * 0.0260663015f)))));
}
// 2^f for f in [0, 1).
template <typename T> [[gnu::always_inline]] inline T exp2Fraction(const T& f) {
    return 1.0f + f * (0.693152745f +
                       f * (0.240153192f +
                            f * (0.0558281836f + f * (0.00898895461f + f * 0.00187664344f))));
}
} // namespace detail

[[gnu::always_inline]] inline float fastLog2(float x) {
    // x = 2^e * m with m in [1, 2): log2 x = e + log2 m; log2 m by a
    // minimax polynomial in (m - 1).
    const std::int32_t bits = std::bit_cast<std::int32_t>(x);
    const float e = static_cast<float>(((bits >> 23) & 0xff) - 127);
    const float m = std::bit_cast<float>((bits & 0x007fffff) | 0x3f800000) - 1.0f;
    return e + detail::log2Mantissa(m);
}

[[gnu::always_inline]] inline float fastExp2(float x) {
    // 2^x = 2^floor(x) * 2^frac; 2^frac by a polynomial on [0, 1).
    x = x < -126.0f ? -126.0f : (x > 126.0f ? 126.0f : x);
    const float fl = std::floor(x);
    const float f = x - fl;
    const float p = detail::exp2Fraction(f);
    const std::int32_t exponent = (static_cast<std::int32_t>(fl) + 127) << 23;
    return std::bit_cast<float>(std::bit_cast<std::int32_t>(p) + (exponent - (127 << 23)));
}

[[gnu::always_inline]] inline float fastGainToDb(float gain) {
    return kDbPerLog2 * fastLog2(gain > 1e-8f ? gain : 1e-8f);
}

[[gnu::always_inline]] inline float fastDbToGain(float db) {
    return fastExp2(db * kLog2PerDb);
}

// The same four on kLanes lanes at once, for the dynamics kernels: every lane
// computes exactly what the scalar form computes.
[[gnu::always_inline]] inline LaneVec fastLog2(const LaneVec& x) {
    const LaneInts bits = __builtin_bit_cast(LaneInts, x);
    const LaneVec e = __builtin_convertvector(((bits >> 23) & 0xff) - 127, LaneVec);
    const LaneVec m = __builtin_bit_cast(LaneVec, (bits & 0x007fffff) | 0x3f800000) - 1.0f;
    return e + detail::log2Mantissa(m);
}

[[gnu::always_inline]] inline LaneVec fastExp2(const LaneVec& unclamped) {
    const LaneVec x = unclamped < -126.0f ? splatLanes(-126.0f)
                                          : (unclamped > 126.0f ? splatLanes(126.0f) : unclamped);
    // floor: truncate, then step down where that rounded up (exact, |x| <= 126).
    const LaneVec truncated =
        __builtin_convertvector(__builtin_convertvector(x, LaneInts), LaneVec);
    const LaneVec fl = truncated > x ? truncated - 1.0f : truncated;
    const LaneVec f = x - fl;
    const LaneVec p = detail::exp2Fraction(f);
    const LaneInts exponent = (__builtin_convertvector(fl, LaneInts) + 127) << 23;
    return __builtin_bit_cast(LaneVec, __builtin_bit_cast(LaneInts, p) + (exponent - (127 << 23)));
}

[[gnu::always_inline]] inline LaneVec fastGainToDb(const LaneVec& gain) {
    return kDbPerLog2 * fastLog2(gain > 1e-8f ? gain : splatLanes(1e-8f));
}

[[gnu::always_inline]] inline LaneVec fastDbToGain(const LaneVec& db) {
    return fastExp2(db * kLog2PerDb);
}

// Exact conversions for control-rate use.
inline float dbToGain(float db) {
    return db <= kSilenceDb ? 0.0f : std::pow(10.0f, db / 20.0f);
}
inline float gainToDb(float gain) {
    return gain <= 0.0f ? -INFINITY : 20.0f * std::log10(gain);
}

} // namespace stagedesk::dsp
