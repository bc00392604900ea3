#include "RealtimeSetup.h"

#include "io/RealtimeThread.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/mman.h>
#include <sys/resource.h>
#include <thread>

namespace stagedesk::app {

namespace {

const char* const kMemlockFix =
    "add the user to the 'audio' group and give that group 'memlock unlimited' in "
    "/etc/security/limits.d/ (e.g. '@audio - memlock unlimited'), then log in again";

std::string kib(rlim_t bytes) {
    return std::to_string(bytes / 1024) + " KiB";
}

// CAP_IPC_LOCK lifts the memlock limit (root has it, unless in a container
// that drops it). Read from /proc, to need no libcap.
bool hasIpcLockCapability() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status)
        return false;
    char line[256];
    unsigned long long caps = 0;
    bool found = false;
    while (!found && std::fgets(line, sizeof line, status))
        found = std::sscanf(line, "CapEff: %llx", &caps) == 1;
    std::fclose(status);
    constexpr int kCapIpcLock = 14; // linux/capability.h
    return found && (caps >> kCapIpcLock & 1u);
}

} // namespace

std::string lockMemory() {
    rlimit limit{};
    if (getrlimit(RLIMIT_MEMLOCK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
        !hasIpcLockCapability()) {
        // With MCL_FUTURE every later mapping counts against the limit: with
        // the usual 8 MiB, the next thread stack or malloc arena would fail.
        return "memory not locked: the memlock limit is " + kib(limit.rlim_cur) +
               "; audio may drop out if memory is paged out. To allow it, " + kMemlockFix;
    }
    if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0) {
        const int err = errno;
        return std::string("memory not locked (mlockall: ") + std::strerror(err) +
               "); audio may drop out if memory is paged out. To allow it, " + kMemlockFix;
    }
    return {};
}

std::string probeRealtimePriority() {
    std::string result;
    std::thread probe([&result] { result = engine::requestRealtimePriorityForThisThread(); });
    probe.join();
    return result;
}

} // namespace stagedesk::app
