#include "SceneList.h"

#include "PluginControls.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace stagedesk::scenes {

namespace {

// The value ConsoleState would store for v, or nullopt if it would refuse it:
// comparing this with the current value tells exactly what a recall changes.
std::optional<ParameterValue> storable(const ParameterDescriptor& d, const ParameterValue& v) {
    if (d.isText()) {
        const QString* text = std::get_if<QString>(&v);
        return text ? std::optional<ParameterValue>(text->left(d.maxLength)) : std::nullopt;
    }
    const double* number = std::get_if<double>(&v);
    if (!number || (!std::isfinite(*number) && !(d.taper == Taper::Fader && *number < 0)))
        return std::nullopt;
    return d.clamp(*number);
}

bool validFade(double seconds) {
    return std::isfinite(seconds) && seconds >= 0 && seconds <= kMaxFadeSeconds;
}

} // namespace

SceneList::SceneList(ConsoleState& state)
    : m_state(state), m_safes(RecallSafes::nothing(state.registry().size())) {}

int SceneList::indexOfId(int id) const {
    const auto it =
        std::find_if(m_scenes.begin(), m_scenes.end(), [id](const Scene& s) { return s.id == id; });
    return it == m_scenes.end() ? -1 : int(it - m_scenes.begin());
}

int SceneList::store(int index, const QString& name, const RecallScope& scope, double fadeSeconds) {
    const bool append = index == count();
    if (index < 0 || index > count() || (append && count() >= kMaxScenes) ||
        !validFade(fadeSeconds))
        return -1;

    Scene scene;
    if (append) {
        scene.id = m_nextId++;
    } else {
        scene = m_scenes[std::size_t(index)]; // keeps id, notes and hooks
        scene.values.clear();
    }
    scene.name = name;
    scene.scope = scope;
    scene.fadeSeconds = fadeSeconds;
    const ParameterRegistry& registry = m_state.registry();
    for (ParamId id = 0; id < registry.count(); ++id)
        if (!m_state.isDefault(id) && registry.at(id).isStored()) // an alias: its switches are kept
            scene.values.emplace_hint(scene.values.end(), id, m_state.value(id));
    scene.plugins = pluginControls(m_state, scene.plugins);

    if (append) {
        m_undoStore = StoreUndo{scene.id, std::nullopt};
        m_scenes.push_back(std::move(scene));
    } else {
        m_undoStore = StoreUndo{scene.id, std::move(m_scenes[std::size_t(index)])};
        m_scenes[std::size_t(index)] = std::move(scene);
    }
    notify(SceneListEvent::Stored);
    return m_scenes[std::size_t(index)].id;
}

bool SceneList::undoStore() {
    if (!m_undoStore)
        return false;
    StoreUndo undo = std::move(*m_undoStore);
    m_undoStore.reset();
    const int index = indexOfId(undo.sceneId);
    if (index < 0)
        return false;
    if (undo.previous)
        m_scenes[std::size_t(index)] = std::move(*undo.previous);
    else
        remove(index);
    notify(SceneListEvent::Stored);
    return true;
}

std::vector<Assignment> SceneList::recallAssignments(const Scene& scene) const {
    const ParameterRegistry& registry = m_state.registry();
    std::vector<Assignment> changes;
    auto stored = scene.values.begin();
    for (ParamId id = 0; id < registry.count(); ++id) {
        // values is ordered by id: walk it alongside instead of looking up.
        while (stored != scene.values.end() && stored->first < id)
            ++stored;
        const ParameterDescriptor& d = registry.at(id);
        if (!scene.scope.includes(d) || m_safes.protects(d) || !d.isStored())
            continue;
        const bool has = stored != scene.values.end() && stored->first == id;
        const auto target = storable(d, has ? stored->second : m_state.defaultValue(id));
        if (target && *target != m_state.value(id))
            changes.push_back({id, *target});
    }
    return changes;
}

bool SceneList::recall(int index) {
    if (!validIndex(index))
        return false;
    const Scene& scene = m_scenes[std::size_t(index)];
    const auto reaches = [&](const ParameterDescriptor& d) {
        return scene.scope.includes(d) && !m_safes.protects(d);
    };
    std::vector<Assignment> changes = recallAssignments(scene);
    // The controls of plugins that stay in their slots, in the same transaction.
    const std::vector<Assignment> controls =
        pluginControlAssignments(m_state, scene.plugins, reaches);
    changes.insert(changes.end(), controls.begin(), controls.end());
    std::vector<Assignment> previous;
    previous.reserve(changes.size());
    for (const Assignment& a : changes)
        previous.push_back({a.id, m_state.value(a.id)});
    m_state.applyTransaction(changes, kInternalSource, scene.fadeSeconds);
    // A plugin this recall put into a slot has its controls in the model now
    // (the insert host added them as it started building it): the scene's go
    // there before the plugin runs.
    const std::vector<Assignment> late = pluginControlAssignments(m_state, scene.plugins, reaches);
    for (const Assignment& a : late)
        previous.push_back({a.id, m_state.value(a.id)});
    m_state.applyTransaction(late, kInternalSource);
    m_undoRecall = std::move(previous);
    m_recalledIndex = index;
    notify(SceneListEvent::Recalled);
    m_recalledIndex = -1;
    return true;
}

bool SceneList::undoRecall() {
    if (!m_undoRecall)
        return false;
    const std::vector<Assignment> previous = std::move(*m_undoRecall);
    m_undoRecall.reset();
    m_state.applyTransaction(previous, kInternalSource, 0);
    notify(SceneListEvent::Recalled);
    return true;
}

bool SceneList::rename(int index, const QString& name) {
    if (!validIndex(index))
        return false;
    m_scenes[std::size_t(index)].name = name;
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::setFadeTime(int index, double seconds) {
    if (!validIndex(index) || !validFade(seconds))
        return false;
    m_scenes[std::size_t(index)].fadeSeconds = seconds;
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::setScope(int index, const RecallScope& scope) {
    if (!validIndex(index))
        return false;
    m_scenes[std::size_t(index)].scope = scope;
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::remove(int index) {
    if (!validIndex(index))
        return false;
    const int id = m_scenes[std::size_t(index)].id;
    m_scenes.erase(m_scenes.begin() + index);
    if (m_undoStore && m_undoStore->sceneId == id)
        m_undoStore.reset();

    // Cues before the position that go move it back by one each.
    int position = m_cuePosition;
    for (int c = int(m_cues.size()) - 1; c >= 0; --c) {
        if (m_cues[std::size_t(c)].sceneId != id)
            continue;
        m_cues.erase(m_cues.begin() + c);
        if (c < position)
            --position;
    }
    m_cuePosition = std::clamp(position, 0, int(m_cues.size()));
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::move(int from, int to) {
    if (!validIndex(from) || !validIndex(to))
        return false;
    if (from < to)
        std::rotate(m_scenes.begin() + from, m_scenes.begin() + from + 1,
                    m_scenes.begin() + to + 1);
    else if (from > to)
        std::rotate(m_scenes.begin() + to, m_scenes.begin() + from, m_scenes.begin() + from + 1);
    notify(SceneListEvent::Edited);
    return true;
}

SceneList::ListenerId SceneList::addListener(std::function<void(SceneListEvent)> listener) {
    m_listeners.push_back({m_nextListenerId, std::move(listener)});
    return m_nextListenerId++;
}

void SceneList::removeListener(ListenerId id) {
    std::erase_if(m_listeners, [id](const Listener& l) { return l.id == id; });
}

void SceneList::notify(SceneListEvent event) const {
    // A listener may add or remove listeners (itself too) while it is called:
    // those present now are called unless removed meanwhile, each through a
    // copy, as the list may move under it.
    std::vector<ListenerId> ids;
    ids.reserve(m_listeners.size());
    for (const Listener& l : m_listeners)
        ids.push_back(l.id);
    for (const ListenerId id : ids) {
        const auto it = std::find_if(m_listeners.begin(), m_listeners.end(),
                                     [id](const Listener& l) { return l.id == id; });
        if (it == m_listeners.end() || !it->call)
            continue;
        const auto call = it->call;
        call(event);
    }
}

void SceneList::setSafes(const RecallSafes& safes) {
    m_safes = safes;
    notify(SceneListEvent::Edited);
}

bool SceneList::cuesValid(const std::vector<Cue>& cues) const {
    return std::all_of(cues.begin(), cues.end(),
                       [this](const Cue& c) { return indexOfId(c.sceneId) >= 0; });
}

bool SceneList::setCues(std::vector<Cue> cues, int position) {
    if (position < 0 || position > int(cues.size()) || !cuesValid(cues))
        return false;
    m_cues = std::move(cues);
    m_cuePosition = position;
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::setCuePosition(int position) {
    if (position < 0 || position > int(m_cues.size()))
        return false;
    m_cuePosition = position;
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::go() {
    if (m_cuePosition >= int(m_cues.size()))
        return false;
    const int index = indexOfId(m_cues[std::size_t(m_cuePosition)].sceneId);
    ++m_cuePosition;
    return recall(index);
}

bool SceneList::next() {
    if (m_cuePosition >= int(m_cues.size()))
        return false;
    ++m_cuePosition;
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::previous() {
    if (m_cuePosition <= 0)
        return false;
    --m_cuePosition;
    notify(SceneListEvent::Edited);
    return true;
}

bool SceneList::replaceAll(std::vector<Scene> scenes, std::vector<Cue> cues, int cuePosition,
                           const RecallSafes& safes) {
    if (int(scenes.size()) > kMaxScenes || cuePosition < 0 || cuePosition > int(cues.size()))
        return false;
    std::set<int> ids;
    for (const Scene& s : scenes)
        if (s.id <= 0 || !ids.insert(s.id).second)
            return false;
    for (const Cue& c : cues)
        if (!ids.contains(c.sceneId))
            return false;

    m_nextId = ids.empty() ? 1 : *ids.rbegin() + 1;
    m_scenes = std::move(scenes);
    m_cues = std::move(cues);
    m_cuePosition = cuePosition;
    m_safes = safes;
    m_undoRecall.reset();
    m_undoStore.reset();
    return true;
}

} // namespace stagedesk::scenes
