#pragma once
// Starts the OSC remote of a running console: port, interface and access
// rules from the show's "osc" slot, the command line over them.

#include "OscOptions.h"

#include <memory>

namespace stagedesk::surfaces::osc {
class OscServer;
}

namespace stagedesk::app {

class ConsoleSession;

// Null when --no-osc, or when it cannot start (said on the log: the console
// runs on without OSC).
std::unique_ptr<surfaces::osc::OscServer> startOsc(ConsoleSession& session,
                                                   const OscOptions& options);

} // namespace stagedesk::app
