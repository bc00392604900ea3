#pragma once
// A show as plain data, the way the show file holds it: values by address in
// the parameter's own unit, scenes with their scopes, the cue list, the safes
// and the slots that the MIDI and OSC surfaces fill later. It knows nothing of
// a running console; ShowConsole moves it in and out of one.

#include "ConsoleState.h"
#include "RecallScope.h"
#include "Scene.h"
#include "SlotPluginState.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace stagedesk::scenes {

// Values by address. Enumerations are held as their index and booleans as 0/1,
// as in ConsoleState; the file spells them as names and true/false.
using AddressValues = std::map<QString, ParameterValue>;

struct ShowScene {
    int id = 0;
    QString name;
    QString notes;
    double fadeSeconds = 0;
    RecallScope scope;
    AddressValues values;
    std::optional<int> midiProgram;
    QStringList oscMessages;
    SlotPluginStates plugins; // the scene's plugin controls (Scene::plugins)
    bool operator==(const ShowScene&) const = default;
};

struct ShowDocument {
    QString name;
    ConsoleSize console;
    AddressValues state; // what is missing is at its default
    std::vector<ShowScene> scenes;
    std::vector<Cue> cues;
    int cuePosition = 0;
    RecallSafes safes = RecallSafes::nothing(ConsoleSize{});
    // Opaque until the surfaces that own them exist; carried through unchanged.
    QJsonObject midi;
    QJsonObject osc;
    // The plugins in the insert slots (their URIs are in 'state').
    SlotPluginStates plugins;
    bool operator==(const ShowDocument&) const = default;
};

} // namespace stagedesk::scenes
