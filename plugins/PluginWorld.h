#pragma once
// The host's view of the installed LV2 plugins: a lilv world loaded from the
// standard LV2 locations, or from LV2_PATH when it is set (lilv honours it),
// and the URID map every instance shares.
//
// lilv's world is not thread-safe: every use of it (discovery, instantiation,
// state) happens under lock(), so that a loader thread and the control thread
// may both use one PluginWorld.

#include "PluginInfo.h"
#include "UridMap.h"

#include <lilv/lilv.h>

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stagedesk::plugins {

class PluginWorld {
public:
    PluginWorld();
    ~PluginWorld();
    PluginWorld(const PluginWorld&) = delete;
    PluginWorld& operator=(const PluginWorld&) = delete;

    // Every plugin found, sorted by URI.
    std::vector<PluginInfo> plugins();
    std::optional<PluginInfo> find(const std::string& uri);

    UridMap& urids() { return m_urids; }

    // For instantiation and state: hold the lock while using the world or a
    // plugin from it.
    std::unique_lock<std::mutex> lock() { return std::unique_lock(m_mutex); }
    LilvWorld* world() { return m_world; }
    const LilvPlugin* lilvPlugin(const std::string& uri); // nullptr if not installed

private:
    PluginInfo describe(const LilvPlugin* plugin) const;

    std::mutex m_mutex;
    LilvWorld* m_world;
    UridMap m_urids;
};

} // namespace stagedesk::plugins
