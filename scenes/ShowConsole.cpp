#include "ShowConsole.h"

namespace stagedesk::scenes {

ShowDocument captureShow(const ConsoleState& state, const SceneList& scenes) {
    const ParameterRegistry& registry = state.registry();
    ShowDocument show;
    show.console = registry.size();
    for (ParamId id = 0; id < registry.count(); ++id)
        if (!state.isDefault(id) && registry.at(id).isStored()) // an alias: its switches are saved
            show.state.emplace(registry.at(id).address, state.value(id));
    for (const Scene& scene : scenes.scenes()) {
        ShowScene s{scene.id, scene.name,        scene.notes,       scene.fadeSeconds, scene.scope,
                    {},       scene.midiProgram, scene.oscMessages, scene.plugins};
        for (const auto& [id, value] : scene.values)
            s.values.emplace(registry.at(id).address, value);
        show.scenes.push_back(std::move(s));
    }
    show.cues = scenes.cues();
    show.cuePosition = scenes.cuePosition();
    show.safes = scenes.safes();
    return show;
}

bool applyShow(const ShowDocument& show, ConsoleState& state, SceneList& scenes) {
    const ParameterRegistry& registry = state.registry();
    if (!(show.console == registry.size()))
        return false;

    std::vector<Assignment> assignments;
    assignments.reserve(std::size_t(registry.count()));
    for (ParamId id = 0; id < registry.count(); ++id) {
        if (!registry.at(id).isStored())
            continue; // an alias follows its switches; a button is not pressed by a show
        const auto it = show.state.find(registry.at(id).address);
        assignments.push_back({id, it != show.state.end() ? it->second : state.defaultValue(id)});
    }

    std::vector<Scene> loaded;
    loaded.reserve(show.scenes.size());
    for (const ShowScene& s : show.scenes) {
        Scene scene;
        scene.id = s.id;
        scene.name = s.name;
        scene.notes = s.notes;
        scene.fadeSeconds = s.fadeSeconds;
        scene.scope = s.scope;
        scene.midiProgram = s.midiProgram;
        scene.oscMessages = s.oscMessages;
        scene.plugins = s.plugins;
        // A scene keeps only what differs from the defaults.
        for (const auto& [address, value] : s.values)
            if (const ParamId id = registry.find(address);
                id != kNoParam && value != state.defaultValue(id))
                scene.values.emplace(id, value);
        loaded.push_back(std::move(scene));
    }

    // The scene list checks its part first; a refusal leaves both untouched.
    if (!scenes.replaceAll(std::move(loaded), show.cues, show.cuePosition, show.safes))
        return false;
    state.applyTransaction(assignments, kInternalSource);
    return true;
}

} // namespace stagedesk::scenes
