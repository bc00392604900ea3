#pragma once
// Puts plugins in the insert slots as the console model names them. On the
// control thread it watches every slot's /insert/K/plugin (a URI, or empty):
// when one changes, the PluginLoader builds the plugin off the control thread
// (with the slot's saved state when it is for that plugin) and the host posts
// it to the engine, or empties the slot. A timer hands the processors the
// engine no longer runs back to be destroyed here, and reports the slots the
// engine bypassed on its own (output not finite, overruns): a log line and
// statusMessage(), and the slot's /on goes off in the model so that the
// screen, OSC and scenes show the bypass; turning it on again re-enables it.
//
// A plugin that is not installed leaves its slot missing: audio passes dry,
// and the slot's saved state stays as the show had it, for the next save.
// Without a PluginWorld (--no-plugins) no plugin is built: every slot stays
// dry and keeps its saved state.
//
// In app/ because it wires the model (scenes), the plugin host (plugins) and
// the engine together, on the control thread's Qt event loop.

#include "ConsoleState.h"
#include "PluginLoader.h"
#include "SlotPluginState.h"

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace stagedesk::engine {
class Engine;
struct InsertFault;
} // namespace stagedesk::engine

namespace stagedesk::app {

class InsertHost : public QObject, public scenes::ConsoleObserver {
    Q_OBJECT
public:
    enum class SlotStatus {
        Empty,    // no plugin named
        Loading,  // being built
        Running,  // in the engine
        Missing,  // not installed: dry, saved state kept
        Failed,   // installed, but refused (error()): dry, saved state kept
        Disabled, // --no-plugins: dry, saved state kept
    };
    static constexpr int kDrainIntervalMs = 50;

    // world == nullptr: plugins are off (--no-plugins). 'saved' is the show's
    // plugin states; every slot the model names a plugin for is loaded now.
    InsertHost(scenes::ConsoleState& state, engine::Engine& engine, plugins::PluginWorld* world,
               const scenes::SlotPluginStates& saved);
    ~InsertHost() override;

    // A show loaded while running: its plugin states replace the saved ones
    // and every named slot is loaded again with them.
    void restore(const scenes::SlotPluginStates& saved);
    // For the show file: what each running plugin holds now, and the saved
    // state of every slot whose plugin is missing, refused or not yet built.
    scenes::SlotPluginStates states() const;

    // By slot ("/ch/01/insert/1"); Empty for an unknown slot.
    SlotStatus status(const QString& slot) const;
    // Why a slot is Failed or Missing, or the last automatic bypass.
    QString problem(const QString& slot) const;
    // A control of the running plugin, by port symbol (clamped to its range).
    // False when the slot runs no plugin, the symbol is unknown or the
    // plugin's queue is full.
    bool setControl(const QString& slot, const QString& symbol, float value);
    std::optional<float> control(const QString& slot, const QString& symbol) const;

    // Control thread, also run by the timer: retired processors destroyed,
    // faults reported, built plugins posted.
    void poll();

    // ConsoleObserver
    void parameterChanged(scenes::ParamId id, const scenes::ParameterValue& value,
                          scenes::SourceId source) override;

signals:
    // For the status line: a plugin missing, refused or bypassed.
    void statusMessage(const QString& text);
    void slotStatusChanged(const QString& slot);

private:
    struct Slot {
        QString key; // "/ch/01/insert/1"
        engine::Target target;
        int index = 0;
        int slot = 0;
        int channels = 1;
        scenes::ParamId onParam = scenes::kNoParam;
        scenes::ParamId pluginParam = scenes::kNoParam;
        SlotStatus status = SlotStatus::Empty;
        QString problem;
        std::uint64_t generation = 0; // bumped by every load: older results are dropped
        // Owned by the engine while it runs; cleared when the host replaces it.
        plugins::PluginInsert* running = nullptr;
        // The state the next instance is built with, kept while none runs.
        std::optional<scenes::SlotPluginState> saved;
    };

    Slot* find(const QString& key);
    const Slot* find(const QString& key) const;
    // (Re)builds the plugin the model names for the slot, or empties it.
    void load(Slot& slot);
    void empty(Slot& slot);
    void collectLoaded();
    void report(const engine::InsertFault& fault);
    void setStatus(Slot& slot, SlotStatus status, const QString& problem = {});
    QString describe(const Slot& slot) const; // "eg-amp on /ch/01 insert 1"

    scenes::ConsoleState& m_state;
    engine::Engine& m_engine;
    plugins::PluginWorld* m_world;
    scenes::SourceId m_source;
    std::vector<Slot> m_slots;
    std::vector<int> m_slotOfPluginParam; // by ParamId: the slot whose /plugin it is, or -1
    QTimer m_drain;
    std::unique_ptr<PluginLoader> m_loader; // after the slots: stopped first
};

} // namespace stagedesk::app
