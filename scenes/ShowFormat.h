#pragma once
// The fixed facts of the show file format and the limits a file must keep to.
// A file outside them is refused, never partly read.

#include <cstdint>

namespace stagedesk::scenes {

inline constexpr char kShowFormatName[] = "stagedesk-show";
// Bumped when a file of the new version would be misread by an older reader.
inline constexpr int kShowSchemaVersion = 1;

inline constexpr std::int64_t kMaxShowFileBytes = 64 * 1024 * 1024;
// Objects and arrays inside each other, the root counting as one. The format
// itself needs five (root, scenes, scene, scope, channels); the rest is room
// for the MIDI and OSC slots.
inline constexpr int kMaxJsonDepth = 16;
// Any string or key in the file: names, notes, labels, OSC messages.
inline constexpr int kMaxShowStringLength = 256;
inline constexpr int kMaxCues = 4000;
inline constexpr int kMaxSceneOscMessages = 64;
// The "plugins" member (ShowPlugins.h): a plugin's own state (LV2 state
// extension, Turtle text) is the one text allowed past kMaxShowStringLength.
inline constexpr int kMaxPluginStateLength = 1024 * 1024;
inline constexpr int kMaxPluginControls = 1024;

} // namespace stagedesk::scenes
