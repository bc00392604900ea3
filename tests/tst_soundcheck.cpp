// The soundcheck: multitrack record to files and playback through the
// channels, the live/playback switches, underruns, the generator, talkback
// with main dim, the RTA and the line check. The engine runs offline, block
// by block, faster than real time; the recorder's and player's disk threads
// are the real ones.

#include "Engine.h"
#include "RtaAnalyzer.h"
#include "TakeFolder.h"
#include "TakePlayer.h"
#include "TakeRecorder.h"
#include "io/OfflineRenderer.h"
#include "support/FileSizeLimit.h"
#include "support/OfflineConsole.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sndfile.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <numbers>
#include <thread>

using namespace stagedesk;
using engine::Command;
using engine::Param;
using engine::Target;
using engine::soundcheck::RecordPoint;

namespace {

constexpr double kRate = 48000;

// Channel ch carries a sine of its own frequency; exactly reproducible.
float inputSample(int ch, std::uint64_t n) {
    const double f = 100.0 + 37.0 * ch;
    return float(0.5 * std::sin(2 * std::numbers::pi * f * double(n % 48000) / kRate));
}

Command command(Target t, Param p, int index, float value, int sub = 0) {
    Command c{};
    c.target = t;
    c.param = p;
    c.index = std::uint16_t(index);
    c.sub = std::uint16_t(sub);
    c.value = value;
    return c;
}

engine::EngineConfig config(int inputs, int buses) {
    engine::EngineConfig c;
    c.inputs = inputs;
    c.buses = buses;
    c.sampleRate = kRate;
    return c;
}

// An engine driven block by block with the channels' sines on its inputs.
class Console : public test::OfflineConsole {
public:
    Console(int inputs, int buses, int frames = 256)
        : OfflineConsole(inputs, buses, inputSample, frames, kRate) {}
    void post(const Command& c) { QVERIFY(OfflineConsole::post(c)); }
};

std::vector<float> readTrack(const std::filesystem::path& file, SF_INFO& info) {
    info = SF_INFO{};
    SNDFILE* f = sf_open(file.c_str(), SFM_READ, &info);
    if (!f)
        return {};
    std::vector<float> samples(std::size_t(info.frames));
    sf_readf_float(f, samples.data(), info.frames);
    sf_close(f);
    return samples;
}

// Index of the first sample of 'track' that differs from channel ch's input
// starting at engine position 'start'; -1 if all are equal (bit for bit).
long firstMismatch(const std::vector<float>& track, int ch, std::uint64_t start, float gain = 1) {
    for (std::size_t i = 0; i < track.size(); ++i)
        if (track[i] != inputSample(ch, start + i) * gain)
            return long(i);
    return -1;
}

double rmsDb(const std::vector<float>& s, std::size_t from, std::size_t to) {
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += double(s[i]) * s[i];
    return 10 * std::log10(std::max(sum / double(to - from), 1e-30));
}

soundcheck::TakeOptions takeOf(const QString& folder, int channels) {
    soundcheck::TakeOptions o;
    o.folder = folder.toStdString();
    for (int ch = 0; ch < channels; ++ch) {
        o.channels.push_back(ch);
        o.names.push_back("Input " + std::to_string(ch + 1));
    }
    return o;
}

} // namespace

class TestSoundcheck : public QObject {
    Q_OBJECT

private slots:
    void recordsEveryChannelBitExact();
    void recordsAfterThePreamp();
    void slowDiskLosesNothing();
    void fullDiskEndsTheTakeCleanly();
    void playbackThroughTheChannelsMatchesLive();
    void playbackThroughALowShelfDiffersOnlyByRoundingNoise();
    void starvedPlaybackPlaysSilenceAndCountsUnderruns();
    void generatorLevelsAndFrequency_data();
    void generatorLevelsAndFrequency();
    void talkbackRoutesAndDimsMain();
    void rtaFindsTheSinePeakWithinOneBin();
    void rtaAnalysesOverlapByThreeQuarters();
    void lineCheckShowsLevelClipAndPolarity();
};

// A 30-second, 32-channel take of 32 different sines: every file holds
// exactly the samples the engine received, from the same engine sample on.
void TestSoundcheck::recordsEveryChannelBitExact() {
    QTemporaryDir dir;
    Console console(32, 4);
    console.render(1000); // the take starts mid-stream, not at sample 0
    soundcheck::TakeRecorder recorder(console.engine());
    std::string error;
    QVERIFY2(recorder.start(takeOf(dir.filePath("take1"), 32), error), error.c_str());
    const std::uint64_t seconds = 30;
    // The offline engine runs faster than any disk; pace it to keep the ring
    // at most half full, as the real clock would for a disk that keeps up.
    console.render(seconds * std::uint64_t(kRate), true,
                   [&] { return recorder.queuedFrames() < recorder.ringFrames() / 2; });
    recorder.addMarker("chorus");
    recorder.requestStop();
    console.render(256);
    const soundcheck::TakeInfo take = recorder.stop();
    QVERIFY2(!recorder.failed(), recorder.message().c_str());
    QCOMPARE(take.tracks.size(), std::size_t(32));
    QCOMPARE(take.frames, seconds * std::uint64_t(kRate));
    QCOMPARE(take.timeReference, std::uint64_t(1024)); // 4 blocks of 256 before the start
    QCOMPARE(take.sampleRate, kRate);
    QCOMPARE(take.markers.size(), std::size_t(1));
    QCOMPARE(take.markers[0].label, std::string("chorus"));
    QVERIFY(take.markers[0].frame <= take.frames);
    qInfo("disk thread wrote %.0f MB/s", recorder.throughputBytesPerSecond() / 1e6);
    for (const auto& track : take.tracks) {
        SF_INFO info;
        const std::vector<float> samples = readTrack(track.file, info);
        // RF64 only past 4 GB: below, a WAV (extensible) that every tool reads.
        QCOMPARE(info.format & SF_FORMAT_SUBMASK, SF_FORMAT_FLOAT);
        QVERIFY((info.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_RF64);
        QCOMPARE(track.name, "Input " + std::to_string(track.channel + 1));
        QCOMPARE(samples.size(), std::size_t(take.frames));
        const long bad = firstMismatch(samples, track.channel, take.timeReference);
        QVERIFY2(
            bad < 0,
            qPrintable(QString("channel %1 differs at sample %2").arg(track.channel + 1).arg(bad)));
    }
    const auto listed = soundcheck::listTakes(dir.path().toStdString());
    QCOMPARE(listed.size(), std::size_t(1));
    QCOMPARE(listed[0].tracks.size(), std::size_t(32));
    QCOMPARE(listed[0].seconds(), double(seconds));
}

// After the preamp: trim +6 dB and polarity inverted on channel 1.
void TestSoundcheck::recordsAfterThePreamp() {
    QTemporaryDir dir;
    Console console(4, 2);
    console.post(command(Target::Channel, Param::Trim, 1, 6));
    console.post(command(Target::Channel, Param::Invert, 1, 1));
    console.render(48000); // the trim's glide settles
    soundcheck::TakeRecorder recorder(console.engine());
    auto options = takeOf(dir.filePath("post"), 2);
    options.point = RecordPoint::PostPreamp;
    std::string error;
    QVERIFY2(recorder.start(options, error), error.c_str());
    const std::uint64_t recorded = console.render(48000);
    recorder.requestStop();
    console.render(256);
    const auto take = recorder.stop();
    QCOMPARE(take.tracks.size(), std::size_t(2));
    SF_INFO info;
    const auto ch0 = readTrack(take.tracks[0].file, info);
    const auto ch1 = readTrack(take.tracks[1].file, info);
    QCOMPARE(ch1.size(), std::size_t(recorded));
    QCOMPARE(firstMismatch(ch0, 0, take.timeReference), -1L);
    const float gain = -std::pow(10.0f, 6.0f / 20.0f);
    double worst = 0;
    for (std::size_t i = 0; i < ch1.size(); ++i)
        worst = std::max(worst,
                         double(std::fabs(ch1[i] - inputSample(1, take.timeReference + i) * gain)));
    qInfo("post-preamp track vs input x %.4f: worst difference %.2g", gain, worst);
    QVERIFY(worst < 1e-5);
}

// The disk writer stalls for 3 s of audio (a 4 s ring): nothing is lost.
void TestSoundcheck::slowDiskLosesNothing() {
    QTemporaryDir dir;
    Console console(8, 2);
    soundcheck::TakeRecorder recorder(console.engine());
    std::mutex lock;
    std::condition_variable resumed;
    bool stalled = false, release = false;
    auto options = takeOf(dir.filePath("slow"), 8);
    options.ringSeconds = 4;
    options.afterChunk = [&](std::uint64_t) {
        std::unique_lock l(lock);
        if (release)
            return;
        stalled = true;
        resumed.notify_all();
        resumed.wait(l, [&] { return release; });
    };
    std::string error;
    QVERIFY2(recorder.start(options, error), error.c_str());
    console.render(256);
    {
        std::unique_lock l(lock);
        QVERIFY(resumed.wait_for(l, std::chrono::seconds(10), [&] { return stalled; }));
    }
    const std::uint64_t written = recorder.framesWritten();
    std::uint64_t recorded = 256 + console.render(3 * 48000); // the disk is stalled all along
    QCOMPARE(recorder.framesWritten(), written);
    QVERIFY(recorder.queuedFrames() >= 3 * 48000);
    QCOMPARE(console.engine().soundcheck().recorder().droppedFrames(), std::uint64_t(0));
    {
        std::lock_guard l(lock);
        release = true;
    }
    resumed.notify_all();
    recorded += console.render(48000, true,
                               [&] { return recorder.queuedFrames() < recorder.ringFrames() / 2; });
    recorder.requestStop();
    console.render(256);
    const auto take = recorder.stop();
    QVERIFY2(!recorder.failed(), recorder.message().c_str());
    QCOMPARE(take.frames, recorded);
    for (const auto& track : take.tracks) {
        SF_INFO info;
        QCOMPARE(firstMismatch(readTrack(track.file, info), track.channel, take.timeReference),
                 -1L);
    }
}

// A full disk, as a file-size limit in a child process: the take ends by
// itself with a message, and the files are valid, of equal length and exact.
void TestSoundcheck::fullDiskEndsTheTakeCleanly() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("full");
    constexpr rlim_t kLimit = 1 << 20; // 1 MiB per file: ~5.4 s of mono float
    const auto child = test::runWithFileSizeLimit(kLimit, [&](std::string& report) {
        Console console(4, 2);
        soundcheck::TakeRecorder recorder(console.engine());
        std::string error;
        if (!recorder.start(takeOf(folder, 4), error))
            return 2;
        // Rendering goes on after the failure: the audio is never disturbed.
        for (int second = 0; second < 20 && !recorder.failed(); ++second)
            console.render(48000, true, [&] {
                return recorder.failed() || recorder.queuedFrames() < recorder.ringFrames() / 2;
            });
        console.render(4800);
        recorder.stop();
        report = recorder.message();
        return recorder.failed() ? 0 : 3;
    });
    QVERIFY(child.exited);
    QCOMPARE(child.exitCode, 0);
    const std::string& message = child.report;
    qInfo("the take's message: %s", message.c_str());
    QVERIFY2(message.find("disk full") != std::string::npos, message.c_str());

    soundcheck::TakeInfo take;
    std::string error;
    QVERIFY2(soundcheck::readTake(folder.toStdString(), take, error), error.c_str());
    QCOMPARE(take.tracks.size(), std::size_t(4));
    QVERIFY(take.frames > 48000 * 4); // most of what fits was kept
    QVERIFY(take.frames * 4 < kLimit);
    for (const auto& track : take.tracks) {
        SF_INFO info;
        const auto samples = readTrack(track.file, info);
        QCOMPARE(std::uint64_t(info.frames), take.frames); // every track the same length
        QCOMPARE(firstMismatch(samples, track.channel, take.timeReference), -1L);
    }
    qInfo("kept %.2f s of every track", take.seconds());
}

namespace {
// Worst absolute and RMS difference of two outputs over [from, to).
struct Difference {
    double worst = 0, rmsDb = -300;
};
Difference difference(const std::vector<float>& a, const std::vector<float>& b, std::size_t from,
                      std::size_t to) {
    Difference d;
    std::vector<float> delta(to - from);
    for (std::size_t i = from; i < to; ++i) {
        delta[i - from] = a[i] - b[i];
        d.worst = std::max(d.worst, double(std::fabs(delta[i - from])));
    }
    d.rmsDb = rmsDb(delta, 0, delta.size());
    return d;
}

// Records 8 channels of a console set up by 'setUp' (each channel sent to
// its own bus) for two seconds, then plays the take into a second console
// with silent inputs: channel 2 on playback for the first second, every
// channel (the global switch) for the second. Returns both consoles' outputs.
struct LiveAndPlayback {
    std::vector<std::vector<float>> live, playback;
    std::uint64_t underruns = 0;
};
LiveAndPlayback recordAndPlayBack(const QString& folder,
                                  const std::function<void(Console&)>& setUp) {
    LiveAndPlayback result;
    Console live(8, 8);
    setUp(live);
    soundcheck::TakeRecorder recorder(live.engine());
    std::string error;
    if (!recorder.start(takeOf(folder, 8), error))
        return result;
    live.render(2 * 48000);
    recorder.requestStop();
    live.render(256);
    const auto take = recorder.stop();
    if (take.frames != 2 * 48000)
        return result;

    Console studio(8, 8);
    setUp(studio);
    studio.post(command(Target::Channel, Param::PlaybackOn, 2, 1));
    soundcheck::TakePlayer player(studio.engine());
    if (!player.open(take, error) || !player.play(0, error))
        return result;
    studio.render(48000, false);
    studio.post(command(Target::Soundcheck, Param::RoutSwitch, 0, 1));
    studio.render(48000, false);
    result.underruns = player.underruns();
    player.requestStop();
    studio.render(256, false);
    player.stop();
    result.live = live.outputs();
    result.playback = studio.outputs();
    return result;
}
} // namespace

// Trim, pre-fader sends and the (flat) EQ: once the 10 ms switch has
// settled, a channel on playback gives its bus exactly, bit for bit, the
// signal its live input gave; a channel left live (3, silent) gives nothing.
void TestSoundcheck::playbackThroughTheChannelsMatchesLive() {
    QTemporaryDir dir;
    const auto r = recordAndPlayBack(dir.filePath("vsc"), [](Console& c) {
        for (int ch = 0; ch < 8; ++ch) {
            c.post(command(Target::Channel, Param::SendLevel, ch, -3, ch));
            c.post(command(Target::Channel, Param::SendTap, ch, 1, ch)); // pre-fader
            c.post(command(Target::Channel, Param::Trim, ch, 2));
        }
    });
    QCOMPARE(r.live.size(), r.playback.size());
    QVERIFY(r.live.size() > std::size_t(engine::busOutput(7)));
    QCOMPARE(r.underruns, std::uint64_t(0));
    const auto bus = [](int b) { return std::size_t(engine::busOutput(b)); };
    // Channel 2 alone, once its switch has settled (10 ms: 8 sub-blocks).
    const Difference one = difference(r.live[bus(2)], r.playback[bus(2)], 512, 48000);
    qInfo("bus 2 live vs playback: worst difference %.3g, level %.2f dBFS", one.worst,
          rmsDb(r.playback[bus(2)], 480, 48000));
    QCOMPARE(one.worst, 0.0);
    QVERIFY(rmsDb(r.playback[bus(2)], 512, 48000) > -11); // -9 dBFS sine, +2 -3 dB
    QVERIFY(rmsDb(r.playback[bus(3)], 0, 48000) < -200);  // channel 3 stays live: silent
    QVERIFY(difference(r.live[bus(2)], r.playback[bus(2)], 0, 512).worst > 0.01); // crossfading
    // The global switch (at frame 48,128, after whole blocks): every channel, once settled.
    for (int b = 0; b < 8; ++b) {
        const Difference all = difference(r.live[bus(b)], r.playback[bus(b)], 49152, 96000);
        QVERIFY2(all.worst == 0, qPrintable(QString("bus %1 differs by %2").arg(b).arg(all.worst)));
    }
}

// With a boosting low shelf (100 Hz, +6 dB) on every channel, playback is
// no longer bit-exact, and cannot be: the shelf's poles sit near z = 1, so
// its float rounding noise (about -100 dBFS) depends on its whole input
// history, and the channel's history differs in the 10 ms of the switch's
// crossfade. The two runs never fall back into step bit for bit; the
// difference is that noise, not a timing or gain error.
void TestSoundcheck::playbackThroughALowShelfDiffersOnlyByRoundingNoise() {
    QTemporaryDir dir;
    const auto r = recordAndPlayBack(dir.filePath("shelf"), [](Console& c) {
        for (int ch = 0; ch < 8; ++ch) {
            c.post(command(Target::Channel, Param::SendLevel, ch, 0, ch));
            c.post(command(Target::Channel, Param::SendTap, ch, 1, ch));
            c.post(command(Target::Channel, Param::EqBandGain, ch, 6, 0));
        }
    });
    QVERIFY(r.live.size() > std::size_t(engine::busOutput(7)));
    double worstRmsDb = -300, worst = 0;
    for (int b = 0; b < 8; ++b) {
        const auto o = std::size_t(engine::busOutput(b));
        // From 0.5 s after the global switch: the crossfade's own transient
        // through the shelf has died away.
        const Difference d = difference(r.live[o], r.playback[o], 72000, 96000);
        worstRmsDb = std::max(worstRmsDb, d.rmsDb - rmsDb(r.live[o], 72000, 96000));
        worst = std::max(worst, d.worst);
    }
    qInfo("low shelf: live vs playback worst %.3g, RMS %.1f dB below the signal", worst,
          -worstRmsDb);
    // Measured -87 dB. One sample of misalignment would be about -30 dB, a
    // gain error of 0.01 dB -59 dB.
    QVERIFY(worstRmsDb < -80);
}

// The engine's playback tap with a ring the test fills by hand: 1,000 frames
// for a 2,048-frame render. It plays them, then silence, and counts each
// short sub-block as an underrun without waiting.
void TestSoundcheck::starvedPlaybackPlaysSilenceAndCountsUnderruns() {
    Console console(2, 2, 64);
    console.post(command(Target::Channel, Param::SendLevel, 0, 0, 0));
    console.post(command(Target::Channel, Param::SendTap, 0, 1, 0));
    console.post(command(Target::Soundcheck, Param::RoutSwitch, 0, 1));
    console.render(48000, false); // the switch and the send are settled
    engine::soundcheck::FrameRing ring(1, 4096);
    for (std::size_t i = 0; i < 1000; ++i)
        ring.frameToWrite(i)[0] = 0.25f;
    ring.publish(1000);
    engine::soundcheck::PlaybackRouting routing;
    routing.tracks = 1;
    routing.channelOfTrack[0] = 0;
    auto& tap = console.engine().soundcheck().player();
    QVERIFY(tap.start(ring, routing));
    console.clearOutputs();
    console.render(2048, false);
    const auto& bus0 = console.outputs()[engine::busOutput(0)];
    QCOMPARE(bus0[500], 0.25f);
    QCOMPARE(bus0[999], 0.25f);
    QCOMPARE(bus0[1000], 0.0f);
    QCOMPARE(bus0[2047], 0.0f);
    // Sub-blocks of 64: the 16th is short (1000 = 15 x 64 + 40), the 16 after it empty.
    QCOMPARE(tap.underruns(), std::uint64_t(17));
    QCOMPARE(tap.framesPlayed(), std::uint64_t(1000));
    tap.requestStop();
    console.render(64, false);
    QVERIFY(tap.stopped());
    tap.reset();
}

void TestSoundcheck::generatorLevelsAndFrequency_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<float>("levelDb");
    QTest::addColumn<double>("toleranceDb");
    QTest::newRow("sine -20 dBFS") << 0 << -20.0f << 0.02;
    QTest::newRow("sine -6 dBFS") << 0 << -6.0f << 0.02;
    QTest::newRow("white -18 dBFS") << 1 << -18.0f << 0.2;
    QTest::newRow("pink -18 dBFS") << 2 << -18.0f << 0.5;
}

// The generator into bus 1 (not bus 0, not main) at its level, then off.
void TestSoundcheck::generatorLevelsAndFrequency() {
    QFETCH(int, type);
    QFETCH(float, levelDb);
    QFETCH(double, toleranceDb);
    Console console(2, 2);
    console.post(command(Target::Soundcheck, Param::GenType, 0, float(type)));
    console.post(command(Target::Soundcheck, Param::GenFreq, 0, 1000));
    console.post(command(Target::Soundcheck, Param::GenLevel, 0, levelDb));
    console.post(command(Target::Soundcheck, Param::GenBus, 0, 1, 1));
    console.post(command(Target::Soundcheck, Param::GenOn, 0, 1));
    console.render(48000 * 2, false);
    const auto& out = console.outputs();
    const double measured = rmsDb(out[engine::busOutput(1)], 4800, 96000);
    qInfo("generator type %d at %.1f dBFS: bus 1 %.3f dBFS", type, double(levelDb), measured);
    QVERIFY(std::fabs(measured - levelDb) < toleranceDb);
    QVERIFY(rmsDb(out[engine::busOutput(0)], 0, 96000) < -200);
    QVERIFY(rmsDb(out[engine::kMainLeftOutput], 0, 96000) < -200);
    if (type == 0) { // 1 kHz: 2,000 sign changes a second
        int crossings = 0;
        const auto& s = out[engine::busOutput(1)];
        for (std::size_t i = 48001; i < 96000; ++i)
            crossings += (s[i - 1] < 0) != (s[i] < 0);
        QVERIFY2(std::abs(crossings - 2000) <= 1, qPrintable(QString::number(crossings)));
    }
    console.post(command(Target::Soundcheck, Param::GenOn, 0, 0));
    console.clearOutputs();
    console.render(4800, false);
    QVERIFY(rmsDb(console.outputs()[engine::busOutput(1)], 2400, 4800) < -100); // off is off
}

// Talkback: channel 3's microphone to bus 1 only; main (channel 0 at 0 dB)
// dimmed by 20 dB while it is on, and back after.
void TestSoundcheck::talkbackRoutesAndDimsMain() {
    Console console(4, 2);
    console.post(command(Target::Channel, Param::Fader, 0, 0));
    console.post(command(Target::Soundcheck, Param::TalkInput, 0, 3));
    console.post(command(Target::Soundcheck, Param::TalkBus, 0, 1, 1));
    console.post(command(Target::Soundcheck, Param::TalkLevel, 0, 0));
    console.post(command(Target::Soundcheck, Param::TalkDim, 0, -20));
    console.render(48000);
    const double mainBefore = rmsDb(console.outputs()[engine::kMainLeftOutput], 24000, 48000);
    console.post(command(Target::Soundcheck, Param::TalkOn, 0, 1));
    console.clearOutputs();
    console.render(48000);
    const auto& on = console.outputs();
    const double mainDimmed = rmsDb(on[engine::kMainLeftOutput], 24000, 48000);
    const double talkBus = rmsDb(on[engine::busOutput(1)], 24000, 48000);
    double inputDb = 0;
    {
        std::vector<float> mic(24000);
        for (std::size_t i = 0; i < mic.size(); ++i)
            mic[i] = inputSample(3, 48000 + 24000 + i);
        inputDb = rmsDb(mic, 0, mic.size());
    }
    qInfo("main %.2f -> %.2f dBFS with talkback; bus 1 %.2f dBFS (mic %.2f dBFS)", mainBefore,
          mainDimmed, talkBus, inputDb);
    QVERIFY(std::fabs(mainDimmed - (mainBefore - 20)) < 0.05);
    QVERIFY(std::fabs(talkBus - inputDb) < 0.05);
    QVERIFY(rmsDb(on[engine::busOutput(0)], 0, 48000) < -200);
    console.post(command(Target::Soundcheck, Param::TalkOn, 0, 0));
    console.clearOutputs();
    console.render(48000);
    QVERIFY(std::fabs(rmsDb(console.outputs()[engine::kMainLeftOutput], 24000, 48000) -
                      mainBefore) < 0.05);
    QVERIFY(rmsDb(console.outputs()[engine::busOutput(1)], 24000, 48000) < -200);
}

// The RTA on main, the generator's 3,150 Hz sine: the peak within one bin.
void TestSoundcheck::rtaFindsTheSinePeakWithinOneBin() {
    Console console(2, 2);
    console.post(command(Target::Soundcheck, Param::GenFreq, 0, 3150));
    console.post(command(Target::Soundcheck, Param::GenLevel, 0, -20));
    console.post(command(Target::Soundcheck, Param::GenMain, 0, 1));
    console.post(command(Target::Soundcheck, Param::GenOn, 0, 1));
    console.post(command(Target::Soundcheck, Param::RtaSource, 0, 0, 3)); // main
    soundcheck::RtaAnalyzer rta(console.engine(), 8192);
    bool analysed = false;
    for (int block = 0; block < 200 && !analysed; ++block) {
        console.render(256, false);
        analysed = rta.update() && console.engine().soundcheck().rta().droppedBlocks() == 0 &&
                   console.position() > 8192 + 4800;
    }
    QVERIFY(analysed);
    const auto& s = rta.spectrum();
    qInfo("RTA peak %.2f Hz at %.2f dBFS (bin %.2f Hz)", double(s.peakHz), double(s.peakDb),
          s.binHz);
    QVERIFY(std::fabs(s.peakHz - 3150.0) < s.binHz);
    // -20 dBFS RMS is a -16.99 dBFS peak sine; the 3,150 Hz third-octave band holds it.
    QVERIFY(std::fabs(s.peakDb - (-16.99f)) < 1.5f);
    const auto band = std::size_t(std::find_if(s.bandCentreHz.begin(), s.bandCentreHz.end(),
                                               [](float c) { return std::fabs(c - 3175) < 30; }) -
                                  s.bandCentreHz.begin());
    QVERIFY(band < s.bandDb.size());
    qInfo("third-octave band %.0f Hz: %.2f dBFS", double(s.bandCentreHz[band]),
          double(s.bandDb[band]));
    QVERIFY(std::fabs(s.bandDb[band] - (-16.99f)) < 0.5f);
    QVERIFY(s.bandDb[band - 3] < s.bandDb[band] - 40); // an octave down: nothing
}

// The first analysis needs a full window (8,192 samples); after it one
// comes every 2,048 new samples, not every 8,192.
void TestSoundcheck::rtaAnalysesOverlapByThreeQuarters() {
    Console console(2, 2);
    console.post(command(Target::Soundcheck, Param::RtaSource, 0, 0, 3)); // main
    soundcheck::RtaAnalyzer rta(console.engine(), 8192);
    int analyses = 0;
    auto renderAndCount = [&](int blocks) {
        for (int b = 0; b < blocks; ++b) {
            console.render(256, false);
            analyses += rta.update() ? 1 : 0;
        }
    };
    renderAndCount(31); // 7,936 samples
    QCOMPARE(analyses, 0);
    renderAndCount(1); // 8,192
    QCOMPARE(analyses, 1);
    renderAndCount(7); // 1,792 more
    QCOMPARE(analyses, 1);
    renderAndCount(1); // 2,048 more
    QCOMPARE(analyses, 2);
    renderAndCount(32); // 8,192 more: four hops
    QCOMPARE(analyses, 6);
    QCOMPARE(console.engine().soundcheck().rta().droppedBlocks(), std::uint64_t(0));
}

// Line check on 4 channels: 0 and 1 carry one signal with 1 inverted, 2 clips, 3 is dead.
void TestSoundcheck::lineCheckShowsLevelClipAndPolarity() {
    engine::Engine e(config(4, 2));
    engine::OfflineRenderer r(e, 256);
    QVERIFY(e.post(command(Target::Soundcheck, Param::LineCheckOn, 0, 1)));
    std::uint64_t n = 0;
    for (int block = 0; block < 100; ++block) {
        auto& in = r.blockInputs();
        for (int i = 0; i < 256; ++i, ++n) {
            const float x = inputSample(0, n);
            in[0][std::size_t(i)] = x;
            in[1][std::size_t(i)] = -0.5f * x;
            in[2][std::size_t(i)] = 2.5f * inputSample(2, n); // peaks at 1.25
            in[3][std::size_t(i)] = 0;
        }
        r.renderBlock();
    }
    const auto& check = e.soundcheck().lineCheck().read();
    QVERIFY(check.windows >= 1);
    const auto& ch = check.channels;
    qInfo("rms %.3f %.3f %.3f %.3f, correlation 0-1 %.3f, 1-2 %.3f, clips on 3: %llu",
          double(ch[0].rms), double(ch[1].rms), double(ch[2].rms), double(ch[3].rms),
          double(ch[0].correlationWithNext), double(ch[1].correlationWithNext),
          static_cast<unsigned long long>(ch[2].clips));
    QVERIFY(std::fabs(ch[0].rms - 0.5f / std::sqrt(2.0f)) < 0.005f);
    QVERIFY(std::fabs(ch[1].rms - 0.25f / std::sqrt(2.0f)) < 0.005f);
    QVERIFY(ch[0].correlationWithNext < -0.999f);         // the polarity-flip hint
    QVERIFY(std::fabs(ch[1].correlationWithNext) < 0.1f); // different frequencies
    QVERIFY(ch[2].clips > 1000);
    QCOMPARE(ch[0].clips, std::uint64_t(0));
    QCOMPARE(ch[3].rms, 0.0f); // no signal
}

QTEST_GUILESS_MAIN(TestSoundcheck)
#include "tst_soundcheck.moc"
