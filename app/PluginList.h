#pragma once
// --list-plugins: the installed LV2 plugins as the host sees them.

#include "PluginInfo.h"

#include <string>
#include <vector>

namespace stagedesk::app {

// Each plugin: URI, name, audio ports, latency port, control ports with
// ranges, defaults and properties, and why it cannot be an insert if so.
std::string formatPluginList(const std::vector<plugins::PluginInfo>& plugins);

// Discovers the plugins (LV2_PATH, or lilv's standard folders) and prints them.
void printPluginList();

} // namespace stagedesk::app
