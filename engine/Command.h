#pragma once
// The fixed-size command that carries one parameter change to the audio
// thread. Values are in engine units: dB, Hz, ms, ratio, -1..1 pan, 0/1.

#include <cstdint>
#include <type_traits>

namespace stagedesk::engine {

// Fx: a slot of the FX rack (index 0..kFxSlots-1). FxReturn: the stereo
// return strip of that slot (same index), which takes the strip parameters
// of a channel that it has: EQ, pan (as balance), fader, on, main assign,
// sends, DCA and mute-group masks, solo.
enum class Target : std::uint8_t {
    Channel,
    Bus,
    Main,
    Dca,
    MuteGroup,
    Engine,
    Soundcheck,
    Fx,
    FxReturn
};

enum class Param : std::uint8_t {
    // Channel strip, in signal order. Buses and main accept the subset they have.
    Trim,          // dB, -18..+18
    Invert,        // 0/1
    HpfOn,         // 0/1
    HpfFreq,       // Hz, 20..400
    HpfSlope,      // 12 or 24 dB/oct
    GateOn,        // 0/1
    GateThreshold, // dBFS
    GateRange,     // dB of attenuation when closed, 0..80
    GateAttack,    // ms
    GateHold,      // ms
    GateRelease,   // ms
    DynOn,         // 0/1
    DynThreshold,  // dBFS
    DynRatio,      // 1..100 (100 = limiter)
    DynKnee,       // dB, 0..24
    DynAttack,     // ms
    DynRelease,    // ms
    DynMakeup,     // dB
    EqOn,          // 0/1, the whole EQ
    EqBandOn,      // 0/1, sub = band 0..3
    EqBandType,    // dsp::EqType, sub = band
    EqBandFreq,    // Hz, sub = band
    EqBandGain,    // dB, sub = band
    EqBandQ,       // sub = band
    Pan,           // -1 (left) .. +1 (right)
    Fader,         // dB, <= -144 is -inf
    On,            // 0 = muted
    MainOn,        // 0/1: channel assigned to main LR
    SendLevel,     // dB, sub = bus
    SendOn,        // 0/1, sub = bus
    SendTap,       // SendTap, sub = bus
    DcaMask,       // bit i = member of DCA i+1 (value carries the integer)
    MuteGroupMask, // bit i = member of mute group i+1
    // Target::Engine
    ResetStats,
    // Soundcheck (engine/soundcheck/Soundcheck.h). Target::Channel:
    PlaybackOn, // 0/1: the channel hears its playback track instead of its input
    // Target::Soundcheck:
    RoutSwitch,  // 0/1: every channel on playback (the global soundcheck switch)
    GenOn,       // 0/1
    GenType,     // soundcheck::GeneratorType
    GenFreq,     // Hz, sine
    GenLevel,    // dBFS RMS, <= 0
    GenMain,     // 0/1: generator into main LR
    GenBus,      // 0/1, sub = bus: generator into that mix bus
    TalkOn,      // 0/1 (momentary or latched is the surface's business)
    TalkInput,   // channel index of the talkback microphone
    TalkLevel,   // dB
    TalkBus,     // 0/1, sub = bus: talkback goes to that mix bus
    TalkDim,     // dB of main dim while talkback is on, <= 0 (0 = no dim)
    RtaSource,   // sub = soundcheck::RtaSourceKind, index = channel or bus
    LineCheckOn, // 0/1: per-channel line-check statistics
    // Insert slots (engine/inserts/), Target::Channel, Bus or Main, sub = slot;
    // InsertOn also for Target::Fx (sub 0), where off means silence, not dry:
    InsertOn,       // 0/1: 0 bypasses the slot (cross-faded); 1 also clears an automatic bypass
    InsertPosition, // engine::InsertPosition: before or after the EQ
    InsertSwap,     // value = the other slot: the two trade places
    // Target::Channel (PFL: before mute and fader) or Target::Bus (AFL: after
    // its fader): 0/1. While anything is soloed the monitor outputs carry
    // the solo bus instead of main.
    Solo,
    // Target::Fx: the mix bus that feeds the slot (0-based), or -1 for none.
    FxSource,
};

enum class SendTap : std::uint8_t { PreEq = 0, PreFader = 1, PostFader = 2 };

struct Command {
    Target target;
    Param param;
    std::uint16_t index; // channel, bus, DCA or mute group, 0-based
    std::uint16_t sub;   // EQ band or send bus, 0-based
    float value;
    // Faders and send levels only: glide to the value over this time
    // (a scene's fade), sample-accurate; 0 = the usual few-ms smoothing.
    std::uint16_t fadeCentiseconds = 0;
};
static_assert(std::is_trivially_copyable_v<Command>);
static_assert(sizeof(Command) <= 16);

} // namespace stagedesk::engine
