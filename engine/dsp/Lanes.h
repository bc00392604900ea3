#pragma once
// Structure-of-arrays building blocks: a channel group processes kLanes
// strips at once, one lane each, so that every per-sample loop runs across the
// lanes and the compiler turns it into SIMD. 16 lanes are one AVX-512
// register, or two AVX registers: two independent chains through every
// recursive filter and envelope, which hides their latency (measured on this
// project's AVX-512 machines: 8.3 ns per channel and sample against 10.4 with 8
// lanes, bench/engine_load at 128 inputs).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace stagedesk::dsp {

constexpr int kLanes = 16;
// The engine splits every callback into sub-blocks of at most this many
// frames; smoothing and coefficient updates happen once per sub-block, so
// their rate does not depend on the device's buffer size.
constexpr int kSubBlock = 64;

struct alignas(64) LaneValues {
    float v[kLanes] = {};
    float& operator[](int i) { return v[i]; }
    float operator[](int i) const { return v[i]; }
};

// Samples of one sub-block, frame-major: s[frame][lane].
struct alignas(64) LaneBlock {
    float s[kSubBlock][kLanes];
};

// Explicit SIMD for the kernels whose sample loop carries state from one
// sample to the next (filters, gate, compressor, meters). There GCC unrolls
// the 8-lane loop, cannot vectorise the sample loop because of the
// recurrence, and its basic-block vectoriser gives up on the loop-carried
// values: the result was scalar code. Those kernels are written on one vector
// of kLanes floats (GCC/clang vector extension) instead, with exactly the
// scalar arithmetic in every lane. Without AVX the compiler splits each
// operation into two SSE halves.
//
// GCC warns (-Wpsabi) that a function returning a 32-byte vector "changes the
// ABI" when it is compiled without AVX (the baseline clone). These helpers are
// always inlined and never cross a library boundary, and GCC issues that
// warning at the end of the translation unit, out of reach of a push/pop, so
// it is off in every file that includes this header.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
using LaneVec = float __attribute__((vector_size(kLanes * sizeof(float))));
using LaneInts = std::int32_t __attribute__((vector_size(kLanes * sizeof(float))));

[[gnu::always_inline]] inline LaneVec loadLanes(const float* p) {
    LaneVec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
[[gnu::always_inline]] inline LaneVec loadLanes(const LaneValues& x) {
    LaneVec v;
    std::memcpy(&v, x.v, sizeof v);
    return v;
}
[[gnu::always_inline]] inline void storeLanes(float* p, const LaneVec& v) {
    std::memcpy(p, &v, sizeof v);
}
[[gnu::always_inline]] inline void storeLanes(LaneValues& x, const LaneVec& v) {
    std::memcpy(x.v, &v, sizeof v);
}
[[gnu::always_inline]] inline LaneVec splatLanes(float x) {
    return LaneVec{} + x;
}
// Lane-wise std::max and std::min, with their argument order and NaN
// behaviour: max(a, b) = a < b ? b : a;  min(a, b) = b < a ? b : a.
[[gnu::always_inline]] inline LaneVec maxLanes(const LaneVec& a, const LaneVec& b) {
    return a < b ? b : a;
}
[[gnu::always_inline]] inline LaneVec minLanes(const LaneVec& a, const LaneVec& b) {
    return b < a ? b : a;
}
// Lane-wise std::fabs (clears the sign bit).
[[gnu::always_inline]] inline LaneVec absLanes(const LaneVec& x) {
    return __builtin_bit_cast(LaneVec, __builtin_bit_cast(LaneInts, x) & 0x7fffffff);
}
// True if the comparison result m is true in any lane.
[[gnu::always_inline]] inline bool anyLane(const LaneInts& m) {
    std::uint64_t words[sizeof(LaneInts) / sizeof(std::uint64_t)];
    std::memcpy(words, &m, sizeof words);
    std::uint64_t any = 0;
    for (std::uint64_t w : words)
        any |= w;
    return any != 0;
}

// The sum of a row of lanes, as a tree of vector adds (a plain loop would
// be kLanes dependent scalar adds, since float addition is not reassociated).
[[gnu::always_inline]] inline float sumLanes(const float* row) {
    static_assert(kLanes == 16, "sumLanes folds 16 lanes");
    using Half = float __attribute__((vector_size(8 * sizeof(float))));
    using Quarter = float __attribute__((vector_size(4 * sizeof(float))));
    Half a, b;
    std::memcpy(&a, row, sizeof a);
    std::memcpy(&b, row + 8, sizeof b);
    const Half eight = a + b;
    Quarter c, d;
    std::memcpy(&c, &eight, sizeof c);
    std::memcpy(&d, reinterpret_cast<const char*>(&eight) + sizeof c, sizeof d);
    const Quarter four = c + d;
    return (four[0] + four[2]) + (four[1] + four[3]);
}

// A gain per lane that moves toward its target once per sub-block (one-pole)
// and is applied as a linear ramp inside the sub-block: continuous, so no
// zipper noise and no click, whatever the block size.
struct GainRamp {
    LaneValues start;   // value at the start of the current sub-block
    LaneValues current; // value at its end
    LaneValues target;
    bool silent = true; // start and current are zero in every lane

    // decay is the one-pole pole per sub-block, per lane; 0 makes a lane
    // follow its target exactly (a scene fade drives the target itself).
    void rt_advance(const LaneVec& decay) {
        // All lanes in one vector. Silent: |start| + |next| is zero in every
        // lane (a sum of non-negative terms, so the same as their total).
        const LaneVec was = loadLanes(current), goal = loadLanes(target);
        LaneVec next = goal + (was - goal) * decay;
        next = absLanes(next - goal) < 1e-6f ? goal : next;
        storeLanes(start, was);
        storeLanes(current, next);
        silent = !anyLane(absLanes(was) + absLanes(next) != 0.0f);
    }
    void rt_advance(float decay) { rt_advance(splatLanes(decay)); }
    // Jump to the target (used when the engine starts).
    void snap() {
        current = target;
        start = target;
    }
};

// One source and the gain ramp it is mixed with.
struct MixTerm {
    const LaneBlock* source;
    const GainRamp* gain;
};

namespace detail {
template <int K>
[[gnu::always_inline]] inline void mixTerms(const MixTerm* terms, int n, LaneBlock& acc) {
    const float inv = 1.0f / static_cast<float>(n);
    LaneVec start[K], step[K];
    for (int k = 0; k < K; ++k) {
        start[k] = loadLanes(terms[k].gain->start);
        step[k] = (loadLanes(terms[k].gain->current) - start[k]) * inv;
    }
    for (int i = 0; i < n; ++i) {
        const float fi = static_cast<float>(i + 1);
        LaneVec sum = loadLanes(acc.s[i]);
        for (int k = 0; k < K; ++k)
            sum += loadLanes(terms[k].source->s[i]) * (start[k] + step[k] * fi);
        storeLanes(acc.s[i], sum);
    }
}
} // namespace detail

// acc += source_k * ramp_k for up to three terms, over n frames of a
// sub-block, in a single pass: one load and one store of each accumulator
// row, however many taps feed it (the stores are what limits this loop).
[[gnu::always_inline]] inline void mixTerms(const MixTerm* terms, int count, int n,
                                            LaneBlock& acc) {
    switch (count) {
    case 1:
        detail::mixTerms<1>(terms, n, acc);
        break;
    case 2:
        detail::mixTerms<2>(terms, n, acc);
        break;
    case 3:
        detail::mixTerms<3>(terms, n, acc);
        break;
    default:
        break;
    }
}

// dst = src * ramp.
[[gnu::always_inline]] inline void applyRamped(LaneBlock& buf, const GainRamp& g, int n) {
    const float inv = 1.0f / static_cast<float>(n);
    LaneValues step;
    for (int l = 0; l < kLanes; ++l)
        step[l] = (g.current[l] - g.start[l]) * inv;
    const LaneVec vstep = loadLanes(step);
    if (!anyLane(vstep != 0.0f)) {
        // Settled: the same gain for every i, bit for bit (see mixRamped).
        const LaneVec gain = loadLanes(g.start) + vstep;
        for (int i = 0; i < n; ++i)
            storeLanes(buf.s[i], loadLanes(buf.s[i]) * gain);
        return;
    }
    for (int i = 0; i < n; ++i) {
        const float fi = static_cast<float>(i + 1);
        for (int l = 0; l < kLanes; ++l)
            buf.s[i][l] *= g.start[l] + step[l] * fi;
    }
}

} // namespace stagedesk::dsp
