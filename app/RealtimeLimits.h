#pragma once
// What this process may do for real-time audio, read from the kernel: the
// RLIMIT_RTPRIO and RLIMIT_MEMLOCK limits, the capabilities that lift them,
// and membership of the 'audio' group that Debian's jackd2 package gives
// those limits to. One place for the facts and for the fixes that the
// start-up messages and --check-system print.

#include <optional>
#include <string>

namespace stagedesk::app {

// The usual fix, as /etc/security/limits.d/audio.conf from jackd2 writes it.
inline constexpr const char* kAudioGroupLimitsFix =
    "add the user to the 'audio' group (usermod -aG audio USER) and give that group "
    "'@audio - rtprio 95' and '@audio - memlock unlimited' in /etc/security/limits.d/audio.conf "
    "(Debian's jackd2 package offers to write it), then log in again; a systemd service gets "
    "them from LimitRTPRIO=95 and LimitMEMLOCK=infinity instead";

// rtkit lends real-time priority to desktop sound servers over D-Bus; it is
// the fix when the console runs through PipeWire.
inline constexpr const char* kRtkitNote =
    "PipeWire and PulseAudio get their real-time priority from rtkit (apt-get install rtkit)";

// The soft limits; nullopt = unlimited.
std::optional<unsigned long long> rtprioLimit();
std::optional<unsigned long long> memlockLimitBytes();

// CAP_SYS_NICE lifts the rtprio limit, CAP_IPC_LOCK the memlock limit (root
// has both, unless a container dropped them). Read from /proc, to need no
// libcap.
bool hasCapability(int capability);
inline constexpr int kCapIpcLock = 14; // linux/capability.h
inline constexpr int kCapSysNice = 23;

// "unlimited" or "8192 KiB".
std::string describeMemlock(std::optional<unsigned long long> bytes);
// "unlimited" or "95".
std::string describeRtprio(std::optional<unsigned long long> priority);

// The user's name and whether the 'audio' group exists and the process is
// in it (as its group or a supplementary one).
struct AudioGroupMembership {
    std::string user;
    bool groupExists = false;
    bool member = false;
};
AudioGroupMembership audioGroupMembership();

} // namespace stagedesk::app
