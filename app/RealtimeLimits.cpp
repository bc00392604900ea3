#include "RealtimeLimits.h"

#include <cstdio>
#include <grp.h>
#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace stagedesk::app {

namespace {

std::optional<unsigned long long> softLimit(int resource) {
    rlimit limit{};
    if (getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return std::nullopt;
    return static_cast<unsigned long long>(limit.rlim_cur);
}

} // namespace

std::optional<unsigned long long> rtprioLimit() {
    return softLimit(RLIMIT_RTPRIO);
}

std::optional<unsigned long long> memlockLimitBytes() {
    return softLimit(RLIMIT_MEMLOCK);
}

bool hasCapability(int capability) {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status)
        return false;
    char line[256];
    unsigned long long caps = 0;
    bool found = false;
    while (!found && std::fgets(line, sizeof line, status))
        found = std::sscanf(line, "CapEff: %llx", &caps) == 1;
    std::fclose(status);
    return found && (caps >> capability & 1u);
}

std::string describeMemlock(std::optional<unsigned long long> bytes) {
    return bytes ? std::to_string(*bytes / 1024) + " KiB" : "unlimited";
}

std::string describeRtprio(std::optional<unsigned long long> priority) {
    return priority ? std::to_string(*priority) : "unlimited";
}

AudioGroupMembership audioGroupMembership() {
    AudioGroupMembership result;
    if (const passwd* user = getpwuid(geteuid()))
        result.user = user->pw_name;
    else
        result.user = "uid " + std::to_string(geteuid());
    const group* audio = getgrnam("audio");
    if (!audio)
        return result;
    result.groupExists = true;
    const gid_t audioGid = audio->gr_gid;
    const int count = getgroups(0, nullptr);
    std::vector<gid_t> groups(count > 0 ? count : 0);
    if (count > 0 && getgroups(count, groups.data()) != count)
        groups.clear();
    groups.push_back(getegid());
    for (gid_t gid : groups)
        result.member = result.member || gid == audioGid;
    return result;
}

} // namespace stagedesk::app
