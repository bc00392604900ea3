#include "SoundcheckStartup.h"

#include "ConsoleSession.h"
#include "Log.h"

namespace stagedesk::app {

std::unique_ptr<SoundcheckDesk> startSoundcheck(ConsoleSession& session, engine::Engine& engine,
                                                const SoundcheckOptions& options,
                                                const QString& showFile) {
    auto& state = session.state();
    for (const char* address : {"/config/osc/on", "/config/talk/on"})
        if (state.number(state.registry().find(QLatin1String(address))) != 0) {
            state.set(QLatin1String(address), 0.0, scenes::kInternalSource);
            logLine(std::string("the show had ") + address + " on: switched off at startup");
        }
    auto desk = std::make_unique<SoundcheckDesk>(engine, state, takeDirectory(options, showFile));
    logLine("multitrack takes go to " + desk->recorder.directory().toStdString());
    return desk;
}

} // namespace stagedesk::app
