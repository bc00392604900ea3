// xrun_baseline: what this machine's JACK dummy server does with no Stagedesk
// at all, as the baseline for bench/soak's xruns. The same server as the
// soak's (SoakServer.h: 48 kHz, 64 frames, 64 capture and 20 playback ports,
// asynchronous) with one trivial client that copies each capture port to a
// playback port, for --seconds (default 60). Prints, every 10 s and at the
// end:
//   - periods the server completed, against those the elapsed time holds;
//   - xruns counted as the soak counts them: RtAudio flags the callback
//     after one or more of JACK's xrun notifications, and the engine counts
//     flagged callbacks; the raw notifications too;
//   - the longest gap between two callbacks, in periods;
//   - how the CPU time was spent meanwhile, steal included (CpuTime.h).
// If an idle pass-through xruns as the console does, the machine is the
// cause. No assertions: the figures are the result.

#include "CpuTime.h"
#include "SoakServer.h"

#include <jack/jack.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using namespace stagedesk;
using namespace stagedesk::bench;
using Clock = std::chrono::steady_clock;

namespace {

struct PassThrough {
    std::vector<jack_port_t*> inputs, outputs;
    // Written by JACK's process thread, read by main().
    std::atomic<std::uint64_t> cycles{0};
    std::atomic<std::uint64_t> flaggedCycles{0}; // what the soak reports as xruns
    std::atomic<jack_time_t> worstGapUs{0};
    jack_time_t lastCycleUs = 0; // the process thread's own
    // Set by JACK's notification thread, taken by the next cycle.
    std::atomic<bool> xrunPending{false};
    std::atomic<std::uint64_t> xrunNotifications{0};
};

int rt_process(jack_nframes_t frames, void* arg) {
    auto& p = *static_cast<PassThrough*>(arg);
    for (std::size_t o = 0; o < p.outputs.size(); ++o) {
        const void* in = jack_port_get_buffer(p.inputs[o % p.inputs.size()], frames);
        std::memcpy(jack_port_get_buffer(p.outputs[o], frames), in, frames * sizeof(float));
    }
    const jack_time_t now = jack_get_time();
    if (p.lastCycleUs != 0 && now - p.lastCycleUs > p.worstGapUs.load(std::memory_order_relaxed))
        p.worstGapUs.store(now - p.lastCycleUs, std::memory_order_relaxed);
    p.lastCycleUs = now;
    if (p.xrunPending.exchange(false, std::memory_order_relaxed))
        p.flaggedCycles.fetch_add(1, std::memory_order_relaxed);
    p.cycles.fetch_add(1, std::memory_order_relaxed);
    return 0;
}

int onXrun(void* arg) {
    auto& p = *static_cast<PassThrough*>(arg);
    p.xrunNotifications.fetch_add(1, std::memory_order_relaxed);
    p.xrunPending.store(true, std::memory_order_relaxed);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    int seconds = 60;
    if (argc == 3 && std::string(argv[1]) == "--seconds")
        seconds = std::max(1, std::atoi(argv[2]));
    else if (argc != 1) {
        std::fprintf(stderr, "usage: xrun_baseline [--seconds N]\n");
        return 2;
    }

    const testing::JackServer::Options serverOptions = soakServerOptions();
    testing::JackServer server(serverOptions);
    if (!server.ok()) {
        std::fprintf(stderr, "xrun_baseline: no JACK server: %s\n", server.error().c_str());
        return 1;
    }
    jack_status_t status{};
    jack_client_t* client =
        jack_client_open("xrun-baseline", JackOptions(JackNoStartServer | JackServerName), &status,
                         server.name().c_str());
    if (!client) {
        std::fprintf(stderr, "xrun_baseline: cannot open a client (status 0x%x)\n", status);
        return 1;
    }
    PassThrough p;
    for (int i = 0; i < kSoakInputs; ++i)
        p.inputs.push_back(jack_port_register(client, ("in_" + std::to_string(i + 1)).c_str(),
                                              JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0));
    for (int o = 0; o < kSoakOutputs; ++o)
        p.outputs.push_back(jack_port_register(client, ("out_" + std::to_string(o + 1)).c_str(),
                                               JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0));
    jack_set_process_callback(client, rt_process, &p);
    jack_set_xrun_callback(client, onXrun, &p);
    if (jack_activate(client) != 0) {
        std::fprintf(stderr, "xrun_baseline: cannot activate the client\n");
        return 1;
    }
    for (int i = 0; i < kSoakInputs; ++i)
        jack_connect(client, ("system:capture_" + std::to_string(i + 1)).c_str(),
                     jack_port_name(p.inputs[i]));
    for (int o = 0; o < kSoakOutputs; ++o)
        jack_connect(client, jack_port_name(p.outputs[o]),
                     ("system:playback_" + std::to_string(o + 1)).c_str());

    const double periodUs = 1e6 * serverOptions.period / serverOptions.sampleRate;
    std::printf("xrun_baseline: JACK dummy server, %d Hz, %d frames (%.0f us), %d in, %d out, "
                "one pass-through client%s; %d s; load average %.1f on %u cores\n",
                serverOptions.sampleRate, serverOptions.period, periodUs, kSoakInputs, kSoakOutputs,
                jack_is_realtime(client) ? " (real-time)" : "", seconds, loadAverage(),
                std::thread::hardware_concurrency());
    std::fflush(stdout);

    // The counters at one moment; a report gives the difference since one.
    struct Snapshot {
        Clock::time_point time;
        std::uint64_t cycles, flagged, notified;
        CpuTime cpu;
    };
    const auto snapshot = [&p] {
        return Snapshot{Clock::now(), p.cycles.load(), p.flaggedCycles.load(),
                        p.xrunNotifications.load(), CpuTime::now()};
    };
    const auto report = [&](const char* label, const Snapshot& since) {
        const Snapshot now = snapshot();
        const double elapsed = std::chrono::duration<double>(now.time - since.time).count();
        const double expected = elapsed * 1e6 / periodUs;
        std::printf("  %s %3.0f s: %llu of %.0f periods (%.1f%%), %llu xruns (%llu notified); "
                    "longest gap so far %.1f periods; CPU %s\n",
                    label, elapsed, (unsigned long long)(now.cycles - since.cycles), expected,
                    100.0 * double(now.cycles - since.cycles) / expected,
                    (unsigned long long)(now.flagged - since.flagged),
                    (unsigned long long)(now.notified - since.notified),
                    double(p.worstGapUs.load()) / periodUs, now.cpu.sharesSince(since.cpu).c_str());
        std::fflush(stdout);
    };
    const auto start = Clock::now();
    const Snapshot atStart = snapshot();
    Snapshot window = atStart;
    for (int s = 10; s < seconds; s += 10) {
        std::this_thread::sleep_until(start + std::chrono::seconds(s));
        report("last", window);
        window = snapshot();
    }
    std::this_thread::sleep_until(start + std::chrono::seconds(seconds));
    report("all ", atStart);
    std::printf("  load average %.1f at the end\n", loadAverage());
    jack_deactivate(client);
    jack_client_close(client);
    return 0;
}
