#include "PluginInfo.h"

namespace stagedesk::plugins {

const ControlPortInfo* PluginInfo::control(const std::string& symbol) const {
    for (const ControlPortInfo& c : controls)
        if (c.symbol == symbol)
            return &c;
    return nullptr;
}

} // namespace stagedesk::plugins
