// The FX rack's control side on a console running offline: the insert host
// puts the plugin an FX slot names into the engine (a mono eg-amp runs twice
// on the stereo slot), a mix bus feeds it and its return's fader sets the
// level on main, exactly; a show naming an FX plugin that is not installed
// loads with the slot missing, the return silent and the file unchanged on
// re-save; the slot's tempo, typed or tapped, reaches a delay that follows
// the host's tempo (Calf Vintage Delay's time:beatsPerMinute port); the demo
// show runs its three effects (Calf Reverb, MDA Ambience, Calf Vintage Delay)
// with the controls it saves, and the lead vocal is heard through them.

#include "CheckShow.h"
#include "ConsoleSession.h"
#include "FxTapTempo.h"
#include "InsertHost.h"
#include "PluginWorld.h"
#include "ShowFile.h"
#include "ShowJsonWriter.h"
#include "support/OfflineRig.h"
#include "support/ShowFileText.h"
#include "support/TestPlugins.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cmath>

using namespace stagedesk;
using app::ConsoleSession;
using app::InsertHost;
using Status = app::InsertHost::SlotStatus;

namespace {

constexpr const char* kFx = "/fx/1";
constexpr const char* kMissingUri = "urn:stagedesk:plugins:not-installed";
constexpr double kInputDb = -20; // peak: -23.01 dB RMS
constexpr double kSineRmsDb = kInputDb - 3.0103;
constexpr double kAmpGainDb = 6;
constexpr double kReturnFaderDb = -4;

// A console of the show's size, offline, with the model and the insert host.
struct Desk {
    explicit Desk(const scenes::ShowDocument& show, plugins::PluginWorld* world)
        : rig(show.console.inputs, show.console.buses), session(show, &rig.engine()),
          host(session.state(), rig.engine(), world, session.loadedPlugins()) {
        session.attachInsertHost(&host);
    }
    // Main L and R of a 1 kHz sine into a channel, in dB RMS.
    std::pair<double, double> mainDb(int channel = 0) {
        const std::vector<test::Signal> out = rig.run(channel, test::sine(1000, kInputDb, 24000));
        host.poll();
        return {test::sineRmsDb(out[0], 1000), test::sineRmsDb(out[1], 1000)};
    }
    bool set(const QString& address, const scenes::ParameterValue& value) {
        return session.state().set(address, value, scenes::kInternalSource).ok();
    }

    test::OfflineRig rig;
    ConsoleSession session;
    InsertHost host;
};

// 4 inputs and 2 buses. Channel 1 is not on main: it reaches main only
// through bus 1 -> FX 1 -> return 1. Channel 1 at 0 dB into bus 1 (post
// fader, 0 dB); bus 1 feeds FX 1,
// whose return is at kReturnFaderDb on main; 'uri' in FX 1 with 'controls'.
scenes::ShowDocument fxShow(const QString& uri, std::map<QString, double> controls) {
    scenes::ShowDocument show;
    show.console = {4, 2};
    show.safes = scenes::RecallSafes::nothing(show.console);
    show.state.emplace("/ch/01/mix/fader", 0.0);
    show.state.emplace("/ch/01/mix/st", 0.0);
    show.state.emplace("/ch/01/mix/01/level", 0.0);
    show.state.emplace("/bus/01/config/name", QStringLiteral("FX1 Send"));
    show.state.emplace("/fx/1/source", 1.0); // MIX1
    show.state.emplace("/fx/1/plugin", uri);
    show.state.emplace("/fxrtn/01/config/name", QStringLiteral("Amp"));
    show.state.emplace("/fxrtn/01/mix/fader", kReturnFaderDb);
    show.plugins.emplace(kFx, scenes::SlotPluginState{uri, std::move(controls), {}});
    return show;
}

} // namespace

class TestFxHost : public QObject {
    Q_OBJECT

    std::unique_ptr<plugins::PluginWorld> m_world;

private slots:
    void initTestCase() {
        test::useTestLv2Path();
        m_world = std::make_unique<plugins::PluginWorld>();
        QVERIFY(m_world->find(test::kEgAmp));
        QVERIFY(!m_world->find(kMissingUri));
    }

    // Bus 1 -> FX 1 (eg-amp at +6 dB, mono, so one instance per side) ->
    // return 1 at -4 dB, centred: main L and R each carry the sine at
    // +2 dB. The return's fader, mute and the slot's /on act on it.
    void busThroughFxSlotToMainIsExact() {
        Desk desk(fxShow(test::kEgAmp, {{"gain", kAmpGainDb}}), m_world.get());
        QTRY_COMPARE(desk.host.status(kFx), Status::Running);
        QCOMPARE(desk.host.control(kFx, "gain").value_or(0), float(kAmpGainDb));
        const auto [left, right] = desk.mainDb();
        const double expected = kSineRmsDb + kAmpGainDb + kReturnFaderDb;
        qInfo("bus 1 -> eg-amp +6 dB -> return at -4 dB: main L %.4f, R %.4f dB RMS "
              "(expected %.4f)",
              left, right, expected);
        QVERIFY(std::fabs(left - expected) < 0.01);
        QVERIFY(std::fabs(right - expected) < 0.01);

        QVERIFY(desk.set("/fxrtn/01/mix/fader", -10.0));
        const double atMinusTen = desk.mainDb().first;
        QVERIFY(desk.set("/fxrtn/01/mix/on", 0.0));
        const double muted = desk.mainDb().first;
        QVERIFY(desk.set("/fxrtn/01/mix/on", 1.0));
        QVERIFY(desk.set("/fx/1/on", 0.0)); // off: silence, not the dry bus
        const double slotOff = desk.mainDb().first;
        qInfo("return at -10 dB: %.4f; muted: %.1f; slot off: %.1f dB RMS", atMinusTen, muted,
              slotOff);
        QVERIFY(std::fabs(atMinusTen - (kSineRmsDb + kAmpGainDb - 10)) < 0.01);
        QVERIFY(muted < -120);
        QVERIFY(slotOff < -120);
    }

    // A show naming an FX plugin that is not installed: the slot is missing,
    // the return is silent, check-show names the slot, and a re-save writes
    // the file back byte for byte.
    void missingFxPluginIsSilentAndSavedUnchanged() {
        scenes::ShowDocument show = fxShow(kMissingUri, {{"decay_time", 2.5}, {"dry", 0}});
        show.plugins.at(kFx).lv2State = "@prefix state: <http://lv2plug.in/ns/ext/state#> .\n";
        QTemporaryDir dir;
        const QString path = dir.filePath("missing-fx.json");
        const scenes::ParameterRegistry registry(show.console);
        QCOMPARE(scenes::saveShowFile(path, show, registry, false), QString());
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();

        const scenes::ShowReadResult read = scenes::readShowFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const QStringList missing = app::missingPlugins(*read.show);
        QCOMPARE(missing.size(), 1);
        QVERIFY2(missing[0].startsWith(QString(kFx) + ": " + kMissingUri), qPrintable(missing[0]));

        Desk desk(*read.show, m_world.get());
        QTRY_COMPARE(desk.host.status(kFx), Status::Missing);
        const auto [left, right] = desk.mainDb();
        qInfo("missing FX plugin: main L %.1f, R %.1f dB RMS", left, right);
        QVERIFY(left < -120 && right < -120);

        const QByteArray after = scenes::writeShowJson(desk.session.snapshot(), registry);
        QVERIFY(!test::pluginsSection(before).isEmpty());
        QCOMPARE(test::pluginsSection(after), test::pluginsSection(before));
        QCOMPARE(after, before);
    }

    // --no-plugins: the FX slot builds nothing, its return is silent, and
    // the plugin's state is kept for the next save.
    void noPluginsLeavesTheReturnSilent() {
        const scenes::ShowDocument show = fxShow(test::kEgAmp, {{"gain", kAmpGainDb}});
        Desk desk(show, nullptr);
        QCOMPARE(desk.host.status(kFx), Status::Disabled);
        const auto [left, right] = desk.mainDb();
        qInfo("--no-plugins: main L %.1f, R %.1f dB RMS", left, right);
        QVERIFY(left < -120 && right < -120);
        QCOMPARE(desk.session.snapshot().plugins, show.plugins);
    }

    // The slot's tempo reaches a delay that follows the host's: at load
    // (90 BPM from the show) and when tapped (two taps 500 ms apart: 120).
    void tempoTypedAndTappedReachesTheDelay() {
        scenes::ShowDocument show = fxShow(test::kCalfVintageDelay, {});
        show.state.emplace("/fx/1/tempo", 90.0);
        Desk desk(show, m_world.get());
        app::TapTempo::Time now{};
        app::FxTapTempo tapTempo(desk.session.state(), [&now] { return now; });
        QTRY_COMPARE(desk.host.status(kFx), Status::Running);
        QCOMPARE(desk.host.control(kFx, "bpm_host").value_or(0), 90.0f);
        const auto tap = [&] {
            QVERIFY(desk.set("/fx/1/tap", 1.0));
            QTRY_COMPARE(
                desk.session.state().number(desk.session.state().registry().find("/fx/1/tap")),
                0.0);
        };
        tap();
        now += std::chrono::milliseconds(500);
        tap();
        QCOMPARE(desk.host.control(kFx, "bpm_host").value_or(0), 120.0f);
        const auto [left, right] = desk.mainDb();
        qInfo("Calf Vintage Delay on the host's tempo: main L %.1f, R %.1f dB RMS", left, right);
        QVERIFY(std::isfinite(left) && std::isfinite(right));
    }

    // The demo show: its three effects run, with the controls it saves (wet
    // only), and no plugin is reported missing, refused or bypassed. With
    // the lead vocal (channel 11) off main, main carries only its hall,
    // plate and delay.
    void demoShowRunsItsEffects() {
        const scenes::ShowReadResult read =
            scenes::readShowFile(QStringLiteral(STAGEDESK_DEMO_SHOW));
        QVERIFY2(read.ok(), qPrintable(read.error));
        QVERIFY(app::missingPlugins(*read.show).isEmpty());
        Desk desk(*read.show, m_world.get());
        QSignalSpy problems(&desk.host, &InsertHost::statusMessage);
        for (const char* slot : {"/fx/1", "/fx/2", "/fx/3"})
            QTRY_COMPARE(desk.host.status(slot), Status::Running);
        QCOMPARE(desk.host.control("/fx/1", "dry").value_or(-1), 0.0f);
        QCOMPARE(desk.host.control("/fx/1", "amount").value_or(-1), 1.0f);
        QCOMPARE(desk.host.control("/fx/1", "room_size").value_or(-1), 2.0f); // Large
        QCOMPARE(desk.host.control("/fx/2", "mix").value_or(-1), 1.0f);
        QCOMPARE(desk.host.control("/fx/3", "dry").value_or(-1), 0.0f);
        QCOMPARE(desk.host.control("/fx/3", "timing").value_or(-1), 3.0f); // Sync: host tempo
        QCOMPARE(desk.host.control("/fx/3", "bpm_host").value_or(-1), 120.0f);

        const double withVocal = desk.mainDb(10).first;
        QVERIFY(desk.set("/ch/11/mix/st", 0.0));
        // A second of the sine: the reverbs' tails settle to a steady level.
        desk.mainDb(10);
        const auto [left, right] = desk.mainDb(10);
        qInfo("demo show: lead vocal sine %.1f dB RMS in; main L %.1f with it on main, "
              "L %.1f / R %.1f dB RMS from the effects alone",
              kSineRmsDb, withVocal, left, right);
        QVERIFY(left > -60 && right > -60);
        QVERIFY(left < withVocal);
        QCOMPARE(problems.size(), 0);
        // Every value of the model, FX slots and returns included, went in.
        desk.session.state().sendAllToEngine();
        desk.mainDb(10);
        QCOMPARE(desk.rig.engine().stats().commandsRejected, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestFxHost)
#include "tst_fxhost.moc"
