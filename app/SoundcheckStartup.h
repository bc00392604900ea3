#pragma once
// The soundcheck side of a running console: the recorder and player
// controllers (control thread; the screen, OSC and MIDI reach them through
// this), and the safe start: the signal generator and talkback are off
// whatever the show saved, so that no show ever opens with a tone in the PA.

#include "PlaybackController.h"
#include "RecordController.h"
#include "SoundcheckOptions.h"

#include <memory>

namespace stagedesk::app {

class ConsoleSession;

struct SoundcheckDesk {
    SoundcheckDesk(engine::Engine& engine, const scenes::ConsoleState& state, QString directory)
        : recorder(engine, state, std::move(directory)), player(engine) {}
    RecordController recorder;
    PlaybackController player;
};

std::unique_ptr<SoundcheckDesk> startSoundcheck(ConsoleSession& session, engine::Engine& engine,
                                                const SoundcheckOptions& options,
                                                const QString& showFile);

} // namespace stagedesk::app
