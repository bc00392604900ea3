#pragma once
// The scenes of a show, the cue list over them, and the recall safes, acting
// on the console state. A recall is one engine transaction.

#include "ConsoleState.h"
#include "Scene.h"

#include <functional>
#include <optional>
#include <vector>

namespace stagedesk::scenes {

// What a listener hears after a change: the autosave writes at once after a
// store or a recall, and soon after an edit.
enum class SceneListEvent { Stored, Recalled, Edited };

class SceneList {
public:
    explicit SceneList(ConsoleState& state);

    int count() const { return int(m_scenes.size()); }
    const Scene& at(int index) const { return m_scenes[std::size_t(index)]; }
    const std::vector<Scene>& scenes() const { return m_scenes; }
    int indexOfId(int id) const; // -1 if none

    // Stores the current state as a scene at 'index' (replacing the scene
    // there, which keeps its id, notes and hooks; index == count() appends).
    // Returns the scene's id, or -1 when the list is full, the index is out
    // of range or the fade time is invalid.
    int store(int index, const QString& name, const RecallScope& scope, double fadeSeconds = 0);
    // Recalls scene 'index' within its scope, skipping the safes. Returns
    // false if there is no such scene.
    bool recall(int index);
    bool rename(int index, const QString& name);
    // 0..kMaxFadeSeconds; anything else is refused.
    bool setFadeTime(int index, double seconds);
    bool setScope(int index, const RecallScope& scope);
    // Also removes the scene's cues; the cue position stays on the same cue
    // (or the one after it when that cue went).
    bool remove(int index);
    // Takes the scene at 'from' out and puts it at 'to' (both 0..count()-1).
    bool move(int from, int to);

    // Undo of the last recall (puts back every value it changed) and of the
    // last store (puts back the scene that was there, or removes the new one).
    bool canUndoRecall() const { return m_undoRecall.has_value(); }
    bool undoRecall();
    bool canUndoStore() const { return m_undoStore.has_value(); }
    bool undoStore();

    const RecallSafes& safes() const { return m_safes; }
    // Replaces the recall safes (listeners hear an edit).
    void setSafes(const RecallSafes& safes);

    // Cue list: position is the cue that GO fires next; cues().size() is the
    // end of the list, where GO does nothing.
    const std::vector<Cue>& cues() const { return m_cues; }
    // False, and nothing changes, if a cue names an unknown scene or the
    // position is not 0..cues.size().
    bool setCues(std::vector<Cue> cues, int position = 0);
    int cuePosition() const { return m_cuePosition; }
    bool setCuePosition(int position); // 0..cues().size()
    bool go();                         // recall the cue at the position, then advance
    bool next();                       // move the position on without recalling
    bool previous();                   // move the position back without recalling

    // Listeners (the autosave, the surfaces that fire a scene's hooks) are
    // called, in the order they were added, after every successful change
    // made through this interface (not after replaceAll, nor edits through
    // safes()). The id removes the listener again; removing one while the
    // listeners are being called is allowed.
    using ListenerId = int;
    ListenerId addListener(std::function<void(SceneListEvent)> listener);
    void removeListener(ListenerId id);
    // During a Recalled notification: the index of the scene recalled, or -1
    // when it was an undo of a recall (no scene's hooks fire then).
    int recalledIndex() const { return m_recalledIndex; }

    // Replaces everything (show loading); ids are kept as given. False, and
    // nothing changes, when ids are not unique and positive, there are more
    // than kMaxScenes, a cue names an unknown scene or the position is out of
    // range. Both undos are forgotten.
    bool replaceAll(std::vector<Scene> scenes, std::vector<Cue> cues, int cuePosition,
                    const RecallSafes& safes);

private:
    void notify(SceneListEvent event) const;
    bool validIndex(int index) const { return index >= 0 && index < count(); }
    bool cuesValid(const std::vector<Cue>& cues) const;
    std::vector<Assignment> recallAssignments(const Scene& scene) const;

    ConsoleState& m_state;
    std::vector<Scene> m_scenes;
    std::vector<Cue> m_cues;
    int m_cuePosition = 0;
    struct Listener {
        ListenerId id;
        std::function<void(SceneListEvent)> call;
    };
    std::vector<Listener> m_listeners;
    ListenerId m_nextListenerId = 1;
    int m_recalledIndex = -1;
    int m_nextId = 1;
    RecallSafes m_safes;

    struct StoreUndo {
        int sceneId;
        std::optional<Scene> previous; // nullopt: the store appended
    };
    std::optional<std::vector<Assignment>> m_undoRecall;
    std::optional<StoreUndo> m_undoStore;
};

} // namespace stagedesk::scenes
