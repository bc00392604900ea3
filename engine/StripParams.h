#pragma once
// The plain parameter values of one strip (channel, bus or main) as the
// audio thread holds them. Commands write here; StripGroup derives its
// per-lane targets from it when the strip is marked dirty.

#include "Command.h"
#include "ConsoleSize.h"
#include "dsp/Biquad.h"

#include <array>
#include <cstdint>

namespace stagedesk::engine {

struct EqBandParams {
    bool on = true;
    dsp::EqType type = dsp::EqType::Peak;
    float freqHz = 1000;
    float gainDb = 0;
    float q = 2;
    bool operator==(const EqBandParams&) const = default;
};

struct SendParams {
    float levelDb = -144; // -inf
    bool on = true;
    SendTap tap = SendTap::PostFader;
    bool operator==(const SendParams&) const = default;
};

struct StripParams {
    float trimDb = 0;
    bool invert = false;
    bool hpfOn = false;
    float hpfHz = 80;
    int hpfSlope = 12;

    bool gateOn = false;
    float gateThresholdDb = -40;
    float gateRangeDb = 60;
    float gateAttackMs = 0.5f;
    float gateHoldMs = 50;
    float gateReleaseMs = 150;

    bool dynOn = false;
    float dynThresholdDb = -20;
    float dynRatio = 3;
    float dynKneeDb = 2;
    float dynAttackMs = 10;
    float dynReleaseMs = 150;
    float dynMakeupDb = 0;

    bool eqOn = true;
    std::array<EqBandParams, kEqBands> eq{{{true, dsp::EqType::LowShelf, 100, 0, 0.7f},
                                           {true, dsp::EqType::Peak, 500, 0, 2},
                                           {true, dsp::EqType::Peak, 2000, 0, 2},
                                           {true, dsp::EqType::HighShelf, 8000, 0, 0.7f}}};

    float pan = 0;
    float faderDb = -144; // -inf
    bool on = true;
    bool mainOn = true;
    bool solo = false; // set by the engine itself (it counts the soloed strips)
    std::uint32_t dcaMask = 0;
    std::uint32_t muteGroupMask = 0;

    std::array<SendParams, kMaxBuses> sends{};

    // Applies one strip-level command; returns false if the parameter is not
    // one a strip has. Values are clamped to their engine range here, the
    // last line of defence behind the console model's validation.
    bool apply(Param param, int sub, float value);
    bool operator==(const StripParams&) const = default;
};

} // namespace stagedesk::engine
