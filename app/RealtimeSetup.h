#pragma once
// What the machine allows the audio thread: locked memory and real-time
// priority. Refusals are reported with what was refused, the limit behind it
// and the fix, never fatal: the console runs anyway.

#include <string>

namespace stagedesk::app {

// mlockall(MCL_CURRENT | MCL_FUTURE), unless the memlock limit is finite and
// the process lacks CAP_IPC_LOCK: then locking future allocations would make
// them fail (thread stacks, malloc arenas) once the limit is reached. Returns an empty string when
// memory is locked, otherwise what happened and how to allow it.
std::string lockMemory();

// Tries SCHED_FIFO at the audio thread's priority on a short-lived thread,
// as RtAudio will. Returns an empty string when allowed, otherwise the
// refusal, the limits behind it and the fix.
std::string probeRealtimePriority();

// After the audio backend started: which of this process's threads run with
// real-time scheduling ("1 thread at SCHED_FIFO 80"), since RtAudio falls
// back to normal scheduling without a word when it is refused. 'count' is 0
// when none does.
struct RealtimeThreads {
    int count = 0;
    std::string description;
};
RealtimeThreads realtimeThreads();

} // namespace stagedesk::app
