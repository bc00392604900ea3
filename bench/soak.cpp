// soak: a whole gig on one console, to show that nothing drops out and
// nothing grows. The console is wired as stagedesk's main() wires it (the
// same command line, startup show, session, audio host, OSC, MIDI and
// soundcheck startup functions) on a private JACK server with the dummy
// backend: 64 inputs, 16 buses, 48 kHz, 64 frames. Around it, for --seconds
// (default 600):
//   - 8 OSC clients over UDP on 127.0.0.1, each renewing /xremote and a
//     /meters subscription and moving a fader every 50 ms;
//   - a Mackie Control on JACK MIDI moving its 8 faders, 100 bends a second;
//   - a scene recall every 2 seconds (4 scenes over every fader, send, pan,
//     EQ and dynamics parameter; each recall also autosaves the show);
//   - every input recorded to a temporary folder, a new take every
//     --take-minutes (default 5) with the finished one deleted, so that an
//     hour fits on the disk.
// Prints a progress line every 10 s and then the figures: xruns, worst and
// mean callback time as a % of the period, RSS at start and end, OSC and MIDI
// messages handled. No assertions: the figures are the result.

#include "CpuTime.h"
#include "SoakServer.h"
#include "support/JackMidiTestClient.h"
#include "support/OscTestClient.h"

#include "AudioHost.h"
#include "CommandLine.h"
#include "ConsoleSession.h"
#include "MackieProtocol.h"
#include "MidiStartup.h"
#include "OscServer.h"
#include "OscStartup.h"
#include "RealtimeSetup.h"
#include "SoundcheckStartup.h"
#include "StartupShow.h"

#include "AudioStartup.h"
#include "Engine.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace stagedesk;
using namespace stagedesk::app;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kInputs = bench::kSoakInputs;
constexpr int kBuses = bench::kSoakBuses;
constexpr int kOscClients = 8;
constexpr int kScenes = 4;
constexpr auto kOscMovePeriod = std::chrono::milliseconds(50);
constexpr auto kMidiMovePeriod = std::chrono::milliseconds(10);
constexpr auto kRecallPeriod = std::chrono::seconds(2);
constexpr auto kRenewPeriod = std::chrono::seconds(5); // /xremote and /meters last 10 s
constexpr auto kReportPeriod = std::chrono::seconds(10);

struct SoakOptions {
    int seconds = 600;
    int takeMinutes = 5;
};

bool parse(int argc, char** argv, SoakOptions& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc)
            o.seconds = std::max(1, std::atoi(argv[++i]));
        else if (a == "--take-minutes" && i + 1 < argc)
            o.takeMinutes = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: soak [--seconds N] [--take-minutes N]\n");
            return false;
        }
    }
    return true;
}

long rssKiB() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> value;
            return value;
        }
        status.ignore(1 << 16, '\n');
    }
    return -1;
}

// Counts the changes the model took from the Mackie Control.
class MidiChangeCounter : public scenes::ConsoleObserver {
public:
    explicit MidiChangeCounter(const scenes::ConsoleState& state) : m_state(state) {}
    long changes = 0;
    void parameterChanged(scenes::ParamId, const scenes::ParameterValue&,
                          scenes::SourceId source) override {
        if (m_state.sourceName(source) == QLatin1String("Mackie Control"))
            ++changes;
    }

private:
    const scenes::ConsoleState& m_state;
};

// Scene n: every mixing parameter of the strips, buses, main and DCAs at one
// travel (the soundcheck and config sections stay as they are).
void storeScenes(scenes::ConsoleState& state, scenes::SceneList& scenes) {
    const scenes::ParameterRegistry& registry = state.registry();
    for (int n = 0; n < kScenes; ++n) {
        std::vector<scenes::Assignment> values;
        for (scenes::ParamId id = 0; id < registry.count(); ++id) {
            const scenes::ParameterDescriptor& d = registry.at(id);
            const QString& address = d.address;
            const bool mixing = address.startsWith(QLatin1String("/ch/")) ||
                                address.startsWith(QLatin1String("/bus/")) ||
                                address.startsWith(QLatin1String("/main/")) ||
                                address.startsWith(QLatin1String("/dca/"));
            if (mixing && !d.isText() && !address.contains(QLatin1String("/config/")))
                values.push_back({id, d.fromNormalized(0.2 + 0.15 * n)});
        }
        state.applyTransaction(values, scenes::kInternalSource);
        scenes.store(n, QStringLiteral("Song %1").arg(n + 1),
                     scenes::RecallScope::everything(registry.size()));
    }
}

QString faderAddress(int channel) {
    return QStringLiteral("/ch/%1/mix/fader").arg(channel + 1, 2, 10, QLatin1Char('0'));
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    SoakOptions soak;
    if (!parse(argc, argv, soak))
        return 2;

    QTemporaryDir work; // the state (autosaves) and the takes
    if (!work.isValid())
        return 1;
    qputenv("XDG_STATE_HOME", work.filePath(QStringLiteral("state")).toUtf8());
    const QString takes = work.filePath(QStringLiteral("takes"));

    testing::JackServer server(bench::soakServerOptions());
    if (!server.ok()) {
        std::fprintf(stderr, "soak: no JACK server: %s\n", server.error().c_str());
        return 1;
    }
    testing::JackMidiTestClient mcu("soak-mcu");
    if (!mcu.ok()) {
        std::fprintf(stderr, "soak: no JACK MIDI client: %s\n", mcu.error().c_str());
        return 1;
    }

    // The console, from a command line, as stagedesk would start it.
    const CommandLine commandLine = parseCommandLine(
        {QStringLiteral("stagedesk"), QStringLiteral("--headless"), QStringLiteral("--audio-api"),
         QStringLiteral("jack"), QStringLiteral("--inputs"), QString::number(kInputs),
         QStringLiteral("--buses"), QString::number(kBuses), QStringLiteral("--record-dir"), takes,
         QStringLiteral("--midi-in"), QStringLiteral("soak-mcu"), QStringLiteral("--midi-out"),
         QStringLiteral("soak-mcu"), QStringLiteral("--mcu")});
    if (commandLine.action != CommandLine::Action::Run) {
        std::fprintf(stderr, "soak: %s\n", qPrintable(commandLine.error));
        return 1;
    }
    Options options = commandLine.options;
    options.osc.port = 0; // any free port
    if (const std::string refused = lockMemory(MemoryLock::CurrentAndFuture); !refused.empty())
        std::fprintf(stderr, "soak: %s\n", refused.c_str());
    const std::optional<StartupShow> startup = chooseStartupShow(options);
    if (!startup)
        return 1;
    engine::Engine engine(engineConfig(options));
    ConsoleSession session(startup->show, &engine);
    session.startAutosave(startup->autosavePath, options.autosaveSeconds);
    AudioHost audio(engine, options);
    if (!audio.start())
        return 1;
    session.state().sendAllToEngine();
    const auto soundcheck = startSoundcheck(session, engine, options.soundcheck, options.showFile);
    const auto osc = startOsc(session, options.osc);
    const auto midi = startMidi(session, options.midi);
    if (!osc || !midi)
        return 1;
    MidiChangeCounter midiChanges(session.state());
    session.state().addSource(QStringLiteral("soak counter"), &midiChanges);
    storeScenes(session.state(), session.sceneList());

    std::vector<std::unique_ptr<test::OscTestClient>> clients;
    for (int c = 0; c < kOscClients; ++c)
        clients.push_back(std::make_unique<test::OscTestClient>(osc->port()));
    const auto connectDeadline = Clock::now() + std::chrono::seconds(10);
    while (!mcu.portsConnected() && Clock::now() < connectDeadline)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!mcu.portsConnected()) {
        std::fprintf(stderr, "soak: the MIDI surface did not connect\n");
        return 1;
    }

    QString error;
    if (!soundcheck->recorder.start({}, engine::soundcheck::RecordPoint::PrePreamp, error)) {
        std::fprintf(stderr, "soak: cannot record: %s\n", qPrintable(error));
        return 1;
    }
    const double periodUs = audio.blockPeriodUs();
    std::printf("soak: %d inputs, %d buses, %s; %d OSC clients, a Mackie Control on JACK MIDI, "
                "a recall every 2 s, recording %d tracks; %d s\n",
                kInputs, kBuses, audio.backend()->description().c_str(), kOscClients, kInputs,
                soak.seconds);
    const RealtimeThreads realtime = realtimeThreads();
    std::printf("real time: %s; load average %.1f on %u cores\n",
                realtime.count ? realtime.description.c_str() : "no thread with real-time priority",
                bench::loadAverage(), std::thread::hardware_concurrency());
    std::fflush(stdout);

    const long rssStart = rssKiB();
    const bench::CpuTime cpuStart = bench::CpuTime::now();
    bench::CpuTime cpuWindow = cpuStart; // since the last progress line
    const std::uint64_t blocksAtStart = engine.stats().blocks;
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(soak.seconds);
    // The surface plays on its own thread, at its own pace, whatever the
    // control thread is busy with (as a device would).
    std::atomic<long> midiSent{0};
    std::atomic<bool> playing{true};
    std::thread surface([&] {
        auto next = Clock::now();
        for (int i = 0; playing.load(); ++i) {
            const auto bend = surfaces::midi::mackie::fader(i % 8, 0.1 + 0.8 * (i % 97) / 97.0);
            midiSent += mcu.send(std::span<const std::uint8_t>(bend));
            next += kMidiMovePeriod;
            std::this_thread::sleep_until(next);
        }
    });
    auto nextOsc = start, nextRecall = start, nextRenew = start;
    auto nextReport = start + kReportPeriod;
    auto nextTake = start + std::chrono::minutes(soak.takeMinutes);
    long oscSent = 0, oscReceived = 0, recalls = 0, takesDone = 0, rssAfterMinute = -1;
    std::uint64_t framesRecorded = 0;
    int step = 0;
    while (Clock::now() < end) {
        const auto now = Clock::now();
        if (now >= nextRenew) {
            for (auto& client : clients) {
                client->send("/xremote");
                client->sendString("/meters", "/meters/1");
            }
            nextRenew += kRenewPeriod;
        }
        if (now >= nextOsc) { // each client its own channel, all moving
            for (int c = 0; c < kOscClients; ++c)
                clients[c]->sendFloat(qPrintable(faderAddress(8 + c * 7 + step % 7)),
                                      float(0.1 + 0.8 * ((step + c * 13) % 50) / 50.0));
            oscSent += kOscClients;
            nextOsc += kOscMovePeriod;
            ++step;
        }
        if (now >= nextRecall) {
            recalls += session.sceneList().recall(int(recalls % kScenes));
            nextRecall += kRecallPeriod;
        }
        if (now >= nextTake) { // bounded disk: the finished take goes
            if (const auto take = soundcheck->recorder.stop()) {
                framesRecorded += take->frames;
                std::filesystem::remove_all(take->folder);
            }
            ++takesDone;
            if (!soundcheck->recorder.start({}, engine::soundcheck::RecordPoint::PrePreamp, error))
                std::fprintf(stderr, "soak: cannot record again: %s\n", qPrintable(error));
            nextTake += std::chrono::minutes(soak.takeMinutes);
        }
        for (auto& client : clients)
            oscReceived += long(client->drain());
        if (now >= nextReport) {
            if (rssAfterMinute < 0 && now - start >= std::chrono::minutes(1))
                rssAfterMinute = rssKiB(); // buffers and caches have grown to size by now
            const engine::EngineStats s = engine.stats();
            std::printf(
                "  %4lld s: %llu blocks, %llu xruns, callback max %.1f%% of the period, "
                "RSS %ld KiB, OSC %llu in / %ld out, MIDI %ld changes, %ld recalls; CPU %s\n",
                (long long)std::chrono::duration_cast<std::chrono::seconds>(now - start).count(),
                (unsigned long long)s.blocks, (unsigned long long)s.xruns,
                100.0 * s.maxCallbackUs / periodUs, rssKiB(),
                (unsigned long long)osc->counters().datagrams, oscReceived, midiChanges.changes,
                recalls, bench::CpuTime::now().sharesSince(cpuWindow).c_str());
            cpuWindow = bench::CpuTime::now();
            std::fflush(stdout);
            nextReport += kReportPeriod;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    const long rssEnd = rssKiB();
    const std::string cpuShares = bench::CpuTime::now().sharesSince(cpuStart);
    const std::uint64_t blocksInSoak = engine.stats().blocks - blocksAtStart;
    const double periodsInSoak =
        std::chrono::duration<double>(Clock::now() - start).count() * 1e6 / periodUs;
    playing = false;
    surface.join();
    const QString recordFailure = soundcheck->recorder.failure();
    if (const auto take = soundcheck->recorder.stop())
        framesRecorded += take->frames;
    audio.stop();
    session.finish();
    const engine::EngineStats s = engine.stats();
    const surfaces::osc::OscCounters& c = osc->counters();
    std::printf("soak: %d s, %llu blocks of %.0f us; load average %.1f at the end\n", soak.seconds,
                (unsigned long long)s.blocks, periodUs, bench::loadAverage());
    std::printf("  xruns                 %llu\n", (unsigned long long)s.xruns);
    std::printf("  periods               %llu of %.0f (%.1f%%) completed during the soak\n",
                (unsigned long long)blocksInSoak, periodsInSoak,
                100.0 * double(blocksInSoak) / periodsInSoak);
    std::printf("  CPU                   %s (the whole machine, during the soak)\n",
                cpuShares.c_str());
    std::printf("  callback              mean %.1f%%, worst %.1f%% of the period (%.0f us)\n",
                100.0 * s.meanCallbackUs / periodUs, 100.0 * s.maxCallbackUs / periodUs,
                s.maxCallbackUs);
    std::printf("  RSS                   start %ld KiB, end %ld KiB (%+ld KiB)", rssStart, rssEnd,
                rssEnd - rssStart);
    if (rssAfterMinute >= 0)
        std::printf("; after the first minute %ld KiB (%+ld KiB since)", rssAfterMinute,
                    rssEnd - rssAfterMinute);
    std::printf("\n");
    std::printf("  OSC                   %llu datagrams handled (%ld fader moves sent), %llu SETs "
                "applied, %llu refused, %llu rate-limited; %llu pushes, %ld messages received "
                "by the clients\n",
                (unsigned long long)c.datagrams, oscSent, (unsigned long long)c.applied,
                (unsigned long long)c.refused, (unsigned long long)c.rateLimited,
                (unsigned long long)c.pushed, oscReceived);
    std::printf("  MIDI                  %ld pitch bends sent, %ld fader changes handled, %llu "
                "dropped\n",
                midiSent.load(), midiChanges.changes,
                (unsigned long long)midi->device().messagesDropped());
    std::printf("  scenes                %ld recalls\n", recalls);
    std::printf("  recording             %d tracks, %.1f minutes recorded in %ld+1 takes%s%s\n",
                kInputs, double(framesRecorded) / engine.config().sampleRate / 60.0, takesDone,
                recordFailure.isEmpty() ? "" : ", failed: ", qPrintable(recordFailure));
    return 0;
}
