// The control ports of inserted plugins as parameters of the address space
// (/ch/01/insert/1/par/gain): their descriptors from the plugin's metadata,
// a change over OSC (real UDP on 127.0.0.1) that changes the measured
// output, scene store and recall within and outside their scope, show
// files on disk (saved, loaded at start and opened while running), a show
// with a missing plugin written back unchanged, and the retirement of the
// controls when the plugin leaves its slot. Real plugins: Debian's eg-amp
// (its 'gain' port is in dB, so levels are exact) and the project's test
// plugin; the engine runs offline.

#include "ConsoleSession.h"
#include "InsertHost.h"
#include "MeterHub.h"
#include "OscServer.h"
#include "PluginControls.h"
#include "PluginParameters.h"
#include "PluginWorld.h"
#include "ShowFile.h"
#include "ShowJsonWriter.h"
#include "support/OfflineRig.h"
#include "support/OscTestClient.h"
#include "support/TestPlugins.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace stagedesk;
using app::InsertHost;
using scenes::kNoParam;
using scenes::ParamId;
using Status = app::InsertHost::SlotStatus;

namespace {

constexpr const char* kSlot = "/ch/01/insert/1";
constexpr const char* kGain = "/ch/01/insert/1/par/gain";
constexpr const char* kMissingUri = "urn:stagedesk:plugins:not-installed";
constexpr double kInputDb = -20;
// Channel 1 at 0 dB, panned centre (-3 dB) into main L: the level with
// eg-amp at 0 dB.
constexpr double kDryMainDb = kInputDb - 3.0103 - 3.0103;

surfaces::osc::OscSettings loopbackSettings() {
    surfaces::osc::OscSettings s = surfaces::osc::OscSettings::withDefaultRules();
    s.port = 0;
    s.bind = QHostAddress(QHostAddress::LocalHost);
    return s;
}

// A console of 4 inputs and 2 buses offline, with its insert host and OSC
// server, wired as stagedesk wires them.
struct Desk {
    Desk(const scenes::ShowDocument& show, plugins::PluginWorld* world)
        : session(show, &rig.engine()),
          host(session.state(), rig.engine(), world, session.loadedPlugins()),
          osc(session.state(), &session.sceneList(), nullptr, loopbackSettings()) {
        session.attachInsertHost(&host);
        QString error;
        if (!osc.start(&error))
            qFatal("%s", qPrintable(error));
    }
    // Main L's level of a 1 kHz sine into channel 1.
    double mainDb() {
        const double db = test::sineRmsDb(rig.run(0, test::sine(1000, kInputDb, 24000))[0], 1000);
        host.poll();
        return db;
    }
    scenes::ConsoleState& state() { return session.state(); }
    const scenes::ParameterRegistry& registry() { return session.state().registry(); }
    ParamId id(const QString& address) { return registry().find(address); }
    bool set(const QString& address, const scenes::ParameterValue& value) {
        return state().set(address, value, scenes::kInternalSource).ok();
    }
    double number(const QString& address) { return state().number(id(address)); }
    bool putAmp() {
        return set(QString(kSlot) + "/plugin", QString(test::kEgAmp)) &&
               QTest::qWaitFor([this] { return host.status(kSlot) == Status::Running; });
    }

    test::OfflineRig rig{4, 2};
    app::ConsoleSession session;
    InsertHost host;
    surfaces::osc::OscServer osc;
};

scenes::ShowDocument emptyShow() {
    scenes::ShowDocument show;
    show.console = {4, 2};
    show.safes = scenes::RecallSafes::nothing(show.console);
    show.state.emplace("/ch/01/mix/fader", 0.0);
    return show;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The text of every scene's "plugins" member and the show's, in file order.
QList<QByteArray> pluginMembers(const QByteArray& file) {
    QList<QByteArray> members;
    for (qsizetype at = file.indexOf("\"plugins\""); at >= 0;
         at = file.indexOf("\"plugins\"", at + 1)) {
        // To the closing brace of the member's object, by nesting depth.
        int depth = 0;
        qsizetype end = file.indexOf('{', at);
        for (; end < file.size(); ++end) {
            depth += file[end] == '{' ? 1 : file[end] == '}' ? -1 : 0;
            if (depth == 0)
                break;
        }
        members << file.mid(at, end - at + 1);
    }
    return members;
}

} // namespace

class TestPluginParams : public QObject {
    Q_OBJECT

    std::unique_ptr<plugins::PluginWorld> m_world;

private slots:
    void initTestCase() {
        test::useTestLv2Path();
        m_world = std::make_unique<plugins::PluginWorld>();
        QVERIFY(m_world->find(test::kEgAmp));
        QVERIFY(m_world->find(test::kTestPlugin));
        QVERIFY(!m_world->find(kMissingUri));
    }

    // eg-amp's gain: -90..24 dB, default 0, linear, in the inserts section of
    // channel 1, added as the plugin goes in. The test plugin's ports give
    // the other tapers: 'mode' an enumeration with a label for each value,
    // 'latency' whole numbers, 'work' linear; its outputs are not parameters.
    void controlsAreParametersWithThePortsRanges() {
        Desk desk(emptyShow(), m_world.get());
        QCOMPARE(desk.id(kGain), kNoParam);
        QVERIFY(desk.putAmp());
        const ParamId gain = desk.id(kGain);
        QVERIFY(gain != kNoParam);
        const scenes::ParameterDescriptor& d = desk.registry().at(gain);
        QCOMPARE(d.min, -90.0);
        QCOMPARE(d.max, 24.0);
        QCOMPARE(d.defaultValue, 0.0);
        QCOMPARE(d.unit, QString("dB"));
        QCOMPARE(d.taper, scenes::Taper::Linear);
        QCOMPARE(d.section, scenes::Section::Inserts);
        QCOMPARE(d.strip, scenes::StripKind::Channel);
        QCOMPARE(d.stripIndex, 0);
        QVERIFY(d.dynamic && !d.retired && !d.isStored());
        QCOMPARE(desk.number(kGain), 0.0);
        QCOMPARE(desk.registry().subtree(QString(kSlot) + "/par"), std::vector<ParamId>{gain});

        const QString bus = "/bus/02/insert/3";
        QVERIFY(desk.set(bus + "/plugin", QString(test::kTestPlugin)));
        const ParamId mode = desk.id(bus + "/par/mode");
        const ParamId latency = desk.id(bus + "/par/latency");
        const ParamId work = desk.id(bus + "/par/work");
        QVERIFY(mode != kNoParam && latency != kNoParam && work != kNoParam);
        QCOMPARE(desk.registry().at(mode).taper, scenes::Taper::Enum);
        QCOMPARE(desk.registry().at(mode).enumNames, QStringList({"pass", "NaN", "stall 5 ms"}));
        QCOMPARE(desk.registry().at(mode).strip, scenes::StripKind::Bus);
        QCOMPARE(desk.registry().at(mode).stripIndex, 1);
        QCOMPARE(desk.registry().at(latency).taper, scenes::Taper::Int);
        QCOMPARE(desk.registry().at(latency).max, 4096.0);
        QCOMPARE(desk.registry().at(work).taper, scenes::Taper::Linear);
        QCOMPARE(desk.id(bus + "/par/latency_out"), kNoParam);
        QCOMPARE(desk.registry().subtree(bus + "/par").size(), std::size_t(3));
    }

    // Gain set over OSC to -6 dB (the normalized float an X32 client sends):
    // the model holds -6, main drops by 6.00 dB, and a client reads -6 back.
    void oscSetChangesTheMeasuredOutput() {
        Desk desk(emptyShow(), m_world.get());
        QVERIFY(desk.putAmp());
        const double atZero = desk.mainDb();
        const scenes::ParameterDescriptor& d = desk.registry().at(desk.id(kGain));
        test::OscTestClient client(desk.osc.port());
        client.sendFloat(kGain, float(d.toNormalized(-6)));
        QVERIFY(client.sync());
        QVERIFY(std::fabs(desk.number(kGain) + 6) < 1e-4);
        QCOMPARE(desk.host.control(kSlot, "gain").value_or(0), float(desk.number(kGain)));
        const double atMinusSix = desk.mainDb();

        client.send(kGain);
        const auto reply = client.waitFor(kGain);
        QVERIFY(reply);
        const double readBack = d.fromNormalized(reply->f());
        client.sendString("/node", "ch/01/insert/1/par");
        const auto node = client.waitFor("node");
        QVERIFY(node);
        qInfo("eg-amp over OSC: main L %.3f dBFS at 0 dB, %.3f at -6 dB (drop %.3f dB); read back "
              "%.6f normalized = %.4f dB; /node: %s",
              atZero, atMinusSix, atZero - atMinusSix, double(reply->f()), readBack,
              node->s().c_str());
        QVERIFY(std::fabs(atZero - kDryMainDb) < 0.01);
        QVERIFY(std::fabs(atZero - atMinusSix - 6) < 0.005);
        QVERIFY(std::fabs(reply->f() - float(84.0 / 114.0)) < 1e-6);
        QVERIFY(std::fabs(readBack + 6) < 1e-4);
        QCOMPARE(QString::fromStdString(node->s()).trimmed(), QString("/ch/01/insert/1/par -6"));
    }

    // A scene stored at -12 dB, the gain set to 0, the scene recalled: -12
    // again in the model and at main. A scene whose scope leaves out the
    // inserts, or a recall-safe channel, leaves the gain alone; one whose
    // slot was emptied since puts eg-amp back and builds it at the scene's
    // -12 dB.
    void sceneRecallSetsThePluginsControls() {
        Desk desk(emptyShow(), m_world.get());
        QVERIFY(desk.putAmp());
        scenes::SceneList& scenes = desk.session.sceneList();
        const scenes::RecallScope everything = scenes::RecallScope::everything({4, 2});
        scenes::RecallScope noInserts = everything;
        noInserts.sections.reset(std::size_t(scenes::Section::Inserts));
        QVERIFY(desk.set(kGain, -12.0));
        const quint64 before = desk.state().revision();
        QCOMPARE(scenes.store(0, "gain -12", everything), 1);
        QCOMPARE(scenes.store(1, "no inserts", noInserts), 2);
        QCOMPARE(scenes.at(0).plugins.at(kSlot).controls.at("gain"), -12.0);
        QCOMPARE(scenes.at(0).plugins.at(kSlot).uri, QString(test::kEgAmp));
        QVERIFY(!scenes.at(0).values.count(desk.id(kGain))); // not among the values
        QCOMPARE(desk.state().revision(), before);

        QVERIFY(desk.set(kGain, 0.0));
        QVERIFY(desk.state().revision() > before);
        const double atZero = desk.mainDb();
        QVERIFY(scenes.recall(0));
        QCOMPARE(desk.number(kGain), -12.0);
        const double recalled = desk.mainDb();

        QVERIFY(desk.set(kGain, 0.0));
        QVERIFY(scenes.recall(1));
        QCOMPARE(desk.number(kGain), 0.0);
        const double outsideScope = desk.mainDb();

        QVERIFY(scenes.undoRecall());
        QVERIFY(scenes.recall(0));
        QVERIFY(scenes.undoRecall());
        QCOMPARE(desk.number(kGain), 0.0);
        // Channel 1 recall-safe: its plugin's controls too.
        scenes::RecallSafes safes = scenes.safes();
        safes.strips.channels[0] = true;
        scenes.setSafes(safes);
        QVERIFY(scenes.recall(0));
        QCOMPARE(desk.number(kGain), 0.0);
        scenes.setSafes(scenes::RecallSafes::nothing({4, 2}));

        QVERIFY(desk.set(QString(kSlot) + "/plugin", QString()));
        QCOMPARE(desk.id(kGain), kNoParam);
        QVERIFY(scenes.recall(0));
        QCOMPARE(desk.host.status(kSlot), Status::Loading);
        QCOMPARE(desk.number(kGain), -12.0);
        QTRY_COMPARE(desk.host.status(kSlot), Status::Running);
        const double rebuilt = desk.mainDb();
        qInfo("scenes: main L %.3f dBFS at 0 dB, %.3f after recalling -12 dB, %.3f after a scene "
              "without inserts, %.3f with eg-amp rebuilt by the recall",
              atZero, recalled, outsideScope, rebuilt);
        QVERIFY(std::fabs(atZero - recalled - 12) < 0.005);
        QVERIFY(std::fabs(outsideScope - atZero) < 0.005);
        QVERIFY(std::fabs(atZero - rebuilt - 12) < 0.005);
    }

    // A show saved with the gain at -6 dB and a scene at -12: loaded at start
    // into a new console, and opened into a running one (the screen's Open),
    // the gain is -6 again and main sounds so, and the scene still holds -12.
    void showSaveAndLoadKeepTheControls() {
        QTemporaryDir dir;
        const QString path = dir.filePath("show.json");
        {
            Desk desk(emptyShow(), m_world.get());
            QVERIFY(desk.putAmp());
            QVERIFY(desk.set(kGain, -12.0));
            QCOMPARE(
                desk.session.sceneList().store(0, "quiet", scenes::RecallScope::everything({4, 2})),
                1);
            QVERIFY(desk.set(kGain, -6.0));
            const scenes::ShowDocument show = desk.session.snapshot();
            QCOMPARE(show.plugins.at(kSlot).controls.at("gain"), -6.0);
            QVERIFY(!show.state.count(kGain));
            QCOMPARE(scenes::saveShowFile(path, show, desk.registry(), false), QString());
        }
        const QByteArray file = readAll(path);
        QCOMPARE(pluginMembers(file).size(), 2); // the scene's, then the show's
        QVERIFY(pluginMembers(file)[0].contains("\"gain\": -12"));
        QVERIFY(pluginMembers(file)[1].contains("\"gain\": -6"));

        const scenes::ShowReadResult read = scenes::readShowFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        Desk loaded(*read.show, m_world.get());
        QTRY_COMPARE(loaded.host.status(kSlot), Status::Running);
        QCOMPARE(loaded.number(kGain), -6.0);
        const double atStart = loaded.mainDb();
        QCOMPARE(loaded.session.sceneList().at(0).plugins.at(kSlot).controls.at("gain"), -12.0);

        Desk running(emptyShow(), m_world.get());
        QCOMPARE(running.session.loadShow(path), QString());
        QTRY_COMPARE(running.host.status(kSlot), Status::Running);
        QCOMPARE(running.number(kGain), -6.0);
        const double opened = running.mainDb();
        QVERIFY(running.session.sceneList().recall(0));
        QCOMPARE(running.number(kGain), -12.0);
        const double sceneAfterOpen = running.mainDb();
        qInfo("show file: main L %.3f dBFS loaded at start, %.3f opened while running, %.3f after "
              "its scene (dry %.3f)",
              atStart, opened, sceneAfterOpen, kDryMainDb);
        QVERIFY(std::fabs(atStart - kDryMainDb + 6) < 0.005);
        QVERIFY(std::fabs(opened - kDryMainDb + 6) < 0.005);
        QVERIFY(std::fabs(sceneAfterOpen - kDryMainDb + 12) < 0.005);
    }

    // A show whose plugin is not installed, with plugin states in the show
    // and in its scenes: it loads, registers no controls, and a re-save (also
    // after the scene is stored again) writes those members back unchanged.
    void missingPluginStatesAreWrittenBackUnchanged() {
        scenes::ShowDocument show = emptyShow();
        show.state.emplace(QString(kSlot) + "/plugin", QString(kMissingUri));
        const scenes::SlotPluginState saved{kMissingUri, {{"gain", 0.1}, {"mix", -3.25}}, {}};
        show.plugins.emplace(kSlot, saved);
        scenes::ShowScene scene;
        scene.id = 1;
        scene.name = "verse";
        scene.scope = scenes::RecallScope::everything(show.console);
        scene.values.emplace(QString(kSlot) + "/plugin", QString(kMissingUri));
        scene.plugins.emplace(kSlot, scenes::SlotPluginState{kMissingUri, {{"mix", 7.5}}, {}});
        show.scenes.push_back(scene);
        QTemporaryDir dir;
        const QString path = dir.filePath("missing.json");
        const scenes::ParameterRegistry registry(show.console);
        QCOMPARE(scenes::saveShowFile(path, show, registry, false), QString());
        const QByteArray before = readAll(path);

        const scenes::ShowReadResult read = scenes::readShowFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.show->scenes.at(0).plugins, scene.plugins);
        Desk desk(*read.show, m_world.get());
        QTRY_COMPARE(desk.host.status(kSlot), Status::Missing);
        QVERIFY(desk.registry().subtree(QString(kSlot) + "/par").empty());
        const QByteArray resaved = scenes::writeShowJson(desk.session.snapshot(), registry);
        QVERIFY(desk.session.sceneList().recall(0));
        QCOMPARE(desk.session.sceneList().store(0, "verse", desk.session.sceneList().at(0).scope),
                 1);
        const QByteArray restored = scenes::writeShowJson(desk.session.snapshot(), registry);
        qInfo("missing plugin: %lld plugin members, %lld bytes written back",
              qlonglong(pluginMembers(resaved).size()), qlonglong(resaved.size()));
        QCOMPARE(pluginMembers(before).size(), 2);
        QCOMPARE(pluginMembers(resaved), pluginMembers(before));
        QCOMPARE(resaved, before);
        QCOMPARE(pluginMembers(restored), pluginMembers(before));
    }

    // The scene's plugin states are checked like the show's.
    void scenePluginStatesAreValidated() {
        const QByteArray text = "{\"format\": \"stagedesk-show\", \"schemaVersion\": 1,\n"
                                "\"console\": {\"inputs\": 4, \"buses\": 2},\n"
                                "\"scenes\": [{\"id\": 1, \"values\": {},\n"
                                "  \"plugins\": {\"/ch/01/insert/1\": {\"uri\": \"urn:other\"}}}]}";
        const scenes::ShowReadResult read = scenes::readShowText(text, "show.json");
        qInfo("%s", qPrintable(read.error));
        QVERIFY(!read.ok());
        QVERIFY(read.error.contains("show.json:4: scenes[0].plugins./ch/01/insert/1.uri: the "
                                    "state of a plugin that is not in the slot (values."
                                    "/ch/01/insert/1/plugin is \"\")"));
    }

    // Emptying the slot retires its controls: the address is unknown (OSC
    // answers an error and no value, a SET is refused), the old id refuses
    // changes; eg-amp back in the slot gets the same id.
    void emptyingTheSlotRetiresTheControls() {
        Desk desk(emptyShow(), m_world.get());
        QVERIFY(desk.putAmp());
        const ParamId gain = desk.id(kGain);
        test::OscTestClient client(desk.osc.port());
        client.sendString("/subscribe", kGain);
        QVERIFY(client.waitFor(kGain));

        QVERIFY(desk.set(QString(kSlot) + "/plugin", QString()));
        QCOMPARE(desk.id(kGain), kNoParam);
        QVERIFY(desk.registry().at(gain).retired);
        const scenes::ChangeResult refused = desk.state().set(gain, -6.0, scenes::kInternalSource);
        QVERIFY(!refused.ok());
        QVERIFY(refused.reason.contains("no longer a parameter"));
        client.clear();
        client.send(kGain);
        client.sendFloat(kGain, 0.5f);
        QVERIFY(client.sync());
        const int answers = client.count(kGain);
        const int errors = client.count("/stagedesk/error");

        QVERIFY(desk.putAmp());
        const ParamId again = desk.id(kGain);
        qInfo("retired: id %d, %d answers and %d errors over OSC; eg-amp back: id %d", gain,
              answers, errors, again);
        QCOMPARE(answers, 0);
        QCOMPARE(errors, 2);
        QCOMPARE(again, gain);
        QVERIFY(!desk.registry().at(gain).retired);
        QCOMPARE(desk.number(kGain), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestPluginParams)
#include "tst_pluginparams.moc"
