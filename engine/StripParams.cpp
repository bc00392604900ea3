#include "StripParams.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::engine {

namespace {
float clampf(float v, float lo, float hi) {
    // NaN never reaches the DSP: it becomes the low end of the range.
    return std::isnan(v) ? lo : std::clamp(v, lo, hi);
}
bool flag(float v) {
    return v >= 0.5f;
}
} // namespace

bool StripParams::apply(Param param, int sub, float value) {
    const bool validBand = sub >= 0 && sub < kEqBands;
    const bool validBus = sub >= 0 && sub < kMaxBuses;
    switch (param) {
    case Param::Trim:
        trimDb = clampf(value, -18, 18);
        return true;
    case Param::Invert:
        invert = flag(value);
        return true;
    case Param::HpfOn:
        hpfOn = flag(value);
        return true;
    case Param::HpfFreq:
        hpfHz = clampf(value, 20, 400);
        return true;
    case Param::HpfSlope:
        hpfSlope = value >= 18 ? 24 : 12;
        return true;
    case Param::GateOn:
        gateOn = flag(value);
        return true;
    case Param::GateThreshold:
        gateThresholdDb = clampf(value, -80, 0);
        return true;
    case Param::GateRange:
        gateRangeDb = clampf(value, 0, 80);
        return true;
    case Param::GateAttack:
        gateAttackMs = clampf(value, 0.02f, 120);
        return true;
    case Param::GateHold:
        gateHoldMs = clampf(value, 0, 2000);
        return true;
    case Param::GateRelease:
        gateReleaseMs = clampf(value, 5, 4000);
        return true;
    case Param::DynOn:
        dynOn = flag(value);
        return true;
    case Param::DynThreshold:
        dynThresholdDb = clampf(value, -60, 0);
        return true;
    case Param::DynRatio:
        dynRatio = clampf(value, 1, 100);
        return true;
    case Param::DynKnee:
        dynKneeDb = clampf(value, 0, 24);
        return true;
    case Param::DynAttack:
        dynAttackMs = clampf(value, 0.05f, 200);
        return true;
    case Param::DynRelease:
        dynReleaseMs = clampf(value, 5, 4000);
        return true;
    case Param::DynMakeup:
        dynMakeupDb = clampf(value, 0, 24);
        return true;
    case Param::EqOn:
        eqOn = flag(value);
        return true;
    case Param::EqBandOn:
        if (validBand)
            eq[sub].on = flag(value);
        return validBand;
    case Param::EqBandType:
        if (validBand)
            eq[sub].type = static_cast<dsp::EqType>(
                static_cast<int>(clampf(value, 0, dsp::kEqTypeCount - 1) + 0.5f));
        return validBand;
    case Param::EqBandFreq:
        if (validBand)
            eq[sub].freqHz = clampf(value, 20, 20000);
        return validBand;
    case Param::EqBandGain:
        if (validBand)
            eq[sub].gainDb = clampf(value, -15, 15);
        return validBand;
    case Param::EqBandQ:
        if (validBand)
            eq[sub].q = clampf(value, 0.3f, 10);
        return validBand;
    case Param::Pan:
        pan = clampf(value, -1, 1);
        return true;
    case Param::Fader:
        faderDb = clampf(value, -144, 10);
        return true;
    case Param::On:
        on = flag(value);
        return true;
    case Param::MainOn:
        mainOn = flag(value);
        return true;
    case Param::SendLevel:
        if (validBus)
            sends[sub].levelDb = clampf(value, -144, 10);
        return validBus;
    case Param::SendOn:
        if (validBus)
            sends[sub].on = flag(value);
        return validBus;
    case Param::SendTap:
        if (validBus)
            sends[sub].tap = static_cast<SendTap>(static_cast<int>(clampf(value, 0, 2) + 0.5f));
        return validBus;
    case Param::DcaMask:
        dcaMask = static_cast<std::uint32_t>(clampf(value, 0, (1 << kDcaCount) - 1));
        return true;
    case Param::MuteGroupMask:
        muteGroupMask = static_cast<std::uint32_t>(clampf(value, 0, (1 << kMuteGroupCount) - 1));
        return true;
    case Param::ResetStats:
        return false;
    default: // the soundcheck's parameters (soundcheck/Soundcheck.h)
        return false;
    }
}

} // namespace stagedesk::engine
