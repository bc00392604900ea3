#pragma once
// Moves a show in and out of a running console: the state by address, the
// scenes, the cue list and the safes.

#include "SceneList.h"
#include "ShowDocument.h"

namespace stagedesk::scenes {

// The running show. Only values that differ from their defaults are taken;
// the name and the MIDI and OSC slots are left empty for the caller.
ShowDocument captureShow(const ConsoleState& state, const SceneList& scenes);

// Puts a validated show of the console's size in place: every parameter to
// its value in the show or its default, as one engine transaction, and the
// scenes, cues and safes. False, and nothing touched, if the sizes differ or
// the scene list refuses the scenes (validateShow prevents both).
bool applyShow(const ShowDocument& show, ConsoleState& state, SceneList& scenes);

} // namespace stagedesk::scenes
