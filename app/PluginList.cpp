#include "PluginList.h"

#include "PluginWorld.h"
#include "PortLayout.h"

#include <cstdio>

namespace stagedesk::app {

namespace {

std::string number(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

std::string describeControl(const plugins::ControlPortInfo& c, bool output) {
    std::string line = "      " + c.symbol + " (" + c.name + "): " + number(c.minimum) + " .. " +
                       number(c.maximum);
    if (!c.unit.empty())
        line += " " + c.unit;
    if (!output)
        line += ", default " + number(c.defaultValue);
    for (const auto& [is, what] :
         {std::pair{c.toggled, "toggled"}, std::pair{c.integer, "integer"},
          std::pair{c.enumeration, "enumeration"}, std::pair{c.logarithmic, "logarithmic"}})
        if (is)
            line.append(", ").append(what);
    if (c.isHostSet())
        line.append(", host-set: ").append(plugins::hostSetName(c.hostSet));
    if (!c.scalePoints.empty()) {
        line += ", values:";
        for (const plugins::ScalePoint& p : c.scalePoints)
            line.append(" ").append(number(p.value)).append("=").append(p.label);
    }
    return line + "\n";
}

} // namespace

std::string formatPluginList(const std::vector<plugins::PluginInfo>& list) {
    std::string text;
    for (const plugins::PluginInfo& p : list) {
        text += p.uri + "\n";
        text += "    name: " + p.name + "\n";
        text += "    audio: " + std::to_string(p.audioInputs.size()) + " in, " +
                std::to_string(p.audioOutputs.size()) + " out\n";
        std::string latency = "not reported";
        for (const plugins::ControlPortInfo& m : p.monitors)
            if (p.latencyPort && m.index == *p.latencyPort)
                latency = "reported on port '" + m.symbol + "'";
        text += "    latency: " + latency + "\n";
        if (!p.unsupported.empty())
            text += "    cannot be hosted: " + p.unsupported + "\n";
        else if (const auto layout = plugins::portLayout(p, 1); layout.instances == 0)
            text += "    cannot be an insert: " + layout.refusal + "\n";
        for (const auto& [ports, title, output] : {std::tuple{&p.controls, "controls", false},
                                                   std::tuple{&p.monitors, "outputs", true}}) {
            if (ports->empty())
                continue;
            text += std::string("    ") + title + ":\n";
            for (const plugins::ControlPortInfo& c : *ports)
                text += describeControl(c, output);
        }
    }
    if (list.empty())
        text = "No LV2 plugins found (LV2_PATH, or ~/.lv2, /usr/lib/lv2, /usr/local/lib/lv2).\n";
    return text;
}

void printPluginList() {
    plugins::PluginWorld world;
    const std::string text = formatPluginList(world.plugins());
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
}

} // namespace stagedesk::app
