#pragma once
// One biquad section in each of kLanes lanes, transposed direct form II.
// Coefficient targets are set per lane; the running coefficients glide
// toward them once per sub-block. A straight line between two stable
// (a1, a2) pairs stays inside the stability triangle, so the glide never
// passes through an unstable filter, and a change never clicks. Switching a
// section off glides toward the identity; once all lanes sit there, the
// section is skipped.

#include "Biquad.h"
#include "Lanes.h"

namespace stagedesk::dsp {

struct BiquadLanes {
    LaneValues b0, b1, b2, a1, a2; // running
    LaneValues tb0, tb1, tb2, ta1, ta2; // targets
    LaneValues z1, z2;
    bool settled = true;
    bool bypassed = true; // settled on the identity in every lane

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

    BiquadCoeffs running(int lane) const { return {b0[lane], b1[lane], b2[lane], a1[lane], a2[lane]}; }

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
            bool identity = true;
            for (int l = 0; l < kLanes; ++l)
                identity = identity && b0[l] == 1.0f && b1[l] == 0.0f && b2[l] == 0.0f &&
                           a1[l] == 0.0f && a2[l] == 0.0f;
            bypassed = identity;
            if (bypassed)
                z1 = LaneValues{}, z2 = LaneValues{};
        }
    }

    [[gnu::always_inline]] inline void rt_process(LaneBlock& buf, int n) {
        if (bypassed)
            return;
        LaneValues s1 = z1, s2 = z2;
        for (int i = 0; i < n; ++i) {
            for (int l = 0; l < kLanes; ++l) {
                const float x = buf.s[i][l];
                const float y = b0[l] * x + s1[l];
                s1[l] = b1[l] * x - a1[l] * y + s2[l];
                s2[l] = b2[l] * x - a2[l] * y;
                buf.s[i][l] = y;
            }
        }
        // A NaN or infinity (from a hostile input) resets the filter instead
        // of spreading through it forever.
        for (int l = 0; l < kLanes; ++l) {
            if (!std::isfinite(s1[l]) || !std::isfinite(s2[l]))
                s1[l] = 0, s2[l] = 0;
        }
        z1 = s1, z2 = s2;
    }
};

} // namespace stagedesk::dsp
