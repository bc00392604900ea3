#include "SystemCheck.h"

#include "AudioLibraryNoise.h"
#include "RealtimeLimits.h"
#include "RealtimeSetup.h"
#include "io/RealtimeThread.h"
#include "io/RtAudioBackend.h"

#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <map>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>

namespace stagedesk::app {

namespace {

// The first line of a small file (sysfs, procfs), empty if it cannot be read.
std::string firstLine(const std::string& path) {
    std::ifstream file(path);
    std::string line;
    std::getline(file, line);
    return line;
}

bool contains(const std::string& text, const char* word) {
    return text.find(word) != std::string::npos;
}

SystemCheckItem item(Verdict verdict, std::string topic, std::string finding,
                     std::string fix = {}) {
    return {verdict, std::move(topic), std::move(finding), std::move(fix)};
}

SystemCheckItem checkGovernor() {
    std::map<std::string, int> governors; // governor -> CPUs
    for (int cpu = 0;; ++cpu) {
        const std::string base = "/sys/devices/system/cpu/cpu" + std::to_string(cpu);
        if (access(base.c_str(), F_OK) != 0)
            break;
        const std::string governor = firstLine(base + "/cpufreq/scaling_governor");
        if (!governor.empty())
            ++governors[governor];
    }
    const char* fix = "set the 'performance' governor: cpupower frequency-set -g performance "
                      "(package linux-cpupower), at every boot, and turn off deep C-states in "
                      "the BIOS";
    if (governors.empty())
        return item(Verdict::Warn, "cpu governor",
                    "no cpufreq governor exposed (a virtual machine, or scaling left to the "
                    "firmware): the clock may still change under load",
                    "check the BIOS or the host for power saving and frequency scaling");
    std::string found;
    for (const auto& [governor, cpus] : governors)
        found += (found.empty() ? "" : ", ") + governor + " on " + std::to_string(cpus) +
                 (cpus == 1 ? " CPU" : " CPUs");
    if (governors.size() == 1 && governors.count("performance"))
        return item(Verdict::Ok, "cpu governor", found);
    return item(Verdict::Warn, "cpu governor",
                found + ": the clock drops when idle and a burst of audio work meets a slow CPU",
                fix);
}

SystemCheckItem checkRealtimePriority() {
    const std::string limits = "RLIMIT_RTPRIO " + describeRtprio(rtprioLimit()) +
                               (hasCapability(kCapSysNice) ? ", CAP_SYS_NICE" : "");
    const std::string refused = probeRealtimePriority();
    if (refused.empty())
        return item(Verdict::Ok, "real-time priority",
                    "SCHED_FIFO " + std::to_string(engine::kAudioThreadPriority) +
                        " for the audio thread is allowed (" + limits + ")");
    return item(Verdict::Fail, "real-time priority",
                "SCHED_FIFO " + std::to_string(engine::kAudioThreadPriority) +
                    " for the audio thread is refused (" + limits +
                    "): audio runs at normal priority and drops out under load",
                kAudioGroupLimitsFix);
}

SystemCheckItem checkMemoryLock() {
    const std::optional<unsigned long long> limit = memlockLimitBytes();
    const bool capability = hasCapability(kCapIpcLock);
    const std::string limits =
        "RLIMIT_MEMLOCK " + describeMemlock(limit) + (capability ? ", CAP_IPC_LOCK" : "");
    // What stagedesk's lockMemory() needs: all of its memory, now and later.
    if (limit && !capability)
        return item(Verdict::Fail, "memory lock",
                    "memory cannot be locked (" + limits +
                        "): stagedesk will not mlockall, and a page fault in the audio thread "
                        "is a dropout",
                    kAudioGroupLimitsFix);
    // Proof that the kernel grants it: lock one page of this process.
    static char page[4096];
    if (mlock(page, sizeof page) != 0)
        return item(Verdict::Fail, "memory lock", "mlock is refused (" + limits + ")",
                    kAudioGroupLimitsFix);
    munlock(page, sizeof page);
    return item(Verdict::Ok, "memory lock", "memory can be locked (" + limits + ")");
}

SystemCheckItem checkAudioGroup() {
    const AudioGroupMembership audio = audioGroupMembership();
    if (!audio.groupExists)
        return item(Verdict::Warn, "audio group", "there is no 'audio' group on this machine",
                    "addgroup --system audio, then give it the limits: " +
                        std::string(kAudioGroupLimitsFix));
    if (audio.member)
        return item(Verdict::Ok, "audio group", audio.user + " is in the 'audio' group");
    if (geteuid() == 0)
        return item(Verdict::Ok, "audio group",
                    "root is not in the 'audio' group, and needs not be: its limits are lifted "
                    "by its capabilities (a service running as another user needs the group or "
                    "its own limits)");
    return item(Verdict::Warn, "audio group",
                audio.user + " is not in the 'audio' group (the usual way to the limits above, "
                             "and to the sound cards' device files)",
                "usermod -aG audio " + audio.user + ", then log in again");
}

SystemCheckItem checkAudioDevices() {
    silenceAudioLibraryNoise();
    int devices = 0, inputs = 0, outputs = 0;
    std::map<std::string, int> perApi;
    for (const auto& d : engine::RtAudioBackend::listDevices()) {
        if (d.outputs < 1 && d.inputs < 1)
            continue;
        ++devices;
        ++perApi[d.api];
        inputs += d.inputs;
        outputs += d.outputs;
    }
    if (devices == 0)
        return item(Verdict::Fail, "audio devices",
                    "RtAudio finds no audio device: stagedesk would run on its internal clock, "
                    "without sound",
                    "connect the interface and check 'aplay -l' and the user's access to "
                    "/dev/snd (the 'audio' group); with JACK, start the server first");
    std::string found;
    for (const auto& [api, count] : perApi)
        found += (found.empty() ? "" : ", ") + std::to_string(count) + " " + api;
    return item(Verdict::Ok, "audio devices",
                std::to_string(devices) + (devices == 1 ? " device" : " devices") + " (" + found +
                    "), " + std::to_string(inputs) + " inputs and " + std::to_string(outputs) +
                    " outputs in all (stagedesk --list-devices shows them)");
}

// Sound servers by their process names, found in /proc.
SystemCheckItem checkSoundServer() {
    std::map<std::string, std::string> running; // name -> "pid 1, pid 2"
    DIR* proc = opendir("/proc");
    while (const dirent* entry = proc ? readdir(proc) : nullptr) {
        const int pid = std::atoi(entry->d_name);
        if (pid <= 0)
            continue;
        const std::string name = firstLine("/proc/" + std::string(entry->d_name) + "/comm");
        for (const char* server : {"jackd", "jackdbus", "pipewire", "pulseaudio"})
            if (name == server)
                running[name] += (running[name].empty() ? "pid " : ", pid ") + std::to_string(pid);
    }
    if (proc)
        closedir(proc);
    std::string found;
    for (const auto& [name, pids] : running)
        found += (found.empty() ? "" : "; ") + name + " (" + pids + ")";
    const bool jack = running.count("jackd") || running.count("jackdbus");
    const bool pipewire = running.count("pipewire") > 0;
    if (jack)
        return item(Verdict::Ok, "sound server",
                    "JACK is running: " + found +
                        "; use --audio-api jack (its block size and rate are the server's)");
    if (pipewire) {
        const bool rtkit = access("/usr/libexec/rtkit-daemon", X_OK) == 0;
        if (!rtkit)
            return item(Verdict::Warn, "sound server",
                        "PipeWire is running (" + found +
                            ") without rtkit: its threads get no "
                            "real-time priority",
                        kRtkitNote);
        return item(Verdict::Ok, "sound server",
                    "PipeWire is running (" + found +
                        "), with rtkit; use --audio-api jack "
                        "(pipewire-jack) or pulse, or stop it to open the interface through ALSA");
    }
    if (running.count("pulseaudio"))
        return item(Verdict::Warn, "sound server",
                    "PulseAudio is running (" + found + ") and may hold the interface",
                    "stop it (systemctl --user stop pulseaudio.socket pulseaudio) or use "
                    "--audio-api pulse");
    return item(Verdict::Ok, "sound server",
                "no JACK, PipeWire or PulseAudio running: stagedesk opens the interface "
                "through ALSA");
}

SystemCheckItem checkKernel() {
    utsname names{};
    uname(&names);
    const std::string version = names.version;
    const std::string release = names.release;
    const std::string kernel = release + " " + version;
    const char* fix = "boot with preempt=full (GRUB_CMDLINE_LINUX in /etc/default/grub, then "
                      "update-grub), or install the real-time kernel linux-image-rt-amd64";
    if (firstLine("/sys/kernel/realtime") == "1" || contains(version, "PREEMPT_RT"))
        return item(Verdict::Ok, "kernel", kernel + ": PREEMPT_RT, fully preemptible");
    if (contains(version, "PREEMPT_DYNAMIC")) {
        // The mode chosen at boot: debugfs (root) shows it as "(full)";
        // otherwise the command line says whether it was asked for.
        const std::string mode = firstLine("/sys/kernel/debug/sched/preempt");
        const std::string cmdline = firstLine("/proc/cmdline");
        if (contains(mode, "(full)") || contains(cmdline, "preempt=full"))
            return item(Verdict::Ok, "kernel", kernel + ": dynamic preemption, set to full");
        return item(Verdict::Warn, "kernel",
                    kernel + ": dynamic preemption" +
                        (mode.empty() ? " (its boot mode is not readable here, and the kernel "
                                        "command line has no preempt=full)"
                                      : ", modes " + mode) +
                        ": longer scheduling latency than full preemption",
                    fix);
    }
    if (contains(version, "PREEMPT "))
        return item(Verdict::Ok, "kernel", kernel + ": full preemption (PREEMPT)");
    return item(Verdict::Warn, "kernel", kernel + ": no forced preemption", fix);
}

const char* verdictWord(Verdict verdict) {
    switch (verdict) {
    case Verdict::Ok:
        return "OK";
    case Verdict::Warn:
        return "WARN";
    case Verdict::Fail:
        return "FAIL";
    }
    return "?";
}

} // namespace

std::vector<SystemCheckItem> checkSystem() {
    return {checkGovernor(),     checkRealtimePriority(), checkMemoryLock(), checkAudioGroup(),
            checkAudioDevices(), checkSoundServer(),      checkKernel()};
}

std::string formatSystemCheck(const std::vector<SystemCheckItem>& items) {
    std::string text;
    for (const SystemCheckItem& i : items) {
        std::string word = verdictWord(i.verdict);
        word.resize(6, ' ');
        text += word + i.topic + ": " + i.finding + "\n";
        if (!i.fix.empty())
            text += "      fix: " + i.fix + "\n";
    }
    return text;
}

int runSystemCheck() {
    const std::vector<SystemCheckItem> items = checkSystem();
    int warnings = 0, failures = 0;
    for (const SystemCheckItem& i : items) {
        warnings += i.verdict == Verdict::Warn;
        failures += i.verdict == Verdict::Fail;
    }
    std::string text = formatSystemCheck(items);
    text += "verdict: " + std::to_string(failures) + " FAIL, " + std::to_string(warnings) +
            " WARN: " +
            (failures   ? "not ready for a live show"
             : warnings ? "ready, with the warnings above"
                        : "ready for a live show") +
            "\n";
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
    return failures ? 1 : 0;
}

} // namespace stagedesk::app
