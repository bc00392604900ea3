// The X32's destination masks over the console model: /config/talk/A/destmap
// (a bit mask of buses) and /config/osc/dest (one destination) are views of
// Stagedesk's per-destination switches, which stay the one truth: writing
// the alias writes the switches, a switch changes the alias, shows keep only
// the switches, and the engine hears the switches (measured at the outputs).

#include "support/OfflineRig.h"

#include "ConsoleState.h"
#include "ParameterRegistry.h"
#include "SceneList.h"
#include "ShowConsole.h"

#include <QtTest>

#include <cmath>

using namespace stagedesk;
using scenes::ChangeResult;
using scenes::ParameterValue;
using scenes::ParamId;
using scenes::SourceId;

namespace {

// Remembers every change it hears, by address.
class Listener : public scenes::ConsoleObserver {
public:
    explicit Listener(const scenes::ParameterRegistry& registry) : m_registry(registry) {}
    void parameterChanged(ParamId id, const ParameterValue& value, SourceId) override {
        heard.insert(m_registry.at(id).address, std::get<double>(value));
    }
    QHash<QString, double> heard;

private:
    const scenes::ParameterRegistry& m_registry;
};

struct Model {
    explicit Model(int buses, engine::Engine* engine = nullptr)
        : registry(scenes::ConsoleSize{4, buses}), state(registry, engine) {}
    double get(const char* address) const {
        return state.number(registry.find(QLatin1String(address)));
    }
    ChangeResult set(const char* address, double value, SourceId source = scenes::kInternalSource) {
        return state.set(QLatin1String(address), value, source);
    }
    scenes::ParameterRegistry registry;
    scenes::ConsoleState state;
};

} // namespace

class TestSwitchAlias : public QObject {
    Q_OBJECT

private slots:
    void destmapWritesTheBusSwitches();
    void aSwitchChangesTheDestmapAndIsAnnounced();
    void destmapBitsThisDeskLacksAreDropped();
    void oscDestChoosesOneDestination();
    void showsKeepOnlyTheSwitches();
    void talkbackFollowsTheDestmapInTheEngine();
};

// Buses 1 and 3 (bits 0 and 2) on, the others off.
void TestSwitchAlias::destmapWritesTheBusSwitches() {
    Model m(16);
    QCOMPARE(m.get("/config/talk/A/destmap"), 0.0);
    QCOMPARE(m.set("/config/talk/A/destmap", 5).status, ChangeResult::Status::Applied);
    QCOMPARE(m.get("/config/talk/dest/01"), 1.0);
    QCOMPARE(m.get("/config/talk/dest/02"), 0.0);
    QCOMPARE(m.get("/config/talk/dest/03"), 1.0);
    QCOMPARE(m.get("/config/talk/dest/16"), 0.0);
    QCOMPARE(m.get("/config/talk/A/destmap"), 5.0);
    // All sixteen buses, then none.
    m.set("/config/talk/A/destmap", 0xffff);
    for (int b = 1; b <= 16; ++b)
        QCOMPARE(m.state.number(m.registry.find(
                     QStringLiteral("/config/talk/dest/%1").arg(b, 2, 10, QChar('0')))),
                 1.0);
    m.set("/config/talk/A/destmap", 0);
    QCOMPARE(m.get("/config/talk/dest/09"), 0.0);
    QCOMPARE(m.set("/config/talk/A/destmap", 0).status, ChangeResult::Status::Unchanged);
}

// A switch set from elsewhere (the screen) changes the mask, and an OSC
// client listening hears both, the mask with its new value.
void TestSwitchAlias::aSwitchChangesTheDestmapAndIsAnnounced() {
    Model m(16);
    Listener osc(m.registry);
    m.state.addSource(QStringLiteral("osc"), &osc);
    const SourceId screen = m.state.addSource(QStringLiteral("screen"));
    m.set("/config/talk/dest/02", 1, screen);
    m.set("/config/talk/dest/04", 1, screen);
    QCOMPARE(m.get("/config/talk/A/destmap"), 10.0);
    QCOMPARE(osc.heard.value(QStringLiteral("/config/talk/A/destmap")), 10.0);
    QCOMPARE(osc.heard.value(QStringLiteral("/config/talk/dest/04")), 1.0);
    osc.heard.clear();
    m.set("/config/talk/A/destmap", 8, screen); // bus 2 off, bus 4 stays
    QCOMPARE(osc.heard.size(), 2);              // the switch that changed and the mask
    QCOMPARE(osc.heard.value(QStringLiteral("/config/talk/dest/02"), -1), 0.0);
    QCOMPARE(osc.heard.value(QStringLiteral("/config/talk/A/destmap")), 8.0);
}

// On 4 buses: bit 5 (bus 6) and bit 16 (main LR, not a talkback destination
// here) have no switch; the rest is set and the answer says so.
void TestSwitchAlias::destmapBitsThisDeskLacksAreDropped() {
    Model m(4);
    const ChangeResult r = m.set("/config/talk/A/destmap", (1 << 16) | (1 << 5) | 1);
    QCOMPARE(r.status, ChangeResult::Status::Clamped);
    QVERIFY2(r.reason.contains(QLatin1String("does not have")), qPrintable(r.reason));
    QCOMPARE(m.get("/config/talk/dest/01"), 1.0);
    QCOMPARE(m.get("/config/talk/A/destmap"), 1.0);
}

// The X32's oscillator destination: 0-15 a bus, 18 L+R (main); -1 none.
void TestSwitchAlias::oscDestChoosesOneDestination() {
    Model m(16);
    QCOMPARE(m.get("/config/osc/dest"), -1.0);
    QCOMPARE(m.set("/config/osc/dest", 2).status, ChangeResult::Status::Applied);
    QCOMPARE(m.get("/config/osc/dest/03"), 1.0);
    QCOMPARE(m.get("/config/osc/dest/st"), 0.0);
    m.set("/config/osc/dest", 18);
    QCOMPARE(m.get("/config/osc/dest/03"), 0.0); // one destination at a time
    QCOMPARE(m.get("/config/osc/dest/st"), 1.0);
    QCOMPARE(m.get("/config/osc/dest"), 18.0);
    // L alone (16) is not on this desk: refused, nothing changes.
    QCOMPARE(m.set("/config/osc/dest", 16).status, ChangeResult::Status::Refused);
    QCOMPARE(m.get("/config/osc/dest/st"), 1.0);
    // Several switches on (Stagedesk's own): the first one is shown.
    m.set("/config/osc/dest/05", 1);
    QCOMPARE(m.get("/config/osc/dest"), 4.0);
    m.set("/config/osc/dest", -1);
    QCOMPARE(m.get("/config/osc/dest/05"), 0.0);
    QCOMPARE(m.get("/config/osc/dest/st"), 0.0);
}

// A show holds the switches, not the masks; loading it brings the masks back.
void TestSwitchAlias::showsKeepOnlyTheSwitches() {
    Model saved(16);
    scenes::SceneList savedScenes(saved.state);
    saved.set("/config/talk/A/destmap", 6);
    saved.set("/config/osc/dest", 3);
    const scenes::ShowDocument show = scenes::captureShow(saved.state, savedScenes);
    QVERIFY(!show.state.contains(QStringLiteral("/config/talk/A/destmap")));
    QVERIFY(!show.state.contains(QStringLiteral("/config/osc/dest")));
    QVERIFY(show.state.contains(QStringLiteral("/config/talk/dest/02")));
    QVERIFY(show.state.contains(QStringLiteral("/config/osc/dest/04")));

    Model loaded(16);
    scenes::SceneList loadedScenes(loaded.state);
    QVERIFY(scenes::applyShow(show, loaded.state, loadedScenes));
    QCOMPARE(loaded.get("/config/talk/A/destmap"), 6.0);
    QCOMPARE(loaded.get("/config/osc/dest"), 3.0);
}

// The engine hears the switches the mask wrote: talkback (channel 1's
// -20 dBFS sine) reaches buses 1 and 3, not 2 or 4.
void TestSwitchAlias::talkbackFollowsTheDestmapInTheEngine() {
    test::OfflineRig rig(4, 4);
    Model m(4, &rig.engine());
    m.set("/config/talk/source", 0);
    m.set("/config/talk/level", 0);
    m.set("/config/talk/A/destmap", 0b0101);
    m.set("/config/talk/on", 1);
    const auto outputs = rig.run(0, test::sine(1000, -20, 48000));
    const double input = test::sineRmsDb(test::sine(1000, -20, 48000), 1000);
    for (int b = 0; b < 4; ++b) {
        const double db = test::sineRmsDb(outputs[std::size_t(engine::busOutput(b))], 1000);
        qInfo("bus %d: %.3f dBFS (input %.3f)", b + 1, db, input);
        if (b == 0 || b == 2)
            QVERIFY(std::fabs(db - input) < 0.01);
        else
            QVERIFY(db < -200);
    }
}

QTEST_GUILESS_MAIN(TestSwitchAlias)
#include "tst_switch_alias.moc"
