// The FX rack's kind of plugins, real ones from Debian, run offline with
// exact numbers: Calf Vintage Delay on the host's tempo (its
// time:beatsPerMinute port, set by PluginInsert::setTempo), the tails of Calf
// Reverb and MDA Ambience and how their controls change them, and the
// allocation trap over the engine's callback while all three run and their
// controls and the tempo move.

#include "PluginInsert.h"
#include "PluginWorld.h"
#include "support/AllocationTrap.h"
#include "support/OfflineRig.h"
#include "support/PluginSignals.h"
#include "support/TestPlugins.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace stagedesk;
using namespace stagedesk::plugins;
using namespace stagedesk::test;

namespace {

constexpr double kRate = 48000;
constexpr int kSecond = 48000;

using Settings = std::vector<std::pair<const char*, float>>;

// Each effect wet only, at unity, so that an impulse gives its response alone.
// Vintage Delay: timing "Sync" (the host's tempo), plain medium (no tape
// filter), stereo mode at full width, no feedback: one echo per side.
const Settings kVintageDelayEchoOnly = {{"timing", 3}, {"mix_mode", 0}, {"medium", 0},
                                        {"width", 1},  {"feedback", 0}, {"amount", 1},
                                        {"dry", 0}};
const Settings kCalfReverbWetOnly = {{"dry", 0}, {"amount", 1}};
const Settings kAmbienceWetOnly = {{"mix", 1}};

// Where the first echo of each side falls, by the plugin's own formula
// (Calf's vintage_delay params_changed): a unit of 60 * rate / (bpm *
// subdiv) samples, times time_l or time_r, rounded to the nearest sample.
int vintageDelaySamples(double bpm, int subdiv, int time) {
    return int(std::lround(60.0 * kRate / (bpm * subdiv) * time));
}

// The first sample louder than 'threshold' (0: the first that is not zero).
int onset(const Signal& s, float threshold = 0.0f) {
    for (int i = 0; i < int(s.size()); ++i)
        if (std::fabs(s[i]) > threshold)
            return i;
    return -1;
}

// Energy of both sides in successive windows of 'window' samples, in dB.
std::vector<double> windowEnergiesDb(const std::vector<Signal>& out, int window) {
    std::vector<double> db;
    for (int from = 0; from + window <= int(out[0].size()); from += window) {
        double sum = 0;
        for (const Signal& side : out)
            for (int i = from; i < from + window; ++i)
                sum += double(side[i]) * side[i];
        db.push_back(sum > 0 ? 10 * std::log10(sum) : -400);
    }
    return db;
}

// The -60 dB decay time in seconds from Schroeder's backward integration of
// both sides' energy: twice the time the decay curve takes from -5 to -35 dB
// (T30), which a noise floor far below does not bend.
double decayTime60(const std::vector<Signal>& out) {
    const int frames = int(out[0].size());
    std::vector<double> remaining(frames + 1, 0.0);
    for (int i = frames - 1; i >= 0; --i) {
        remaining[i] = remaining[i + 1];
        for (const Signal& side : out)
            remaining[i] += double(side[i]) * side[i];
    }
    const auto reach = [&](double db) {
        for (int i = 0; i < frames; ++i)
            if (10 * std::log10(remaining[i] / remaining[0]) <= db)
                return i;
        return frames;
    };
    return 2.0 * (reach(-35) - reach(-5)) / kRate;
}

// The windows from the loudest one on, while they are above the floor:
// true when each holds less energy than the one before.
bool decaysWindowByWindow(const std::vector<double>& db, double floorDb, int& windowsChecked) {
    const auto peak = std::max_element(db.begin(), db.end());
    windowsChecked = 0;
    for (auto w = peak + 1; w != db.end() && *w > floorDb; ++w, ++windowsChecked)
        if (!(*w < *(w - 1)))
            return false;
    return true;
}

// The first 'count' levels, for the log.
QString firstLevels(const std::vector<double>& db, int count) {
    QStringList list;
    for (int i = 0; i < std::min<int>(count, db.size()); ++i)
        list << QString::number(db[i], 'f', 1);
    return list.join(' ');
}

} // namespace

class TestPluginEffects : public QObject {
    Q_OBJECT

    std::unique_ptr<PluginWorld> m_world;

    std::unique_ptr<PluginInsert> make(const char* uri, const Settings& settings,
                                       float tempoBpm = 120) {
        PluginInsert::Request request{uri, 2, kRate, nullptr};
        request.tempoBpm = tempoBpm;
        auto created = PluginInsert::create(*m_world, request);
        if (!created.insert) {
            qWarning("%s", created.error.c_str());
            return nullptr;
        }
        for (const auto& [symbol, value] : settings)
            if (!created.insert->setControl(symbol, value)) {
                qWarning("%s refused %s", uri, symbol);
                return nullptr;
            }
        return std::move(created.insert);
    }

    // The effect's stereo response to an impulse on both sides, after
    // 'silence' frames that let its control glides settle and what rang
    // before die away.
    static std::vector<Signal> impulseResponse(PluginInsert& effect, int frames,
                                               int silence = kSecond) {
        process(effect, {Signal(silence, 0.0f), Signal(silence, 0.0f)});
        return process(effect, {impulse(frames), impulse(frames)});
    }

private slots:
    void initTestCase() {
        useTestLv2Path();
        m_world = std::make_unique<PluginWorld>();
    }

    void hostSetPortsAreMarked() {
        const auto delay = m_world->find(kCalfVintageDelay);
        QVERIFY(delay);
        QVERIFY(delay->followsTempo);
        QVERIFY(!delay->takesTimePosition); // its tempo is a control port, not events
        int hostSet = 0;
        for (const ControlPortInfo& c : delay->controls)
            hostSet += c.isHostSet();
        QCOMPARE(hostSet, 1);
        QCOMPARE(delay->control("bpm_host")->hostSet, HostSet::Tempo);
        QCOMPARE(delay->control("bpm")->hostSet, HostSet::No); // the plugin's own tempo knob

        const auto zam = m_world->find(kZamDelay);
        QVERIFY(zam && zam->followsTempo && zam->takesTimePosition);

        const auto test = m_world->find(kTestPlugin);
        QVERIFY(test && test->latencyPort);
        for (const ControlPortInfo& m : test->monitors)
            QCOMPARE(m.hostSet, m.index == *test->latencyPort ? HostSet::Latency : HostSet::No);
        for (const char* uri : {kEgAmp, kCalfReverb, kMdaAmbience}) {
            const auto info = m_world->find(uri);
            QVERIFY(info && !info->followsTempo);
            for (const ControlPortInfo& c : info->controls)
                QVERIFY2(!c.isHostSet(), c.symbol.c_str());
        }
    }

    void hostSetsTheTempoPortItself() {
        auto delay = make(kCalfVintageDelay, {}, 95);
        QVERIFY(delay);
        QCOMPARE(delay->control("bpm_host"), std::optional(95.0f)); // from Request::tempoBpm
        QVERIFY(!delay->setControl("bpm_host", 60));                // the engineer cannot set it
        QCOMPARE(delay->control("bpm_host"), std::optional(95.0f));
        QVERIFY(delay->setTempo(132));
        QCOMPARE(delay->control("bpm_host"), std::optional(132.0f));
        QVERIFY(delay->setTempo(1000)); // clamped to the port's 1 .. 300
        QCOMPARE(delay->control("bpm_host"), std::optional(300.0f));

        // Not in the saved state, and a saved value is not restored over the desk's.
        const PluginState saved = delay->saveState();
        for (const auto& [symbol, value] : saved.controls)
            QVERIFY(symbol != "bpm_host");
        QCOMPARE(saved.controls.size(), delay->info().controls.size() - 1);
        PluginState withTempo = saved;
        withTempo.controls.emplace_back("bpm_host", 77.0f);
        auto restored = PluginInsert::create(*m_world, {kCalfVintageDelay, 2, kRate, &withTempo});
        QVERIFY(restored.insert);
        QCOMPARE(restored.insert->control("bpm_host"), std::optional(120.0f));
    }

    void vintageDelayEchoesOnTheHostTempo_data() {
        QTest::addColumn<int>("subdiv");
        QTest::addColumn<int>("timeLeft");
        QTest::addColumn<int>("timeRight");
        QTest::newRow("defaults: 1/4 notes, 3 and 5") << 4 << 3 << 5;
        QTest::newRow("1/7 notes (rounded), 2 and 9") << 7 << 2 << 9;
    }
    void vintageDelayEchoesOnTheHostTempo() {
        // At 120 BPM, then at 100 BPM set while it runs: each side's one echo
        // of an impulse lands on the sample the plugin's formula gives.
        QFETCH(int, subdiv);
        QFETCH(int, timeLeft);
        QFETCH(int, timeRight);
        Settings settings = kVintageDelayEchoOnly;
        settings.insert(
            settings.end(),
            {{"subdiv", float(subdiv)}, {"time_l", float(timeLeft)}, {"time_r", float(timeRight)}});
        auto delay = make(kCalfVintageDelay, settings);
        QVERIFY(delay);
        for (float bpm : {120.0f, 100.0f}) {
            QVERIFY(delay->setTempo(bpm));
            const auto out = impulseResponse(*delay, 96000);
            const int left = vintageDelaySamples(bpm, subdiv, timeLeft);
            const int right = vintageDelaySamples(bpm, subdiv, timeRight);
            qInfo("%.0f BPM, 1/%d: left echo at %d (formula %d, %.4f), right at %d (formula %d, "
                  "%.4f)",
                  bpm, subdiv, onset(out[0]), left, out[0][left], onset(out[1]), right,
                  out[1][right]);
            QCOMPARE(onset(out[0]), left);
            QCOMPARE(onset(out[1]), right);
            QCOMPARE(peakIndex(out[0], 0), left);
            QCOMPARE(peakIndex(out[1], 0), right);
            QVERIFY(std::fabs(out[0][left] - 1.0f) < 1e-3f);
            QVERIFY(std::fabs(out[1][right] - 1.0f) < 1e-3f);
        }
    }

    // Calf's decay_time is its own scale, not the -60 dB time: measured, the
    // tail falls 60 dB in 2.3 (at 0.4 s) to 3.3 (at 3 s) times decay_time,
    // which the range below holds. Its tail is modulated, so
    // that over long decays 100 ms windows can differ by less than the
    // jitter: there the windows are longer, each still a few dB below the last.
    void calfReverbDecaysByItsDecayTime_data() {
        QTest::addColumn<float>("decayTime");
        QTest::addColumn<int>("windowMs");
        QTest::newRow("0.4 s") << 0.4f << 100;
        QTest::newRow("0.8 s") << 0.8f << 100;
        QTest::newRow("1.5 s") << 1.5f << 200;
        QTest::newRow("3.0 s") << 3.0f << 400;
    }
    void calfReverbDecaysByItsDecayTime() {
        QFETCH(float, decayTime);
        QFETCH(int, windowMs);
        auto reverb = make(kCalfReverb, kCalfReverbWetOnly);
        QVERIFY(reverb);
        QVERIFY(reverb->setControl("decay_time", decayTime));
        const auto out = impulseResponse(*reverb, int(kRate * (4 * decayTime + 1)));
        const std::vector<double> db = windowEnergiesDb(out, windowMs * 48);
        const double t60 = decayTime60(out);
        int windows = 0;
        const bool decays = decaysWindowByWindow(db, db.front() - 60, windows);
        qInfo("decay_time %.1f s: T60 %.3f s (x%.2f); energy per %d ms (dB): %s ...; %d windows "
              "after the peak to -60 dB %s",
              decayTime, t60, t60 / decayTime, windowMs, qPrintable(firstLevels(db, 10)), windows,
              decays ? "each below the one before" : "NOT DECAYING");
        QVERIFY(decays);
        QVERIFY(windows >= 5);
        QVERIFY(t60 > 2.0 * decayTime && t60 < 4.0 * decayTime);
    }

    void ambienceDecaysWithinItsSize_data() {
        QTest::addColumn<float>("size");
        QTest::addColumn<double>("minT60");
        QTest::addColumn<double>("maxT60");
        // MDA Ambience has no decay control: its size sets the tail, from a
        // small room to about 0.6 s (measured: 0.124, 0.418, 0.595 s).
        QTest::newRow("size 0.2") << 0.2f << 0.08 << 0.2;
        QTest::newRow("size 0.7") << 0.7f << 0.3 << 0.55;
        QTest::newRow("size 1.0") << 1.0f << 0.45 << 0.8;
    }
    void ambienceDecaysWithinItsSize() {
        QFETCH(float, size);
        QFETCH(double, minT60);
        QFETCH(double, maxT60);
        auto ambience = make(kMdaAmbience, kAmbienceWetOnly);
        QVERIFY(ambience);
        QVERIFY(ambience->setControl("size", size));
        const auto out = impulseResponse(*ambience, kSecond);
        const std::vector<double> db = windowEnergiesDb(out, 4800);
        const double t60 = decayTime60(out);
        int windows = 0;
        const bool decays = decaysWindowByWindow(db, db.front() - 100, windows);
        qInfo("size %.1f: T60 %.3f s; energy per 100 ms (dB): %s ...; %d windows after the peak "
              "to -100 dB %s",
              size, t60, qPrintable(firstLevels(db, 8)), windows,
              decays ? "each below the one before" : "NOT DECAYING");
        QVERIFY(decays);
        QVERIFY(windows >= 2);
        QVERIFY(t60 > minT60 && t60 < maxT60);
    }

    void controlsChangeTheTailWhileRunning() {
        // One instance of each, its controls changed between two impulses as
        // the engineer would during a show, with enough silence between them
        // for the first tail to die: the second tail is the new one.
        auto calf = make(kCalfReverb, kCalfReverbWetOnly);
        QVERIFY(calf);
        QVERIFY(calf->setControl("decay_time", 0.4f));
        const auto shortTail = impulseResponse(*calf, 4 * kSecond);
        QVERIFY(calf->setControl("decay_time", 1.5f));
        const auto longTail = impulseResponse(*calf, 8 * kSecond, 4 * kSecond);
        const double shortT60 = decayTime60(shortTail), longT60 = decayTime60(longTail);
        QVERIFY(calf->setControl("predelay", 50.0f)); // ms
        const auto delayed = impulseResponse(*calf, 4 * kSecond, 12 * kSecond);
        // The tail starts at the predelay: the first sample above -80 dB.
        const int before = onset(longTail[0], 1e-4f), after = onset(delayed[0], 1e-4f);
        qInfo("Calf Reverb: decay_time 0.4 -> 1.5 s while running: T60 %.3f -> %.3f s; "
              "predelay 0 -> 50 ms: tail from sample %d -> %d",
              shortT60, longT60, before, after);
        QVERIFY(longT60 > 3 * shortT60);
        QCOMPARE(after - before, 2400);

        auto ambience = make(kMdaAmbience, kAmbienceWetOnly);
        QVERIFY(ambience);
        QVERIFY(ambience->setControl("size", 0.2f));
        const auto small = impulseResponse(*ambience, kSecond);
        QVERIFY(ambience->setControl("size", 1.0f));
        const auto large = impulseResponse(*ambience, kSecond);
        const double smallT60 = decayTime60(small), largeT60 = decayTime60(large);
        qInfo("MDA Ambience: size 0.2 -> 1.0 while running: T60 %.3f -> %.3f s", smallT60,
              largeT60);
        QVERIFY(largeT60 > 3 * smallT60);
    }

    void effectsAllocateNothingWhileControlsMove_data() {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("control"); // or "tempo": PluginInsert::setTempo
        QTest::addColumn<float>("low");
        QTest::addColumn<float>("high");
        const auto row = [](const char* name, const char* uri, const char* control, float low,
                            float high) {
            QTest::newRow(name) << QString(uri) << QString(control) << low << high;
        };
        row("Calf Reverb room_size", kCalfReverb, "room_size", 0, 5);
        row("Calf Reverb decay_time", kCalfReverb, "decay_time", 0.4f, 15);
        row("Calf Reverb predelay", kCalfReverb, "predelay", 0, 500);
        row("Calf Reverb diffusion", kCalfReverb, "diffusion", 0, 1);
        row("Calf Reverb hf_damp", kCalfReverb, "hf_damp", 2000, 20000);
        row("MDA Ambience size", kMdaAmbience, "size", 0, 1);
        row("MDA Ambience hf_damp", kMdaAmbience, "hf_damp", 0, 1);
        row("MDA Ambience mix", kMdaAmbience, "mix", 0.2f, 1);
        row("Calf Vintage Delay tempo", kCalfVintageDelay, "tempo", 40, 240);
        row("Calf Vintage Delay subdiv", kCalfVintageDelay, "subdiv", 1, 16);
        row("Calf Vintage Delay time_l", kCalfVintageDelay, "time_l", 1, 16);
        row("Calf Vintage Delay time_r", kCalfVintageDelay, "time_r", 1, 16);
        row("Calf Vintage Delay feedback", kCalfVintageDelay, "feedback", 0, 0.9f);
        row("Calf Vintage Delay medium", kCalfVintageDelay, "medium", 0, 2);
        row("Calf Vintage Delay mix_mode", kCalfVintageDelay, "mix_mode", 0, 3);
    }
    void effectsAllocateNothingWhileControlsMove() {
        // In main LR's first slot of the offline engine, fed noise from
        // channel 1; the control swings between its ends every 10 callbacks
        // while the trap watches the engine's callback (and, in the RTSan
        // build, the sanitizer does).
        QFETCH(QString, uri);
        QFETCH(QString, control);
        QFETCH(float, low);
        QFETCH(float, high);
        const std::string u = uri.toStdString(), symbol = control.toStdString();
        const Settings& wet = u == kCalfReverb    ? kCalfReverbWetOnly
                              : u == kMdaAmbience ? kAmbienceWetOnly
                                                  : kVintageDelayEchoOnly;
        auto insert = make(u.c_str(), wet);
        QVERIFY(insert);
        PluginInsert* effect = insert.get();
        test::OfflineRig rig;
        rig.setChannel(0, engine::Param::Fader, 0);
        std::unique_ptr<engine::InsertProcessor> processor = std::move(insert);
        QVERIFY(rig.engine().postInsert(engine::Target::Main, 0, 0, processor));
        rig.run(0, Signal(4800, 0.0f)); // past the 10 ms fade-in

        const Signal in = noise(64, 11);
        double wetPeak = 0;
        bool finite = true;
        AllocationTrap::reset();
        for (int block = 0; block < 400; ++block) {
            if (block % 10 == 0) { // on this (the control) thread, between callbacks
                const float value = block % 20 ? high : low;
                QVERIFY(symbol == "tempo" ? effect->setTempo(value)
                                          : effect->setControl(symbol, value));
            }
            const Signal out = rig.run(0, in)[engine::kMainLeftOutput];
            for (float x : out) {
                finite = finite && std::isfinite(x);
                wetPeak = std::max(wetPeak, double(std::fabs(x)));
            }
        }
        const auto allocations = AllocationTrap::violations();
        std::size_t faults = rig.engine().drainInsertFaults([](const engine::InsertFault&) {});
        qInfo("%s, %s %g <-> %g: %llu allocations in the callback over 400 callbacks, output "
              "peak %.3f, %zu faults",
              u.c_str(), symbol.c_str(), low, high, (unsigned long long)allocations, wetPeak,
              faults);
        QVERIFY2(allocations == 0, AllocationTrap::report().c_str());
        QVERIFY(finite);
        QCOMPARE(faults, std::size_t(0));
        QVERIFY(wetPeak > 0.01); // the effect's output reached main
    }
};

QTEST_GUILESS_MAIN(TestPluginEffects)
#include "tst_plugin_effects.moc"
