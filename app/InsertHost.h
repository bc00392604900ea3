#pragma once
// Puts plugins in the insert slots and the FX slots (/fx/K, stereo) as the
// console model names them. On the control thread it watches every slot's
// /insert/K/plugin or /fx/K/plugin (a URI, or empty): when one changes, the
// PluginLoader builds the plugin off the control thread
// (with the slot's saved state when it is for that plugin) and the host posts
// it to the engine, or empties the slot. A timer hands the processors the
// engine no longer runs back to be destroyed here, and reports the slots the
// engine bypassed on its own (output not finite, overruns): a log line and
// statusMessage(), and the slot's /on goes off in the model so that the
// screen, OSC and scenes show the bypass; turning it on again re-enables it.
// An FX slot's /fx/K/tempo goes to its plugin (PluginInsert::setTempo), for
// a delay that follows the host's tempo.
//
// The plugin's control ports are parameters of the address space
// (PluginParameters: /ch/01/insert/1/par/gain), added from the plugin's
// metadata as the host starts building it and retired when it leaves the
// slot. The model's value is the one truth of a control: a change from any
// source goes to the running plugin, a plugin that is built gets the model's
// values, and the show's state of a slot takes its controls from the model.
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
#include "PluginParameters.h"
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
    // A control of the slot's plugin, by port symbol, set in the model
    // (clamped to its range) and so in the running plugin. False when the
    // slot runs no plugin, the symbol is unknown or the plugin's queue is
    // full.
    bool setControl(const QString& slot, const QString& symbol, float value);
    std::optional<float> control(const QString& slot, const QString& symbol) const;
    // Samples of delay the slot's plugin reports (also while bypassed), 0
    // when none runs.
    int latency(const QString& slot) const;

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
        scenes::ParamId tempoParam = scenes::kNoParam; // an FX slot's /tempo
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
    // What a show keeps of the slot: its controls from the model, its saved
    // state otherwise (a missing plugin's, as the show had it).
    std::optional<scenes::SlotPluginState> stateOf(const Slot& slot) const;
    // The model's values to a plugin that is built: changes made while it
    // was being built.
    void applyModelControls(const Slot& slot, plugins::PluginInsert& insert);
    void collectLoaded();
    void report(const engine::InsertFault& fault);
    void setStatus(Slot& slot, SlotStatus status, const QString& problem = {});
    // The slot's /tempo to its running plugin (PluginInsert::setTempo).
    void sendTempo(Slot& slot);
    QString describe(const Slot& slot) const; // "eg-amp on /ch/01 insert 1"

    scenes::ConsoleState& m_state;
    engine::Engine& m_engine;
    plugins::PluginWorld* m_world;
    scenes::SourceId m_source;
    PluginParameters m_parameters;
    std::vector<Slot> m_slots;
    std::vector<int> m_slotOfPluginParam; // by ParamId: the slot whose /plugin it is, or -1
    std::vector<int> m_slotOfTempoParam;  // likewise for an FX slot's /tempo
    QTimer m_drain;
    std::unique_ptr<PluginLoader> m_loader; // after the slots: stopped first
};

} // namespace stagedesk::app
