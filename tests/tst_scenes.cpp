// Scenes and cues on the real console model driving a real engine: store and
// recall of every kind of parameter, recall scope and safes, 500+ scenes,
// rename/delete/reorder under a cue list, undo, observers, the one-block
// transaction with the engine running on another thread, and fades.

#include "SceneList.h"
#include "support/ConsoleFill.h"
#include "support/OfflineRig.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <set>
#include <thread>
#include <tuple>

using namespace stagedesk;
using namespace stagedesk::scenes;
using engine::kMainLeftOutput;
using test::OfflineRig;
using test::Signal;

namespace {
constexpr int kSecond = 48000;
constexpr double kInDb = -20;

// A console model on an offline engine; DC into a channel, level at main L.
struct Console {
    explicit Console(int inputs = 8, int buses = 4)
        : registry({inputs, buses}), rig(inputs, buses), state(registry, &rig.engine()),
          scenes(state) {
        state.sendAllToEngine();
    }
    ParamId id(const QString& address) const {
        const ParamId p = registry.find(address);
        if (p == kNoParam)
            qFatal("no parameter %s", qPrintable(address));
        return p;
    }
    double num(const QString& address) const { return state.number(id(address)); }
    QString text(const QString& address) const { return state.text(id(address)); }
    bool set(const QString& address, const ParameterValue& v) {
        return state.set(address, v, kInternalSource).ok();
    }
    // Level at main L relative to the DC fed into channel ch, after settling.
    double mainLeftDb(int ch = 0, int frames = kSecond / 2) {
        const auto out = rig.run(ch, test::constant(kInDb, frames));
        return test::rmsDb(out[kMainLeftOutput], frames / 5) - kInDb;
    }
    RecallScope everything() const { return RecallScope::everything(registry.size()); }

    ParameterRegistry registry;
    OfflineRig rig;
    ConsoleState state;
    SceneList scenes;
};

// Sets test::filledConsole as one transaction, without stereo-link
// mirroring. Returns the number of engine commands it posted.
std::uint64_t fill(ConsoleState& state, double fraction, const QString& tag) {
    const auto all = test::filledConsole(state.registry(), fraction, tag);
    std::uint64_t commands = 0;
    for (const Assignment& a : all)
        if (state.registry().at(a.id).mapping != EngineMapping::None &&
            a.value != state.value(a.id))
            ++commands;
    state.applyTransaction(all, kInternalSource);
    return commands;
}
void resetToDefaults(ConsoleState& state) {
    std::vector<Assignment> all;
    for (ParamId id = 0; id < state.registry().count(); ++id)
        all.push_back({id, state.defaultValue(id)});
    state.applyTransaction(all, kInternalSource);
}
std::vector<ParameterValue> snapshot(const ConsoleState& state) {
    std::vector<ParameterValue> values;
    for (ParamId id = 0; id < state.registry().count(); ++id)
        values.push_back(state.value(id));
    return values;
}
// Ids of the parameters whose value differs from a snapshot.
std::vector<ParamId> differences(const ConsoleState& state, const std::vector<ParameterValue>& s) {
    std::vector<ParamId> ids;
    for (ParamId id = 0; id < state.registry().count(); ++id)
        if (state.value(id) != s[std::size_t(id)])
            ids.push_back(id);
    return ids;
}
QString show(const ParameterValue& v) {
    if (const auto* t = std::get_if<QString>(&v))
        return QLatin1Char('"') + *t + QLatin1Char('"');
    return QString::number(std::get<double>(v), 'g', 10);
}
double gainDb(float sample) {
    return 20.0 * std::log10(std::fabs(double(sample))) - kInDb;
}

// The first sample where the level moves against 'direction' (+1 rising,
// -1 falling) by more than float rounding (0.001 dB), or -1.
int firstTurn(const Signal& s, int direction) {
    for (std::size_t i = 1; i < s.size(); ++i) {
        const double step = std::fabs(s[i]) - std::fabs(s[i - 1]);
        if (step * direction < -1.2e-4 * std::fabs(s[i - 1]))
            return int(i);
    }
    return -1;
}

struct Recorder final : ConsoleObserver {
    std::vector<std::tuple<ParamId, ParameterValue, SourceId>> calls;
    void parameterChanged(ParamId id, const ParameterValue& value, SourceId source) override {
        calls.emplace_back(id, value, source);
    }
};

// Address and value of a parameter of each kind and strip.
const std::vector<std::pair<QString, ParameterValue>> kManyKinds{
    {"/ch/01/config/name", QString("Kick In")},
    {"/ch/01/config/color", 3.0},
    {"/ch/01/preamp/trim", 6.5},
    {"/ch/01/preamp/invert", 1.0},
    {"/ch/01/preamp/hpon", 1.0},
    {"/ch/01/preamp/hpslope", 1.0},
    {"/ch/01/preamp/hpf", 120.0},
    {"/ch/01/gate/thr", -35.0},
    {"/ch/01/dyn/ratio", 7.0},
    {"/ch/01/dyn/release", 300.0},
    {"/ch/01/eq/2/type", 4.0},
    {"/ch/01/eq/2/f", 1250.0},
    {"/ch/01/eq/2/g", -4.5},
    {"/ch/01/eq/2/q", 0.7},
    {"/ch/01/mix/fader", -12.0},
    {"/ch/01/mix/on", 0.0},
    {"/ch/01/mix/st", 0.0},
    {"/ch/02/mix/03/level", -12.0},
    {"/ch/02/mix/03/on", 0.0},
    {"/ch/02/mix/03/tap", 0.0},
    {"/ch/02/grp/dca", 5.0},
    {"/ch/02/grp/mute", 3.0},
    {"/ch/05/mix/fader", -7.5},
    {"/ch/05/mix/pan", -100.0},
    {"/bus/02/config/name", QString("Drums")},
    {"/bus/02/mix/fader", -3.0},
    {"/bus/02/eq/1/g", 2.0},
    {"/main/st/mix/fader", -2.0},
    {"/main/st/dyn/thr", -10.0},
    {"/dca/3/fader", -6.0},
    {"/dca/3/on", 0.0},
    {"/dca/3/config/name", QString("Vox")},
    {"/config/mute/2", 1.0},
    {"/config/chlink/3-4", 1.0},
};
} // namespace

class TestScenes : public QObject {
    Q_OBJECT

private slots:
    void listenerHearsStoresRecallsAndEdits();
    void severalListenersAndTheRecalledScene();
    void storeKeepsOnlyNonDefaultValues();
    void storeRecallRoundTripOfEveryKind();
    void scopeBySection();
    void scopeByChannelAndStrip();
    void safesPerChannelAndStrip();
    void safesPerSection();
    void fiveHundredScenesAndTheLimit();
    void renameDeleteReorderKeepCues();
    void cueListGoNextPreviousEnd();
    void undoRecallRestoresExactlyAndTheEngineFollows();
    void undoStore();
    void observersHearRecallChangesOnly();
    void linkedPairIsNotMirroredDuringRecall();
    void replaceAllValidatesAndKeepsHooks();
    void recallIsOneEngineTransaction();
    void fadeFollowsTheLineInDbAndATakeoverIsClean();
};

void TestScenes::storeKeepsOnlyNonDefaultValues() {
    Console c;
    const int empty = c.scenes.store(0, "Empty", c.everything());
    QCOMPARE(empty, 1);
    QCOMPARE(c.scenes.at(0).values.size(), std::size_t(0));
    QVERIFY(c.set("/ch/03/mix/fader", -5.0));
    QVERIFY(c.set("/ch/03/config/name", QString("Snare")));
    QVERIFY(c.set("/bus/01/mix/fader", -1.0));
    QCOMPARE(c.scenes.store(1, "Three", c.everything(), 2.5), 2);
    const Scene& s = c.scenes.at(1);
    QCOMPARE(s.values.size(), std::size_t(3));
    QCOMPARE(std::get<double>(s.values.at(c.id("/ch/03/mix/fader"))), -5.0);
    QCOMPARE(std::get<QString>(s.values.at(c.id("/ch/03/config/name"))), QString("Snare"));
    QCOMPARE(s.fadeSeconds, 2.5);
    QCOMPARE(s.name, QString("Three"));
    // Out of range index, bad fade time.
    QCOMPARE(c.scenes.store(3, "x", c.everything()), -1);
    QCOMPARE(c.scenes.store(-1, "x", c.everything()), -1);
    QCOMPARE(c.scenes.store(2, "x", c.everything(), -1), -1);
    QCOMPARE(c.scenes.store(2, "x", c.everything(), std::nan("")), -1);
    QCOMPARE(c.scenes.count(), 2);
}

void TestScenes::storeRecallRoundTripOfEveryKind() {
    Console c;
    for (const auto& [address, value] : kManyKinds)
        QVERIFY2(c.set(address, value), qPrintable(address));
    QVERIFY(std::fabs(c.mainLeftDb(4) - (-9.5)) < 0.05); // ch 5 fader -7.5, main -2
    const int id = c.scenes.store(0, "Song", c.everything());
    QCOMPARE(c.scenes.at(0).values.size(), kManyKinds.size());

    resetToDefaults(c.state);
    for (const auto& [address, value] : kManyKinds)
        QVERIFY(c.state.isDefault(c.id(address)));
    QVERIFY(c.mainLeftDb(4) < -120);

    QVERIFY(c.scenes.recall(c.scenes.indexOfId(id)));
    for (const auto& [address, value] : kManyKinds)
        QVERIFY2(c.state.value(c.id(address)) == value,
                 qPrintable(address + ": " + show(c.state.value(c.id(address)))));
    QCOMPARE(c.text("/ch/01/config/name"), QString("Kick In"));
    QCOMPARE(c.text("/dca/3/config/name"), QString("Vox"));
    QVERIFY(std::fabs(c.mainLeftDb(4) - (-9.5)) < 0.05);
    QCOMPARE(c.rig.engine().stats().commandsRejected, std::uint64_t(0));
}

void TestScenes::scopeBySection() {
    Console c;
    for (int ch = 1; ch <= 3; ++ch) {
        const QString p = QString("/ch/%1").arg(ch, 2, 10, QChar('0'));
        QVERIFY(c.set(p + "/mix/fader", -10.0));
        QVERIFY(c.set(p + "/preamp/trim", 5.0));
        QVERIFY(c.set(p + "/eq/1/g", 3.0));
    }
    RecallScope eqOnly = c.everything();
    eqOnly.sections.reset().set(std::size_t(Section::Eq));
    c.scenes.store(0, "EQ", eqOnly);
    for (int ch = 1; ch <= 3; ++ch) {
        const QString p = QString("/ch/%1").arg(ch, 2, 10, QChar('0'));
        QVERIFY(c.set(p + "/mix/fader", -20.0));
        QVERIFY(c.set(p + "/preamp/trim", 0.0));
        QVERIFY(c.set(p + "/eq/1/g", 0.0));
    }
    const auto before = snapshot(c.state);
    QVERIFY(c.scenes.recall(0));
    QCOMPARE(differences(c.state, before).size(), std::size_t(3));
    for (int ch = 1; ch <= 3; ++ch) {
        const QString p = QString("/ch/%1").arg(ch, 2, 10, QChar('0'));
        QCOMPARE(c.num(p + "/eq/1/g"), 3.0);
        QCOMPARE(c.num(p + "/mix/fader"), -20.0); // out of scope: untouched
        QCOMPARE(c.num(p + "/preamp/trim"), 0.0);
    }
}

void TestScenes::scopeByChannelAndStrip() {
    Console c;
    const QStringList addresses{"/ch/01/mix/fader",   "/ch/02/mix/fader",  "/ch/03/mix/fader",
                                "/ch/02/config/name", "/bus/01/mix/fader", "/main/st/mix/fader",
                                "/dca/1/fader",       "/config/mute/1"};
    const auto setAll = [&](double db, double mute, const QString& name) {
        for (const QString& a : addresses)
            QVERIFY(c.set(a, a.endsWith("name")             ? ParameterValue(name)
                             : a.startsWith("/config/mute") ? mute
                                                            : db));
    };
    setAll(-10, 1, "Bass");
    RecallScope ch2 = c.everything();
    ch2.strips = StripSet::none(c.registry.size());
    ch2.strips.channels[1] = true;
    c.scenes.store(0, "ch 2 only", ch2);
    setAll(-30, 0, "Keys");
    QVERIFY(c.scenes.recall(0));
    QCOMPARE(c.num("/ch/02/mix/fader"), -10.0);
    QCOMPARE(c.text("/ch/02/config/name"), QString("Bass"));
    for (const QString& a : addresses.mid(0, 1) + addresses.mid(2, 1) + addresses.mid(4, 3))
        QVERIFY2(c.num(a) == -30.0, qPrintable(a)); // out of scope: untouched
    QCOMPARE(c.num("/config/mute/1"), 0.0);

    // Buses, main and DCAs in scope, channels not.
    RecallScope strips = ch2;
    strips.strips = StripSet::none(c.registry.size());
    strips.strips.buses[0] = true;
    strips.strips.main = strips.strips.dcas = true;
    setAll(-10, 1, "Bass");
    c.scenes.store(1, "masters", strips);
    setAll(-30, 0, "Keys");
    QVERIFY(c.scenes.recall(1));
    QCOMPARE(c.num("/bus/01/mix/fader"), -10.0);
    QCOMPARE(c.num("/main/st/mix/fader"), -10.0);
    QCOMPARE(c.num("/dca/1/fader"), -10.0);
    QCOMPARE(c.num("/ch/01/mix/fader"), -30.0);
    QCOMPARE(c.num("/ch/02/mix/fader"), -30.0);
    QCOMPARE(c.num("/config/mute/1"), 0.0);
}

void TestScenes::safesPerChannelAndStrip() {
    Console c;
    fill(c.state, 0.8, "B");
    c.scenes.store(0, "B", c.everything());
    fill(c.state, 0.2, "A");
    const auto before = snapshot(c.state);
    RecallSafes safes = c.scenes.safes();
    safes.strips.channels[2] = true; // ch 03
    safes.strips.main = true;
    c.scenes.setSafes(safes);
    QVERIFY(c.scenes.recall(0));
    int changed = 0, safe = 0;
    for (ParamId id = 0; id < c.registry.count(); ++id) {
        const ParameterDescriptor& d = c.registry.at(id);
        if (!d.isStored())
            continue; // no scene keeps it (the tap-tempo button)
        // The soundcheck's section is outside every scene's default scope.
        const bool isSafe = (d.strip == StripKind::Channel && d.stripIndex == 2) ||
                            d.strip == StripKind::Main || d.section == Section::Soundcheck;
        if (isSafe) {
            ++safe;
            QVERIFY2(c.state.value(id) == before[std::size_t(id)], qPrintable(d.address));
        } else {
            ++changed;
            QVERIFY2(c.state.value(id) == c.scenes.at(0).valueOf(id, c.state),
                     qPrintable(d.address));
            QVERIFY2(c.state.value(id) != before[std::size_t(id)], qPrintable(d.address));
        }
    }
    QCOMPARE(int(differences(c.state, before).size()), changed);
    QVERIFY(safe > 80);
    QCOMPARE(c.text("/ch/03/config/name"),
             std::get<QString>(before[std::size_t(c.id("/ch/03/config/name"))]));
}

void TestScenes::safesPerSection() {
    Console c;
    for (int ch = 1; ch <= 8; ++ch) {
        const QString p = QString("/ch/%1").arg(ch, 2, 10, QChar('0'));
        QVERIFY(c.set(p + "/preamp/trim", 10.0));
        QVERIFY(c.set(p + "/mix/fader", -5.0));
        QVERIFY(c.set(p + "/config/name", QString("In %1").arg(ch)));
    }
    c.scenes.store(0, "S", c.everything());
    resetToDefaults(c.state);
    RecallSafes sectionSafes = c.scenes.safes();
    sectionSafes.sections.set(std::size_t(Section::Preamp));
    sectionSafes.sections.set(std::size_t(Section::Names));
    c.scenes.setSafes(sectionSafes);
    QVERIFY(c.scenes.recall(0));
    for (int ch = 1; ch <= 8; ++ch) {
        const QString p = QString("/ch/%1").arg(ch, 2, 10, QChar('0'));
        QCOMPARE(c.num(p + "/preamp/trim"), 0.0);        // safe
        QCOMPARE(c.text(p + "/config/name"), QString()); // safe
        QCOMPARE(c.num(p + "/mix/fader"), -5.0);
    }
}

void TestScenes::fiveHundredScenesAndTheLimit() {
    Console c(32, 16);
    constexpr int kScenes = 600;
    for (int i = 0; i < kScenes; ++i) {
        const QString ch = QString("/ch/%1").arg(i % 32 + 1, 2, 10, QChar('0'));
        QVERIFY(c.set(ch + "/mix/fader", -double(i % 60) - 0.5));
        QVERIFY(c.set(ch + "/config/name", QString("S%1").arg(i)));
        c.set(QString("/bus/%1/mix/fader").arg(i % 16 + 1, 2, 10, QChar('0')), -double(i % 7));
        QCOMPARE(c.scenes.store(i, QString("Song %1").arg(i), c.everything()), i + 1);
    }
    QCOMPARE(c.scenes.count(), kScenes);
    const Signal block(64, 0.0f);
    for (int k = 0; k < kScenes; ++k) {
        const int i = int((std::int64_t(k) * 7919) % kScenes); // every scene, scrambled
        QVERIFY(c.scenes.recall(i));
        c.rig.run(0, block); // lets the engine take the commands
        const Scene& s = c.scenes.at(i);
        const QString ch = QString("/ch/%1").arg(i % 32 + 1, 2, 10, QChar('0'));
        QCOMPARE(c.num(ch + "/mix/fader"), -double(i % 60) - 0.5);
        QCOMPARE(c.text(ch + "/config/name"), QString("S%1").arg(i));
        for (ParamId id = 0; id < c.registry.count(); ++id)
            if (c.state.value(id) != s.valueOf(id, c.state))
                QFAIL(qPrintable(QString("scene %1: %2").arg(i).arg(c.registry.at(id).address)));
    }
    QCOMPARE(c.rig.engine().stats().commandsRejected, std::uint64_t(0));

    while (c.scenes.count() < kMaxScenes)
        QVERIFY(c.scenes.store(c.scenes.count(), "more", c.everything()) > 0);
    QCOMPARE(c.scenes.store(kMaxScenes, "one too many", c.everything()), -1);
    QCOMPARE(c.scenes.count(), kMaxScenes);
    QVERIFY(c.scenes.store(kMaxScenes - 1, "replacing is fine", c.everything()) > 0);
    std::set<int> ids;
    for (const Scene& s : c.scenes.scenes())
        ids.insert(s.id);
    QCOMPARE(int(ids.size()), kMaxScenes);
}

void TestScenes::renameDeleteReorderKeepCues() {
    Console c;
    std::vector<int> ids; // A..E with ch 01 fader -1..-5
    for (int i = 0; i < 5; ++i) {
        QVERIFY(c.set("/ch/01/mix/fader", -double(i + 1)));
        ids.push_back(c.scenes.store(i, QString(QChar('A' + i)), c.everything()));
    }
    const int A = ids[0], B = ids[1], C = ids[2], D = ids[3], E = ids[4];
    QVERIFY(c.scenes.setCues({{B, "one"}, {D, "two"}, {B, "three"}, {E, "four"}}));
    QVERIFY(!c.scenes.setCues({{B, ""}, {999, ""}})); // unknown scene
    QVERIFY(!c.scenes.setCues({{B, ""}}, 2));         // position past the end
    QCOMPARE(c.scenes.cues().size(), std::size_t(4));

    QVERIFY(c.scenes.move(1, 4)); // A C D E B
    QVERIFY(!c.scenes.move(0, 5));
    QCOMPARE(c.scenes.indexOfId(B), 4);
    QCOMPARE(c.scenes.indexOfId(C), 1);
    QVERIFY(c.scenes.move(4, 0)); // B A C D E
    QVERIFY(c.scenes.move(0, 4)); // A C D E B
    QCOMPARE(c.scenes.at(0).id, A);
    QCOMPARE(c.scenes.at(3).id, E);
    QVERIFY(c.scenes.rename(4, "B2"));
    QVERIFY(!c.scenes.rename(5, "nope"));
    QCOMPARE(c.scenes.at(c.scenes.indexOfId(B)).name, QString("B2"));
    QVERIFY(c.scenes.setFadeTime(4, 3));
    QVERIFY(!c.scenes.setFadeTime(4, kMaxFadeSeconds + 1));
    QCOMPARE(c.scenes.at(4).fadeSeconds, 3.0);

    QVERIFY(c.set("/ch/01/mix/fader", 0.0));
    QVERIFY(c.scenes.go()); // cue "one" is still scene B after the reorder
    QCOMPARE(c.num("/ch/01/mix/fader"), -2.0);
    QCOMPARE(c.scenes.cuePosition(), 1);

    // Removing D takes its cue; the position moves on to the cue after it.
    QVERIFY(c.scenes.remove(c.scenes.indexOfId(D)));
    QCOMPARE(c.scenes.count(), 4);
    QCOMPARE(c.scenes.indexOfId(D), -1);
    QCOMPARE(c.scenes.cues().size(), std::size_t(3));
    QCOMPARE(c.scenes.cues()[1].label, QString("three"));
    QCOMPARE(c.scenes.cuePosition(), 1);
    QVERIFY(c.scenes.go());
    QCOMPARE(c.num("/ch/01/mix/fader"), -2.0);
    QVERIFY(c.scenes.go());
    QCOMPARE(c.num("/ch/01/mix/fader"), -5.0);

    // Removing a scene whose cue is before the position keeps the same next cue.
    QVERIFY(c.scenes.setCues({{A, "a"}, {C, "c"}, {E, "e"}}, 2));
    QVERIFY(c.scenes.remove(c.scenes.indexOfId(C)));
    QCOMPARE(c.scenes.cuePosition(), 1);
    QCOMPARE(c.scenes.cues()[1].sceneId, E);
    // Removing the scene of the last cue while at the end stays at the end.
    QVERIFY(c.scenes.setCuePosition(2));
    QVERIFY(c.scenes.remove(c.scenes.indexOfId(E)));
    QCOMPARE(c.scenes.cuePosition(), 1);
    QCOMPARE(c.scenes.cues().size(), std::size_t(1));
    QVERIFY(!c.scenes.remove(-1));
    QVERIFY(!c.scenes.remove(c.scenes.count()));
}

void TestScenes::cueListGoNextPreviousEnd() {
    Console c;
    std::vector<int> ids;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(c.set("/ch/02/mix/fader", -10.0 * (i + 1)));
        ids.push_back(c.scenes.store(i, QString("S%1").arg(i), c.everything()));
    }
    QVERIFY(c.set("/ch/02/mix/fader", 0.0));
    QVERIFY(c.scenes.setCues({{ids[0], "1"}, {ids[1], "2"}, {ids[2], "3"}}));
    QCOMPARE(c.scenes.cuePosition(), 0);
    QVERIFY(!c.scenes.previous());
    QCOMPARE(c.scenes.cuePosition(), 0);

    QVERIFY(c.scenes.go());
    QCOMPARE(c.num("/ch/02/mix/fader"), -10.0);
    QCOMPARE(c.scenes.cuePosition(), 1);
    QVERIFY(c.scenes.next()); // moves without recalling
    QCOMPARE(c.scenes.cuePosition(), 2);
    QCOMPARE(c.num("/ch/02/mix/fader"), -10.0);
    QVERIFY(c.scenes.previous());
    QCOMPARE(c.scenes.cuePosition(), 1);
    QCOMPARE(c.num("/ch/02/mix/fader"), -10.0);
    QVERIFY(c.scenes.go());
    QCOMPARE(c.num("/ch/02/mix/fader"), -20.0);
    QVERIFY(c.scenes.go());
    QCOMPARE(c.num("/ch/02/mix/fader"), -30.0);
    QCOMPARE(c.scenes.cuePosition(), 3);

    // At the end: GO does nothing, next is clamped.
    QVERIFY(c.set("/ch/02/mix/fader", -1.0));
    QVERIFY(!c.scenes.go());
    QVERIFY(!c.scenes.next());
    QCOMPARE(c.scenes.cuePosition(), 3);
    QCOMPARE(c.num("/ch/02/mix/fader"), -1.0);
    QVERIFY(c.scenes.previous());
    QCOMPARE(c.scenes.cuePosition(), 2);
    QVERIFY(!c.scenes.setCuePosition(4));
    QVERIFY(c.scenes.setCuePosition(0));
    QVERIFY(c.scenes.go());
    QCOMPARE(c.num("/ch/02/mix/fader"), -10.0);
}

void TestScenes::undoRecallRestoresExactlyAndTheEngineFollows() {
    Console c;
    fill(c.state, 0.8, "B");
    c.scenes.store(0, "B", c.everything());
    resetToDefaults(c.state);
    for (const auto& [address, value] : kManyKinds)
        QVERIFY(c.set(address, value));
    QVERIFY(c.set("/ch/01/mix/fader", -10.0));
    QVERIFY(c.set("/ch/01/mix/on", 1.0));
    QVERIFY(c.set("/ch/01/mix/st", 1.0));
    QVERIFY(c.set("/ch/01/mix/pan", -100.0));
    QVERIFY(c.set("/ch/01/preamp/hpon", 0.0)); // passes the DC
    const auto a = snapshot(c.state);
    const double levelA = c.mainLeftDb(0); // trim 6.5, fader -10, main -2
    QVERIFY2(std::fabs(levelA - (-5.5)) < 0.05, qPrintable(QString::number(levelA)));

    QVERIFY(!c.scenes.canUndoRecall());
    QVERIFY(c.scenes.recall(0));
    int differing = 0; // where scene B differs from state A
    // In scope: all but the soundcheck's.
    for (ParamId id = 0; id < c.registry.count(); ++id)
        differing += c.registry.at(id).section != Section::Soundcheck &&
                             c.scenes.at(0).valueOf(id, c.state) != a[std::size_t(id)]
                         ? 1
                         : 0;
    QVERIFY(differing > c.registry.count() / 2);
    QCOMPARE(int(differences(c.state, a).size()), differing);
    const double levelB = c.mainLeftDb(0);
    QVERIFY2(std::fabs(levelB - levelA) > 1, qPrintable(QString::number(levelB)));

    QVERIFY(c.scenes.canUndoRecall());
    QVERIFY(c.scenes.undoRecall());
    QVERIFY(!c.scenes.canUndoRecall());
    QVERIFY(!c.scenes.undoRecall());
    QCOMPARE(differences(c.state, a).size(), std::size_t(0));
    // B had compressors on: give their envelopes (A: release 300 ms) time to let go.
    c.mainLeftDb(0, 2 * kSecond);
    const double levelUndone = c.mainLeftDb(0);
    QVERIFY2(std::fabs(levelUndone - levelA) < 0.05, qPrintable(QString::number(levelUndone)));
}

void TestScenes::undoStore() {
    Console c;
    QVERIFY(c.set("/ch/01/mix/fader", -3.0));
    const int first = c.scenes.store(0, "first", c.everything(), 1);
    QVERIFY(c.scenes.canUndoStore());
    const Scene original = c.scenes.at(0);

    // Undo of an appending store removes the new scene.
    QVERIFY(c.set("/ch/01/mix/fader", -6.0));
    const int second = c.scenes.store(1, "second", c.everything());
    QVERIFY(second != first);
    QVERIFY(c.scenes.undoStore());
    QCOMPARE(c.scenes.count(), 1);
    QCOMPARE(c.scenes.indexOfId(second), -1);
    QVERIFY(!c.scenes.canUndoStore());
    QVERIFY(!c.scenes.undoStore());

    // Undo of a store over a scene puts back the one that was there.
    QVERIFY(c.set("/ch/01/mix/fader", -9.0));
    QCOMPARE(c.scenes.store(0, "overwritten", c.everything(), 4), first); // keeps its id
    QCOMPARE(c.scenes.at(0).name, QString("overwritten"));
    QVERIFY(c.scenes.undoStore());
    QVERIFY(c.scenes.at(0) == original);
    QCOMPARE(std::get<double>(c.scenes.at(0).values.at(c.id("/ch/01/mix/fader"))), -3.0);

    // New ids are never reused, even after an undone append.
    QVERIFY(c.scenes.store(1, "third", c.everything()) > second);
    // The stored scene went away: nothing to undo.
    QVERIFY(c.scenes.remove(1));
    QVERIFY(!c.scenes.undoStore());
}

void TestScenes::observersHearRecallChangesOnly() {
    Console c;
    Recorder osc, screen;
    const SourceId oscId = c.state.addSource("osc", &osc);
    c.state.addSource("screen", &screen);
    const auto set = [&](const QString& a, const ParameterValue& v) {
        QVERIFY(c.state.set(a, v, oscId).ok());
    };
    set("/ch/01/mix/fader", -10.0);
    set("/ch/01/config/name", QString("Kick"));
    set("/ch/01/preamp/trim", 3.0);
    set("/ch/01/mix/pan", -50.0);
    c.scenes.store(0, "S", c.everything());
    set("/ch/01/mix/fader", -20.0);
    set("/ch/01/config/name", QString("Snare"));
    QCOMPARE(osc.calls.size(), std::size_t(0)); // its own changes are not echoed
    screen.calls.clear();

    QVERIFY(c.scenes.recall(0));
    for (Recorder* r : {&osc, &screen}) {
        QCOMPARE(r->calls.size(), std::size_t(2));
        QCOMPARE(std::get<0>(r->calls[0]), c.id("/ch/01/config/name"));
        QCOMPARE(std::get<QString>(std::get<1>(r->calls[0])), QString("Kick"));
        QCOMPARE(std::get<0>(r->calls[1]), c.id("/ch/01/mix/fader"));
        QCOMPARE(std::get<double>(std::get<1>(r->calls[1])), -10.0);
        for (const auto& call : r->calls)
            QCOMPARE(std::get<2>(call), kInternalSource);
    }
    // A recall that changes nothing tells nobody anything.
    QVERIFY(c.scenes.recall(0));
    QCOMPARE(osc.calls.size(), std::size_t(2));
}

void TestScenes::linkedPairIsNotMirroredDuringRecall() {
    Console c;
    QVERIFY(c.set("/ch/01/mix/fader", -4.0));
    QVERIFY(c.set("/ch/02/mix/fader", -8.0));
    c.scenes.store(0, "unlinked", c.everything());
    QVERIFY(c.set("/config/chlink/1-2", 1.0));
    QVERIFY(c.set("/ch/01/mix/fader", -20.0)); // mirrored by the model
    QCOMPARE(c.num("/ch/02/mix/fader"), -20.0);
    // Recalled values are per parameter: each side gets its own.
    RecallScope faders = c.everything();
    faders.sections.reset().set(std::size_t(Section::FaderMute));
    QVERIFY(c.scenes.setScope(0, faders));
    QVERIFY(c.scenes.recall(0));
    QCOMPARE(c.num("/ch/01/mix/fader"), -4.0);
    QCOMPARE(c.num("/ch/02/mix/fader"), -8.0);
    QCOMPARE(c.num("/config/chlink/1-2"), 1.0); // routing out of scope
}

void TestScenes::replaceAllValidatesAndKeepsHooks() {
    Console c;
    Scene s;
    s.id = 7;
    s.name = "Loaded";
    s.scope = c.everything();
    s.values[c.id("/ch/01/mix/fader")] = -3.0;
    s.midiProgram = 5;
    s.oscMessages = QStringList{"/lights/go 1"};
    Scene dup = s;
    QVERIFY(!c.scenes.replaceAll({s, dup}, {}, 0, c.scenes.safes()));   // duplicate id
    QVERIFY(!c.scenes.replaceAll({s}, {{8, ""}}, 0, c.scenes.safes())); // unknown cue scene
    QVERIFY(!c.scenes.replaceAll({s}, {{7, ""}}, 2, c.scenes.safes())); // bad position
    QCOMPARE(c.scenes.count(), 0);
    RecallSafes safes = RecallSafes::nothing(c.registry.size());
    safes.strips.channels[5] = true;
    QVERIFY(c.scenes.replaceAll({s}, {{7, "go"}}, 1, safes));
    QCOMPARE(c.scenes.count(), 1);
    QCOMPARE(c.scenes.cuePosition(), 1);
    QVERIFY(c.scenes.safes() == safes);

    QVERIFY(c.set("/ch/01/mix/fader", -9.0));
    QCOMPARE(c.scenes.store(0, "Restored", c.everything()), 7); // keeps id and hooks
    QCOMPARE(c.scenes.at(0).midiProgram, std::optional<int>(5));
    QCOMPARE(c.scenes.at(0).oscMessages, QStringList{"/lights/go 1"});
    QCOMPARE(c.scenes.store(1, "new", c.everything()), 8); // ids go on after the largest
}

// With the engine rendering flat out on another thread, a recall that changes
// every parameter of a 128-input console is applied in one block.
void TestScenes::recallIsOneEngineTransaction() {
    ParameterRegistry registry({128, 16});
    engine::Engine engine(engine::EngineConfig{128, 16, 48000});
    engine::OfflineRenderer renderer(engine, 64);
    ConsoleState state(registry, &engine);
    SceneList scenes(state);
    std::uint64_t posted = fill(state, 0.8, "B");
    scenes.store(0, "B", RecallScope::everything(registry.size()));
    posted += fill(state, 0.2, "A");

    std::uint64_t expected = 0; // engine commands of recalling B now
    for (ParamId id = 0; id < registry.count(); ++id)
        if (registry.at(id).mapping != EngineMapping::None &&
            registry.at(id).section != Section::Soundcheck && // outside the scope
            scenes.at(0).valueOf(id, state) != state.value(id))
            ++expected;
    QVERIFY2(expected > 10000, qPrintable(QString::number(expected)));

    std::atomic<bool> stop{false};
    std::thread audio([&] {
        while (!stop.load(std::memory_order_relaxed))
            renderer.renderBlock();
    });
    // The engine logs each block that applied commands (after counting them in
    // its stats): read the log until it accounts for 'total' commands.
    const auto collect = [&](std::uint64_t total, std::chrono::milliseconds timeout) {
        std::vector<engine::AppliedRecord> records;
        std::uint64_t sum = 0;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (sum < total && std::chrono::steady_clock::now() < deadline) {
            engine.drainAppliedLog([&](const engine::AppliedRecord& r) {
                records.push_back(r);
                sum += r.commands;
            });
            std::this_thread::yield();
        }
        return records;
    };
    const auto sum = [](const std::vector<engine::AppliedRecord>& records) {
        std::uint64_t n = 0;
        for (const auto& r : records)
            n += r.commands;
        return n;
    };
    // Everything posted so far reaches the engine first.
    const std::uint64_t setup = sum(collect(posted, std::chrono::seconds(10)));
    const auto before = engine.stats();

    QVERIFY(scenes.recall(0));
    std::vector<engine::AppliedRecord> records = collect(expected, std::chrono::seconds(10));
    for (const auto& r : collect(1, std::chrono::milliseconds(50))) // nothing else arrives
        records.push_back(r);
    stop = true;
    audio.join();

    QCOMPARE(setup, posted);
    QCOMPARE(records.size(), std::size_t(1));
    QCOMPARE(std::uint64_t(records[0].commands), expected);
    QVERIFY(records[0].block >= before.blocks);
    QCOMPARE(engine.stats().commandsRejected, std::uint64_t(0));
    qInfo("recall of %llu engine commands applied in one block, %llu blocks after recall() began",
          static_cast<unsigned long long>(expected),
          static_cast<unsigned long long>(records[0].block - before.blocks));
}

// Runs last: the engine's sample-accurate fade. DC into channel 1, panned
// hard left; the fader goes 0 -> -40 dB over a 1.0 s scene fade.
void TestScenes::fadeFollowsTheLineInDbAndATakeoverIsClean() {
    Console c(2, 2);
    QVERIFY(c.set("/ch/01/mix/pan", -100.0));
    QVERIFY(c.set("/ch/01/mix/fader", -40.0));
    c.scenes.store(0, "down", c.everything(), 1.0);
    QVERIFY(c.set("/ch/01/mix/fader", 0.0));
    c.scenes.store(1, "up", c.everything(), 1.0);
    QVERIFY(std::fabs(c.mainLeftDb(0)) < 0.01);

    QVERIFY(c.scenes.recall(0));
    auto out = c.rig.run(0, test::constant(kInDb, kSecond + kSecond / 4))[kMainLeftOutput];
    QVERIFY2(std::fabs(gainDb(out[0])) < 0.01, qPrintable(QString::number(gainDb(out[0]))));
    for (double at : {0.1, 0.5, 0.9}) {
        const double level = gainDb(out[std::size_t(at * kSecond)]);
        QVERIFY2(std::fabs(level - (-40.0 * at)) < 0.1,
                 qPrintable(QString("at %1: %2 dB").arg(at).arg(level)));
    }
    const double settled = test::rmsDb(out, kSecond / 10) - kInDb;
    QVERIFY2(std::fabs(settled - (-40.0)) < 0.01, qPrintable(QString::number(settled)));
    QCOMPARE(firstTurn(out, -1), -1); // a glide down, never a step back up

    // Back up to 0 dB; then half way down (-20 dB) a recall of "up" takes over.
    QVERIFY(c.scenes.recall(1));
    c.rig.run(0, test::constant(kInDb, kSecond + kSecond / 4));
    QVERIFY(std::fabs(c.mainLeftDb(0)) < 0.01);
    QVERIFY(c.scenes.recall(0));
    const auto first = c.rig.run(0, test::constant(kInDb, kSecond / 2))[kMainLeftOutput];
    const double takeoverDb = gainDb(first.back());
    QVERIFY2(std::fabs(takeoverDb - (-20.0)) < 0.1, qPrintable(QString::number(takeoverDb)));
    QVERIFY(c.scenes.recall(1));
    out = c.rig.run(0, test::constant(kInDb, kSecond + kSecond / 4))[kMainLeftOutput];
    QVERIFY2(std::fabs(gainDb(out[0]) - takeoverDb) < 0.01,
             qPrintable(QString("jump from %1 to %2 dB").arg(takeoverDb).arg(gainDb(out[0]))));
    // From where it was, a straight line in dB to 0 dB over the new fade time.
    for (double at : {0.1, 0.5, 0.9}) {
        const double level = gainDb(out[std::size_t(at * kSecond)]);
        const double line = takeoverDb * (1.0 - at);
        QVERIFY2(std::fabs(level - line) < 0.1,
                 qPrintable(QString("at %1: %2 dB, line %3 dB").arg(at).arg(level).arg(line)));
    }
    QCOMPARE(firstTurn(out, +1), -1);
    QVERIFY(std::fabs(test::rmsDb(out, kSecond / 10) - kInDb) < 0.01);
}

void TestScenes::listenerHearsStoresRecallsAndEdits() {
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, nullptr);
    SceneList list(state);
    std::vector<SceneListEvent> heard;
    list.addListener([&](SceneListEvent e) { heard.push_back(e); });
    const RecallScope all = RecallScope::everything(registry.size());
    QCOMPARE(list.store(0, "A", all), 1);
    QVERIFY(list.rename(0, "A2"));
    QVERIFY(list.recall(0));
    QVERIFY(list.undoRecall());
    QVERIFY(!list.recall(5)); // refused: nothing heard
    QVERIFY(list.setCues({{1, "one"}}, 0));
    QVERIFY(list.go());
    using E = SceneListEvent;
    const std::vector<E> expected{E::Stored,   E::Edited, E::Recalled,
                                  E::Recalled, E::Edited, E::Recalled};
    QVERIFY(heard == expected);
}

void TestScenes::severalListenersAndTheRecalledScene() {
    ParameterRegistry registry({8, 4});
    ConsoleState state(registry, nullptr);
    SceneList list(state);
    const RecallScope all = RecallScope::everything(registry.size());
    QCOMPARE(list.store(0, "A", all), 1);
    QCOMPARE(list.store(1, "B", all), 2);
    // Each listener hears every event, in the order they were added; the
    // recalled scene's index is known during a recall, -1 during an undo.
    std::vector<QString> heard;
    const auto first = list.addListener([&](SceneListEvent e) {
        heard.push_back(QStringLiteral("1:%1:%2").arg(int(e)).arg(list.recalledIndex()));
    });
    list.addListener([&](SceneListEvent e) {
        heard.push_back(QStringLiteral("2:%1:%2").arg(int(e)).arg(list.recalledIndex()));
    });
    QVERIFY(list.recall(1));
    QVERIFY(list.undoRecall());
    const int recalled = int(SceneListEvent::Recalled);
    const std::vector<QString> expected{
        QStringLiteral("1:%1:1").arg(recalled), QStringLiteral("2:%1:1").arg(recalled),
        QStringLiteral("1:%1:-1").arg(recalled), QStringLiteral("2:%1:-1").arg(recalled)};
    QCOMPARE(heard, expected);
    QCOMPARE(list.recalledIndex(), -1); // only during the notification

    // A removed listener hears nothing more, also when it is removed by
    // another listener in the middle of a notification.
    heard.clear();
    list.removeListener(first);
    QVERIFY(list.rename(0, "A2"));
    QCOMPARE(heard.size(), std::size_t(1));
    int lateHeard = 0;
    SceneList::ListenerId late = 0;
    list.addListener([&](SceneListEvent) { list.removeListener(late); });
    late = list.addListener([&](SceneListEvent) { ++lateHeard; });
    QVERIFY(list.rename(0, "A3"));
    QCOMPARE(lateHeard, 0);
}

QTEST_GUILESS_MAIN(TestScenes)
#include "tst_scenes.moc"
