// The soundcheck on a real audio stream: a private JACK server with the
// dummy backend (32 capture, 34 playback ports), the engine opened on it
// through RtAudio, a libjack client playing 32 known signals (a different
// frequency per channel, recomputable sample for sample) into the engine's
// 32 inputs, and a second client recording the 32 bus outputs (bus b = a
// pre-fader send of channel b). The take is written by the real
// TakeRecorder and played back by the real TakePlayer, both with their disk
// threads, while JACK's clock drives the engine.

#include "support/JackServer.h"
#include "support/JackTestClient.h"

#include "Command.h"
#include "Engine.h"
#include "TakePlayer.h"
#include "TakeRecorder.h"
#include "io/RtAudioBackend.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <optional>
#include <span>
#include <vector>

using namespace stagedesk;
using engine::Command;
using engine::Param;
using engine::Target;
using testing::JackServer;
using testing::JackTestClient;

namespace {

constexpr int kRate = 48000;
constexpr int kPeriod = 64;
constexpr int kChannels = 32;
constexpr int kTakeSeconds = 4;
constexpr int kCaptureFrames = 2 * kRate;    // what the sink records of the buses live
constexpr int kPlayedFrames = 3 * kRate / 2; // and played: within the live recording
constexpr auto kTimeout = std::chrono::seconds(20);

// What the source client plays on output ch at its k-th frame: a sine of
// its own frequency, computed the same way here and on the process thread,
// so that a file or an output can be compared with it bit for bit. The
// frequencies are not whole hertz: no block of samples repeats within a
// run (the shortest period of whole samples is 33 s), so a block has one
// place.
float sourceSample(int ch, std::uint64_t k) {
    const double f = 100.013 + 37.0 * ch;
    return float(0.5 * std::sin(2 * std::numbers::pi * f * double(k) / kRate));
}

std::vector<float> readTrack(const std::filesystem::path& file) {
    SF_INFO info{};
    SNDFILE* f = sf_open(file.c_str(), SFM_READ, &info);
    if (!f)
        return {};
    std::vector<float> samples(std::size_t(info.frames));
    sf_readf_float(f, samples.data(), info.frames);
    sf_close(f);
    return samples;
}

// A recording cut into blocks of one JACK period, each placed where it lies
// in a reference signal, bit for bit. The blocks should follow on from each
// other; one that does not (a break) or is found nowhere (lost) would be a
// period lost, repeated or half written on the way. (With JACK's default
// asynchronous mode the dummy driver on a loaded machine does that now and
// then; the test server runs synchronously, and then it never has.)
struct BlockMap {
    std::vector<long> at; // the reference position of each block; -1: lost
    int breaks = 0, lost = 0;
};

// sampleAt(p) is the reference at position p of [0, length).
template <typename Reference>
BlockMap mapBlocks(std::span<const float> recording, long length, Reference&& sampleAt) {
    const auto placedAt = [&](std::size_t block, long p) {
        for (int i = 0; i < kPeriod; ++i)
            if (recording[block + std::size_t(i)] != sampleAt(p + i))
                return false;
        return true;
    };
    BlockMap map;
    long expected = -1;
    for (std::size_t block = 0; block + kPeriod <= recording.size(); block += kPeriod) {
        long at = expected >= 0 && expected + kPeriod <= length && placedAt(block, expected)
                      ? expected
                      : -1;
        // A search costs a pass over the reference: a recording that is
        // plainly wrong is not searched to its end.
        const bool search = map.breaks + map.lost < 10;
        for (long p = 0; search && at < 0 && p + kPeriod <= length; ++p)
            if (placedAt(block, p))
                at = p;
        map.lost += at < 0;
        map.breaks += at >= 0 && expected >= 0 && at != expected;
        map.at.push_back(at);
        expected = at >= 0 ? at + kPeriod : -1;
    }
    return map;
}

// Samples of the placed blocks that differ from the reference.
template <typename Reference>
std::size_t differingSamples(std::span<const float> recording, const BlockMap& map,
                             Reference&& sampleAt) {
    std::size_t differing = 0;
    for (std::size_t b = 0; b < map.at.size(); ++b)
        for (int i = 0; map.at[b] >= 0 && i < kPeriod; ++i)
            differing += recording[b * kPeriod + std::size_t(i)] != sampleAt(map.at[b] + i);
    return differing;
}

Command command(Target t, Param p, int index, float value, int sub = 0) {
    return {t, p, std::uint16_t(index), std::uint16_t(sub), value};
}

} // namespace

class TestSoundcheckJack : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void recordsExactlyWhatTheClientSent();
    void playbackGivesTheOutputsLiveGave();

private:
    // Posts commands and waits until the audio thread applied them and
    // 200 ms more have passed (every glide settled).
    bool apply(const std::vector<Command>& commands);
    // Records the 32 bus outputs for 'frames'.
    bool captureBuses(int frames, std::vector<std::vector<float>>& buses);
    // RtAudio names its JACK ports "<client>:inport N" / "outport N" from 0.
    std::string engineInput(int ch) const {
        return m_engineClient + ":inport " + std::to_string(ch);
    }

    std::string m_engineClient;
    std::unique_ptr<JackServer> m_server;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<engine::RtAudioBackend> m_backend;
    std::unique_ptr<JackTestClient> m_source; // plays sourceSample() into the inputs
    std::unique_ptr<JackTestClient> m_sink;   // records the bus outputs
    QTemporaryDir m_dir;
    soundcheck::TakeInfo m_take;
    std::vector<std::vector<float>> m_live; // bus outputs during the take
};

void TestSoundcheckJack::initTestCase() {
    JackServer::Options serverOptions;
    serverOptions.captureChannels = kChannels;
    serverOptions.playbackChannels = 2 + kChannels; // main L/R, then the buses
    m_server = std::make_unique<JackServer>(serverOptions);
    QVERIFY2(m_server->ok(), m_server->error().c_str());

    engine::EngineConfig config;
    config.inputs = kChannels;
    config.buses = kChannels;
    config.sampleRate = kRate;
    m_engine = std::make_unique<engine::Engine>(config);
    m_engineClient = "stagedesk-sc-" + std::to_string(::getpid());
    engine::RtAudioBackendConfig backendConfig;
    backendConfig.api = "jack";
    backendConfig.device = "system";
    backendConfig.sampleRate = kRate;
    backendConfig.framesPerBlock = kPeriod;
    backendConfig.clientName = m_engineClient;
    m_backend = std::make_unique<engine::RtAudioBackend>(*m_engine, backendConfig);
    std::string error;
    QVERIFY2(m_backend->start(error), error.c_str());
    qInfo("backend: %s", m_backend->description().c_str());

    // Two clients, not one with both ends, so that the graph has no loop
    // (see tst_realstream).
    JackTestClient::Options sourceOptions;
    sourceOptions.clientName = "sdtest-scsource-" + std::to_string(::getpid());
    sourceOptions.serverName = m_server->name();
    sourceOptions.outputs = kChannels;
    sourceOptions.inputs = 0;
    sourceOptions.signal = &sourceSample;
    m_source = std::make_unique<JackTestClient>(sourceOptions);
    QVERIFY2(m_source->ok(), m_source->error().c_str());
    JackTestClient::Options sinkOptions;
    sinkOptions.clientName = "sdtest-scsink-" + std::to_string(::getpid());
    sinkOptions.serverName = m_server->name();
    sinkOptions.outputs = 0;
    sinkOptions.inputs = kChannels;
    sinkOptions.maxCaptureSeconds = double(kCaptureFrames) / kRate;
    m_sink = std::make_unique<JackTestClient>(sinkOptions);
    QVERIFY2(m_sink->ok(), m_sink->error().c_str());
    QVERIFY(m_source->activate());
    QVERIFY(m_sink->activate());
    for (int ch = 0; ch < kChannels; ++ch) {
        const std::string bus =
            m_engineClient + ":outport " + std::to_string(engine::busOutput(ch));
        QVERIFY2(m_source->connect(m_source->outputPort(ch), engineInput(ch)),
                 engineInput(ch).c_str());
        QVERIFY2(m_sink->connect(bus, m_sink->inputPort(ch)), bus.c_str());
    }

    // Bus b hears channel b before its fader (channel faders stay at -inf).
    std::vector<Command> sends;
    for (int ch = 0; ch < kChannels; ++ch) {
        sends.push_back(command(Target::Channel, Param::SendLevel, ch, 0, ch));
        sends.push_back(
            command(Target::Channel, Param::SendTap, ch, float(engine::SendTap::PreFader), ch));
    }
    QVERIFY(apply(sends));
}

void TestSoundcheckJack::cleanupTestCase() {
    if (m_backend)
        m_backend->stop();
    m_sink.reset();
    m_source.reset();
    m_backend.reset();
    m_engine.reset();
    m_server.reset();
}

bool TestSoundcheckJack::apply(const std::vector<Command>& commands) {
    [&] {
        const std::uint64_t applied = m_engine->stats().commandsApplied;
        QVERIFY(m_engine->postBatch(commands));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (m_engine->stats().commandsApplied < applied + commands.size() &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        QCOMPARE(m_engine->stats().commandsApplied, applied + commands.size());
        QVERIFY(m_sink->waitFrames(kRate / 5, kTimeout));
    }();
    return !QTest::currentTestFailed();
}

bool TestSoundcheckJack::captureBuses(int frames, std::vector<std::vector<float>>& buses) {
    if (!m_sink->capture(frames, kTimeout))
        return false;
    buses.clear();
    for (int b = 0; b < kChannels; ++b) {
        const auto s = m_sink->captured(b);
        buses.emplace_back(s.begin(), s.end());
    }
    return true;
}

// A take of 32 channels while JACK runs the engine: every file holds exactly
// the samples the source client played, all from the same source frame on
// (sample-aligned tracks), with nothing lost or repeated.
void TestSoundcheckJack::recordsExactlyWhatTheClientSent() {
    soundcheck::TakeRecorder recorder(*m_engine);
    soundcheck::TakeOptions options;
    options.folder = m_dir.filePath("jack-take").toStdString();
    for (int ch = 0; ch < kChannels; ++ch) {
        options.channels.push_back(ch);
        options.names.push_back("Input " + std::to_string(ch + 1));
    }
    std::string error;
    QVERIFY2(recorder.start(options, error), error.c_str());
    // The buses as they sound live, recorded while the take runs.
    QVERIFY(captureBuses(kCaptureFrames, m_live));
    QVERIFY(m_sink->waitFrames(kTakeSeconds * kRate - kCaptureFrames, kTimeout));
    m_take = recorder.stop();
    QVERIFY2(!recorder.failed(), recorder.message().c_str());
    qInfo("take: %zu tracks, %llu frames (%.3f s), engine xruns %llu, source cycles %llu",
          m_take.tracks.size(), static_cast<unsigned long long>(m_take.frames), m_take.seconds(),
          static_cast<unsigned long long>(m_engine->stats().xruns),
          static_cast<unsigned long long>(m_source->cycles()));
    QCOMPARE(m_take.tracks.size(), std::size_t(kChannels));
    QVERIFY(m_take.frames >= std::uint64_t(kTakeSeconds * kRate));
    QVERIFY(m_take.frames < std::uint64_t((kTakeSeconds + 2) * kRate));

    // Channel 1's blocks placed in what the source played; every track must
    // hold the same source frames in the same blocks.
    const auto played = long(m_source->framesPlayed());
    const std::vector<float> first = readTrack(m_take.tracks.front().file);
    const BlockMap map = mapBlocks(first, played, [](long k) { return sourceSample(0, k); });
    QVERIFY(!map.at.empty() && map.at.front() >= 0);
    qInfo("channel 1 starts at source frame %ld; %zu blocks, %d breaks, %d lost", map.at.front(),
          map.at.size(), map.breaks, map.lost);
    QCOMPARE(map.breaks, 0);
    QCOMPARE(map.lost, 0);
    for (const auto& track : m_take.tracks) {
        const std::vector<float> samples = readTrack(track.file);
        QCOMPARE(samples.size(), std::size_t(m_take.frames));
        QCOMPARE(track.name, "Input " + std::to_string(track.channel + 1));
        const std::size_t differing = differingSamples(
            samples, map, [ch = track.channel](long k) { return sourceSample(ch, k); });
        QVERIFY2(differing == 0, qPrintable(QString("channel %1: %2 of %3 samples differ")
                                                .arg(track.channel + 1)
                                                .arg(differing)
                                                .arg(samples.size())));
    }
}

// The take played back through the channels (the global switch): the bus
// outputs carry, bit for bit, what they carried live at the same point of
// the take, block after block.
void TestSoundcheckJack::playbackGivesTheOutputsLiveGave() {
    QVERIFY2(!m_live.empty() && m_take.frames > 0, "needs the take of the test before");
    // Nothing on the inputs any more: what the buses carry comes from the take.
    for (int ch = 0; ch < kChannels; ++ch)
        QVERIFY(m_source->disconnect(m_source->outputPort(ch), engineInput(ch)));
    QVERIFY(apply({command(Target::Soundcheck, Param::RoutSwitch, 0, 1)}));
    soundcheck::TakePlayer player(*m_engine);
    std::string error;
    QVERIFY2(player.open(m_take, error), error.c_str());
    // From a quarter of a second in: inside what the live recording holds
    // (it began a few blocks after the take did, and lasts 2 s).
    QVERIFY2(player.play(kRate / 4, error), error.c_str());
    std::vector<std::vector<float>> played;
    QVERIFY(captureBuses(kPlayedFrames, played));
    player.stop();
    QCOMPARE(player.underruns(), std::uint64_t(0));
    QVERIFY(apply({command(Target::Soundcheck, Param::RoutSwitch, 0, 0)}));

    // Bus 1's played blocks (after the silence before the player's first
    // block) placed in the live recording; every bus must match there.
    const auto firstSound = std::size_t(
        std::find_if(played[0].begin(), played[0].end(), [](float x) { return x != 0; }) -
        played[0].begin());
    const std::size_t from = firstSound - firstSound % kPeriod;
    QVERIFY(from + std::size_t(kRate) < played[0].size());
    const auto liveLength = long(m_live[0].size());
    const auto liveOf = [this](int bus) {
        return [&live = m_live[std::size_t(bus)]](long p) { return live[std::size_t(p)]; };
    };
    const BlockMap map = mapBlocks(std::span(played[0]).subspan(from), liveLength, liveOf(0));
    QVERIFY(!map.at.empty());
    qInfo("played bus 1 from its sample %zu = live sample %ld; %zu blocks, %d breaks, %d lost",
          from, map.at.front(), map.at.size(), map.breaks, map.lost);
    QCOMPARE(map.breaks, 0);
    QCOMPARE(map.lost, 0);
    for (int b = 0; b < kChannels; ++b) {
        const std::size_t differing =
            differingSamples(std::span(played[std::size_t(b)]).subspan(from), map, liveOf(b));
        QVERIFY2(
            differing == 0,
            qPrintable(QString("bus %1: %2 samples differ from live").arg(b + 1).arg(differing)));
    }
}

QTEST_GUILESS_MAIN(TestSoundcheckJack)
#include "tst_soundcheck_jack.moc"
