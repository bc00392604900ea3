#include "RealtimeSetup.h"

#include "RealtimeLimits.h"
#include "io/RealtimeThread.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <map>
#include <sched.h>
#include <sys/mman.h>
#include <thread>

namespace stagedesk::app {

std::string lockMemory(MemoryLock what) {
    const std::optional<unsigned long long> limit = memlockLimitBytes();
    if (limit && !hasCapability(kCapIpcLock)) {
        // With MCL_FUTURE every later mapping counts against the limit: with
        // the usual 8 MiB, the next thread stack or malloc arena would fail.
        return "memory not locked: the memlock limit (RLIMIT_MEMLOCK) is " +
               describeMemlock(limit) +
               "; audio may drop out if memory is paged out. To allow it, " + kAudioGroupLimitsFix;
    }
    const int flags = what == MemoryLock::CurrentAndFuture ? MCL_CURRENT | MCL_FUTURE : MCL_CURRENT;
    if (mlockall(flags) != 0) {
        const int err = errno;
        return std::string("memory not locked (mlockall: ") + std::strerror(err) +
               "); audio may drop out if memory is paged out. To allow it, " + kAudioGroupLimitsFix;
    }
    return {};
}

std::string probeRealtimePriority() {
    std::string refused;
    std::thread probe([&refused] { refused = engine::requestRealtimePriorityForThisThread(); });
    probe.join();
    if (refused.empty())
        return {};
    const AudioGroupMembership audio = audioGroupMembership();
    return "real-time priority for the audio thread: " + refused +
           "; the rtprio limit (RLIMIT_RTPRIO) is " + describeRtprio(rtprioLimit()) +
           ", the process lacks CAP_SYS_NICE, and " + audio.user +
           (audio.member ? " is in the 'audio' group (whose limits do not apply: "
                           "log in again, or check /etc/security/limits.d/)"
                         : " is not in the 'audio' group") +
           ". Audio runs at normal priority and may drop out under load. To allow it, " +
           kAudioGroupLimitsFix + ". " + kRtkitNote;
}

RealtimeThreads realtimeThreads() {
    std::map<std::string, int> byPolicy; // "SCHED_FIFO 80" -> threads
    RealtimeThreads result;
    DIR* tasks = opendir("/proc/self/task");
    if (!tasks)
        return result;
    while (const dirent* entry = readdir(tasks)) {
        const pid_t tid = static_cast<pid_t>(std::atoi(entry->d_name));
        if (tid <= 0)
            continue;
        const int policy = sched_getscheduler(tid);
        sched_param param{};
        if ((policy != SCHED_FIFO && policy != SCHED_RR) || sched_getparam(tid, &param) != 0)
            continue;
        ++result.count;
        ++byPolicy[std::string(policy == SCHED_FIFO ? "SCHED_FIFO " : "SCHED_RR ") +
                   std::to_string(param.sched_priority)];
    }
    closedir(tasks);
    for (const auto& [policy, threads] : byPolicy)
        result.description += (result.description.empty() ? "" : ", ") + std::to_string(threads) +
                              (threads == 1 ? " thread at " : " threads at ") + policy;
    return result;
}

} // namespace stagedesk::app
