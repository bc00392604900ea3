#pragma once
// kLanes strips of the same kind processed together, structure of arrays.
// A channel group runs the whole input strip and mixes into main LR and the
// bus accumulators; bus and main groups run EQ, compressor and fader on the
// accumulated sums and write their outputs.

#include "ConsoleSize.h"
#include "StripParams.h"
#include "dsp/BiquadLanes.h"
#include "dsp/DynamicsLanes.h"
#include "dsp/Lanes.h"

#include <array>
#include <vector>

namespace stagedesk::engine {

using dsp::kLanes;
using dsp::LaneBlock;
using dsp::LaneValues;

// Per-lane meter state, with ballistics applied once per sub-block.
struct LaneMeters {
    LaneValues peak;       // linear, decaying peak hold
    LaneValues meanSquare; // integrated, ~300 ms
    LaneValues clips;      // samples at or above full scale, ever (as float count)
    LaneValues gateGain;   // lowest gate gain of the last sub-block, linear
    LaneValues compReductionDb;
};

// Where channels' signals are summed during one sub-block: one lane block per
// destination, lane l holding the partial sum of lane l of every channel
// group; reduced across lanes when the buses and main read them.
struct MixAccumulators {
    LaneBlock mainLeft;
    LaneBlock mainRight;
    std::vector<LaneBlock> buses;
};

struct StripTargets {
    float faderDb;  // channel fader plus its DCAs' offsets
    bool muted;     // own mute, a DCA's mute or an active mute group
};

class StripGroup {
public:
    enum class Kind { Channel, Bus, Main };

    StripGroup(Kind kind, int activeLanes, int busCount, double sampleRate);

    Kind kind() const { return m_kind; }
    int activeLanes() const { return m_activeLanes; }

    // Derives every per-lane target from the plain parameters. Runs on the
    // audio thread when a strip is dirty; a few microseconds per strip.
    void rt_setTargets(int lane, const StripParams& p, const StripTargets& t);

    // Starts every smoothed value at its target (before audio starts).
    void snapToTargets();

    // Channel group: lane inputs (nullptr = silence) -> accumulators.
    void rt_processChannels(const float* const* laneInputs, int frames, MixAccumulators& mix);
    // Bus or main group: summed lanes -> outputs (nullptr = not connected).
    void rt_processSums(const LaneBlock& sums, int frames, float* const* laneOutputs);

    const LaneMeters& meters() const { return m_meters; }

private:
    void rt_advanceSmoothing();
    void rt_runDynamicsAndEq(LaneBlock& buf, int frames, bool keepPreEq);
    void rt_meter(const LaneBlock& buf, int frames);

    Kind m_kind;
    int m_activeLanes;
    int m_busCount;
    float m_sampleRate;
    float m_rampDecay;  // one-pole per sub-block for gains
    float m_coeffGlide; // one-pole per sub-block for filter coefficients
    float m_meterPeakDecay;
    float m_meterRmsCoefficient;

    dsp::GainRamp m_inputGain; // trim and polarity
    std::array<dsp::BiquadLanes, 2> m_hpf;
    dsp::GateLanes m_gate;
    dsp::CompressorLanes m_comp;
    std::array<dsp::BiquadLanes, kEqBands> m_eq;

    // Destinations. Channels: main L/R and, per bus, a gain on the post-EQ
    // signal (pre- and post-fader taps) and one on the pre-EQ signal.
    // Bus and main: m_out is the fader and mute.
    dsp::GainRamp m_mainLeft, m_mainRight, m_out;
    std::vector<dsp::GainRamp> m_sendFromPostEq;
    std::vector<dsp::GainRamp> m_sendFromPreEq;
    bool m_anyPreEqSend = false;

    LaneBlock m_buf;
    LaneBlock m_preEq;
    LaneMeters m_meters;
};

} // namespace stagedesk::engine
