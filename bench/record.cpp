// record: the engine's load while the soundcheck records every channel and
// plays every channel back, with the disk threads writing and reading real
// files, and those threads' throughput.
//
// The engine runs offline but at the pace of the real clock (one callback
// per period, absolute deadlines), so that the disk threads see the data
// rate of a real interface: 128 channels of 32-bit float at 48 kHz are
// 24.6 MB/s each way. Three phases of --seconds each:
//   idle      nothing recorded or played (the baseline);
//   record    every channel recorded (take 1);
//   rec+play  take 1 played back through every channel (the global switch)
//             while every channel is recorded again (take 2).
// Each callback (OfflineRenderer::renderBlock) is timed with steady_clock;
// the throughput is bytes moved per second of the disk thread's busy time
// (what the disk could sustain), next to the rate the take needs.

#include "Samples.h"

#include "Engine.h"
#include "TakePlayer.h"
#include "TakeRecorder.h"
#include "io/OfflineRenderer.h"
#include "io/RealtimeThread.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <numbers>
#include <string>
#include <thread>
#include <vector>

using namespace stagedesk;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int inputs = 128;
    int buses = 16;
    int frames = 64;
    double rate = 48000;
    double seconds = 10;
    std::string dir; // empty: a fresh folder under the temp directory, removed after
    bool realtime = false;
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--realtime") {
            o.realtime = true;
            continue;
        }
        if (i + 1 >= argc)
            return false;
        const char* v = argv[++i];
        if (a == "--inputs")
            o.inputs = std::atoi(v);
        else if (a == "--buses")
            o.buses = std::atoi(v);
        else if (a == "--frames")
            o.frames = std::atoi(v);
        else if (a == "--rate")
            o.rate = std::atof(v);
        else if (a == "--seconds")
            o.seconds = std::atof(v);
        else if (a == "--dir")
            o.dir = v;
        else
            return false;
    }
    return o.inputs >= 1 && o.inputs <= engine::kMaxInputs && o.buses >= 0 &&
           o.buses <= engine::kMaxBuses && o.frames >= 1 && o.rate > 0 && o.seconds > 0;
}

// The engine driven at the pace of the clock, every callback timed.
class PacedEngine {
public:
    explicit PacedEngine(const Options& o)
        : m_engine(engine::EngineConfig{o.inputs, o.buses, o.rate}), m_renderer(m_engine, o.frames),
          m_period(std::chrono::duration_cast<Clock::duration>(
              std::chrono::duration<double>(o.frames / o.rate))),
          m_table(std::size_t(o.rate)) {
        for (std::size_t i = 0; i < m_table.size(); ++i) // 1 s of a 1 kHz sine at -10 dBFS
            m_table[i] =
                float(0.316 * std::sin(2 * std::numbers::pi * 1000.0 * double(i) / o.rate));
    }

    engine::Engine& engine() { return m_engine; }

    // Renders 'seconds' of audio; the callback times go to 'times' (in
    // seconds) unless it is null.
    void run(double seconds, std::vector<double>* times) {
        const auto blocks =
            long(std::ceil(seconds / std::chrono::duration<double>(m_period).count()));
        auto deadline = Clock::now();
        for (long b = 0; b < blocks; ++b) {
            auto& in = m_renderer.blockInputs();
            for (std::size_t ch = 0; ch < in.size(); ++ch) // each channel its own frequency
                for (std::size_t i = 0; i < in[ch].size(); ++i)
                    in[ch][i] = m_table[((m_position + i) * (ch + 1)) % m_table.size()];
            const auto t0 = Clock::now();
            m_renderer.renderBlock();
            const auto t1 = Clock::now();
            if (times)
                times->push_back(std::chrono::duration<double>(t1 - t0).count());
            m_position += in.empty() ? 0 : in[0].size();
            deadline += m_period;
            std::this_thread::sleep_until(deadline);
        }
    }

private:
    engine::Engine m_engine;
    engine::OfflineRenderer m_renderer;
    Clock::duration m_period;
    std::vector<float> m_table;
    std::size_t m_position = 0;
};

void printLoad(const char* phase, const std::vector<double>& times, double period) {
    bench::Samples samples;
    double sum = 0;
    long late = 0;
    for (double t : times) {
        samples.add(100.0 * t / period);
        sum += t;
        late += t > period;
    }
    std::printf("%-9s load: mean %6.2f %%  median %6.2f %%  p99 %6.2f %%  worst %7.2f %% of the "
                "period  (%zu callbacks, %ld longer than the period)\n",
                phase, 100.0 * sum / double(times.size()) / period, samples.quantile(0.5),
                samples.quantile(0.99), samples.quantile(1), times.size(), late);
}

soundcheck::TakeOptions everyChannel(const fs::path& folder, int inputs) {
    soundcheck::TakeOptions take;
    take.folder = folder;
    for (int ch = 0; ch < inputs; ++ch)
        take.channels.push_back(ch);
    return take;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) {
        std::printf("usage: %s [--inputs N] [--buses N] [--frames N] [--rate HZ] [--seconds S] "
                    "[--dir DIR] [--realtime]\n"
                    "  defaults: 128 inputs, 16 buses, 64 frames, 48000 Hz, 10 s per phase;\n"
                    "  takes go to DIR (default: a new folder in the temp directory, removed "
                    "after)\n",
                    argv[0]);
        return 2;
    }
    const bool ownDir = o.dir.empty();
    const fs::path dir = ownDir ? fs::temp_directory_path() /
                                      ("stagedesk-record-bench-" + std::to_string(::getpid()))
                                : fs::path(o.dir);
    fs::create_directories(dir);
    const std::string realtime =
        o.realtime ? engine::requestRealtimePriorityForThisThread() : std::string("not asked");

    PacedEngine paced(o);
    const double period = o.frames / o.rate;
    const double neededMBs = o.inputs * o.rate * sizeof(float) / 1e6;
    std::printf("record: %d inputs, %d buses, %d frames, %.0f Hz (period %.1f us), %.1f s per "
                "phase\n",
                o.inputs, o.buses, o.frames, o.rate, period * 1e6, o.seconds);
    std::printf("takes in %s; %d tracks need %.1f MB/s each way; thread: %s\n", dir.c_str(),
                o.inputs, neededMBs, realtime.empty() ? "SCHED_FIFO" : realtime.c_str());
    paced.run(0.5, nullptr); // warm up: caches, first allocations of the taps' paths

    std::vector<double> idle, recording, both;
    paced.run(o.seconds, &idle);
    printLoad("idle", idle, period);

    std::string error;
    soundcheck::TakeRecorder recorder(paced.engine());
    if (!recorder.start(everyChannel(dir / "take-1", o.inputs), error)) {
        std::fprintf(stderr, "record: %s\n", error.c_str());
        return 1;
    }
    paced.run(o.seconds, &recording);
    recorder.requestStop();
    paced.run(period, nullptr);
    const soundcheck::TakeInfo take = recorder.stop();
    printLoad("record", recording, period);
    std::printf("          writer: %.0f MB/s while writing; %.2f s written%s%s\n",
                recorder.throughputBytesPerSecond() / 1e6, take.seconds(),
                recorder.failed() ? ", FAILED: " : "", recorder.message().c_str());

    soundcheck::TakePlayer player(paced.engine());
    engine::Command routSwitch{engine::Target::Soundcheck, engine::Param::RoutSwitch, 0, 0, 1};
    if (!paced.engine().post(routSwitch) || !player.open(take, error) || !player.play(0, error) ||
        !recorder.start(everyChannel(dir / "take-2", o.inputs), error)) {
        std::fprintf(stderr, "record: %s\n", error.c_str());
        return 1;
    }
    paced.run(std::min(o.seconds, take.seconds()), &both);
    recorder.requestStop();
    player.requestStop();
    paced.run(period, nullptr);
    const soundcheck::TakeInfo second = recorder.stop();
    player.stop();
    printLoad("rec+play", both, period);
    std::printf("          writer: %.0f MB/s while writing; %.2f s written%s%s\n",
                recorder.throughputBytesPerSecond() / 1e6, second.seconds(),
                recorder.failed() ? ", FAILED: " : "", recorder.message().c_str());
    std::printf("          reader: %.0f MB/s while reading; %llu underruns\n",
                player.throughputBytesPerSecond() / 1e6,
                static_cast<unsigned long long>(player.underruns()));
    if (ownDir)
        fs::remove_all(dir);
    return 0;
}
