#pragma once
// Static curves of the dynamics processors, shared by the engine's kernels,
// the tests and the transfer-curve drawings on the screen.

#include "Lanes.h" // LaneVec: the gain computer also runs on lane vectors

namespace stagedesk::dsp {

namespace detail {
// compressorGainDb() below for T = float or LaneVec. On a vector every lane
// computes exactly the scalar expression (both sides of a select are
// evaluated there, and the unused one is discarded).
template <typename T>
[[gnu::always_inline]] inline T compressorGainDb(const T& levelDb, const T& thresholdDb,
                                                 const T& ratio, const T& kneeDb) {
    // Written without branches so that it vectorises inside the lane loops.
    const T over = levelDb - thresholdDb;
    const T slope = 1.0f / ratio - 1.0f; // <= 0
    const T x = over + 0.5f * kneeDb;
    const T inKnee = kneeDb > 0.0f ? slope * x * x / (2.0f * kneeDb) : T{};
    const T above = slope * over;
    return 2.0f * over <= -kneeDb ? T{} : (2.0f * over < kneeDb ? inKnee : above);
}
} // namespace detail

// Feed-forward compressor gain computer with a soft knee (quadratic in the
// knee region, Giannoulis/Massberg/Reiss 2012). Returns the gain change in dB
// (<= 0) for an input level in dB.
[[gnu::always_inline]] inline float compressorGainDb(float levelDb, float thresholdDb, float ratio,
                                                     float kneeDb) {
    return detail::compressorGainDb(levelDb, thresholdDb, ratio, kneeDb);
}

// One-pole coefficient for a time constant in ms at a given rate; the
// smoother y += (x - y) * coefficient reaches 63% of a step after timeMs.
inline float onePoleCoefficient(float timeMs, float sampleRate) {
    const float samples = timeMs * 0.001f * sampleRate;
    return samples < 1.0f ? 1.0f : 1.0f - __builtin_expf(-1.0f / samples);
}

} // namespace stagedesk::dsp
