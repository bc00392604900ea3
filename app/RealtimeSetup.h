#pragma once
// What the machine allows the audio thread: locked memory and real-time
// priority. Refusals are reported with what was refused, the limit behind it
// and the fix, never fatal: the console runs anyway.

#include <string>

namespace stagedesk::app {

// What mlockall covers. Headless, everything the process maps now and later
// (MCL_CURRENT | MCL_FUTURE). The Qt Quick screen's JavaScript engine cannot
// run on locked memory (Qt 6.4): locked as it is mapped (MCL_FUTURE) it
// segfaults in QV4::ExecutionEngine's constructor, and locked afterwards its
// garbage collector crashes in the first sweep (it gives pages back with
// madvise, which locked pages refuse). With the screen, what is mapped when
// the screen is about to be made (the engine, the console, plugins already
// built) is locked (MCL_CURRENT); the screen and what comes later are not.
enum class MemoryLock { CurrentAndFuture, CurrentOnly };

// mlockall, unless the memlock limit is finite and the process lacks
// CAP_IPC_LOCK: then locking future allocations would make them fail
// (thread stacks, malloc arenas) once the limit is reached. Returns an empty
// string when memory is locked, otherwise what happened and how to allow it.
std::string lockMemory(MemoryLock what);

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
