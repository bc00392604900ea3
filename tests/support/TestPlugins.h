#pragma once
// The LV2 plugins the tests host: Debian's (lv2-examples, dragonfly-reverb-lv2,
// zam-plugins, calf-plugins, mda-lv2, from packaging/install-deps.sh) and Stagedesk's test plugin
// built into the build tree (tests/lv2). useTestLv2Path() points lilv at both;
// call it before the first plugins::PluginWorld is made.

#include <cstdlib>

namespace stagedesk::test {

inline constexpr const char* kEgAmp = "http://lv2plug.in/plugins/eg-amp";
inline constexpr const char* kEgFifths = "http://lv2plug.in/plugins/eg-fifths"; // MIDI only
inline constexpr const char* kDragonflyRoom = "urn:dragonfly:room";
inline constexpr const char* kZamDelay = "urn:zamaudio:ZamDelay";
inline constexpr const char* kCalfVintageDelay = "http://calf.sourceforge.net/plugins/VintageDelay";
inline constexpr const char* kCalfReverb = "http://calf.sourceforge.net/plugins/Reverb";
inline constexpr const char* kMdaAmbience = "http://drobilla.net/plugins/mda/Ambience";
// tests/lv2/stagedesk-test.lv2: mode 0 pass, 1 NaN, 2 stall 5 ms per run;
// 'latency' delays by that many samples and reports it.
inline constexpr const char* kTestPlugin = "urn:stagedesk:plugins:test";

inline void useTestLv2Path() {
    ::setenv("LV2_PATH", STAGEDESK_TEST_LV2_PATH, 1);
}

} // namespace stagedesk::test
