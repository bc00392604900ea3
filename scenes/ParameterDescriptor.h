#pragma once
// Everything the console knows about one controllable value: its address in
// X32 OSC naming, unit, range, default, taper, the recall section it belongs
// to, and where it goes in the engine. The three forms of a value (plain,
// normalized, engine) are converted here and nowhere else.

#include "Command.h"
#include "Taper.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace stagedesk::scenes {

// What a scene's recall scope and the recall safes are made of. Soundcheck
// (the playback switches, generator, talkback and solo) is the engineer's
// listening and test state, not a song's: RecallScope::everything() leaves it
// out, so no scene flips a channel to playback, sounds the generator or
// changes what is soloed unless its scope names the section.
enum class Section : std::uint8_t {
    Preamp,
    Dynamics,
    Eq,
    Sends,
    FaderMute,
    Routing,
    Names,
    Soundcheck,
    Inserts, // the insert slots: on, position and which plugin
    Count
};
const char* sectionName(Section s);

// FxReturn: an FX return strip (/fxrtn/KK) together with the FX slot that
// feeds it (/fx/K): a scope or a safe names them as one.
enum class StripKind : std::uint8_t { Channel, Bus, Main, Dca, MuteGroup, Global, FxReturn };

// How the plain value becomes the engine's value.
enum class EngineMapping : std::uint8_t {
    None,       // not an engine parameter (names, colours, links)
    Direct,     // same number
    FaderDb,    // kFaderOffDb (-inf) becomes the engine's silence
    Percent,    // -100..100 -> -1..1 (pan)
    Ratio,      // enum index -> compressor ratio
    HpfSlope,   // enum index -> 12 / 24 dB/oct
    EqType,     // X32 EQ type index -> dsp::EqType
    OffOrIndex, // enum index: 0 ("OFF") -> -1, n -> n - 1 (an FX slot's source bus)
};

struct ParameterDescriptor {
    QString address;
    QString unit;
    Taper taper = Taper::Linear;
    double min = 0, max = 1, defaultValue = 0; // plain
    QStringList enumNames;                     // Taper::Enum
    int maxLength = 0;                         // Taper::String
    Section section = Section::FaderMute;
    StripKind strip = StripKind::Global;
    int stripIndex = 0;
    bool fades = false; // glides over a scene's fade time (faders, send levels)
    // Another view of other parameters (ParameterRegistry::aliasOf): never
    // stored by shows or scenes, which keep what it shows.
    bool alias = false;
    // A button press (/fx/K/tap): an event for whoever watches it, not a
    // setting, so never stored by shows or scenes either.
    bool momentary = false;
    // Added while the console runs (ParameterRegistry::addDynamic): the
    // controls of the plugin in an insert slot, /ch/01/insert/1/par/SYMBOL.
    // Shows and scenes keep them with the slot's plugin ("plugins"), not as
    // values. A retired one (its plugin left the slot) is no longer found by
    // address and refuses every change; its id is never given to another.
    bool dynamic = false;
    bool retired = false;

    EngineMapping mapping = EngineMapping::None;
    engine::Target target = engine::Target::Engine;
    engine::Param param = engine::Param::ResetStats;
    std::uint16_t index = 0, sub = 0;

    bool isText() const { return taper == Taper::String; }
    // Kept by shows and scenes as values: neither an alias, momentary nor
    // dynamic.
    bool isStored() const { return !alias && !momentary && !dynamic; }
    bool isDiscrete() const;
    // Clamped to the range, rounded where the value is discrete; NaN -> default.
    double clamp(double plain) const;
    double toNormalized(double plain) const;
    double fromNormalized(double normalized) const;
    float engineValue(double plain) const;
    engine::Command engineCommand(double plain) const;
    // As a person reads it: "-10.0 dB", "-inf", "1.20 kHz", "PEQ", "ON".
    QString format(double plain) const;
};

} // namespace stagedesk::scenes
