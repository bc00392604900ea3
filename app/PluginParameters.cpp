#include "PluginParameters.h"

#include "PluginControls.h"

#include <cmath>

namespace stagedesk::app {

using scenes::ParameterDescriptor;
using scenes::ParamId;
using scenes::Taper;

namespace {

// The units: extension's short names as the console writes units.
QString unitText(const std::string& lv2Unit) {
    static const std::map<std::string, QString> kUnits{
        {"db", "dB"}, {"hz", "Hz"},   {"khz", "kHz"}, {"ms", "ms"}, {"s", "s"},
        {"pc", "%"},  {"bpm", "BPM"}, {"cent", "ct"}, {"coef", ""}, {"semitone12TET", "st"}};
    const auto it = kUnits.find(lv2Unit);
    return it != kUnits.end() ? it->second : QString::fromStdString(lv2Unit);
}

// The scale points' labels as the names of the values 0..max, or empty
// unless every one of those values has a label.
QStringList valueNames(const plugins::ControlPortInfo& port) {
    if (port.minimum != 0 || port.maximum < 1 || port.maximum != std::round(port.maximum))
        return {};
    QStringList names(qsizetype(port.maximum) + 1);
    for (const plugins::ScalePoint& point : port.scalePoints)
        if (point.value == std::round(point.value) && point.value >= 0 &&
            point.value <= port.maximum)
            names[qsizetype(point.value)] = QString::fromStdString(point.label);
    for (const QString& name : names)
        if (name.isEmpty())
            return {};
    return names;
}

} // namespace

ParameterDescriptor pluginParameter(const QString& slot, const plugins::ControlPortInfo& port,
                                    const ParameterDescriptor& slotParameter) {
    ParameterDescriptor d;
    d.address = scenes::pluginControlAddress(slot, QString::fromStdString(port.symbol));
    d.unit = unitText(port.unit);
    d.min = port.minimum;
    d.max = std::max(port.minimum, port.maximum);
    d.defaultValue = port.defaultValue;
    if (port.toggled) {
        d.taper = Taper::Bool;
        d.min = 0, d.max = 1;
    } else if (port.integer || port.enumeration) {
        d.enumNames = valueNames(port);
        d.taper = d.enumNames.isEmpty() ? Taper::Int : Taper::Enum;
    } else if (port.logarithmic && d.min > 0) {
        d.taper = Taper::Log;
    }
    d.defaultValue = d.clamp(d.defaultValue);
    d.section = scenes::Section::Inserts;
    d.strip = slotParameter.strip;
    d.stripIndex = slotParameter.stripIndex;
    d.mapping = scenes::EngineMapping::None; // the insert host hands it to the plugin
    return d;
}

PluginParameters::PluginParameters(scenes::ConsoleState& state) : m_state(state) {}

void PluginParameters::add(const QString& slot, const plugins::PluginInfo& info,
                           const ParameterDescriptor& slotParameter,
                           const std::map<QString, double>& values) {
    retire(slot);
    std::vector<ParameterDescriptor> descriptors;
    std::vector<QString> symbols;
    std::map<QString, double> byAddress;
    for (const plugins::ControlPortInfo& port : info.controls) {
        if (port.isHostSet())
            continue;
        descriptors.push_back(pluginParameter(slot, port, slotParameter));
        symbols.push_back(QString::fromStdString(port.symbol));
        if (const auto it = values.find(symbols.back()); it != values.end())
            byAddress.emplace(descriptors.back().address, it->second);
    }
    const std::vector<ParamId> ids = m_state.addParameters(std::move(descriptors), byAddress);
    std::vector<ParamId>& registered = m_bySlot[slot];
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] == scenes::kNoParam)
            continue;
        registered.push_back(ids[i]);
        m_byId.insert(ids[i], {slot, symbols[i]});
    }
}

void PluginParameters::retire(const QString& slot) {
    const auto it = m_bySlot.find(slot);
    if (it == m_bySlot.end())
        return;
    for (const ParamId id : it->second)
        m_byId.remove(id);
    const std::vector<ParamId> ids = std::move(it->second);
    m_bySlot.erase(it);
    m_state.retireParameters(ids);
}

std::map<QString, double> PluginParameters::values(const QString& slot) const {
    std::map<QString, double> values;
    if (const auto it = m_bySlot.find(slot); it != m_bySlot.end())
        for (const ParamId id : it->second)
            values.emplace(m_byId.value(id).symbol, m_state.number(id));
    return values;
}

ParamId PluginParameters::find(const QString& slot, const QString& symbol) const {
    const ParamId id = m_state.registry().find(scenes::pluginControlAddress(slot, symbol));
    return m_byId.contains(id) ? id : scenes::kNoParam;
}

const PluginParameters::Control* PluginParameters::control(ParamId id) const {
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &*it;
}

} // namespace stagedesk::app
