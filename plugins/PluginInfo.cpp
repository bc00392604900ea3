#include "PluginInfo.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::plugins {

const char* hostSetName(HostSet role) {
    switch (role) {
    case HostSet::No:
        return "";
    case HostSet::Tempo:
        return "tempo";
    case HostSet::Enabled:
        return "enabled";
    case HostSet::FreeWheeling:
        return "free-wheeling";
    case HostSet::Latency:
        return "latency";
    }
    return "";
}

float clampToPort(const ControlPortInfo& port, float value) {
    if (!std::isfinite(value))
        value = port.defaultValue;
    value = std::clamp(value, port.minimum, std::max(port.minimum, port.maximum));
    return port.integer || port.toggled ? std::round(value) : value;
}

const ControlPortInfo* PluginInfo::control(const std::string& symbol) const {
    for (const ControlPortInfo& c : controls)
        if (c.symbol == symbol)
            return &c;
    return nullptr;
}

} // namespace stagedesk::plugins
