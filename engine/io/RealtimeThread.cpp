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
    return std::string("real-time priority refused (") + std::strerror(rc) +
           "): add the user to the 'audio' group with rtprio 95 and memlock unlimited in "
           "/etc/security/limits.d/";
}

} // namespace stagedesk::engine
