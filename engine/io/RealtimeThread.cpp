#include "RealtimeThread.h"

#include <cstring>
#include <pthread.h>
#include <sched.h>

namespace stagedesk::engine {

namespace {
std::string requestFifo(pthread_t thread, int priority) {
    sched_param param{};
    param.sched_priority = priority;
    const int rc = pthread_setschedparam(thread, SCHED_FIFO, &param);
    if (rc == 0)
        return {};
    return "SCHED_FIFO priority " + std::to_string(priority) + " refused (" + std::strerror(rc) +
           ")";
}
} // namespace

std::string requestRealtimePriorityForThisThread(int priority) {
    return requestFifo(pthread_self(), priority);
}

std::string requestRealtimePriority(std::thread& thread, int priority) {
    return requestFifo(thread.native_handle(), priority);
}

} // namespace stagedesk::engine
