#pragma once
// What a show keeps of the plugin in one insert slot, so that a new instance
// sounds the same: its URI, its control values by port symbol and, for a
// plugin with LV2's state extension, the plugin's own state as lilv writes it
// (Turtle text). Plain data: the insert host (app/InsertHost) fills it from a
// running plugin and restores it into a new one; a slot whose plugin is not
// installed keeps it as the file had it, so that a re-save writes it back
// unchanged (hence doubles, as JSON holds them, not the plugin's floats).

#include <QString>

#include <map>

namespace stagedesk::scenes {

struct SlotPluginState {
    QString uri;
    std::map<QString, double> controls; // by port symbol
    QString lv2State;                   // empty for a plugin without the extension
    bool operator==(const SlotPluginState&) const = default;
};

// By slot: "/ch/01/insert/1", "/bus/03/insert/2", "/main/st/insert/4", "/fx/1".
using SlotPluginStates = std::map<QString, SlotPluginState>;

} // namespace stagedesk::scenes
