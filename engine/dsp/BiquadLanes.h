#pragma once
// One biquad section in each of kLanes lanes, transposed direct form II.
// Coefficient targets are set per lane; the running coefficients glide
// toward them once per sub-block. A straight line between two stable
// (a1, a2) pairs stays inside the stability triangle, so the glide never
// passes through an unstable filter, and a change never clicks. Switching a
// section off glides toward the identity; once all lanes sit there (or on
// any H(z) = 1, such as a flat band), the section is skipped.

#include "Biquad.h"
#include "Lanes.h"

#include <array>
#include <cstddef>

namespace stagedesk::dsp {

struct BiquadLanes;
namespace detail {
template <int K>
[[gnu::always_inline]] inline void rt_processChain(BiquadLanes* const* sections, LaneBlock& buf,
                                                   int n);
}

struct BiquadLanes {
    LaneValues b0, b1, b2, a1, a2;      // running
    LaneValues tb0, tb1, tb2, ta1, ta2; // targets
    LaneValues z1, z2;
    bool settled = true;
    bool bypassed = true; // settled on H(z) = 1 in every lane

    BiquadLanes() {
        for (int l = 0; l < kLanes; ++l)
            b0[l] = tb0[l] = 1.0f;
    }

    void setTarget(int lane, const BiquadCoeffs& c) {
        tb0[lane] = c.b0;
        tb1[lane] = c.b1;
        tb2[lane] = c.b2;
        ta1[lane] = c.a1;
        ta2[lane] = c.a2;
        settled = false;
        bypassed = false;
    }

    BiquadCoeffs running(int lane) const {
        return {b0[lane], b1[lane], b2[lane], a1[lane], a2[lane]};
    }

    void snap() {
        b0 = tb0, b1 = tb1, b2 = tb2, a1 = ta1, a2 = ta2;
        settled = false; // let rt_advance decide whether it is the identity
    }

    [[gnu::always_inline]] inline void rt_advance(float k) {
        if (settled)
            return;
        float diff = 0;
        auto glide = [&](LaneValues& c, const LaneValues& t) {
            for (int l = 0; l < kLanes; ++l) {
                const float d = t[l] - c[l];
                c[l] += d * k;
                diff = std::max(diff, std::fabs(d));
            }
        };
        glide(b0, tb0), glide(b1, tb1), glide(b2, tb2), glide(a1, ta1), glide(a2, ta2);
        // Float rounding can stall the glide a few ulps short of the target;
        // the last step of at most 1e-5 is inaudible.
        if (diff < 1e-5f) {
            snap();
            settled = true;
            // The identity, or a section whose numerator equals its
            // denominator (a 0 dB peak or shelf): H(z) = 1 exactly, but
            // run, its poles near z = 1 amplify the rounding noise to about
            // -100 dB, a noise that depends on the whole input history.
            bool identity = true;
            for (int l = 0; l < kLanes; ++l)
                identity = identity && b0[l] == 1.0f && b1[l] == a1[l] && b2[l] == a2[l];
            bypassed = identity;
            if (bypassed)
                z1 = LaneValues{}, z2 = LaneValues{};
        }
    }

    [[gnu::always_inline]] inline void rt_process(LaneBlock& buf, int n) {
        if (bypassed)
            return;
        BiquadLanes* const self = this;
        detail::rt_processChain<1>(&self, buf, n);
    }

    // The state at the end of a block, from the vectors of rt_processChain.
    [[gnu::always_inline]] inline void rt_keepState(const LaneVec& v1, const LaneVec& v2) {
        LaneValues s1, s2;
        storeLanes(s1, v1);
        storeLanes(s2, v2);
        // A NaN or infinity (from a hostile input) resets the filter instead
        // of spreading through it forever.
        for (int l = 0; l < kLanes; ++l) {
            if (!std::isfinite(s1[l]) || !std::isfinite(s2[l]))
                s1[l] = 0, s2[l] = 0;
        }
        z1 = s1, z2 = s2;
    }
};

namespace detail {
// K sections in series, every sample through all of them before the next
// sample. Each section computes exactly what it computes alone (all lanes in
// one vector, see LaneVec; in every lane y = b0 x + s1; s1 = b1 x - a1 y + s2;
// s2 = b2 x - a2 y), but the K independent state recurrences now overlap in
// the CPU instead of each running its 16-cycle-a-sample chain alone.
template <int K>
[[gnu::always_inline]] inline void rt_processChain(BiquadLanes* const* sections, LaneBlock& buf,
                                                   int n) {
    LaneVec b0[K], b1[K], b2[K], a1[K], a2[K], v1[K], v2[K];
    for (int k = 0; k < K; ++k) {
        b0[k] = loadLanes(sections[k]->b0);
        b1[k] = loadLanes(sections[k]->b1);
        b2[k] = loadLanes(sections[k]->b2);
        a1[k] = loadLanes(sections[k]->a1);
        a2[k] = loadLanes(sections[k]->a2);
        v1[k] = loadLanes(sections[k]->z1);
        v2[k] = loadLanes(sections[k]->z2);
    }
    for (int i = 0; i < n; ++i) {
        LaneVec x = loadLanes(buf.s[i]);
        for (int k = 0; k < K; ++k) {
            const LaneVec y = b0[k] * x + v1[k];
            v1[k] = (b1[k] * x + v2[k]) - a1[k] * y; // b1 x + s2 is off the y chain
            v2[k] = b2[k] * x - a2[k] * y;
            x = y;
        }
        storeLanes(buf.s[i], x);
    }
    for (int k = 0; k < K; ++k)
        sections[k]->rt_keepState(v1[k], v2[k]);
}
} // namespace detail

// Runs the sections in order over buf, skipping bypassed ones: the same
// result, sample for sample, as calling rt_process on each in turn, faster.
template <std::size_t N>
[[gnu::always_inline]] inline void rt_processCascade(std::array<BiquadLanes, N>& sections,
                                                     LaneBlock& buf, int n) {
    static_assert(N >= 1 && N <= 4, "rt_processCascade handles up to 4 sections");
    BiquadLanes* active[N];
    int count = 0;
    for (auto& s : sections)
        if (!s.bypassed)
            active[count++] = &s;
    if (count == 1)
        detail::rt_processChain<1>(active, buf, n);
    if constexpr (N >= 2)
        if (count == 2)
            detail::rt_processChain<2>(active, buf, n);
    if constexpr (N >= 3)
        if (count == 3)
            detail::rt_processChain<3>(active, buf, n);
    if constexpr (N >= 4)
        if (count == 4)
            detail::rt_processChain<4>(active, buf, n);
}

} // namespace stagedesk::dsp
