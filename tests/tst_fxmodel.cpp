// The FX rack in the console model: the /fx/K slot and /fxrtn/KK return
// addresses (ranges, defaults, the engine commands they make), recall scopes
// and show files that cover the returns, a tap button that no show or scene
// keeps, tap tempo with an injected clock, and a return's fader over OSC on
// real UDP.

#include "FxTapTempo.h"
#include "TapTempo.h"

#include "ConsoleSize.h"
#include "ConsoleState.h"
#include "MeterHub.h"
#include "OscAccess.h"
#include "OscMeters.h"
#include "OscServer.h"
#include "ParameterRegistry.h"
#include "RecallScope.h"
#include "SceneList.h"
#include "ShowConsole.h"
#include "ShowFile.h"
#include "ShowJsonWriter.h"
#include "support/OfflineRig.h"
#include "support/OscTestClient.h"

#include <QtTest>

#include <chrono>
#include <cmath>

using namespace stagedesk;
using namespace stagedesk::scenes;
using engine::Param;
using engine::Target;
using std::chrono::milliseconds;

namespace {

constexpr int kInputs = 32;
constexpr int kBuses = 16;

// A clock the test moves by hand.
struct ManualClock {
    app::TapTempo::Time now{};
    app::FxTapTempo::Clock function() {
        return [this] { return now; };
    }
};

} // namespace

class TestFxModel : public QObject {
    Q_OBJECT

private slots:
    void registryHasTheFxAddresses();
    void fxAddressesMakeEngineCommands_data();
    void fxAddressesMakeEngineCommands();
    void tempoIsClampedToItsRange();
    void returnsAreInScopesAndShowFiles();
    void busMapMovesFxSourcesAndReturnSends();
    void tapIsNeverStored();
    void tapTempoFromIntervals();
    void tapTempoThroughTheModel();
    void returnFaderOverOsc();
    void returnsInTheMeterBankAndMonitorRole();
};

void TestFxModel::registryHasTheFxAddresses() {
    ParameterRegistry registry({kInputs, kBuses});
    const auto at = [&](const char* address) -> const ParameterDescriptor& {
        const ParamId id = registry.find(QString::fromLatin1(address));
        if (id == kNoParam)
            qFatal("no parameter %s", address);
        return registry.at(id);
    };
    for (int k = 1; k <= engine::kFxSlots; ++k) {
        const QString slot = QStringLiteral("/fx/%1").arg(k);
        const QString rtn = QStringLiteral("/fxrtn/%1").arg(k, 2, 10, QLatin1Char('0'));
        for (const QString& a : {slot + "/plugin",      slot + "/on",        slot + "/source",
                                 slot + "/tempo",       slot + "/tap",       rtn + "/config/name",
                                 rtn + "/config/color", rtn + "/mix/fader",  rtn + "/mix/on",
                                 rtn + "/mix/pan",      rtn + "/mix/st",     rtn + "/mix/16/level",
                                 rtn + "/mix/01/on",    rtn + "/mix/01/tap", rtn + "/eq/on",
                                 rtn + "/eq/4/type",    rtn + "/eq/1/f",     rtn + "/eq/2/g",
                                 rtn + "/eq/3/q",       rtn + "/grp/dca",    rtn + "/grp/mute",
                                 rtn + "/solo"}) {
            const ParamId id = registry.find(a);
            QVERIFY2(id != kNoParam, qPrintable(a));
            QCOMPARE(registry.at(id).strip, StripKind::FxReturn);
            QCOMPARE(registry.at(id).stripIndex, k - 1);
        }
    }
    QCOMPARE(registry.find("/fx/9/on"), kNoParam);
    QCOMPARE(registry.find("/fxrtn/09/mix/fader"), kNoParam);
    QCOMPARE(registry.find("/fxrtn/01/mix/17/level"), kNoParam); // 16 buses
    QCOMPARE(registry.find("/fxrtn/01/preamp/trim"), kNoParam);  // a return has no preamp,
    QCOMPARE(registry.find("/fxrtn/01/dyn/on"), kNoParam);       // dynamics
    QCOMPARE(registry.find("/fxrtn/01/insert/1/on"), kNoParam);  // or inserts

    const ParameterDescriptor& source = at("/fx/1/source");
    QCOMPARE(source.enumNames.size(), kBuses + 1);
    QCOMPARE(source.enumNames.front(), QStringLiteral("OFF"));
    QCOMPARE(source.enumNames.back(), QStringLiteral("MIX16"));
    QCOMPARE(source.defaultValue, 0.0);
    QCOMPARE(source.section, Section::Inserts);
    const ParameterDescriptor& tempo = at("/fx/1/tempo");
    QCOMPARE(tempo.min, 30.0);
    QCOMPARE(tempo.max, 300.0);
    QCOMPARE(tempo.defaultValue, 120.0);
    QCOMPARE(tempo.unit, QStringLiteral("BPM"));
    QVERIFY(tempo.isStored());
    QVERIFY(at("/fx/1/tap").momentary);
    QVERIFY(!at("/fx/1/tap").isStored());
    QCOMPARE(at("/fx/1/plugin").maxLength, at("/ch/01/insert/1/plugin").maxLength);
    QCOMPARE(at("/fx/1/on").defaultValue, 1.0);
    // A return starts closed, like a channel, and assigned to main.
    QCOMPARE(at("/fxrtn/01/mix/fader").defaultValue, kFaderOffDb);
    QCOMPARE(at("/fxrtn/01/mix/st").defaultValue, 1.0);
    QCOMPARE(at("/fxrtn/01/mix/01/level").defaultValue, kFaderOffDb);
    QCOMPARE(at("/fxrtn/01/solo").section, Section::Soundcheck);
    // The channel's ranges, from the same builders.
    for (const char* tail : {"/mix/pan", "/eq/2/f", "/eq/2/q", "/grp/dca", "/mix/05/tap"}) {
        const ParameterDescriptor& r = at(qPrintable(QStringLiteral("/fxrtn/03") + tail));
        const ParameterDescriptor& c = at(qPrintable(QStringLiteral("/ch/03") + tail));
        QCOMPARE(r.min, c.min);
        QCOMPARE(r.max, c.max);
        QCOMPARE(r.taper, c.taper);
        QCOMPARE(r.defaultValue, c.defaultValue);
    }
}

void TestFxModel::fxAddressesMakeEngineCommands_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("param");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("sub");
    QTest::addColumn<float>("engineValue");
    const auto row = [](const char* name, const char* address, double v, Target t, Param p,
                        int index, int sub, float e) {
        QTest::newRow(name) << QString::fromLatin1(address) << v << int(t) << int(p) << index << sub
                            << e;
    };
    row("slot off", "/fx/2/on", 0.0, Target::Fx, Param::InsertOn, 1, 0, 0.0f);
    row("source bus 13", "/fx/3/source", 13.0, Target::Fx, Param::FxSource, 2, 0, 12.0f);
    row("source off", "/fx/3/source", 0.0, Target::Fx, Param::FxSource, 2, 0, -1.0f);
    row("source bus 1", "/fx/8/source", 1.0, Target::Fx, Param::FxSource, 7, 0, 0.0f);
    row("return fader", "/fxrtn/02/mix/fader", -10.0, Target::FxReturn, Param::Fader, 1, 0, -10.0f);
    row("return mute", "/fxrtn/02/mix/on", 0.0, Target::FxReturn, Param::On, 1, 0, 0.0f);
    row("return balance", "/fxrtn/01/mix/pan", -50.0, Target::FxReturn, Param::Pan, 0, 0, -0.5f);
    row("return to main", "/fxrtn/04/mix/st", 0.0, Target::FxReturn, Param::MainOn, 3, 0, 0.0f);
    row("return send", "/fxrtn/08/mix/16/level", -6.0, Target::FxReturn, Param::SendLevel, 7, 15,
        -6.0f);
    row("return send on", "/fxrtn/01/mix/02/on", 0.0, Target::FxReturn, Param::SendOn, 0, 1, 0.0f);
    row("return eq gain", "/fxrtn/01/eq/3/g", 6.0, Target::FxReturn, Param::EqBandGain, 0, 2, 6.0f);
    row("return eq", "/fxrtn/05/eq/on", 0.0, Target::FxReturn, Param::EqOn, 4, 0, 0.0f);
    row("return dca", "/fxrtn/01/grp/dca", 5.0, Target::FxReturn, Param::DcaMask, 0, 0, 5.0f);
    row("return solo", "/fxrtn/06/solo", 1.0, Target::FxReturn, Param::Solo, 5, 0, 1.0f);
}

void TestFxModel::fxAddressesMakeEngineCommands() {
    QFETCH(QString, address);
    QFETCH(double, value);
    QFETCH(int, target);
    QFETCH(int, param);
    QFETCH(int, index);
    QFETCH(int, sub);
    QFETCH(float, engineValue);
    ParameterRegistry registry({kInputs, kBuses});
    const ParamId id = registry.find(address);
    QVERIFY(id != kNoParam);
    const ParameterDescriptor& d = registry.at(id);
    QVERIFY(d.mapping != EngineMapping::None);
    const engine::Command c = d.engineCommand(value);
    QCOMPARE(int(c.target), target);
    QCOMPARE(int(c.param), param);
    QCOMPARE(int(c.index), index);
    QCOMPARE(int(c.sub), sub);
    QCOMPARE(c.value, engineValue);
    // The X32 fader law over the normalized form, as for a channel.
    if (address.endsWith("/mix/fader"))
        QCOMPARE(d.toNormalized(-10.0), 0.5);
}

void TestFxModel::tempoIsClampedToItsRange() {
    ParameterRegistry registry({kInputs, kBuses});
    ConsoleState state(registry, nullptr);
    const ParamId tempo = registry.find("/fx/3/tempo");
    QCOMPARE(state.set(tempo, 400.0, kInternalSource).status, ChangeResult::Status::Clamped);
    QCOMPARE(state.number(tempo), 300.0);
    QCOMPARE(state.set(tempo, 10.0, kInternalSource).status, ChangeResult::Status::Clamped);
    QCOMPARE(state.number(tempo), 30.0);
    QCOMPARE(state.set(tempo, 97.5, kInternalSource).status, ChangeResult::Status::Applied);
    QCOMPARE(state.number(tempo), 97.5);
    // Not an engine parameter: the insert host sends it to the plugin.
    QCOMPARE(registry.at(tempo).mapping, EngineMapping::None);
    QCOMPARE(registry.at(registry.find("/fx/3/plugin")).mapping, EngineMapping::None);
    QCOMPARE(state.set("/fx/3/source", 17.0, kInternalSource).status,
             ChangeResult::Status::Clamped); // MIX16 is the last
    QCOMPARE(state.text(registry.find("/fx/3/source")), QStringLiteral("MIX16"));
}

void TestFxModel::returnsAreInScopesAndShowFiles() {
    ParameterRegistry registry({kInputs, kBuses});
    const ParameterDescriptor& fader2 = registry.at(registry.find("/fxrtn/02/mix/fader"));
    const ParameterDescriptor& plugin2 = registry.at(registry.find("/fx/2/plugin"));
    const ParameterDescriptor& fader3 = registry.at(registry.find("/fxrtn/03/mix/fader"));
    RecallScope scope = RecallScope::everything(registry.size());
    QVERIFY(scope.includes(fader2) && scope.includes(plugin2));
    scope.strips.fxReturns[1] = false;
    QVERIFY(!scope.includes(fader2));
    QVERIFY(!scope.includes(plugin2)); // the slot goes with its return
    QVERIFY(scope.includes(fader3));
    RecallSafes safes = RecallSafes::nothing(registry.size());
    QVERIFY(!safes.protects(fader3));
    safes.strips.fxReturns[2] = true;
    QVERIFY(safes.protects(fader3) && !safes.protects(fader2));

    // A scene that leaves FX return 2 out, and the safes, through a file.
    ConsoleState state(registry, nullptr);
    SceneList scenes(state);
    state.set("/fxrtn/02/mix/fader", -4.0, kInternalSource);
    state.set("/fx/2/source", 14.0, kInternalSource);
    QVERIFY(scenes.store(0, QStringLiteral("No FX2"), scope) > 0);
    scenes.setSafes(safes);
    QTemporaryDir dir;
    const QString path = dir.filePath("fx.json");
    QCOMPARE(saveShowFile(path, captureShow(state, scenes), registry), QString());
    const ShowReadResult read = readShowFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.show->scenes.at(0).scope, scope);
    QCOMPARE(read.show->safes, safes);
    QCOMPARE(read.show->state.at("/fxrtn/02/mix/fader"), ParameterValue(-4.0));
    QCOMPARE(read.show->state.at("/fx/2/source"), ParameterValue(14.0));

    // A file that says too much about the returns is refused, with the field.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    QVERIFY(text.contains("\"fxReturns\": [1, 3, 4, 5, 6, 7, 8]"));
    text.replace("\"fxReturns\": [1, 3, 4, 5, 6, 7, 8]", "\"fxReturns\": [1, 9]");
    const ShowReadResult bad = readShowText(text, QStringLiteral("fx.json"));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains("scope.fxReturns[1]"), qPrintable(bad.error));
}

// A show of 16 buses on a console of 4, buses 13 and 14 mapped to 3 and 4:
// an FX slot's source and a return's send follow their bus; a source whose
// bus is left out turns OFF.
void TestFxModel::busMapMovesFxSourcesAndReturnSends() {
    ParameterRegistry registry({kInputs, kBuses});
    ConsoleState state(registry, nullptr);
    SceneList scenes(state);
    state.set("/fx/1/source", 13.0, kInternalSource);
    state.set("/fx/2/source", 5.0, kInternalSource);
    state.set("/fxrtn/01/mix/14/level", -7.0, kInternalSource);
    state.set("/fxrtn/01/mix/05/level", -3.0, kInternalSource);
    const QByteArray text = writeShowJson(captureShow(state, scenes), registry);
    ShowLoadOptions options;
    options.buses = 4;
    std::vector<int> busMap(kBuses, -1);
    busMap[12] = 2;
    busMap[13] = 3;
    options.busMap = busMap;
    const ShowReadResult read = readShowText(text, QStringLiteral("big.json"), options);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const AddressValues& mapped = read.show->state;
    QCOMPARE(mapped.at("/fx/1/source"), ParameterValue(3.0)); // MIX3
    QCOMPARE(mapped.at("/fx/2/source"), ParameterValue(0.0)); // OFF
    QCOMPARE(mapped.at("/fxrtn/01/mix/04/level"), ParameterValue(-7.0));
    QVERIFY(!mapped.count("/fxrtn/01/mix/05/level"));
    QCOMPARE(read.show->console, (ConsoleSize{kInputs, 4}));
}

void TestFxModel::tapIsNeverStored() {
    ParameterRegistry registry({kInputs, kBuses});
    ConsoleState state(registry, nullptr);
    SceneList scenes(state);
    state.set("/fx/1/tap", 1.0, kInternalSource); // held down
    state.set("/fx/1/tempo", 90.0, kInternalSource);
    const ShowDocument show = captureShow(state, scenes);
    QVERIFY(!show.state.count("/fx/1/tap"));
    QCOMPARE(show.state.at("/fx/1/tempo"), ParameterValue(90.0));
    QVERIFY(scenes.store(0, QStringLiteral("Held"), RecallScope::everything(registry.size())) > 0);
    const ParamId tap = registry.find("/fx/1/tap");
    QVERIFY(!scenes.at(0).values.count(tap));
    // Nor does a show or a recall press it: a file naming it leaves it alone.
    state.set(tap, 0.0, kInternalSource);
    ShowDocument pressed = show;
    pressed.state.emplace("/fx/1/tap", 1.0);
    QVERIFY(applyShow(pressed, state, scenes));
    QCOMPARE(state.number(tap), 0.0);
    QCOMPARE(state.number(registry.find("/fx/1/tempo")), 90.0);
}

void TestFxModel::tapTempoFromIntervals() {
    app::TapTempo taps;
    app::TapTempo::Time t{};
    QVERIFY(!taps.tap(t)); // the first tap of a run has no tempo
    for (int i = 0; i < 5; ++i) {
        t += milliseconds(500);
        QCOMPARE(*taps.tap(t), 120.0);
    }
    // The mean of the last four intervals: 500, 500, 500, 400 ms.
    t += milliseconds(400);
    QCOMPARE(*taps.tap(t), 60.0 / 0.475);
    // A 3 s pause starts over: no tempo from the pause, then the new run's.
    t += milliseconds(3000);
    QVERIFY(!taps.tap(t));
    t += milliseconds(750);
    QCOMPARE(*taps.tap(t), 80.0);
    // 2 s is the slowest tempo, still in the run; faster than 300 is 300.
    t += milliseconds(2000);
    QCOMPARE(*taps.tap(t), 60.0 / 1.375); // (750 + 2000) / 2 ms
    app::TapTempo quick;
    quick.tap(t);
    QCOMPARE(*quick.tap(t + milliseconds(100)), 300.0);
}

void TestFxModel::tapTempoThroughTheModel() {
    ParameterRegistry registry({kInputs, kBuses});
    ConsoleState state(registry, nullptr);
    ManualClock clock;
    app::FxTapTempo tapTempo(state, clock.function());
    const SourceId surface = state.addSource(QStringLiteral("surface"));
    const ParamId tap = registry.find("/fx/3/tap");
    const ParamId tempo = registry.find("/fx/3/tempo");
    // A surface that only ever sends 1 (an OSC button): the tap springs back.
    const auto press = [&] {
        QCOMPARE(state.set(tap, 1.0, surface).status, ChangeResult::Status::Applied);
        QTRY_COMPARE(state.number(tap), 0.0);
    };
    press();
    QCOMPARE(state.number(tempo), 120.0); // the default: one tap is no tempo
    clock.now += milliseconds(400);
    press();
    QCOMPARE(state.number(tempo), 150.0);
    for (int i = 0; i < 4; ++i) {
        clock.now += milliseconds(500);
        press();
    }
    QCOMPARE(state.number(tempo), 120.0); // four intervals of 500 ms
    clock.now += milliseconds(3000);
    press(); // starts over: the tempo stays
    QCOMPARE(state.number(tempo), 120.0);
    clock.now += milliseconds(1000);
    press();
    QCOMPARE(state.number(tempo), 60.0);
    // Another slot's taps are its own.
    QCOMPARE(state.number(registry.find("/fx/1/tempo")), 120.0);
}

void TestFxModel::returnFaderOverOsc() {
    using namespace stagedesk::surfaces::osc;
    ParameterRegistry registry({kInputs, kBuses});
    test::OfflineRig rig(kInputs, kBuses);
    ConsoleState state(registry, &rig.engine());
    SceneList scenes(state);
    MeterHub meters(&rig.engine());
    OscSettings settings = OscSettings::withDefaultRules();
    settings.port = 0;
    settings.bind = QHostAddress(QHostAddress::LocalHost);
    OscServer server(state, &scenes, &meters, settings, {});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    app::FxTapTempo tapTempo(state);

    test::OscTestClient client(server.port());
    client.sendFloat("/fxrtn/01/mix/fader", 0.5f); // X32 fader law: -10 dB
    client.send("/fxrtn/01/mix/fader");
    const auto fader = client.waitFor("/fxrtn/01/mix/fader");
    QVERIFY(fader);
    QCOMPARE(fader->f(), 0.5f);
    QCOMPARE(state.number(registry.find("/fxrtn/01/mix/fader")), -10.0);

    client.sendInt("/fx/1/source", 13); // MIX13
    client.send("/fx/1/source");
    const auto source = client.waitFor("/fx/1/source");
    QVERIFY(source);
    QCOMPARE(source->i(), 13);
    QCOMPARE(state.text(registry.find("/fx/1/source")), QStringLiteral("MIX13"));

    client.sendString("/fxrtn/01/config/name", "Hall");
    client.send("/fxrtn/01/config/name");
    QCOMPARE(client.waitFor("/fxrtn/01/config/name")->s(), std::string("Hall"));

    // Two taps over OSC set the tempo (a real clock: it is somewhere in range).
    client.sendInt("/fx/1/tap", 1);
    QTRY_COMPARE(state.number(registry.find("/fx/1/tap")), 0.0);
    QTest::qWait(300);
    client.sendInt("/fx/1/tap", 1);
    QTRY_VERIFY(state.number(registry.find("/fx/1/tempo")) != 120.0);
    const double bpm = state.number(registry.find("/fx/1/tempo"));
    QVERIFY2(bpm > 60 && bpm <= 200, qPrintable(QString::number(bpm))); // 300 ms plus delivery
}

// /meters/0 as on an X32: 32 inputs, 8 aux returns, the 8 FX returns (each
// the louder of its sides), 16 buses, 6 matrices. A monitor client may send
// a return into its own bus (reverb in the wedge), and not move the return.
void TestFxModel::returnsInTheMeterBankAndMonitorRole() {
    using namespace stagedesk::surfaces::osc;
    ParameterRegistry registry({kInputs, kBuses});
    ConsoleState state(registry, nullptr);
    engine::MeterSnapshot m;
    m.channels.resize(kInputs);
    m.buses.resize(kBuses);
    m.fxReturns[2][1].peak = 0.5f;
    m.fxReturns[2][0].peak = 0.25f;
    m.fxReturns[7][0].peak = 0.125f;
    m.buses[0].peak = 0.75f;
    const std::vector<float> bank = meterValues(0, 0, m, state);
    QCOMPARE(bank.size(), std::size_t(32 + 8 + 8 + 16 + 6));
    QCOMPARE(bank[40 + 2], 0.5f);
    QCOMPARE(bank[40 + 7], 0.125f);
    QCOMPARE(bank[40 + 0], 0.0f);
    QCOMPARE(bank[32], 0.0f);  // aux returns: none on this desk
    QCOMPARE(bank[48], 0.75f); // bus 1

    const Grant monitor{Role::Monitor, {1}};
    const auto d = [&](const char* a) -> const ParameterDescriptor& {
        return registry.at(registry.find(a));
    };
    QVERIFY(mayWrite(monitor, d("/fxrtn/01/mix/02/level")));
    QVERIFY(mayWrite(monitor, d("/fxrtn/01/mix/02/on")));
    QVERIFY(!mayWrite(monitor, d("/fxrtn/01/mix/03/level")));
    QVERIFY(!mayWrite(monitor, d("/fxrtn/01/mix/fader")));
    QVERIFY(!mayWrite(monitor, d("/fx/1/plugin")));
    QVERIFY(mayRead(monitor, d("/fxrtn/01/config/name")));
}

QTEST_GUILESS_MAIN(TestFxModel)
#include "tst_fxmodel.moc"
