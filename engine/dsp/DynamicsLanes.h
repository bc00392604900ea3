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
        LaneValues g = gain, hold = holdLeft, lowest;
        for (int l = 0; l < kLanes; ++l)
            lowest[l] = 1.0f;
        for (int i = 0; i < n; ++i) {
            for (int l = 0; l < kLanes; ++l) {
                const float x = buf.s[i][l];
                const bool above = std::fabs(x) >= thresholdGain[l];
                hold[l] = above ? holdSamples[l] + 1.0f : std::max(hold[l] - 1.0f, 0.0f);
                const float target = hold[l] > 0.0f ? 1.0f : closedGain[l];
                const float k = target > g[l] ? attackCoefficient[l] : releaseCoefficient[l];
                g[l] += (target - g[l]) * k;
                lowest[l] = std::min(lowest[l], g[l]);
                buf.s[i][l] = x * g[l];
            }
        }
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
    LaneValues peakState;      // reduction, dB >= 0, after the release stage
    LaneValues reductionDb;    // smoothed reduction, dB >= 0
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
        LaneValues peak = peakState, red = reductionDb, most;
        const float inv = 1.0f / static_cast<float>(n);
        for (int i = 0; i < n; ++i) {
            const float fi = static_cast<float>(i + 1) * inv;
            for (int l = 0; l < kLanes; ++l) {
                const float x = buf.s[i][l];
                const float levelDb = fastGainToDb(std::fabs(x));
                const float wanted = -compressorGainDb(levelDb, thresholdDb[l], ratio[l], kneeDb[l]);
                const float released = releasePole[l] * peak[l] + (1.0f - releasePole[l]) * wanted;
                peak[l] = std::max(wanted, released);
                red[l] = attackPole[l] * red[l] + (1.0f - attackPole[l]) * peak[l];
                most[l] = std::max(most[l], red[l]);
                const float mk = makeup.start[l] + (makeup.current[l] - makeup.start[l]) * fi;
                buf.s[i][l] = x * fastDbToGain(-red[l]) * mk;
            }
        }
        for (int l = 0; l < kLanes; ++l) {
            if (red[l] < 1e-5f && ratio[l] == 1.0f)
                red[l] = 0.0f, peak[l] = 0.0f;
        }
        peakState = peak, reductionDb = red;
        maxReductionThisBlock = most;
    }
};

} // namespace stagedesk::dsp
