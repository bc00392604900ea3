#pragma once
// The show a starting console loads: the one of --show (or the demo), or its
// autosave when that is newer (after a crash or a kill -9), fitted to the
// console size that the command line asks for.

#include "CommandLine.h"
#include "ShowDocument.h"

#include <optional>

namespace stagedesk::app {

struct StartupShow {
    scenes::ShowDocument show; // at the size the console will have
    QString autosavePath;
};

// Logs what it loads and why; nullopt after logging why nothing can be
// loaded (a --show that is refused).
std::optional<StartupShow> chooseStartupShow(const Options& options);

} // namespace stagedesk::app
