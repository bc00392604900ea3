// The engine on a real audio stream: a private JACK server with the dummy
// backend, the engine opened on it through RtAudio (api "jack"), and two
// plain libjack clients, one playing a 1 kHz sine into engine input 1, one
// recording main L and R. Parameter changes go through Engine::post() like
// the console's; levels are measured on the recorded audio, in the test
// thread.

#include "support/JackServer.h"
#include "support/JackTestClient.h"

#include "Command.h"
#include "Engine.h"
#include "io/RtAudioBackend.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <memory>
#include <numbers>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace stagedesk::engine;
using stagedesk::testing::JackServer;
using stagedesk::testing::JackTestClient;
using stagedesk::testing::rmsDbfs;

namespace {

constexpr int kRate = 48000;
constexpr int kPeriod = 64;
constexpr double kToneHz = 1000.0;
constexpr double kToneDbfs = -20.0;                                 // peak: amplitude 0.1
constexpr int kSamplesPerCycle = kRate / static_cast<int>(kToneHz); // 48, exact
// Settling after a change: 200 ms against a ~5 ms smoothing time constant.
constexpr int kSettleFrames = kRate / 5;
// One measurement: 0.5 s, cut into windows of 4 tone periods (192 frames,
// 3 JACK periods, so that window edges fall on period edges).
constexpr int kWindowFrames = 4 * kSamplesPerCycle;
constexpr int kWindows = 125;
constexpr int kCaptureFrames = kWindows * kWindowFrames; // 500 tone periods
static_assert(kWindowFrames % kPeriod == 0);
// The dummy driver on a loaded VM misses its deadlines now and then (it
// logs "XRun" lines), and a late cycle shows in the recording as a jump of
// the tone's phase: mostly at a period edge (a period lost or repeated),
// sometimes inside one (JACK2 lets the next cycle start while a late client
// is still writing its buffer). A window that holds such a jump is not a
// whole number of periods any more; it is left out, and the level is the
// RMS over all the clean windows (whole periods). At least this share of
// the windows must be clean.
constexpr int kMinCleanWindows = kWindows / 4;
// A clean sine satisfies x[n] = 2 cos(w) x[n-1] - x[n-2] to float rounding
// (~1e-8 here); the jumps seen are 1e-3..1e-1.
constexpr double kGlitchResidual = 1e-5;
constexpr double kToleranceDb = 0.1;
constexpr double kSilenceDbfs = -100.0;

// Client ports (0-based input indices of the test client).
constexpr int kRecMainLeft = 0;
constexpr int kRecMainRight = 1;
constexpr int kRecReference = 2; // the generator looped straight back

struct Level {
    double db = -400;                            // RMS over the clean windows, dBFS
    double cleanMinDb = -400, cleanMaxDb = -400; // quietest and loudest clean window
    double loudestDb = -400;                     // loudest window of all, clean or not
    int clean = 0;                               // clean windows, of kWindows
};

Level levelOf(std::span<const float> samples) {
    Level level;
    if (samples.size() != static_cast<std::size_t>(kCaptureFrames))
        return level;
    const double c = 2.0 * std::cos(2.0 * std::numbers::pi * kToneHz / kRate);
    std::vector<double> residual(samples.size(), 0.0);
    for (std::size_t n = 2; n < samples.size(); ++n)
        residual[n] = std::abs(samples[n] - (c * samples[n - 1] - samples[n - 2]));
    double cleanPower = 0;
    level.cleanMinDb = 400;
    for (int w = 0; w < kWindows; ++w) {
        const std::size_t begin = static_cast<std::size_t>(w) * kWindowFrames;
        const std::size_t end = begin + kWindowFrames;
        const auto window = samples.subspan(begin, kWindowFrames);
        const double db = rmsDbfs(window);
        level.loudestDb = std::max(level.loudestDb, db);
        // Residuals that involve any sample of the window, both edges included.
        const auto first = residual.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto last =
            residual.begin() + static_cast<std::ptrdiff_t>(std::min(end + 2, samples.size()));
        if (*std::max_element(first, last) > kGlitchResidual)
            continue;
        const double rms = stagedesk::testing::rmsOf(window);
        cleanPower += rms * rms;
        ++level.clean;
        level.cleanMinDb = std::min(level.cleanMinDb, db);
        level.cleanMaxDb = std::max(level.cleanMaxDb, db);
    }
    if (level.clean > 0)
        level.db = stagedesk::testing::dbfsOf(std::sqrt(cleanPower / level.clean));
    else
        level.cleanMinDb = -400;
    return level;
}

Command channel(Param param, float value, std::uint16_t index = 0) {
    return {Target::Channel, param, index, 0, value};
}

} // namespace

class TestRealStream : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void centrePanIsMinus3dB();
    void faderMinus12dB();
    void trimPlus6dB();
    void muteSilences();
    void hardLeftPan();
    void statsAndDescription();

private:
    // Posts the whole channel-1 state, one Engine::post() per parameter,
    // waits until the audio thread applied it and the smoothing settled.
    // False (the test has failed) if it did not get there.
    bool setChannel(float faderDb, float trimDb, bool on, float pan);
    // Records main L, main R and the reference; false if that failed.
    bool measure(Level& left, Level& right, Level& reference);
    // measure() of main L and R, logged.
    bool measureMain(Level& left, Level& right);
    void waitFrames(int frames);

    std::unique_ptr<JackServer> m_server;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<RtAudioBackend> m_backend;
    std::unique_ptr<JackTestClient> m_source; // plays the tone
    std::unique_ptr<JackTestClient> m_sink;   // records main L, main R, the tone
    std::uint64_t m_blocksAtStart = 0;
    double m_inputDbfs = 0; // RMS of the generated tone, as recorded
    std::chrono::steady_clock::time_point m_started;
};

void TestRealStream::initTestCase() {
    m_started = std::chrono::steady_clock::now();
    m_server = std::make_unique<JackServer>();
    QVERIFY2(m_server->ok(), m_server->error().c_str());
    qInfo("jackd '%s' (pid %d) up after %d ms", m_server->name().c_str(),
          static_cast<int>(m_server->pid()), m_server->startupMs());
    QCOMPARE(qgetenv("JACK_DEFAULT_SERVER").toStdString(), m_server->name());

    EngineConfig config;
    config.inputs = 8;
    config.buses = 4;
    config.sampleRate = kRate;
    m_engine = std::make_unique<Engine>(config);

    // RtAudio lists every JACK client with ports as a "device"; "system" is
    // the dummy driver's (8 capture, 8 playback ports). Not connected to it:
    // the test client below is the engine's only source and listener.
    const std::string engineClient = "stagedesk-rt-" + std::to_string(::getpid());
    RtAudioBackendConfig backendConfig;
    backendConfig.api = "jack";
    backendConfig.device = "system";
    backendConfig.sampleRate = kRate;
    backendConfig.framesPerBlock = kPeriod;
    backendConfig.clientName = engineClient;
    backendConfig.jackAutoConnect = false;
    m_backend = std::make_unique<RtAudioBackend>(*m_engine, backendConfig);
    std::string error;
    QVERIFY2(m_backend->start(error), error.c_str());
    QVERIFY(m_backend->running());
    QCOMPARE(m_backend->framesPerBlock(), kPeriod);
    QCOMPARE(m_backend->sampleRate(), double(kRate));
    qInfo("backend: %s", m_backend->description().c_str());

    // Two clients, not one with both ends: a client that fed the engine and
    // listened to it would close a loop in the JACK graph, and JACK2 does not
    // order a loop's "feedback" connection, so under load the listener could
    // read the engine's output while the engine was still writing it.
    JackTestClient::Options sourceOptions;
    sourceOptions.clientName = "sdtest-source-" + std::to_string(::getpid());
    sourceOptions.serverName = m_server->name();
    sourceOptions.outputs = 1;
    sourceOptions.inputs = 0;
    m_source = std::make_unique<JackTestClient>(sourceOptions);
    QVERIFY2(m_source->ok(), m_source->error().c_str());
    JackTestClient::Options sinkOptions;
    sinkOptions.clientName = "sdtest-sink-" + std::to_string(::getpid());
    sinkOptions.serverName = m_server->name();
    sinkOptions.outputs = 0;
    sinkOptions.inputs = 3;
    sinkOptions.maxCaptureSeconds = 1.0;
    m_sink = std::make_unique<JackTestClient>(sinkOptions);
    QVERIFY2(m_sink->ok(), m_sink->error().c_str());
    QCOMPARE(m_sink->sampleRate(), kRate);
    QCOMPARE(m_sink->bufferSize(), kPeriod);
    m_source->setSine(0, kToneHz, kToneDbfs);
    QVERIFY(m_source->activate());
    QVERIFY(m_sink->activate());

    // RtAudio 5.2 names its JACK ports "<client>:inport N" / "outport N",
    // N from 0 = device channel N.
    const auto enginePorts = m_sink->ports("^" + engineClient + ":");
    QString portList;
    for (const auto& p : enginePorts)
        portList += QString::fromStdString(p) + QLatin1Char(' ');
    qInfo("engine ports: %s", qPrintable(portList));
    const std::string engineIn1 = engineClient + ":inport 0";
    const std::string engineMainL = engineClient + ":outport 0";
    const std::string engineMainR = engineClient + ":outport 1";
    for (const auto& port : {engineIn1, engineMainL, engineMainR})
        QVERIFY2(std::find(enginePorts.begin(), enginePorts.end(), port) != enginePorts.end(),
                 qPrintable(QString::fromStdString(port) + " missing; ports: " + portList));

    QVERIFY(m_source->connect(m_source->outputPort(0), engineIn1));
    QVERIFY(m_sink->connect(engineMainL, m_sink->inputPort(kRecMainLeft)));
    QVERIFY(m_sink->connect(engineMainR, m_sink->inputPort(kRecMainRight)));
    QVERIFY(m_sink->connect(m_source->outputPort(0), m_sink->inputPort(kRecReference)));

    m_blocksAtStart = m_engine->stats().blocks;

    // The tone as it travels through JACK, against its definition: a sine
    // of peak -20 dBFS has an RMS of -23.01 dBFS.
    waitFrames(kSettleFrames);
    Level left, right, reference;
    if (!measure(left, right, reference))
        return;
    m_inputDbfs = reference.db;
    qInfo("reference tone %.4f dBFS RMS (clean windows %d/%d, %.4f..%.4f)", reference.db,
          reference.clean, kWindows, reference.cleanMinDb, reference.cleanMaxDb);
    QVERIFY(std::abs(m_inputDbfs - (kToneDbfs - 3.0103)) < 0.01);
    // A fresh console: channel faders at -inf, so nothing on main yet.
    QVERIFY2(left.loudestDb < kSilenceDbfs, qPrintable(QString::number(left.loudestDb)));
    QVERIFY2(right.loudestDb < kSilenceDbfs, qPrintable(QString::number(right.loudestDb)));
}

void TestRealStream::cleanupTestCase() {
    if (m_backend)
        m_backend->stop();
    m_sink.reset();
    m_source.reset();
    m_backend.reset();
    m_engine.reset();
    m_server.reset();
    qInfo("real-stream suite took %lld ms",
          static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::steady_clock::now() - m_started)
                                     .count()));
}

void TestRealStream::waitFrames(int frames) {
    QVERIFY2(m_sink->waitFrames(frames, std::chrono::seconds(5)),
             "JACK stopped running process cycles");
}

bool TestRealStream::setChannel(float faderDb, float trimDb, bool on, float pan) {
    [&] {
        const std::array<Command, 4> state = {
            channel(Param::Fader, faderDb), channel(Param::Trim, trimDb),
            channel(Param::On, on ? 1.0f : 0.0f), channel(Param::Pan, pan)};
        const std::uint64_t applied = m_engine->stats().commandsApplied;
        for (const Command& command : state)
            QVERIFY(m_engine->post(command));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (m_engine->stats().commandsApplied < applied + state.size() &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        QCOMPARE(m_engine->stats().commandsApplied, applied + state.size());
        QCOMPARE(m_engine->stats().commandsRejected, std::uint64_t(0));
        waitFrames(kSettleFrames);
    }();
    return !QTest::currentTestFailed();
}

bool TestRealStream::measure(Level& left, Level& right, Level& reference) {
    [&] {
        QVERIFY(m_sink->capture(kCaptureFrames, std::chrono::seconds(5)));
        left = levelOf(m_sink->captured(kRecMainLeft));
        right = levelOf(m_sink->captured(kRecMainRight));
        reference = levelOf(m_sink->captured(kRecReference));
        for (const Level* level : {&left, &right, &reference}) {
            QVERIFY2(level->clean >= kMinCleanWindows,
                     qPrintable(QStringLiteral("only %1 of %2 windows free of JACK glitches")
                                    .arg(level->clean)
                                    .arg(kWindows)));
        }
    }();
    return !QTest::currentTestFailed();
}

bool TestRealStream::measureMain(Level& left, Level& right) {
    Level reference;
    if (!measure(left, right, reference))
        return false;
    qInfo("L %.4f dBFS (%d clean, %.4f..%.4f), R %.4f dBFS (%d clean, %.4f..%.4f), input %.4f "
          "dBFS (%d clean)",
          left.db, left.clean, left.cleanMinDb, left.cleanMaxDb, right.db, right.clean,
          right.cleanMinDb, right.cleanMaxDb, reference.db, reference.clean);
    return true;
}

void TestRealStream::centrePanIsMinus3dB() {
    if (!setChannel(0.0f, 0.0f, true, 0.0f))
        return;
    Level left, right;
    if (!measureMain(left, right))
        return;
    QVERIFY2(std::abs(left.db - (m_inputDbfs - 3.0103)) < kToleranceDb,
             qPrintable(QString::number(left.db - m_inputDbfs)));
    QVERIFY2(std::abs(right.db - (m_inputDbfs - 3.0103)) < kToleranceDb,
             qPrintable(QString::number(right.db - m_inputDbfs)));
}

void TestRealStream::faderMinus12dB() {
    if (!setChannel(0.0f, 0.0f, true, 0.0f))
        return;
    Level left0, right0;
    if (!measureMain(left0, right0))
        return;
    if (!setChannel(-12.0f, 0.0f, true, 0.0f))
        return;
    Level left, right;
    if (!measureMain(left, right))
        return;
    QVERIFY2(std::abs((left.db - left0.db) + 12.0) < kToleranceDb,
             qPrintable(QString::number(left.db - left0.db)));
    QVERIFY2(std::abs((right.db - right0.db) + 12.0) < kToleranceDb,
             qPrintable(QString::number(right.db - right0.db)));
    QVERIFY(std::abs(left.db - (m_inputDbfs - 3.0103 - 12.0)) < kToleranceDb);
}

void TestRealStream::trimPlus6dB() {
    if (!setChannel(-12.0f, 0.0f, true, 0.0f))
        return;
    Level left0, right0;
    if (!measureMain(left0, right0))
        return;
    if (!setChannel(-12.0f, 6.0f, true, 0.0f))
        return;
    Level left, right;
    if (!measureMain(left, right))
        return;
    QVERIFY2(std::abs((left.db - left0.db) - 6.0) < kToleranceDb,
             qPrintable(QString::number(left.db - left0.db)));
    QVERIFY2(std::abs((right.db - right0.db) - 6.0) < kToleranceDb,
             qPrintable(QString::number(right.db - right0.db)));
    QVERIFY(std::abs(left.db - (m_inputDbfs - 3.0103 - 6.0)) < kToleranceDb);
}

void TestRealStream::muteSilences() {
    if (!setChannel(-12.0f, 6.0f, false, 0.0f))
        return;
    Level left, right;
    if (!measureMain(left, right))
        return;
    // Every window, clean or not: a muted channel is silent throughout.
    QVERIFY2(left.loudestDb < kSilenceDbfs, qPrintable(QString::number(left.loudestDb)));
    QVERIFY2(right.loudestDb < kSilenceDbfs, qPrintable(QString::number(right.loudestDb)));
}

void TestRealStream::hardLeftPan() {
    if (!setChannel(0.0f, 0.0f, true, -1.0f))
        return;
    Level left, right;
    if (!measureMain(left, right))
        return;
    QVERIFY2(std::abs(left.db - m_inputDbfs) < kToleranceDb,
             qPrintable(QString::number(left.db - m_inputDbfs)));
    QVERIFY2(right.loudestDb < kSilenceDbfs, qPrintable(QString::number(right.loudestDb)));
}

void TestRealStream::statsAndDescription() {
    const EngineStats stats = m_engine->stats();
    qInfo("engine: %llu blocks, %llu xruns, %llu commands applied, callback %.1f/%.1f/%.1f us "
          "(min/mean/max); sink client: %llu cycles, %llu xruns",
          static_cast<unsigned long long>(stats.blocks),
          static_cast<unsigned long long>(stats.xruns),
          static_cast<unsigned long long>(stats.commandsApplied), stats.minCallbackUs,
          stats.meanCallbackUs, stats.maxCallbackUs,
          static_cast<unsigned long long>(m_sink->cycles()),
          static_cast<unsigned long long>(m_sink->xruns()));
    // The measurements above took 8 x (0.2 s + 0.5 s) of audio: far more
    // than 1000 blocks of 64 frames.
    QVERIFY(stats.blocks > m_blocksAtStart + 1000);
    QCOMPARE(stats.commandsRejected, std::uint64_t(0));
    QVERIFY(stats.maxCallbackUs > 0);
    const QString description = QString::fromStdString(m_backend->description());
    QVERIFY2(description.contains(QLatin1String("jack"), Qt::CaseInsensitive),
             qPrintable(description));
}

QTEST_GUILESS_MAIN(TestRealStream)
#include "tst_realstream.moc"
