#pragma once
// What the machine allows the audio thread: locked memory and real-time
// priority. Refusals are reported, never fatal: the console runs anyway.

#include <string>

namespace stagedesk::app {

// mlockall(MCL_CURRENT | MCL_FUTURE), unless the memlock limit is finite and
// the process lacks CAP_IPC_LOCK: then locking future allocations would make
// them fail (thread stacks, malloc arenas) once the limit is reached. Returns an empty string when
// memory is locked, otherwise what happened and how to allow it.
std::string lockMemory();

// Tries SCHED_FIFO on a short-lived thread, as the audio thread will. Returns
// an empty string when allowed, otherwise the refusal and its fix.
std::string probeRealtimePriority();

} // namespace stagedesk::app
