#include "RealtimeThread.h"

#include <cstring>
#include <pthread.h>
#include <sched.h>

namespace stagedesk::engine {

std::string requestRealtimePriorityForThisThread(int priority) {
    sched_param param{};
    param.sched_priority = priority;
    const int rc = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
    if (rc == 0)
        return {};
    return "SCHED_FIFO priority " + std::to_string(priority) + " refused (" + std::strerror(rc) +
           ")";
}

} // namespace stagedesk::engine
