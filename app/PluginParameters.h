#pragma once
// The control ports of the plugins in the insert slots as parameters of the
// address space: one per control input port, <slot>/par/<symbol>
// ("/ch/01/insert/1/par/gain", "/fx/1/par/decay"), with the port's range,
// default, unit and taper, in Section::Inserts on the slot's strip, so that
// the screen, OSC, MIDI learn, scenes and show files reach them like any
// other control. Ports the host sets itself (tempo, enable, free-wheeling,
// latency) are not among them.
//
// Made from lilv's metadata (plugins::PluginInfo) when the insert host
// starts building a plugin, before any instance exists; retired when the
// slot is emptied or gets another plugin. Control thread only.

#include "ConsoleState.h"
#include "PluginInfo.h"

#include <QHash>
#include <QString>

#include <map>
#include <vector>

namespace stagedesk::app {

// A port's parameter: what PluginParameters registers for it.
scenes::ParameterDescriptor pluginParameter(const QString& slot,
                                            const plugins::ControlPortInfo& port,
                                            const scenes::ParameterDescriptor& slotParameter);

class PluginParameters {
public:
    struct Control {
        QString slot;   // "/ch/01/insert/1"
        QString symbol; // "gain"
    };

    explicit PluginParameters(scenes::ConsoleState& state);

    // The parameters of the plugin 'info' in 'slot' (retiring what the slot
    // had), each valued from 'values' by symbol or at the port's default.
    // 'slotParameter' is one of the slot's own parameters (its /on): the
    // strip they belong to.
    void add(const QString& slot, const plugins::PluginInfo& info,
             const scenes::ParameterDescriptor& slotParameter,
             const std::map<QString, double>& values);
    void retire(const QString& slot);

    bool has(const QString& slot) const { return m_bySlot.contains(slot); }
    // The model's values of the slot's parameters, by symbol.
    std::map<QString, double> values(const QString& slot) const;
    scenes::ParamId find(const QString& slot, const QString& symbol) const;
    // The slot and symbol of one of these parameters, or nullptr.
    const Control* control(scenes::ParamId id) const;

private:
    scenes::ConsoleState& m_state;
    std::map<QString, std::vector<scenes::ParamId>> m_bySlot;
    QHash<scenes::ParamId, Control> m_byId;
};

} // namespace stagedesk::app
