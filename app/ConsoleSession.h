#pragma once
// The console model of a running stagedesk, on the control thread: the
// registry, the state (the truth), the scenes, and the autosave of the show.

#include "Autosave.h"
#include "MeterHub.h"
#include "SceneList.h"
#include "ShowDocument.h"

#include <QJsonObject>
#include <QTimer>

#include <memory>

namespace stagedesk::engine {
class Engine;
}

namespace stagedesk::app {

class InsertHost;

class ConsoleSession {
public:
    // Puts 'show' (already fitted to its console size) in place.
    ConsoleSession(const scenes::ShowDocument& show, engine::Engine* engine);
    ~ConsoleSession();
    ConsoleSession(const ConsoleSession&) = delete;
    ConsoleSession& operator=(const ConsoleSession&) = delete;

    scenes::ConsoleState& state() { return m_state; }
    scenes::SceneList& sceneList() { return m_scenes; }
    // The engine's meters, for every surface on the control thread.
    scenes::MeterHub& meters() { return m_meters; }
    engine::Engine* engine() { return m_engine; }
    // The running show, as the autosave writes it.
    scenes::ShowDocument snapshot() const;
    // The show's "midi" slot as the MIDI surfaces have it now (mappings
    // learned or removed, the ports): in every snapshot from now on, saved
    // with the next tick.
    const QJsonObject& midi() const { return m_midi; }
    void setMidi(const QJsonObject& midi);
    // The show's "osc" slot; the OSC remote's run-time edits of its access
    // rules come back here, and are saved with the next tick.
    const QJsonObject& osc() const { return m_osc; }
    void setOsc(const QJsonObject& osc);
    // The show's "plugins" slot (the insert slots' plugin states) as loaded;
    // once an insert host is attached, it gives them for every snapshot, and
    // takes those of a show loaded while running. The host must outlive the
    // session's last snapshot (finish()).
    const scenes::SlotPluginStates& loadedPlugins() const { return m_plugins; }
    void attachInsertHost(InsertHost* host) { m_inserts = host; }
    // A show file loaded while running (the screen's Open): its state and
    // scenes (scenes::loadShowFile) and its plugins' states. Empty on
    // success, else the message, and nothing changed.
    QString loadShow(const QString& path, scenes::ShowDocument* loaded = nullptr);

    // Autosaves to 'path' from now on; what runs now counts as saved.
    void startAutosave(const QString& path, int intervalSeconds);
    // --set options, in order; the first that does not fit stops them, and
    // its message is returned (empty when all were applied).
    QString applySets(const QStringList& sets);
    // Before the program ends: the last changes into the autosave.
    void finish();

private:
    // A slot carried into the autosave takes a new value.
    void replaceSlot(QJsonObject& slot, const QJsonObject& value);

    scenes::ParameterRegistry m_registry;
    scenes::ConsoleState m_state;
    scenes::SceneList m_scenes;
    scenes::SourceId m_commandLine;
    // Carried from the loaded show into the autosave.
    QString m_name;
    QJsonObject m_midi, m_osc;
    scenes::SlotPluginStates m_plugins;
    InsertHost* m_inserts = nullptr;
    std::unique_ptr<scenes::Autosave> m_autosave;
    QTimer m_engineRetry; // sends what the engine queue could not take yet
    engine::Engine* m_engine;
    scenes::MeterHub m_meters;
};

} // namespace stagedesk::app
