// The address space and the console state: X32 tapers against the X32
// tables, the registry's addresses, validation, observers, stereo links and
// the path from a model change to the engine's output.

#include "ConsoleState.h"
#include "ParameterRegistry.h"
#include "RecallScope.h"
#include "Taper.h"
#include "support/OfflineRig.h"

#include <QtTest>

#include <cmath>

using namespace stagedesk;
using namespace stagedesk::scenes;
using stagedesk::test::OfflineRig;

namespace {
struct Recorder : ConsoleObserver {
    struct Seen {
        ParamId id;
        ParameterValue value;
        SourceId source;
    };
    std::vector<Seen> seen;
    void parameterChanged(ParamId id, const ParameterValue& v, SourceId s) override {
        seen.push_back({id, v, s});
    }
};
} // namespace

class TestModel : public QObject {
    Q_OBJECT

private slots:
    void faderLawAnchors_data();
    void faderLawAnchors();
    void faderLawRoundTrips();
    void logAndLinearTapers_data();
    void logAndLinearTapers();
    void discreteValuesRound();
    void registryHasTheX32Addresses();
    void registryPadsToThreeDigitsPast99();
    void subtreeListsInAddressOrder();
    void registryDefaultsAreTheEngineDefaults();
    void setValidatesClampsAndRefuses();
    void observersHearOthersWithTheSource();
    void stereoLinkMirrorsAllButPanAndName();
    void modelChangeReachesTheEngine();
    void soundcheckParametersReachTheEngine();
    void fullEngineQueueIsRetriedNotLost();
};

void TestModel::faderLawAnchors_data() {
    QTest::addColumn<double>("normalized");
    QTest::addColumn<double>("db");
    // X32: 1.0 = +10, 0.75 = 0, 0.5 = -10, 0.25 = -30, 0.0625 = -60, 0 = -inf,
    // straight lines between; and the middle of every segment.
    QTest::newRow("top") << 1.0 << 10.0;
    QTest::newRow("0 dB") << 0.75 << 0.0;
    QTest::newRow("-10") << 0.5 << -10.0;
    QTest::newRow("-30") << 0.25 << -30.0;
    QTest::newRow("-60") << 0.0625 << -60.0;
    QTest::newRow("off") << 0.0 << kFaderOffDb;
    QTest::newRow("mid top segment") << 0.875 << 5.0;
    QTest::newRow("mid upper segment") << 0.625 << -5.0;
    QTest::newRow("mid -10..-30") << 0.375 << -20.0;
    QTest::newRow("mid -30..-60") << 0.15625 << -45.0;
    QTest::newRow("mid -60..-90") << 0.03125 << -75.0;
}

void TestModel::faderLawAnchors() {
    QFETCH(double, normalized);
    QFETCH(double, db);
    QCOMPARE(faderNormalizedToDb(normalized), db);
    QCOMPARE(faderDbToNormalized(db), normalized);
    ParameterRegistry registry({8, 4});
    const ParameterDescriptor& fader = registry.at(registry.find("/ch/01/mix/fader"));
    QCOMPARE(fader.fromNormalized(normalized), db);
}

void TestModel::faderLawRoundTrips() {
    for (int step = 0; step <= 1023; ++step) {
        const double n = step / 1023.0;
        QVERIFY(std::fabs(faderDbToNormalized(faderNormalizedToDb(n)) - n) < 1e-12 || n == 0);
    }
    for (double db = -89.5; db <= 10; db += 0.25)
        QVERIFY(std::fabs(faderNormalizedToDb(faderDbToNormalized(db)) - db) < 1e-9);
}

void TestModel::logAndLinearTapers_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<double>("normalized");
    QTest::addColumn<double>("plain");
    QTest::newRow("eq f bottom") << "/ch/01/eq/2/f" << 0.0 << 20.0;
    QTest::newRow("eq f middle") << "/ch/01/eq/2/f" << 0.5 << 632.455532;
    QTest::newRow("eq f top") << "/ch/01/eq/2/f" << 1.0 << 20000.0;
    QTest::newRow("eq g middle") << "/ch/01/eq/2/g" << 0.5 << 0.0;
    QTest::newRow("eq g quarter") << "/ch/01/eq/2/g" << 0.25 << -7.5;
    QTest::newRow("eq q bottom is 10") << "/ch/01/eq/2/q" << 0.0 << 10.0;
    QTest::newRow("eq q top is 0.3") << "/ch/01/eq/2/q" << 1.0 << 0.3;
    QTest::newRow("hpf middle") << "/ch/01/preamp/hpf" << 0.5 << 89.442719;
    QTest::newRow("trim middle") << "/ch/01/preamp/trim" << 0.5 << 0.0;
    QTest::newRow("pan left") << "/ch/01/mix/pan" << 0.0 << -100.0;
    QTest::newRow("gate release middle") << "/ch/01/gate/release" << 0.5 << 141.421356;
    QTest::newRow("bus eq f") << "/bus/02/eq/4/f" << 1.0 << 20000.0;
}

void TestModel::logAndLinearTapers() {
    QFETCH(QString, address);
    QFETCH(double, normalized);
    QFETCH(double, plain);
    ParameterRegistry registry({8, 4});
    const ParamId id = registry.find(address);
    QVERIFY(id != kNoParam);
    const ParameterDescriptor& d = registry.at(id);
    QVERIFY(std::fabs(d.fromNormalized(normalized) - plain) < 1e-5);
    QVERIFY(std::fabs(d.toNormalized(plain) - normalized) < 1e-9);
}

void TestModel::discreteValuesRound() {
    ParameterRegistry registry({8, 4});
    const ParameterDescriptor& type = registry.at(registry.find("/ch/01/eq/1/type"));
    QCOMPARE(type.enumNames.size(), 6);
    QCOMPARE(type.fromNormalized(0.4), 2.0); // PEQ
    QCOMPARE(type.format(2), QString("PEQ"));
    QCOMPARE(type.toNormalized(5), 1.0);
    const ParameterDescriptor& on = registry.at(registry.find("/ch/01/mix/on"));
    QCOMPARE(on.fromNormalized(0.49), 0.0);
    QCOMPARE(on.fromNormalized(0.51), 1.0);
    const ParameterDescriptor& ratio = registry.at(registry.find("/ch/01/dyn/ratio"));
    QCOMPARE(ratio.engineValue(6), 4.0f);
    QCOMPARE(ratio.engineValue(11), 100.0f);
    const ParameterDescriptor& fader = registry.at(registry.find("/ch/01/mix/fader"));
    QCOMPARE(fader.format(kFaderOffDb), QString("-inf"));
    QCOMPARE(fader.format(-10), QString("-10.0 dB"));
    QCOMPARE(fader.engineValue(kFaderOffDb), -144.0f);
}

void TestModel::registryHasTheX32Addresses() {
    ParameterRegistry registry({32, 16});
    const char* addresses[] = {
        "/ch/01/mix/fader",    "/ch/01/mix/on",       "/ch/01/mix/pan",       "/ch/01/config/name",
        "/ch/01/config/color", "/ch/01/preamp/trim",  "/ch/01/preamp/invert", "/ch/01/preamp/hpon",
        "/ch/01/preamp/hpf",   "/ch/01/gate/thr",     "/ch/01/gate/range",    "/ch/01/dyn/thr",
        "/ch/01/dyn/ratio",    "/ch/01/eq/1/f",       "/ch/01/eq/1/g",        "/ch/01/eq/1/q",
        "/ch/01/eq/1/type",    "/ch/01/mix/05/level", "/ch/01/mix/05/on",     "/ch/01/mix/05/tap",
        "/ch/01/grp/dca",      "/ch/01/grp/mute",     "/ch/32/mix/16/level",  "/bus/05/mix/fader",
        "/bus/16/eq/4/g",      "/main/st/mix/fader",  "/main/st/mix/on",      "/dca/1/fader",
        "/dca/16/on",          "/config/mute/1",      "/config/mute/8",       "/config/chlink/1-2",
        "/config/chlink/31-32"};
    for (const char* a : addresses)
        QVERIFY2(registry.find(a) != kNoParam, a);
    for (const char* a : {"/ch/33/mix/fader", "/ch/1/mix/fader", "/ch/01/mix/17/level",
                          "/bus/17/mix/fader", "/dca/17/fader", "/config/mute/9", "/ch/01/mix"})
        QVERIFY2(registry.find(a) == kNoParam, a);
    // Every address is unique and every one maps back to its descriptor.
    for (ParamId id = 0; id < registry.count(); ++id)
        QCOMPARE(registry.find(registry.at(id).address), id);
}

void TestModel::registryPadsToThreeDigitsPast99() {
    ParameterRegistry small({99, 2});
    QVERIFY(small.find("/ch/99/mix/fader") != kNoParam);
    ParameterRegistry large({128, 2});
    QVERIFY(large.find("/ch/001/mix/fader") != kNoParam);
    QVERIFY(large.find("/ch/128/mix/fader") != kNoParam);
    QVERIFY(large.find("/ch/01/mix/fader") == kNoParam);
}

void TestModel::subtreeListsInAddressOrder() {
    ParameterRegistry registry({8, 4});
    const auto mix = registry.subtree("/ch/01/mix");
    // fader, on, pan, st, and level/on/tap for each of 4 buses
    QCOMPARE(int(mix.size()), 4 + 3 * 4);
    for (std::size_t i = 1; i < mix.size(); ++i)
        QVERIFY(registry.at(mix[i - 1]).address < registry.at(mix[i]).address);
    for (ParamId id : mix)
        QVERIFY(registry.at(id).address.startsWith("/ch/01/mix/"));
    QCOMPARE(int(registry.subtree("/ch/01/mix/fader").size()), 1);
    QCOMPARE(int(registry.subtree("/ch/0").size()), 0); // a prefix must end at a '/'
    QCOMPARE(int(registry.subtree("/").size()), registry.count());
}

void TestModel::registryDefaultsAreTheEngineDefaults() {
    // A fresh console model and a fresh engine must agree on every value,
    // or the two differ until the first full resend.
    ParameterRegistry registry({8, 4});
    engine::StripParams channel, bus, main;
    bus.faderDb = 0;
    main.faderDb = 0;
    const engine::StripParams freshChannel = channel, freshBus = bus, freshMain = main;
    int checked = 0;
    for (const ParameterDescriptor& d : registry.all()) {
        if (d.mapping == EngineMapping::None ||
            (d.target != engine::Target::Channel && d.target != engine::Target::Bus &&
             d.target != engine::Target::Main))
            continue;
        if (d.stripIndex != 0 || d.section == Section::Soundcheck) // not strip parameters
            continue;
        if (d.section == Section::Inserts) // the slots' own (tst_inserthost)
            continue;
        engine::StripParams& p = d.target == engine::Target::Channel ? channel
                                 : d.target == engine::Target::Bus   ? bus
                                                                     : main;
        QVERIFY2(p.apply(d.param, d.sub, d.engineValue(d.defaultValue)), qPrintable(d.address));
        ++checked;
    }
    QVERIFY(channel == freshChannel);
    QVERIFY(bus == freshBus);
    QVERIFY(main == freshMain);
    QVERIFY(checked > 100);
}

void TestModel::setValidatesClampsAndRefuses() {
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, nullptr);
    auto r = state.set("/ch/01/preamp/trim", 30.0, kInternalSource);
    QCOMPARE(r.status, ChangeResult::Status::Clamped);
    QVERIFY(r.reason.contains("18.0 dB"));
    QCOMPARE(state.number(registry.find("/ch/01/preamp/trim")), 18.0);
    r = state.set("/ch/01/preamp/trim", QString("loud"), kInternalSource);
    QCOMPARE(r.status, ChangeResult::Status::Refused);
    r = state.set("/ch/01/preamp/trim", std::nan(""), kInternalSource);
    QCOMPARE(r.status, ChangeResult::Status::Refused);
    QCOMPARE(state.number(registry.find("/ch/01/preamp/trim")), 18.0);
    r = state.set("/ch/09/preamp/trim", 1.0, kInternalSource);
    QCOMPARE(r.status, ChangeResult::Status::Refused);
    QVERIFY(r.reason.contains("/ch/09/preamp/trim"));
    r = state.set("/ch/01/config/name", QString("Lead Vocal Left Side"), kInternalSource);
    QCOMPARE(r.status, ChangeResult::Status::Clamped);
    QCOMPARE(state.text(registry.find("/ch/01/config/name")), QString("Lead Vocal L"));
    r = state.set("/ch/01/mix/fader", -INFINITY, kInternalSource); // -inf is a fader value
    QVERIFY(r.ok());
    QCOMPARE(state.number(registry.find("/ch/01/mix/fader")), kFaderOffDb);
    r = state.setNormalized(registry.find("/ch/01/mix/fader"), 0.75, kInternalSource);
    QCOMPARE(r.status, ChangeResult::Status::Applied);
    QCOMPARE(state.number(registry.find("/ch/01/mix/fader")), 0.0);
    r = state.setNormalized(registry.find("/ch/01/mix/fader"), 0.75, kInternalSource);
    QCOMPARE(r.status, ChangeResult::Status::Unchanged);
}

void TestModel::observersHearOthersWithTheSource() {
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, nullptr);
    Recorder screen, tablet;
    const SourceId screenId = state.addSource("screen", &screen);
    const SourceId tabletId = state.addSource("osc 127.0.0.1:9000", &tablet);
    const ParamId fader = registry.find("/ch/03/mix/fader");
    state.set(fader, -5.0, tabletId);
    QCOMPARE(int(tablet.seen.size()), 0);
    QCOMPARE(int(screen.seen.size()), 1);
    QCOMPARE(screen.seen[0].id, fader);
    QCOMPARE(std::get<double>(screen.seen[0].value), -5.0);
    QCOMPARE(screen.seen[0].source, tabletId);
    QCOMPARE(state.sourceName(tabletId), QString("osc 127.0.0.1:9000"));
    state.set(fader, -5.0, screenId); // unchanged: nobody is told
    QCOMPARE(int(tablet.seen.size()), 0);
    state.set(fader, 0.0, screenId);
    QCOMPARE(int(tablet.seen.size()), 1);
    QCOMPARE(int(screen.seen.size()), 1);
    state.removeSource(tabletId);
    state.set(fader, 1.0, screenId);
    QCOMPARE(int(tablet.seen.size()), 1);
}

void TestModel::stereoLinkMirrorsAllButPanAndName() {
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, nullptr);
    state.set("/config/chlink/3-4", 1.0, kInternalSource);
    state.set("/ch/04/mix/fader", -7.0, kInternalSource);
    QCOMPARE(state.number(registry.find("/ch/03/mix/fader")), -7.0);
    state.set("/ch/03/eq/2/g", 4.5, kInternalSource);
    QCOMPARE(state.number(registry.find("/ch/04/eq/2/g")), 4.5);
    state.set("/ch/03/mix/02/level", -3.0, kInternalSource);
    QCOMPARE(state.number(registry.find("/ch/04/mix/02/level")), -3.0);
    state.set("/ch/03/mix/pan", -100.0, kInternalSource);
    QCOMPARE(state.number(registry.find("/ch/04/mix/pan")), 0.0);
    state.set("/ch/03/config/name", QString("Keys L"), kInternalSource);
    QCOMPARE(state.text(registry.find("/ch/04/config/name")), QString());
    // Unlinked pairs stay apart.
    state.set("/ch/01/mix/fader", -2.0, kInternalSource);
    QCOMPARE(state.number(registry.find("/ch/02/mix/fader")), kFaderOffDb);
}

void TestModel::modelChangeReachesTheEngine() {
    OfflineRig rig(8, 4);
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, &rig.engine());
    state.setNormalized(registry.find("/ch/01/mix/fader"), 0.5, kInternalSource); // -10 dB
    state.set("/ch/01/mix/pan", -100.0, kInternalSource);
    const auto out = rig.run(0, test::sine(1000, -20, 24000));
    QVERIFY(std::fabs(test::sineRmsDb(out[0], 1000) - (-20 - 3.0103 - 10)) < 0.02);
    state.set("/ch/01/mix/on", 0.0, kInternalSource);
    QVERIFY(test::sineRmsDb(rig.run(0, test::sine(1000, -20, 24000))[0], 1000) < -200);
}

// The soundcheck's parameters, set through the model, measured at the
// outputs: the generator on bus 2 at its level, talkback's dim on main, the
// per-channel and global playback switches (no take playing: silence); and
// no scene recalls them unless its scope names the section.
void TestModel::soundcheckParametersReachTheEngine() {
    OfflineRig rig(8, 4);
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, &rig.engine());
    const ParameterDescriptor& routswitch =
        registry.at(registry.find("/config/routing/routswitch"));
    QCOMPARE(routswitch.section, Section::Soundcheck);
    QVERIFY(!RecallScope::everything(registry.size()).includes(routswitch));
    QVERIFY(registry.find("/ch/08/config/playback") != kNoParam);
    QVERIFY(registry.find("/config/osc/dest/04") != kNoParam);
    QVERIFY(registry.find("/config/talk/dest/05") == kNoParam); // 4 buses

    state.set("/config/osc/type", 0.0, kInternalSource);
    state.set("/config/osc/f1", 1000.0, kInternalSource);
    state.set("/config/osc/level", -12.0, kInternalSource); // RMS
    state.set("/config/osc/dest/02", 1.0, kInternalSource);
    state.set("/config/osc/on", 1.0, kInternalSource);
    auto out = rig.run(0, test::sine(1000, -120, 24000));
    const double genDb = test::sineRmsDb(out[std::size_t(engine::busOutput(1))], 1000);
    qInfo("generator at -12 dB RMS: bus 2 %.3f dBFS", genDb);
    QVERIFY(std::fabs(genDb - (-12)) < 0.02);
    QVERIFY(test::sineRmsDb(out[std::size_t(engine::busOutput(0))], 1000) < -200);
    state.set("/config/osc/on", 0.0, kInternalSource);
    out = rig.run(0, test::sine(1000, -120, 24000));
    QVERIFY(test::sineRmsDb(out[std::size_t(engine::busOutput(1))], 1000) < -100);

    // Channel 1 at 0 dB into main (-3 dB pan law); talkback from channel 1
    // to bus 3 with main dimmed by 15 dB.
    state.set("/ch/01/mix/fader", 0.0, kInternalSource);
    const double mainDb = test::sineRmsDb(rig.run(0, test::sine(1000, -20, 24000))[0], 1000);
    state.set("/config/talk/source", 0.0, kInternalSource);
    state.set("/config/talk/dest/03", 1.0, kInternalSource);
    state.set("/config/talk/dim", -15.0, kInternalSource);
    state.set("/config/talk/on", 1.0, kInternalSource);
    out = rig.run(0, test::sine(1000, -20, 24000));
    const double dimmedDb = test::sineRmsDb(out[0], 1000);
    const double talkDb = test::sineRmsDb(out[std::size_t(engine::busOutput(2))], 1000);
    qInfo("main %.2f -> %.2f dBFS under talkback; bus 3 %.2f dBFS", mainDb, dimmedDb, talkDb);
    QVERIFY(std::fabs(dimmedDb - (mainDb - 15)) < 0.05);
    QVERIFY(std::fabs(talkDb - (-20 - 3.0103)) < 0.05); // the mic's RMS
    state.set("/config/talk/on", 0.0, kInternalSource);

    // Playback switches with no take playing: the channel goes silent.
    state.set("/ch/01/config/playback", 1.0, kInternalSource);
    QVERIFY(test::sineRmsDb(rig.run(0, test::sine(1000, -20, 24000))[0], 1000) < -200);
    state.set("/ch/01/config/playback", 0.0, kInternalSource);
    QVERIFY(std::fabs(test::sineRmsDb(rig.run(0, test::sine(1000, -20, 24000))[0], 1000) - mainDb) <
            0.02);
    state.set("/config/routing/routswitch", 1.0, kInternalSource);
    QVERIFY(test::sineRmsDb(rig.run(0, test::sine(1000, -20, 24000))[0], 1000) < -200);
    QCOMPARE(rig.engine().stats().commandsRejected, std::uint64_t(0));
}

void TestModel::fullEngineQueueIsRetriedNotLost() {
    engine::Engine engine(engine::EngineConfig{8, 4, 48000, 64});
    engine::OfflineRenderer renderer(engine, 64);
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, &engine);
    state.sendAllToEngine(); // far more than 64 commands
    QVERIFY(state.engineBacklogged());
    state.set("/ch/01/mix/fader", -3.0, kInternalSource);
    for (int i = 0; i < 200 && state.engineBacklogged(); ++i) {
        renderer.renderBlock();
        state.flushEngine();
    }
    QVERIFY(!state.engineBacklogged());
    renderer.renderBlock();
    QVERIFY(engine.stats().commandsApplied >= std::uint64_t(registry.count() / 2));
    QCOMPARE(engine.stats().commandsRejected, std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
