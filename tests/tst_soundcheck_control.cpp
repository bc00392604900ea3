// The soundcheck as the console drives it: app::RecordController and
// app::PlaybackController on the control thread, over the console model
// (channel names, the playback switches) and an engine rendered offline,
// with the recorder's and player's disk threads the real ones. Where a
// controller waits for the audio thread (a stop), another thread renders
// blocks meanwhile, as the audio interface would.
//
// Every input sample says where it comes from: channel ch at engine frame n
// carries (ch * 2^20 + n + 1) * 2^-24, exact in a float, positive while the
// take is recorded and negative when the live input plays against the take.
// Bus b hears channel b (pre-fader send at 0 dB), so an output sample tells
// whether the channel heard the take or its live input, and which frame.

#include "support/FileSizeLimit.h"
#include "support/OfflineConsole.h"

#include "ConsoleState.h"
#include "ParameterRegistry.h"
#include "PlaybackController.h"
#include "RecordController.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <optional>

using namespace stagedesk;
using engine::soundcheck::RecordPoint;

namespace {

constexpr int kInputs = 8;
constexpr int kBuses = 8;
constexpr std::uint64_t kRate = 48000;
constexpr int kBlock = 64;                 // every duration below is a whole number of blocks
constexpr double kUnit = 1.0 / 16777216.0; // 2^-24
constexpr std::uint64_t kChannelSpan = 1 << 20;

float encoded(int ch, std::uint64_t frame) {
    return float(double(std::uint64_t(ch) * kChannelSpan + frame + 1) * kUnit);
}

// What an output sample of bus 'ch' says: the frame it was recorded at
// (positive: from the take), -1 for silence, -2 for the live input.
long long decoded(int ch, float sample) {
    if (sample == 0)
        return -1;
    if (sample < 0)
        return -2;
    return std::llround(double(sample) / kUnit) - 1 - (long long)(std::uint64_t(ch) * kChannelSpan);
}

// A console of 8 inputs and 8 buses: the model, the engine, the controllers.
struct Desk {
    explicit Desk(const QString& takes)
        : console(
              kInputs, kBuses,
              [this](int ch, std::uint64_t n) { return liveSign * encoded(ch, n); }, kBlock),
          registry(scenes::ConsoleSize{kInputs, kBuses}), state(registry, &console.engine()),
          recorder(console.engine(), state, takes), player(console.engine()) {
        for (int ch = 0; ch < kInputs; ++ch) {
            const QString send = registry.channelPrefix(ch) + "/mix/" +
                                 QString::number(ch + 1).rightJustified(2, QLatin1Char('0'));
            set(send + "/level", 0.0);
            set(send + "/tap", 1.0); // PreFader
        }
        console.render(kRate / 10); // the sends settled
    }
    void set(const QString& address, const scenes::ParameterValue& value) {
        QVERIFY2(state.set(address, value, scenes::kInternalSource).ok(), qPrintable(address));
    }
    // The decoded samples of bus 'ch' over the outputs of the last render.
    std::vector<long long> bus(int ch) const {
        std::vector<long long> frames;
        for (float x : console.outputs()[std::size_t(engine::busOutput(ch))])
            frames.push_back(decoded(ch, x));
        return frames;
    }

    float liveSign = 1;
    test::OfflineConsole console;
    scenes::ParameterRegistry registry;
    scenes::ConsoleState state;
    app::RecordController recorder;
    app::PlaybackController player;
};

std::vector<int> channelsOf(const soundcheck::TakeInfo& take) {
    std::vector<int> channels;
    for (const auto& track : take.tracks)
        channels.push_back(track.channel);
    return channels;
}

// Records a take of the given channels (none: every input) for about
// 'frames'; the engine frame of its first frame is in take.timeReference.
std::optional<soundcheck::TakeInfo> recordTake(Desk& desk, const std::vector<int>& channels,
                                               std::uint64_t frames) {
    QString error;
    if (!desk.recorder.start(channels, RecordPoint::PrePreamp, error))
        return std::nullopt;
    desk.console.render(frames);
    std::optional<soundcheck::TakeInfo> take;
    desk.console.renderDuring([&] { take = desk.recorder.stop(); });
    return take;
}

} // namespace

class TestSoundcheckControl : public QObject {
    Q_OBJECT

private slots:
    void takesAreNumberedNamedAndListed();
    void markersLandAtTheirFrames();
    void fullDiskMessageReachesTheController();
    void locatePlaysFromTheFrame();
    void loopRepeatsTheRange();
    void switchesThroughTheModel();
};

// Two takes: three named channels, then every input (an empty list). Each
// is its own numbered folder, its tracks named after the channels as the
// model has them, and both are listed with their channels and length.
void TestSoundcheckControl::takesAreNumberedNamedAndListed() {
    QTemporaryDir dir;
    Desk desk(dir.filePath("takes"));
    desk.set("/ch/01/config/name", QStringLiteral("Kick"));
    desk.set("/ch/03/config/name", QStringLiteral("Snare"));
    desk.set("/ch/06/config/name", QStringLiteral("Vox 1"));
    QString error;
    QVERIFY2(desk.recorder.start({0, 2, 5}, RecordPoint::PrePreamp, error), qPrintable(error));
    QVERIFY(desk.recorder.recording());
    QVERIFY(!desk.recorder.start({1}, RecordPoint::PrePreamp, error));
    QCOMPARE(error, QStringLiteral("a take is already being recorded"));
    desk.console.render(kRate);
    std::optional<soundcheck::TakeInfo> first;
    desk.console.renderDuring([&] { first = desk.recorder.stop(); });
    QVERIFY(first);
    QVERIFY(!desk.recorder.recording());
    QCOMPARE(QString::fromStdString(first->folder.filename().string()), QStringLiteral("take-001"));
    QCOMPARE(channelsOf(*first), (std::vector<int>{0, 2, 5}));
    QCOMPARE(first->tracks[0].name, std::string("Kick"));
    QCOMPARE(first->tracks[1].name, std::string("Snare"));
    QCOMPARE(first->tracks[2].name, std::string("Vox 1"));
    // From the first block after start() to the one that saw the stop: the
    // second rendered, and what the audio thread rendered during stop().
    QVERIFY(first->frames >= kRate);
    QVERIFY(!desk.recorder.stop()); // nothing running: nothing to give

    const auto second = recordTake(desk, {}, kRate / 2);
    QVERIFY(second);
    QCOMPARE(QString::fromStdString(second->folder.filename().string()),
             QStringLiteral("take-002"));
    QCOMPARE(channelsOf(*second), (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));

    const auto takes = desk.recorder.takes();
    QCOMPARE(takes.size(), std::size_t(2));
    QCOMPARE(channelsOf(takes[0]), (std::vector<int>{0, 2, 5}));
    QCOMPARE(takes[0].frames, first->frames);
    QCOMPARE(takes[0].seconds(), double(first->frames) / double(kRate));
    QCOMPARE(channelsOf(takes[1]), (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
    QCOMPARE(takes[1].frames, second->frames);
    QVERIFY(takes[1].seconds() >= 0.5);
    QCOMPARE(takes[1].tracks[0].name, std::string("Kick"));
    QCOMPARE(takes[1].tracks[1].name, std::string()); // an unnamed channel
}

// Markers dropped during a take are kept with it at the frame where they
// were dropped (the frames written plus those still queued for the disk).
void TestSoundcheckControl::markersLandAtTheirFrames() {
    QTemporaryDir dir;
    Desk desk(dir.filePath("takes"));
    QString error;
    QVERIFY2(desk.recorder.start({0, 1}, RecordPoint::PrePreamp, error), qPrintable(error));
    desk.console.render(kRate / 2);
    desk.recorder.addMarker(QStringLiteral("verse"));
    desk.console.render(kRate);
    desk.recorder.addMarker(QStringLiteral("chorus"));
    desk.console.render(kRate / 5);
    std::optional<soundcheck::TakeInfo> take;
    desk.console.renderDuring([&] { take = desk.recorder.stop(); });
    QVERIFY(take);
    QCOMPARE(take->markers.size(), std::size_t(2));
    QCOMPARE(take->markers[0].label, std::string("verse"));
    QCOMPARE(take->markers[1].label, std::string("chorus"));
    // The disk thread may lag, the ring never loses a frame: exact frames.
    QCOMPARE(take->markers[0].frame, kRate / 2);
    QCOMPARE(take->markers[1].frame, kRate * 3 / 2);
    QCOMPARE(desk.recorder.takes().front().markers.size(), std::size_t(2)); // listed with them
}

// A full disk (a file-size limit in a child process): the take ends by
// itself, the controller says why, and the files it kept are whole.
void TestSoundcheckControl::fullDiskMessageReachesTheController() {
    QTemporaryDir dir;
    const QString takes = dir.filePath("takes");
    constexpr rlim_t kLimit = 256 * 1024; // per file: ~1.4 s of mono float
    const auto child = test::runWithFileSizeLimit(kLimit, [&](std::string& report) {
        Desk desk(takes);
        QString error;
        if (!desk.recorder.start({0, 1, 2, 3}, RecordPoint::PrePreamp, error))
            return 2;
        for (int block = 0; block < 400 && desk.recorder.recording(); ++block) {
            desk.console.render(kRate / 50);
            std::this_thread::sleep_for(std::chrono::milliseconds(2)); // the disk thread's pace
        }
        if (desk.recorder.recording())
            return 3; // the take should have ended by itself
        report = desk.recorder.failure().toStdString();
        std::optional<soundcheck::TakeInfo> take;
        desk.console.renderDuring([&] { take = desk.recorder.stop(); });
        return take && take->tracks.size() == 4 ? 0 : 4;
    });
    QVERIFY(child.exited);
    QCOMPARE(child.exitCode, 0);
    qInfo("the controller's failure: %s", child.report.c_str());
    QVERIFY2(child.report.find("disk full") != std::string::npos, child.report.c_str());

    Desk reader(takes);
    const auto listed = reader.recorder.takes();
    QCOMPARE(listed.size(), std::size_t(1));
    QCOMPARE(listed[0].tracks.size(), std::size_t(4));
    QVERIFY(listed[0].frames > kRate); // most of what fitted is there
    QVERIFY(listed[0].frames * 4 < kLimit);
    QVERIFY(reader.recorder.failure().isEmpty()); // a new controller has no failure
}

// Locate: the channel on playback hears the take from the frame asked for,
// frame after frame.
void TestSoundcheckControl::locatePlaysFromTheFrame() {
    QTemporaryDir dir;
    Desk desk(dir.filePath("takes"));
    const auto take = recordTake(desk, {0, 1}, 3 * kRate);
    QVERIFY(take);
    const auto recordedAt = (long long)take->timeReference;
    desk.set("/ch/02/config/playback", 1.0);
    desk.console.render(kRate / 10);
    QString error;
    QVERIFY2(desk.player.open(dir.filePath("takes/take-001"), error), qPrintable(error));
    QCOMPARE(desk.player.take().frames, take->frames);
    for (std::uint64_t at : {std::uint64_t(0), 2 * kRate}) {
        // Stopped first, so that no block plays between locate() and the
        // render below: then the first rendered frame is 'at' exactly.
        desk.console.renderDuring([&] { desk.player.stop(); });
        QVERIFY(desk.player.locate(at, error));
        QVERIFY(desk.player.playing());
        desk.console.clearOutputs();
        desk.console.render(kRate / 2);
        const auto frames = desk.bus(1);
        // Sample-aligned from the first block after locate(), no gap, no repeat.
        for (std::size_t i = 0; i < frames.size(); ++i)
            QCOMPARE(frames[i], recordedAt + (long long)(at + i));
    }
    desk.console.renderDuring([&] { desk.player.stop(); });
    QVERIFY(!desk.player.playing());
    QCOMPARE(desk.player.underruns(), std::uint64_t(0));
}

// A loop of [0.2 s, 0.4 s) plays the range again and again, seamlessly.
void TestSoundcheckControl::loopRepeatsTheRange() {
    QTemporaryDir dir;
    Desk desk(dir.filePath("takes"));
    const auto take = recordTake(desk, {0}, kRate);
    QVERIFY(take);
    desk.set("/ch/01/config/playback", 1.0);
    desk.console.render(kRate / 10);
    QString error;
    QVERIFY2(desk.player.open(QString::fromStdString(take->folder.string()), error),
             qPrintable(error));
    const std::uint64_t start = kRate / 5, end = 2 * kRate / 5;
    desk.player.setLoop(start, end);
    QVERIFY(desk.player.locate(start, error));
    desk.console.clearOutputs();
    desk.console.render(7 * (end - start) / 2); // three and a half times round
    const auto frames = desk.bus(0);
    int wraps = 0;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const long long frame = frames[i] - (long long)take->timeReference;
        QCOMPARE(frame, (long long)(start + i % (end - start)));
        wraps += i > 0 && frame == (long long)start;
    }
    QCOMPARE(wraps, 3);
    desk.console.renderDuring([&] { desk.player.stop(); });
    QCOMPARE(desk.player.underruns(), std::uint64_t(0));
}

// The switches as the screen, OSC and the Mackie's rec-arm set them: a
// channel's /ch/NN/config/playback, and /config/routing/routswitch for all.
void TestSoundcheckControl::switchesThroughTheModel() {
    QTemporaryDir dir;
    Desk desk(dir.filePath("takes"));
    const auto take = recordTake(desk, {}, 4 * kRate);
    QVERIFY(take);
    desk.liveSign = -1; // from here on, the live inputs differ from the take
    QString error;
    QVERIFY2(desk.player.open(QString::fromStdString(take->folder.string()), error),
             qPrintable(error));
    QVERIFY(desk.player.play(error));

    const auto heard = [&desk](int ch) { // what bus ch carried over the last 0.1 s
        const auto frames = desk.bus(ch);
        return std::vector<long long>(frames.end() - long(kRate / 10), frames.end());
    };
    const auto allLive = [](const std::vector<long long>& f) {
        return std::all_of(f.begin(), f.end(), [](long long x) { return x == -2; });
    };
    const auto allTake = [](const std::vector<long long>& f) {
        return std::all_of(f.begin(), f.end(), [](long long x) { return x >= 0; });
    };
    desk.console.clearOutputs();
    desk.console.render(kRate / 5);
    for (int ch = 0; ch < kInputs; ++ch)
        QVERIFY2(allLive(heard(ch)), qPrintable(QString("channel %1 not live").arg(ch + 1)));

    desk.set("/ch/03/config/playback", 1.0);
    desk.console.clearOutputs();
    desk.console.render(kRate / 5);
    for (int ch = 0; ch < kInputs; ++ch)
        QVERIFY2(ch == 2 ? allTake(heard(ch)) : allLive(heard(ch)),
                 qPrintable(QString("channel %1 after channel 3's switch").arg(ch + 1)));

    desk.set("/config/routing/routswitch", 1.0); // PLAY: every channel
    desk.console.clearOutputs();
    desk.console.render(kRate / 5);
    for (int ch = 0; ch < kInputs; ++ch)
        QVERIFY2(allTake(heard(ch)), qPrintable(QString("channel %1 not on the take").arg(ch + 1)));
    // Every channel at the same frame of the take: the tracks are aligned.
    const long long frame = heard(0).front();
    for (int ch = 1; ch < kInputs; ++ch)
        QCOMPARE(heard(ch).front(), frame);

    desk.set("/config/routing/routswitch", 0.0); // REC: channel 3's own switch remains
    desk.console.clearOutputs();
    desk.console.render(kRate / 5);
    for (int ch = 0; ch < kInputs; ++ch)
        QVERIFY2(ch == 2 ? allTake(heard(ch)) : allLive(heard(ch)),
                 qPrintable(QString("channel %1 after REC").arg(ch + 1)));
    desk.console.renderDuring([&] { desk.player.stop(); });
}

QTEST_GUILESS_MAIN(TestSoundcheckControl)
#include "tst_soundcheck_control.moc"
