#pragma once
// kLanes strips of the same kind processed together, structure of arrays.
// A channel group runs the whole input strip and mixes into main LR and the
// bus accumulators; bus and main groups run EQ, compressor and fader on the
// accumulated sums and write their outputs. An FX return group is a channel
// group whose lanes are the left and right sides of the FX rack's returns
// (engine/fx/FxRack.h).

#include "ConsoleSize.h"
#include "StripParams.h"
#include "dsp/BiquadLanes.h"
#include "dsp/DynamicsLanes.h"
#include "dsp/LaneDelay.h"
#include "dsp/Lanes.h"
#include "inserts/InsertRack.h"

#include <array>
#include <cstdint>
#include <memory>
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

struct StripTargets {
    float faderDb; // channel fader plus its DCAs' offsets
    bool muted;    // own mute, a DCA's mute or an active mute group
    // A scene fade is moving the fader (or a DCA of it), or these sends'
    // levels: their gains follow the engine's fade exactly, unsmoothed.
    bool faderFading = false;
    std::uint32_t sendsFading = 0; // bit b = send to bus b
};

class StripGroup {
public:
    // FxReturn: lane 2k is the left, 2k+1 the right side of return k. Like a
    // channel without inserts or alignment; pan is a balance, each side sends
    // and solos at half level (a centred signal reaches a mono bus at the
    // send's level), and its meters are taken after the fader.
    enum class Kind { Channel, Bus, Main, FxReturn };

    // firstStrip: the channel or bus index of lane 0. inserts: where the
    // insert slots report (the engine's, outliving the group).
    StripGroup(Kind kind, int firstStrip, int activeLanes, int busCount, double sampleRate,
               InsertEvents& inserts);

    Kind kind() const { return m_kind; }
    int activeLanes() const { return m_activeLanes; }

    // Derive the per-lane targets from the plain parameters, on the audio
    // thread when a strip is dirty. Gains (trim, mute, fader, pan, sends) are
    // cheap and may change every sub-block during a fade; processing (filters,
    // dynamics) costs a few microseconds of filter design per strip.
    void rt_setGainTargets(int lane, const StripParams& p, const StripTargets& t);
    void rt_setProcessingTargets(int lane, const StripParams& p);

    // Starts every smoothed value at its target (before audio starts).
    void snapToTargets();

    // Channel group: runs the strips on the lane inputs (never null; the
    // engine passes silence) and keeps the signals at every tap point. Then
    // the engine mixes destination by destination, so that each destination's
    // accumulator stays in the L1 cache while every group adds to it; lane l
    // of an accumulator holds the partial sum of the groups' lane l.
    // postPreamp, when given, receives the signal after trim and polarity
    // (the recorder's post-preamp tap).
    void rt_processChannels(const float* const* laneInputs, int frames,
                            LaneBlock* postPreamp = nullptr);
    void rt_mixMain(int frames, LaneBlock& left, LaneBlock& right) const;
    void rt_mixBus(int bus, int frames, LaneBlock& acc) const;
    // The soloed lanes into the solo bus: channels before their mute and
    // fader (PFL), buses after their fader (AFL).
    void rt_mixSolo(int frames, LaneBlock& acc) const;
    // Bus or main group: summed lanes -> outputs (nullptr = not connected).
    void rt_processSums(const LaneBlock& sums, int frames, float* const* laneOutputs);

    const LaneMeters& meters() const { return m_meters; }
    // Bus or main group: the sub-block just written to the outputs.
    const LaneBlock& lastOutput() const { return m_buf; }

    // The insert slots of a lane's strip; main LR has one stereo rack, lane 0.
    InsertRack& insertRack(int lane) { return m_inserts[std::size_t(lane)]; }
    // Channels: delays the lane's input (delay compensation), 0..kMaxInsertLatency.
    void rt_setAlignmentDelay(int lane, int samples) { m_alignment->setDelay(lane, samples); }
    // Channels and FX returns: the strips fed by rt_processChannels.
    bool takesInputs() const { return m_kind == Kind::Channel || m_kind == Kind::FxReturn; }
    // Frees every insert occupant (the engine's destruction).
    void releaseInserts();

private:
    void rt_advanceSmoothing();
    void rt_runDynamicsAndEq(LaneBlock& buf, int frames, bool keepPreEq);
    void rt_meter(const LaneBlock& buf, int frames);
    void rt_runInserts(InsertPosition position, LaneBlock& buf, int frames);

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

    // Mute and fader are gains of their own, applied to the signal, so that
    // a fader can follow a scene fade exactly while a mute still ramps.
    dsp::GainRamp m_mute, m_fader;
    dsp::GainRamp m_solo; // 1 in a soloed lane
    LaneBlock m_preMute;  // channels, kept while a lane is soloed
    LaneValues m_faderDecay;
    // Channels: main L/R (pan and assignment) from the post-fader signal,
    // and per bus a send level from each tap point; a send's level lives in
    // the ramp of its tap, the other two are zero.
    dsp::GainRamp m_mainLeft, m_mainRight;
    std::vector<dsp::GainRamp> m_sendPreEq, m_sendPreFader, m_sendPostFader;
    std::vector<LaneValues> m_sendDecay;
    bool m_anyPreEqSend = false;

    LaneBlock m_buf;   // the strip's signal; post-EQ and muted before the fader
    LaneBlock m_preEq; // muted, for pre-EQ sends
    LaneBlock m_postFader;
    LaneMeters m_meters;

    InsertEvents* m_insertEvents;
    std::vector<InsertRack> m_inserts;
    float m_insertIo[2][dsp::kSubBlock];         // a rack's channels, taken out of the lanes
    std::unique_ptr<dsp::LaneDelay> m_alignment; // channels only
};

} // namespace stagedesk::engine
