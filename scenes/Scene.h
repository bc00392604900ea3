#pragma once
// A stored scene: the console's values with a recall scope and fade time.
// Only values that differ from the parameter's default are kept, so that 500
// scenes of a 128-channel console stay small in memory and in the show file.

#include "ConsoleState.h"
#include "RecallScope.h"
#include "SlotPluginState.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace stagedesk::scenes {

constexpr int kMaxScenes = 1000;
constexpr double kMaxFadeSeconds = 600; // what an engine command can carry

struct Scene {
    int id = 0; // stable across reordering; cues refer to it
    QString name;
    QString notes;
    double fadeSeconds = 0; // faders and send levels glide over this time
    RecallScope scope;
    std::map<ParamId, ParameterValue> values; // non-default values only
    // The controls of the plugins in the insert slots, by slot, with the
    // plugin they belong to (recalled only into a slot running it); the one
    // place of those parameters (ParameterDescriptor::dynamic) in a scene.
    SlotPluginStates plugins;

    // Hooks for the surfaces (later issues): fired when the scene is recalled.
    std::optional<int> midiProgram;
    QStringList oscMessages;

    // The scene's value of a parameter (its default when not stored).
    ParameterValue valueOf(ParamId id, const ConsoleState& state) const {
        const auto it = values.find(id);
        return it != values.end() ? it->second : state.defaultValue(id);
    }
    bool operator==(const Scene&) const = default;
};

struct Cue {
    int sceneId = 0;
    QString label;
    bool operator==(const Cue&) const = default;
};

} // namespace stagedesk::scenes
