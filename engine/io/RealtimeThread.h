#pragma once

#include <string>

namespace stagedesk::engine {

// Asks for SCHED_FIFO for the calling thread. Returns an empty string on
// success, otherwise what was refused and how to allow it.
std::string requestRealtimePriorityForThisThread(int priority = 70);

} // namespace stagedesk::engine
