#pragma once
// Structure-of-arrays building blocks: a channel group processes kLanes
// strips at once, one lane each, so that every per-sample loop runs across the
// lanes and the compiler turns it into SIMD (8 floats = one AVX register).

#include <algorithm>
#include <cmath>

namespace stagedesk::dsp {

constexpr int kLanes = 8;
// The engine splits every callback into sub-blocks of at most this many
// frames; smoothing and coefficient updates happen once per sub-block, so
// their rate does not depend on the device's buffer size.
constexpr int kSubBlock = 64;

struct alignas(32) LaneValues {
    float v[kLanes] = {};
    float& operator[](int i) { return v[i]; }
    float operator[](int i) const { return v[i]; }
};

// Samples of one sub-block, frame-major: s[frame][lane].
struct alignas(32) LaneBlock {
    float s[kSubBlock][kLanes];
};

// A gain per lane that moves toward its target once per sub-block (one-pole)
// and is applied as a linear ramp inside the sub-block: continuous, so no
// zipper noise and no click, whatever the block size.
struct GainRamp {
    LaneValues start;   // value at the start of the current sub-block
    LaneValues current; // value at its end
    LaneValues target;
    bool silent = true; // start and current are zero in every lane

    void rt_advance(float decay) {
        float activity = 0;
        for (int l = 0; l < kLanes; ++l) {
            start[l] = current[l];
            float next = target[l] + (current[l] - target[l]) * decay;
            if (std::fabs(next - target[l]) < 1e-6f)
                next = target[l];
            current[l] = next;
            activity += std::fabs(start[l]) + std::fabs(next);
        }
        silent = activity == 0.0f;
    }
    // Jump to the target (used when the engine starts).
    void snap() {
        current = target;
        start = target;
    }
};

// acc += src * ramp, over n frames of a sub-block.
[[gnu::always_inline]] inline void mixRamped(const LaneBlock& src, const GainRamp& g, int n,
                                             LaneBlock& acc) {
    const float inv = 1.0f / static_cast<float>(n);
    LaneValues step;
    for (int l = 0; l < kLanes; ++l)
        step[l] = (g.current[l] - g.start[l]) * inv;
    for (int i = 0; i < n; ++i) {
        const float fi = static_cast<float>(i + 1);
        for (int l = 0; l < kLanes; ++l)
            acc.s[i][l] += src.s[i][l] * (g.start[l] + step[l] * fi);
    }
}

// dst = src * ramp.
[[gnu::always_inline]] inline void applyRamped(LaneBlock& buf, const GainRamp& g, int n) {
    const float inv = 1.0f / static_cast<float>(n);
    LaneValues step;
    for (int l = 0; l < kLanes; ++l)
        step[l] = (g.current[l] - g.start[l]) * inv;
    for (int i = 0; i < n; ++i) {
        const float fi = static_cast<float>(i + 1);
        for (int l = 0; l < kLanes; ++l)
            buf.s[i][l] *= g.start[l] + step[l] * fi;
    }
}

} // namespace stagedesk::dsp
