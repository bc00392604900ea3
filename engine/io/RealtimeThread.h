#pragma once

#include <string>
#include <thread>

namespace stagedesk::engine {

// The SCHED_FIFO priority of the audio thread: what RtAudio is asked for
// (RTAUDIO_SCHEDULE_REALTIME) and what the internal clock's thread takes.
// Above the IRQ threads of a PREEMPT_RT kernel (50), within the 'rtprio 95'
// that Debian gives the audio group.
inline constexpr int kAudioThreadPriority = 80;

// Asks for SCHED_FIFO for the calling thread. Returns an empty string on
// success, otherwise what was refused and why ("SCHED_FIFO priority 80
// refused (Operation not permitted)"); the caller says how to allow it.
std::string requestRealtimePriorityForThisThread(int priority = kAudioThreadPriority);
// The same for a thread just started, from the thread that started it: the
// priority is in place when this returns.
std::string requestRealtimePriority(std::thread& thread, int priority = kAudioThreadPriority);

} // namespace stagedesk::engine
