// The control side of the insert slots: the insert host puts the plugin the
// model names into the engine (offline, exact levels), its state goes into the
// show file and comes back, a show naming a plugin that is not installed
// loads dry and is written back unchanged, a plugin whose output is NaN is
// bypassed and the model's /on shows it, and --no-plugins leaves every slot
// dry. Real plugins: Debian's eg-amp and the project's test plugin.

#include "CheckShow.h"
#include "ConsoleSession.h"
#include "InsertHost.h"
#include "PluginWorld.h"
#include "ShowFile.h"
#include "ShowJsonWriter.h"
#include "ShowValidation.h"
#include "inserts/InsertSlot.h"
#include "support/OfflineRig.h"
#include "support/ShowFileText.h"
#include "support/TestPlugins.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace stagedesk;
using app::ConsoleSession;
using app::InsertHost;
using Status = app::InsertHost::SlotStatus;

namespace {

constexpr const char* kSlot = "/ch/01/insert/1";
constexpr const char* kMissingUri = "urn:stagedesk:plugins:not-installed";
constexpr double kInputDb = -20; // peak: -23.01 dB RMS
// Channel 1 at 0 dB, panned centre (-3 dB) into main L.
constexpr double kDryMainDb = kInputDb - 3.0103 - 3.0103;

// A console of 4 inputs and 2 buses running offline, with the model, the
// insert host and the show's plugin states.
struct Desk {
    explicit Desk(const scenes::ShowDocument& show, plugins::PluginWorld* world)
        : session(show, &rig.engine()),
          host(session.state(), rig.engine(), world, session.loadedPlugins()) {
        session.attachInsertHost(&host);
    }
    // Main L's level of a 1 kHz sine into channel 1, after the host has had
    // its turn (retired processors, faults).
    double mainDb() {
        const double db = test::sineRmsDb(rig.run(0, test::sine(1000, kInputDb, 24000))[0], 1000);
        host.poll();
        return db;
    }
    bool set(const QString& address, const scenes::ParameterValue& value) {
        return session.state().set(address, value, scenes::kInternalSource).ok();
    }
    double number(const QString& address) {
        return session.state().number(session.state().registry().find(address));
    }

    test::OfflineRig rig{4, 2};
    ConsoleSession session;
    InsertHost host;
};

scenes::ShowDocument emptyShow() {
    scenes::ShowDocument show;
    show.console = {4, 2};
    show.safes = scenes::RecallSafes::nothing(show.console);
    show.state.emplace("/ch/01/mix/fader", 0.0);
    return show;
}

// The show with eg-amp in channel 1's first slot at +6 dB, as a file.
scenes::ShowDocument ampShow(const QString& uri, double gainDb) {
    scenes::ShowDocument show = emptyShow();
    show.state.emplace(QString(kSlot) + "/plugin", uri);
    show.plugins.emplace(kSlot, scenes::SlotPluginState{uri, {{"gain", gainDb}}, {}});
    return show;
}

} // namespace

class TestInsertHost : public QObject {
    Q_OBJECT

    std::unique_ptr<plugins::PluginWorld> m_world;

private slots:
    void initTestCase() {
        test::useTestLv2Path();
        m_world = std::make_unique<plugins::PluginWorld>();
        QVERIFY(m_world->find(test::kEgAmp));
        QVERIFY(!m_world->find(kMissingUri));
    }

    // Every strip has four slots in the address space, in Section::Inserts.
    void slotsAreInTheAddressSpace() {
        scenes::ParameterRegistry registry({4, 2});
        for (const QString strip : {"/ch/04", "/bus/02", "/main/st"})
            for (int k = 1; k <= 4; ++k) {
                const QString slot = strip + "/insert/" + QString::number(k);
                for (const char* leaf : {"/on", "/pos", "/plugin"}) {
                    const scenes::ParamId id = registry.find(slot + leaf);
                    QVERIFY2(id != scenes::kNoParam, qPrintable(slot + leaf));
                    QCOMPARE(registry.at(id).section, scenes::Section::Inserts);
                }
                QCOMPARE(registry.at(registry.find(slot + "/pos")).enumNames,
                         QStringList({"PRE", "POST"}));
                QCOMPARE(registry.at(registry.find(slot + "/plugin")).mapping,
                         scenes::EngineMapping::None);
            }
        QCOMPARE(registry.find("/ch/01/insert/5/on"), scenes::kNoParam);
        // The engine's defaults: on (InsertSlot::m_on), after the EQ.
        QCOMPARE(registry.at(registry.find("/bus/01/insert/2/on")).defaultValue, 1.0);
        QCOMPARE(registry.at(registry.find("/bus/01/insert/2/pos")).defaultValue,
                 double(engine::InsertSlot().position()));
        QVERIFY(scenes::RecallScope::everything(registry.size())
                    .includes(registry.at(registry.find("/ch/01/insert/1/plugin"))));
    }

    // Naming eg-amp in the slot puts it in the engine: at its default 0 dB
    // the level is the dry one, at +6 dB main is 6 dB louder; emptying the
    // slot brings the dry level back and the processor is handed back.
    void pluginNamedInTheModelChangesTheOutput() {
        Desk desk(emptyShow(), m_world.get());
        const double dry = desk.mainDb();
        QVERIFY(desk.set(QString(kSlot) + "/plugin", QString(test::kEgAmp)));
        QTRY_COMPARE(desk.host.status(kSlot), Status::Running);
        const double atZero = desk.mainDb();
        QVERIFY(desk.host.setControl(kSlot, "gain", 6));
        const double atSix = desk.mainDb();
        QVERIFY(desk.set(QString(kSlot) + "/plugin", QString()));
        QCOMPARE(desk.host.status(kSlot), Status::Empty);
        const double emptied = desk.mainDb();
        qInfo("main L: dry %.3f, eg-amp 0 dB %.3f, +6 dB %.3f, slot emptied %.3f dBFS", dry, atZero,
              atSix, emptied);
        QVERIFY(std::fabs(dry - kDryMainDb) < 0.01);
        QVERIFY(std::fabs(atZero - dry) < 0.01);
        QVERIFY(std::fabs(atSix - dry - 6) < 0.01);
        QVERIFY(std::fabs(emptied - dry) < 0.01);
    }

    // eg-amp at +6 dB, saved with the show and loaded into a new console:
    // the new instance plays at +6 dB.
    void pluginStateSurvivesSaveAndLoad() {
        QTemporaryDir dir;
        const QString path = dir.filePath("show.json");
        {
            Desk desk(emptyShow(), m_world.get());
            QVERIFY(desk.set(QString(kSlot) + "/plugin", QString(test::kEgAmp)));
            QTRY_COMPARE(desk.host.status(kSlot), Status::Running);
            QVERIFY(desk.host.setControl(kSlot, "gain", 6));
            const scenes::ShowDocument show = desk.session.snapshot();
            QVERIFY(show.plugins.count(kSlot));
            QCOMPARE(show.plugins.at(kSlot).controls.at("gain"), 6.0);
            QCOMPARE(scenes::saveShowFile(path, show, desk.session.state().registry(), false),
                     QString());
        }
        const scenes::ShowReadResult read = scenes::readShowFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        Desk desk(*read.show, m_world.get());
        QTRY_COMPARE(desk.host.status(kSlot), Status::Running);
        QCOMPARE(desk.host.control(kSlot, "gain").value_or(0), 6.0f);
        const double loaded = desk.mainDb();
        qInfo("after save and load: main L %.3f dBFS (dry %.3f)", loaded, kDryMainDb);
        QVERIFY(std::fabs(loaded - kDryMainDb - 6) < 0.01);
    }

    // A show naming a plugin that is not installed loads: the slot is
    // missing, audio passes dry, check-show names it, and a re-save writes
    // the plugin's section back byte for byte.
    void missingPluginLoadsDryAndIsSavedUnchanged() {
        scenes::ShowDocument show = ampShow(kMissingUri, 0.1);
        show.plugins.at(kSlot).controls.emplace("mix", -3.25);
        show.plugins.at(kSlot).lv2State = "@prefix state: <http://lv2plug.in/ns/ext/state#> .\n<> "
                                          "state:preset \"Hall \\\"A\\\"\" .\n";
        QTemporaryDir dir;
        const QString path = dir.filePath("missing.json");
        const scenes::ParameterRegistry registry(show.console);
        QCOMPARE(scenes::saveShowFile(path, show, registry, false), QString());
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();

        const scenes::ShowReadResult read = scenes::readShowFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const QStringList missing = app::missingPlugins(*read.show);
        QCOMPARE(missing.size(), 1);
        QVERIFY(missing[0].startsWith(QString(kSlot) + ": " + kMissingUri + " is not installed"));

        Desk desk(*read.show, m_world.get());
        QTRY_COMPARE(desk.host.status(kSlot), Status::Missing);
        QCOMPARE(desk.host.problem(kSlot), QString("not installed"));
        const double level = desk.mainDb();
        qInfo("missing plugin: main L %.3f dBFS (dry %.3f)", level, kDryMainDb);
        QVERIFY(std::fabs(level - kDryMainDb) < 0.01);

        const QByteArray after = scenes::writeShowJson(desk.session.snapshot(), registry);
        QVERIFY(!test::pluginsSection(before).isEmpty());
        QCOMPARE(test::pluginsSection(after), test::pluginsSection(before));
        QCOMPARE(after, before); // nothing else changed either
    }

    // The test plugin in NaN mode: the engine bypasses the slot, the host
    // reports it and turns the model's /on off; turning it on again runs the
    // plugin again (a second NaN, a second report).
    void nanOutputIsBypassedAndShownInTheModel() {
        Desk desk(emptyShow(), m_world.get());
        const QString on = QString(kSlot) + "/on";
        QSignalSpy messages(&desk.host, &InsertHost::statusMessage);
        QVERIFY(desk.set(QString(kSlot) + "/plugin", QString(test::kTestPlugin)));
        QTRY_COMPARE(desk.host.status(kSlot), Status::Running);
        QCOMPARE(desk.number(on), 1.0);
        QVERIFY(desk.host.setControl(kSlot, "mode", 1));
        const double bypassed = desk.mainDb();
        QCOMPARE(desk.number(on), 0.0);
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages[0][0].toString().contains(QString(kSlot) + "/on"));
        QVERIFY(messages[0][0].toString().contains("/ch/01 insert 1"));
        QVERIFY(desk.host.problem(kSlot).contains("not a finite number"));
        QVERIFY(desk.set(on, 1.0));
        desk.mainDb();
        QCOMPARE(desk.number(on), 0.0);
        QCOMPARE(messages.size(), 2);
        qInfo("NaN plugin: main L %.3f dBFS after the bypass (dry %.3f), %lld reports", bypassed,
              kDryMainDb, qlonglong(messages.size()));
        QVERIFY(std::isfinite(bypassed));
        QVERIFY(std::fabs(bypassed - kDryMainDb) < 0.05);
    }

    // --no-plugins: no PluginWorld; a show with eg-amp at +6 dB plays dry,
    // the slot says so, and its state is kept for the next save.
    void noPluginsLeavesAudioDry() {
        const scenes::ShowDocument show = ampShow(test::kEgAmp, 6);
        Desk desk(show, nullptr);
        QCOMPARE(desk.host.status(kSlot), Status::Disabled);
        const double level = desk.mainDb();
        qInfo("--no-plugins: main L %.3f dBFS (dry %.3f)", level, kDryMainDb);
        QVERIFY(std::fabs(level - kDryMainDb) < 0.01);
        QCOMPARE(desk.session.snapshot().plugins, show.plugins);
    }

    // A console without an insert host (check tools, screen tests) carries
    // the show's plugin states, and drops one when its slot names another
    // plugin, so that the show stays valid to save.
    void sessionWithoutHostCarriesTheStates() {
        test::OfflineRig rig(4, 2);
        const scenes::ShowDocument show = ampShow(test::kEgAmp, 6);
        ConsoleSession session(show, &rig.engine());
        QCOMPARE(session.snapshot().plugins, show.plugins);
        session.state().set(QString(kSlot) + "/plugin", QString(kMissingUri),
                            scenes::kInternalSource);
        const scenes::ShowDocument changed = session.snapshot();
        QVERIFY(changed.plugins.empty());
        QVERIFY(!scenes::validateShow(changed, session.state().registry()));
    }

    // The "plugins" member is validated like the rest of the file.
    void hostilePluginSectionsAreRefused_data() {
        QTest::addColumn<QByteArray>("plugins");
        QTest::addColumn<QString>("error");
        const QByteArray uri = QByteArray("\"") + test::kEgAmp + "\"";
        QTest::newRow("not an object") << QByteArray("[]") << "plugins: an array is not an object";
        QTest::newRow("not a slot") << QByteArray("{\"/ch/01/mix\": {\"uri\": " + uri + "}}")
                                    << "plugins./ch/01/mix: not an insert slot";
        QTest::newRow("uri a number") << QByteArray("{\"/ch/01/insert/1\": {\"uri\": 5}}")
                                      << "plugins./ch/01/insert/1.uri: 5 is not a text";
        QTest::newRow("control a text")
            << QByteArray("{\"/ch/01/insert/1\": {\"uri\": " + uri +
                          ", \"controls\": {\"gain\": \"loud\"}}}")
            << "plugins./ch/01/insert/1.controls.gain: \"loud\" is not a number";
        QTest::newRow("unknown field")
            << QByteArray("{\"/ch/01/insert/1\": {\"uri\": " + uri + ", \"preset\": 1}}")
            << "plugins./ch/01/insert/1.preset: unknown field";
        QTest::newRow("another plugin than the slot's")
            << QByteArray("{\"/ch/01/insert/1\": {\"uri\": \"urn:other\"}}")
            << "plugins./ch/01/insert/1.uri: the state of a plugin that is not in the slot";
        QTest::newRow("huge state")
            << QByteArray("{\"/ch/01/insert/1\": {\"uri\": " + uri + ", \"lv2State\": \"" +
                          QByteArray(2 * 1024 * 1024, 'x') + "\"}}")
            << "plugins./ch/01/insert/1.lv2State: a text of 2097152 characters is longer than "
               "the 1048576 allowed";
        QTest::newRow("huge key") << QByteArray("{\"" + QByteArray(100000, 'k') +
                                                "\": {\"uri\": " + uri + "}}")
                                  << "not an insert slot";
    }
    void hostilePluginSectionsAreRefused() {
        QFETCH(QByteArray, plugins);
        QFETCH(QString, error);
        const QByteArray text = "{\"format\": \"stagedesk-show\", \"schemaVersion\": 1,\n"
                                "\"console\": {\"inputs\": 4, \"buses\": 2},\n"
                                "\"state\": {\"/ch/01/insert/1/plugin\": \"" +
                                QByteArray(test::kEgAmp) + "\"},\n\"plugins\": " + plugins + "}";
        const scenes::ShowReadResult read = scenes::readShowText(text, "show.json");
        qInfo("%s", qPrintable(read.error.left(200)));
        QVERIFY(!read.ok());
        QVERIFY2(read.error.contains(error), qPrintable(read.error.left(300)));
        QVERIFY(read.error.size() < 400); // a hostile key is not quoted whole
    }
};

QTEST_GUILESS_MAIN(TestInsertHost)
#include "tst_inserthost.moc"
