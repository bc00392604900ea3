#pragma once
// The installed LV2 plugins as the screen offers them: read once from the
// PluginWorld (lilv's discovery is slow and the list does not change while
// the desk runs), each plugin's name by URI, and which plugins fit a slot:
// a mono plugin (1 in, 1 out) on a channel or mix bus, any plugin the host
// can map (PortLayout) on a stereo slot (main LR, FX rack).

#include "PluginInfo.h"

#include <QString>
#include <QVariantList>

#include <vector>

namespace stagedesk::plugins {
class PluginWorld;
}

namespace stagedesk::ui {

class PluginCatalogue {
public:
    // Empty without a world (--no-plugins, or no host attached).
    void load(plugins::PluginWorld* world);

    // nullptr when the plugin is not installed.
    const plugins::PluginInfo* find(const QString& uri) const;
    // The plugin's name, or its URI when it is not installed.
    QString nameOf(const QString& uri) const;
    static bool fits(const plugins::PluginInfo& info, int slotChannels);
    // [{uri, name, detail}] of the plugins that fit, by name; detail says
    // "1 in 2 out · latency" and the like.
    QVariantList choices(int slotChannels) const;

private:
    std::vector<plugins::PluginInfo> m_plugins; // sorted by URI
};

} // namespace stagedesk::ui
