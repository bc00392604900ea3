#pragma once
// Everything the soundcheck adds to the audio thread, in one place that the
// engine calls at a few points of its callback: the live/playback input
// switch (per channel and global, crossfaded), the record and playback taps,
// the signal generator, talkback with main dim, the RTA tap and the line
// check. With all of it off, each hook costs a comparison or two per
// sub-block.

#include "Command.h"
#include "ConsoleSize.h"
#include "dsp/Lanes.h"
#include "soundcheck/Generator.h"
#include "soundcheck/LineCheckTap.h"
#include "soundcheck/PlaybackTap.h"
#include "soundcheck/RecordTap.h"
#include "soundcheck/RtaTap.h"

#include <array>
#include <cstdint>
#include <vector>

namespace stagedesk::engine::soundcheck {

class Soundcheck {
public:
    explicit Soundcheck(const EngineConfig& config);

    // Control side of the taps, and the readers of the RTA and line check.
    RecordTap& recorder() { return m_record; }
    PlaybackTap& player() { return m_playback; }
    RtaTap& rta() { return m_rta; }
    LineCheckTap& lineCheck() { return m_lineCheck; }

    // Audio thread. Commands for Target::Soundcheck and Param::PlaybackOn.
    static bool handles(const Command& c) noexcept {
        return c.target == Target::Soundcheck || c.param == Param::PlaybackOn;
    }
    bool rt_apply(const Command& c) noexcept;

    void rt_beginBlock(std::uint64_t samplePosition) noexcept;
    // Per sub-block, before the channel strips: the signal each channel
    // hears, or nullptr when every channel hears its live input untouched.
    // Also records pre-preamp and measures the line check.
    const float* const* rt_channelInputs(const float* const* inputs, int inputCount, int offset,
                                         int n) noexcept;
    // Per sub-block: the channel groups' post-preamp signals are wanted.
    bool rt_wantsPostPreamp() const noexcept { return m_recording && m_record.rt_postPreamp(); }
    void rt_afterChannels(const dsp::LaneBlock* postPreamp, int n) noexcept;
    // Per sub-block: generator and talkback into the buses' and main's sums.
    void rt_addToBuses(std::vector<dsp::LaneBlock>& busSums, int n) noexcept;
    void rt_addToMain(dsp::LaneBlock& mainSums, int n) noexcept;
    // Once per block, after the outputs are written: the RTA tap.
    void rt_endBlock(const float* const* inputs, int inputCount, const float* const* outputs,
                     int outputCount, int frames) noexcept;

private:
    struct Ramp { // a gain gliding to its target once per sub-block
        float value = 0, target = 0;
        bool rt_advance(float glide, float& from) noexcept; // false: both ends zero
    };
    void rt_refreshSelection() noexcept;

    int m_inputs, m_buses;
    float m_glide;      // one-pole per sub-block, ~5 ms
    float m_switchStep; // live <-> playback crossfade per sub-block (10 ms)

    RecordTap m_record;
    PlaybackTap m_playback;
    RtaTap m_rta;
    LineCheckTap m_lineCheck;
    Generator m_generator;
    bool m_recording = false, m_playing = false;

    // Live/playback switch: 0 = live, 1 = playback, per channel.
    std::array<bool, kMaxInputs> m_playbackOn{};
    bool m_routSwitch = false;
    std::array<float, kMaxInputs> m_mix{}, m_mixTarget{};
    bool m_switchActive = false; // some channel is not entirely live
    PlaybackBlock m_playbackSignal{};
    std::array<std::array<float, dsp::kSubBlock>, kMaxInputs> m_mixed{};
    std::array<const float*, kMaxInputs> m_live{}, m_heard{};
    std::array<float, dsp::kSubBlock> m_silence{};

    // Generator and talkback destinations (bit b = bus b).
    bool m_genMain = false;
    std::uint32_t m_genBuses = 0;
    std::array<float, dsp::kSubBlock> m_genSignal{};
    bool m_genActive = false;

    bool m_talkOn = false;
    int m_talkInput = 0;
    float m_talkLevelGain = 1, m_talkDimGain = 1;
    std::uint32_t m_talkBuses = 0;
    Ramp m_talk, m_dim{1, 1};
    float m_talkFrom = 0, m_dimFrom = 1;
    bool m_talkActive = false, m_dimActive = false;
};

} // namespace stagedesk::engine::soundcheck
