#pragma once
// Gate and compressor for kLanes lanes, sample by sample, branch-free so the
// lane loops vectorise.

#include "Dynamics.h"
#include "FastMath.h"
#include "Lanes.h"

namespace stagedesk::dsp {

// Gate: opens when |x| reaches the threshold, stays open for the hold time
// after the last sample above it, then closes to -range dB. The gain glides
// open with the attack and closed with the release time constant.
struct GateLanes {
    LaneValues thresholdGain;     // linear
    LaneValues closedGain;        // linear; 1 when the gate is off
    LaneValues attackCoefficient; // one-pole per sample
    LaneValues releaseCoefficient;
    LaneValues holdSamples;
    LaneValues holdLeft;
    LaneValues gain;
    LaneValues minGainThisBlock; // for the gain-reduction meter

    GateLanes() {
        for (int l = 0; l < kLanes; ++l)
            gain[l] = closedGain[l] = attackCoefficient[l] = releaseCoefficient[l] = 1.0f;
    }

    // Nothing to do while every lane is off and fully open.
    bool idle() const {
        for (int l = 0; l < kLanes; ++l)
            if (closedGain[l] != 1.0f || gain[l] != 1.0f)
                return false;
        return true;
    }

    [[gnu::always_inline]] inline void rt_process(LaneBlock& buf, int n) {
        // All lanes in one vector (see LaneVec); in every lane:
        //   hold = |x| >= threshold ? holdSamples + 1 : max(hold - 1, 0)
        //   target = hold > 0 ? 1 : closedGain
        //   g += (target - g) * (target > g ? attack : release);  y = x g
        const LaneVec threshold = loadLanes(thresholdGain), closed = loadLanes(closedGain);
        const LaneVec attack = loadLanes(attackCoefficient);
        const LaneVec release = loadLanes(releaseCoefficient);
        const LaneVec reload = loadLanes(holdSamples) + 1.0f;
        const LaneVec zero{}, one = splatLanes(1.0f);
        LaneVec vg = loadLanes(gain), vhold = loadLanes(holdLeft), vlowest = one;
        for (int i = 0; i < n; ++i) {
            const LaneVec x = loadLanes(buf.s[i]);
            vhold = absLanes(x) >= threshold ? reload : maxLanes(vhold - 1.0f, zero);
            const LaneVec target = vhold > 0.0f ? one : closed;
            const LaneVec k = target > vg ? attack : release;
            vg += (target - vg) * k;
            vlowest = minLanes(vlowest, vg);
            storeLanes(buf.s[i], x * vg);
        }
        LaneValues g, hold, lowest;
        storeLanes(g, vg);
        storeLanes(hold, vhold);
        storeLanes(lowest, vlowest);
        // Snap a gain that has arrived, so that an idle gate is detected.
        for (int l = 0; l < kLanes; ++l) {
            if (std::fabs(g[l] - 1.0f) < 1e-6f && hold[l] > 0.0f)
                g[l] = 1.0f;
            if (closedGain[l] == 1.0f && std::fabs(g[l] - 1.0f) < 1e-6f)
                g[l] = 1.0f;
        }
        gain = g, holdLeft = hold;
        minGainThisBlock = lowest;
    }
};

// Feed-forward compressor with the soft-knee gain computer of Dynamics.h and
// the smooth decoupled peak detector in the log domain (Giannoulis 2012): the
// reduction rises with the attack and falls with the release time constant.
// Make-up gain is a separate GainRamp so that changing it never clicks.
struct CompressorLanes {
    LaneValues thresholdDb;
    LaneValues ratio;
    LaneValues kneeDb;
    LaneValues attackPole; // exp(-1 / (attack * rate))
    LaneValues releasePole;
    LaneValues peakState;   // reduction, dB >= 0, after the release stage
    LaneValues reductionDb; // smoothed reduction, dB >= 0
    LaneValues maxReductionThisBlock;
    GainRamp makeup;

    CompressorLanes() {
        for (int l = 0; l < kLanes; ++l) {
            ratio[l] = 1.0f;
            makeup.target[l] = 1.0f;
        }
        makeup.snap();
    }

    bool idle() const {
        for (int l = 0; l < kLanes; ++l)
            if (ratio[l] != 1.0f || reductionDb[l] != 0.0f || makeup.current[l] != 1.0f ||
                makeup.start[l] != 1.0f)
                return false;
        return true;
    }

    [[gnu::always_inline]] inline void rt_process(LaneBlock& buf, int n) {
        // All lanes in one vector (see LaneVec); in every lane:
        //   wanted = -gainComputer(level of x in dB)
        //   peak = max(wanted, rp peak + (1 - rp) wanted)
        //   red = ap red + (1 - ap) peak;  y = x 10^(-red / 20) makeup
        // in three passes over the block. Only the middle one carries state
        // from sample to sample; the long level detection and gain stages
        // have none, and on their own the CPU overlaps many samples of them
        // (in a single pass it could overlap two or three).
        LaneBlock work; // wanted, then red, per sample
        const LaneVec threshold = loadLanes(thresholdDb), vratio = loadLanes(ratio);
        const LaneVec knee = loadLanes(kneeDb);
        for (int i = 0; i < n; ++i) {
            const LaneVec levelDb = fastGainToDb(absLanes(loadLanes(buf.s[i])));
            storeLanes(work.s[i], -detail::compressorGainDb(levelDb, threshold, vratio, knee));
        }
        const LaneVec rp = loadLanes(releasePole), ap = loadLanes(attackPole);
        LaneVec vpeak = loadLanes(peakState), vred = loadLanes(reductionDb), vmost{};
        for (int i = 0; i < n; ++i) {
            const LaneVec wanted = loadLanes(work.s[i]);
            const LaneVec released = rp * vpeak + (1.0f - rp) * wanted;
            vpeak = maxLanes(wanted, released);
            vred = ap * vred + (1.0f - ap) * vpeak;
            vmost = maxLanes(vmost, vred);
            storeLanes(work.s[i], vred);
        }
        const LaneVec mkStart = loadLanes(makeup.start), mkCurrent = loadLanes(makeup.current);
        const float inv = 1.0f / static_cast<float>(n);
        for (int i = 0; i < n; ++i) {
            const float fi = static_cast<float>(i + 1) * inv;
            const LaneVec mk = mkStart + (mkCurrent - mkStart) * fi;
            const LaneVec x = loadLanes(buf.s[i]);
            storeLanes(buf.s[i], x * fastDbToGain(-loadLanes(work.s[i])) * mk);
        }
        LaneValues peak, red, most;
        storeLanes(peak, vpeak);
        storeLanes(red, vred);
        storeLanes(most, vmost);
        for (int l = 0; l < kLanes; ++l) {
            if (red[l] < 1e-5f && ratio[l] == 1.0f)
                red[l] = 0.0f, peak[l] = 0.0f;
        }
        peakState = peak, reductionDb = red;
        maxReductionThisBlock = most;
    }
};

} // namespace stagedesk::dsp
