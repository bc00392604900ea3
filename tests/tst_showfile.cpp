// Show files: a full show survives a save and a load unchanged; saving is
// atomic, keeps the previous version, and survives a crash between the write
// and the rename and a full disk; every bad file of the corpus is refused
// with its message and line and the console left as it was; the demo show
// loads; shows of another size need a map; the autosave brings the state
// back after a kill -9 of a real stagedesk.

#include "AtomicFile.h"
#include "Autosave.h"
#include "JsonLocator.h"
#include "SceneList.h"
#include "ShowConsole.h"
#include "ShowFile.h"
#include "ShowJsonWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

#include <sys/resource.h>

using namespace stagedesk::scenes;

namespace {

// A console model without audio.
struct Console {
    explicit Console(ConsoleSize size) : registry(size), state(registry, nullptr), scenes(state) {}
    ParamId id(const QString& address) const {
        const ParamId found = registry.find(address);
        if (found == kNoParam)
            qFatal("no parameter %s", qPrintable(address));
        return found;
    }
    ParameterRegistry registry;
    ConsoleState state;
    SceneList scenes;
};

// Everything a ConsoleState and SceneList hold, to compare before and after.
struct Everything {
    std::vector<ParameterValue> values;
    std::vector<Scene> scenes;
    std::vector<Cue> cues;
    int cuePosition = 0;
    RecallSafes safes;
    quint64 revision = 0;
    bool operator==(const Everything&) const = default;
};

Everything everything(const Console& c) {
    Everything e;
    for (ParamId id = 0; id < c.registry.count(); ++id)
        e.values.push_back(c.state.value(id));
    e.scenes = c.scenes.scenes();
    e.cues = c.scenes.cues();
    e.cuePosition = c.scenes.cuePosition();
    e.safes = c.scenes.safes();
    e.revision = c.state.revision();
    return e;
}

double enumIndex(const Console& c, const QString& address, const QString& name) {
    return double(c.registry.at(c.id(address)).enumNames.indexOf(name));
}

// Many kinds of values: texts with quotes, escapes and non-ASCII letters,
// enumerations, switches, bit masks, -inf faders, odd doubles on log tapers,
// the ends of ranges, a stereo link.
void fillState(Console& c) {
    const std::vector<std::pair<QString, ParameterValue>> values{
        {"/ch/01/config/name", QStringLiteral("Kick \"D112\"")},
        {"/ch/02/config/name", QStringLiteral("Snäre/Tøp")},
        {"/ch/03/config/name", QStringLiteral("a\\b\tc")},
        {"/bus/01/config/name", QStringLiteral("Wedge 1")},
        {"/dca/1/config/name", QStringLiteral("Drums")},
        {"/ch/01/config/color", enumIndex(c, "/ch/01/config/color", "RDi")},
        {"/ch/01/eq/2/type", enumIndex(c, "/ch/01/eq/2/type", "HCut")},
        {"/ch/02/dyn/ratio", enumIndex(c, "/ch/02/dyn/ratio", "100")},
        {"/ch/01/mix/03/tap", enumIndex(c, "/ch/01/mix/03/tap", "PreEQ")},
        {"/ch/01/mix/on", 0.0},
        {"/ch/05/preamp/invert", 1.0},
        {"/config/mute/3", 1.0},
        {"/config/chlink/3-4", 1.0},
        {"/ch/01/grp/dca", double(0b1010101)},
        {"/ch/07/grp/mute", 200.0},
        {"/ch/01/mix/fader", -12.3456789},
        {"/bus/02/mix/fader", kFaderOffDb},
        {"/main/st/mix/fader", 3.25},
        {"/dca/4/fader", -7.5},
        {"/ch/01/eq/3/f", 1234.5678901234},
        {"/ch/01/eq/3/q", 0.7071067811865476},
        {"/ch/01/preamp/hpf", 123.456},
        {"/ch/01/mix/pan", -33.3},
        {"/ch/01/eq/1/g", -14.9},
        {"/ch/01/mix/02/level", -6.02},
        {"/ch/24/mix/08/level", 10.0},
        {"/ch/03/gate/hold", 0.02},
        {"/bus/08/dyn/release", 4000.0},
    };
    for (const auto& [address, value] : values)
        QVERIFY2(c.state.set(address, value, kInternalSource).status ==
                     ChangeResult::Status::Applied,
                 qPrintable(address));
}

// Scenes with every kind of scope, hooks and fade, a cue list and safes.
void fillScenes(Console& c) {
    const ConsoleSize size = c.registry.size();
    Scene verse;
    verse.id = 7;
    verse.name = QStringLiteral("Verse \"1\"");
    verse.notes = QStringLiteral("two\nlines, ünïcode");
    verse.fadeSeconds = 2.5;
    verse.scope = RecallScope::everything(size);
    verse.values = {{c.id("/ch/01/mix/fader"), -10.0},
                    {c.id("/ch/01/config/name"), QStringLiteral("Lead")},
                    {c.id("/ch/01/eq/2/type"), 0.0},
                    {c.id("/ch/02/mix/on"), 0.0}};
    verse.midiProgram = 12;
    verse.oscMessages = {QStringLiteral("/go 1"), QStringLiteral("/scene/7")};

    Scene chorus;
    chorus.id = 3;
    chorus.name = QStringLiteral("Chorus");
    chorus.scope.sections.set(std::size_t(Section::Eq)).set(std::size_t(Section::Sends));
    chorus.scope.strips = StripSet::none(size);
    chorus.scope.strips.channels[0] = chorus.scope.strips.channels[4] = true;
    chorus.scope.strips.buses[1] = true;
    chorus.scope.strips.main = true;
    chorus.values = {{c.id("/ch/05/mix/03/level"), -3.5}, {c.id("/main/st/eq/1/g"), 4.0}};
    chorus.midiProgram = 0;

    Scene empty;
    empty.id = 1000;
    empty.scope.strips = StripSet::none(size);

    RecallSafes safes = RecallSafes::nothing(size);
    safes.sections.set(std::size_t(Section::Preamp));
    safes.strips.channels[1] = true;
    safes.strips.buses[7] = true;
    safes.strips.dcas = true;

    QVERIFY(c.scenes.replaceAll(
        {verse, chorus, empty},
        {{7, QStringLiteral("Start")}, {3, {}}, {7, QStringLiteral("again")}}, 2, safes));
    // And one stored the way the console stores them.
    QVERIFY(c.scenes.store(c.scenes.count(), QStringLiteral("Stored"),
                           RecallScope::everything(size), 1.5) > 0);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ShowDocument namedShow(const Console& c, const QString& name) {
    ShowDocument show = captureShow(c.state, c.scenes);
    show.name = name;
    return show;
}

QProcessEnvironment childEnvironment(const QString& stateHome) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("STAGEDESK_TEST_CRASH_BEFORE_RENAME"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), stateHome);
    return env;
}

} // namespace

class TestShowFile : public QObject {
    Q_OBJECT

private slots:
    void roundTripOfAFullShow();
    void roundTripOfTheDocument();
    void savedTextIsReadable();
    void atomicSaveKeepsThePreviousVersion();
    void crashBetweenWriteAndRenameKeepsTheOriginal();
    void fullDiskLeavesTheOriginal();
    void invalidShowIsNotSaved();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void oversizedFileIsRefused();
    void otherConsoleSizeNeedsAMap();
    void channelAndBusMaps();
    void locatorFindsLines_data();
    void locatorFindsLines();
    void demoShowLoads();
    void checkShowCommand();
    void autosaveWritesChangesAndOnDemand();
    void killRecoveryThroughARealProcess();
};

void TestShowFile::roundTripOfAFullShow() {
    const ConsoleSize size{24, 8};
    Console original(size);
    fillState(original);
    fillScenes(original);
    ShowDocument show = namedShow(original, QStringLiteral("Round trip ✓ \"quoted\""));
    show.midi =
        QJsonObject{{"maps", QJsonArray{QJsonObject{{"cc", 7}, {"to", "/ch/01/mix/fader"}}}}};
    show.osc = QJsonObject{{"clients", QJsonArray{"192.168.1.20", "tablet-2"}}, {"open", false}};

    QTemporaryDir dir;
    const QString path = dir.filePath("show.json");
    QCOMPARE(saveShowFile(path, show, original.registry), QString());

    Console loaded(size);
    ShowDocument asLoaded;
    QCOMPARE(loadShowFile(path, loaded.state, loaded.scenes, {}, &asLoaded), QString());
    QCOMPARE(asLoaded, show);
    for (ParamId id = 0; id < original.registry.count(); ++id)
        QVERIFY2(loaded.state.value(id) == original.state.value(id),
                 qPrintable(original.registry.at(id).address));
    QCOMPARE(loaded.scenes.count(), 4);
    QVERIFY(loaded.scenes.scenes() == original.scenes.scenes());
    QVERIFY(loaded.scenes.cues() == original.scenes.cues());
    QCOMPARE(loaded.scenes.cuePosition(), 2);
    QVERIFY(loaded.scenes.safes() == original.scenes.safes());
}

void TestShowFile::roundTripOfTheDocument() {
    // The document level: JSON text -> document -> JSON text is the same text.
    Console c({32, 16});
    fillState(c);
    fillScenes(c);
    const ShowDocument show = namedShow(c, QStringLiteral("Text"));
    const QByteArray text = writeShowJson(show, c.registry);
    const ShowReadResult read = readShowText(text, QStringLiteral("mem.json"));
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(*read.show, show);
    QCOMPARE(writeShowJson(*read.show, c.registry), text);
}

void TestShowFile::savedTextIsReadable() {
    // What people read: header first, values in the parameter's unit, names
    // for choices, true/false for switches, -90 for a fader at -inf.
    Console c({32, 16});
    fillState(c);
    const QByteArray text = writeShowJson(namedShow(c, "Readable"), c.registry);
    QVERIFY(text.startsWith("{\n  \"format\": \"stagedesk-show\",\n  \"schemaVersion\": 1,\n"));
    QVERIFY(text.contains("\n    \"/ch/01/mix/fader\": -12.3456789,\n"));
    QVERIFY(text.contains("\n    \"/ch/01/eq/2/type\": \"HCut\",\n"));
    QVERIFY(text.contains("\n    \"/ch/01/mix/on\": false,\n"));
    QVERIFY(text.contains("\n    \"/bus/02/mix/fader\": -90,\n"));
    QVERIFY(text.contains("\"/ch/02/config/name\": \"Snäre/Tøp\""));
    // Only what differs from the defaults is in the state.
    QVERIFY(!text.contains("\"/ch/09/mix/fader\""));
}

void TestShowFile::atomicSaveKeepsThePreviousVersion() {
    Console c({8, 2});
    QTemporaryDir dir;
    const QString path = dir.filePath("show.json");
    QCOMPARE(saveShowFile(path, namedShow(c, "one"), c.registry), QString());
    QVERIFY(!QFile::exists(path + ".bak"));
    const QByteArray first = readAll(path);

    QCOMPARE(saveShowFile(path, namedShow(c, "two"), c.registry), QString());
    const QByteArray second = readAll(path);
    QCOMPARE(readAll(path + ".bak"), first);
    QVERIFY(second.contains("\"two\""));

    QCOMPARE(saveShowFile(path, namedShow(c, "three"), c.registry), QString());
    QCOMPARE(readAll(path + ".bak"), second);
    QVERIFY(readAll(path).contains("\"three\""));
    QVERIFY(!QFile::exists(path + ".tmp"));
    QVERIFY(readShowFile(path + ".bak").ok());

    // Through a symbolic link the file it points to is replaced.
    const QString link = dir.filePath("link.json");
    QVERIFY(QFile::link(path, link));
    QCOMPARE(saveShowFile(link, namedShow(c, "four"), c.registry), QString());
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(readAll(path).contains("\"four\""));
}

void TestShowFile::crashBetweenWriteAndRenameKeepsTheOriginal() {
    Console c({32, 16});
    fillState(c);
    QTemporaryDir dir;
    const QString path = dir.filePath("show.json");
    const QString newer = dir.filePath("newer.json");
    QCOMPARE(saveShowFile(path, namedShow(c, "original"), c.registry), QString());
    QCOMPARE(saveShowFile(newer, namedShow(c, "replacement"), c.registry), QString());
    const QByteArray original = readAll(path);

    // A real process saves newer.json over show.json and is killed (SIGKILL)
    // after the temporary file is flushed, before the rename.
    QProcess saver;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STAGEDESK_TEST_CRASH_BEFORE_RENAME"), QStringLiteral("1"));
    saver.setProcessEnvironment(env);
    saver.start(QStringLiteral(STAGEDESK_SAVE_HELPER), {newer, path});
    QVERIFY(saver.waitForFinished(30000));
    QCOMPARE(saver.exitStatus(), QProcess::CrashExit);

    QCOMPARE(readAll(path), original);
    const ShowReadResult read = readShowFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.show->name, QStringLiteral("original"));
    // It died where it should: the new text was whole in the temporary file.
    QVERIFY(readShowFile(path + ".tmp").ok());
    QVERIFY(!QFile::exists(path + ".bak"));

    // Without the crash the same save goes through and keeps the original.
    saver.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    saver.start(QStringLiteral(STAGEDESK_SAVE_HELPER), {newer, path});
    QVERIFY(saver.waitForFinished(30000));
    QCOMPARE(saver.exitStatus(), QProcess::NormalExit);
    QCOMPARE(saver.exitCode(), 0);
    QCOMPARE(readShowFile(path).show->name, QStringLiteral("replacement"));
    QCOMPARE(readAll(path + ".bak"), original);
    QVERIFY(!QFile::exists(path + ".tmp"));
}

void TestShowFile::fullDiskLeavesTheOriginal() {
    Console c({32, 16});
    QTemporaryDir dir;
    const QString path = dir.filePath("show.json");
    QCOMPARE(saveShowFile(path, namedShow(c, "small"), c.registry), QString());
    const QByteArray original = readAll(path);
    fillState(c);
    fillScenes(c);

    // A file size limit fails the write as a full disk would (EFBIG instead
    // of ENOSPC), even for root.
    rlimit old{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    const QString error = saveShowFile(path, namedShow(c, "big"), c.registry);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &old), 0);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY2(error.startsWith("cannot write " + path + ".tmp: "), qPrintable(error));
    QCOMPARE(readAll(path), original);
    QVERIFY(!QFile::exists(path + ".tmp"));
    QVERIFY(!QFile::exists(path + ".bak"));

    // A folder that does not exist.
    const QString missing = dir.filePath("no/such/folder/show.json");
    QVERIFY(writeFileAtomically(missing, "{}").startsWith("cannot create "));
}

void TestShowFile::invalidShowIsNotSaved() {
    Console c({8, 2});
    QTemporaryDir dir;
    const QString path = dir.filePath("show.json");
    QCOMPARE(saveShowFile(path, namedShow(c, "good"), c.registry), QString());
    const QByteArray good = readAll(path);
    ShowDocument bad = namedShow(c, "bad");
    bad.state[QStringLiteral("/ch/01/mix/fader")] = 99.0;
    const QString error = saveShowFile(path, bad, c.registry);
    QVERIFY2(error.contains("state./ch/01/mix/fader: 99 is out of range (-90..10 dB)"),
             qPrintable(error));
    QCOMPARE(readAll(path), good);
}

void TestShowFile::badFilesAreRefused_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line"); // 0: the message names no line
    QTest::addColumn<QString>("message");

    const auto row = [](const char* file, int line, const char* message) {
        QTest::newRow(file) << QString::fromLatin1(file) << line << QString::fromUtf8(message);
    };
    row("not-json.json", 1, "not valid JSON: illegal value");
    row("empty.json", 0, "the file is empty");
    row("array-root.json", 1, "not a Stagedesk show: the file holds a JSON array");
    row("truncated.json", 8, "not valid JSON: unterminated object (is the file cut short?)");
    row("bad-escape.json", 5, "not valid JSON: invalid escape sequence");
    row("number-too-big.json", 6, "not valid JSON: illegal number");
    row("wrong-format.json", 2, "format: \"x32-scene\" is not \"stagedesk-show\"");
    row("missing-format.json", 1, "the \"format\" field is missing");
    row("newer-schema.json", 3,
        "schemaVersion: the show is of schema version 2, newer than this stagedesk reads (1)");
    row("schema-version-text.json", 3, "schemaVersion: \"1\" is not a number");
    row("other-console-size.json", 5,
        "console: the show is for a console of 24 inputs and 8 buses, this console has 32 "
        "inputs and 16 buses: load it with a channel map and a bus map");
    row("console-too-big.json", 5, "console.inputs: 500 is out of range (1..128)");
    row("unknown-address.json", 7,
        "state./ch/40/mix/fader: no such parameter on a console of 32 inputs and 16 buses");
    row("fader-out-of-range.json", 15,
        "scenes[3].values./ch/01/mix/fader: 15 is out of range (-90..10 dB)");
    row("hpf-out-of-range.json", 7, "state./ch/01/preamp/hpf: 10 is out of range (20..400 Hz)");
    row("wrong-type.json", 7, "state./ch/01/mix/fader: \"loud\" is not a number (dB)");
    row("bad-enum-name.json", 6,
        "state./ch/01/eq/2/type: \"PEX\" is not one of LCut, LShv, PEQ, VEQ, HShv, HCut");
    row("switch-as-number.json", 7, "state./ch/01/mix/on: 1 is not true or false");
    row("mask-not-whole.json", 6, "state./ch/01/grp/dca: 2.5 is not a whole number (0..65535)");
    row("name-too-long.json", 6,
        "state./ch/01/config/name: \"Kick drum inside mic\" is longer than 12 characters");
    row("huge-string.json", 7,
        "scenes[1].notes: a text of 300 characters is longer than the 256 allowed");
    row("deep-nesting.json", 5, "nested deeper than 16 levels");
    row("duplicate-key.json", 8,
        "state./ch/01/mix/fader: appears twice in the same object (first on line 6)");
    row("unknown-field.json", 5, "scens: unknown field (expected format, schemaVersion");
    row("duplicate-scene-id.json", 8, "scenes[2].id: id 1 is taken by scenes[0] already");
    row("missing-scene-id.json", 7, "scenes[1]: the \"id\" field is missing");
    row("too-many-scenes.json", 5, "scenes: 1001 scenes; a show holds at most 1000");
    row("cue-unknown-scene.json", 8, "cues[1].scene: no scene has id 9");
    row("cue-position-out-of-range.json", 7, "cuePosition: 7 is out of range (0..2)");
    row("scope-channel-out-of-range.json", 11,
        "scenes[0].scope.channels[2]: 40 is out of range (1..32)");
    row("negative-fade.json", 8, "scenes[0].fade: -1 is out of range (0..600 s)");
    row("unknown-section.json", 7, "safes.sections[1]: \"faders\" is not a section");
    row("midi-slot-not-object.json", 5, "midi: an array is not an object");
}

void TestShowFile::badFilesAreRefused() {
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, message);

    Console c({32, 16});
    fillState(c);
    fillScenes(c);
    const Everything before = everything(c);

    const QString path = QStringLiteral(STAGEDESK_BAD_SHOWS "/") + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const QString error = loadShowFile(path, c.state, c.scenes);
    const QString prefix = line > 0 ? QStringLiteral("%1:%2: ").arg(path).arg(line) : path + ": ";
    QVERIFY2(error.startsWith(prefix), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(!error.contains('\n'), "one message, one line");
    QVERIFY(everything(c) == before);
}

void TestShowFile::oversizedFileIsRefused() {
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(65LL * 1024 * 1024)); // sparse: no disk space used
    f.close();
    Console c({32, 16});
    fillState(c);
    const Everything before = everything(c);
    QCOMPARE(loadShowFile(path, c.state, c.scenes),
             path + ": the file is 65.0 MiB; a show file is at most 64.0 MiB");
    QVERIFY(everything(c) == before);
}

void TestShowFile::otherConsoleSizeNeedsAMap() {
    Console small({16, 16});
    QVERIFY(small.state.set(QStringLiteral("/ch/01/mix/fader"), -7.0, kInternalSource).ok());
    QVERIFY(small.scenes.store(0, QStringLiteral("Mine"), RecallScope::everything({16, 16})) > 0);
    const Everything before = everything(small);
    const QString error =
        loadShowFile(QStringLiteral(STAGEDESK_DEMO_SHOW), small.state, small.scenes);
    QVERIFY2(error.contains("the show is for a console of 32 inputs and 16 buses, this console "
                            "has 16 inputs and 16 buses: load it with a channel map"),
             qPrintable(error));
    QVERIFY(everything(small) == before);

    // A map that is not one is refused too.
    ShowLoadOptions twice;
    twice.channelMap = std::vector<int>{0, 0};
    QVERIFY(loadShowFile(QStringLiteral(STAGEDESK_DEMO_SHOW), small.state, small.scenes, twice)
                .contains("the channel map sends show channels 1 and 2 both to 1"));
    ShowLoadOptions outside;
    outside.channelMap = std::vector<int>{20};
    QVERIFY(loadShowFile(QStringLiteral(STAGEDESK_DEMO_SHOW), small.state, small.scenes, outside)
                .contains("sends show channel 1 to 21, which this console does not have"));
    QVERIFY(everything(small) == before);
}

void TestShowFile::channelAndBusMaps() {
    // The demo's lead vocal (11) and kick (1) onto channels 1 and 2 of a
    // 16-input, 4-bus console; its wedge buses 1-4 reversed.
    Console small({16, 4});
    ShowLoadOptions options;
    std::vector<int> channels(32, -1);
    channels[10] = 0;
    channels[0] = 1;
    channels[8] = 4; // keys L/R linked on 9-10; on 5 and 7 the link cannot stay
    channels[9] = 6;
    options.channelMap = channels;
    options.busMap = std::vector<int>{3, 2, 1, 0};
    ShowDocument loaded;
    QCOMPARE(loadShowFile(QStringLiteral(STAGEDESK_DEMO_SHOW), small.state, small.scenes, options,
                          &loaded),
             QString());
    QCOMPARE(loaded.console, (ConsoleSize{16, 4}));
    QCOMPARE(small.state.text(small.id("/ch/01/config/name")), QStringLiteral("Lead Vox"));
    QCOMPARE(small.state.text(small.id("/ch/02/config/name")), QStringLiteral("Kick"));
    QCOMPARE(small.state.text(small.id("/ch/03/config/name")), QString());
    QCOMPARE(small.state.text(small.id("/bus/04/config/name")), QStringLiteral("Drums"));
    QCOMPARE(small.state.text(small.id("/bus/01/config/name")), QStringLiteral("Vox"));
    // The lead vocal's send to the singer's wedge (show bus 4) is on bus 1.
    QCOMPARE(small.state.number(small.id("/ch/01/mix/01/level")), 0.0);
    QCOMPARE(small.state.number(small.id("/config/chlink/5-6")), 0.0);
    QCOMPARE(small.scenes.count(), 5);
    const Scene& slow = small.scenes.at(1);
    QCOMPARE(slow.valueOf(small.id("/ch/01/mix/fader"), small.state), ParameterValue(-1.0));
    QCOMPARE(slow.scope.strips.channels.size(), std::size_t(16));
    QVERIFY(slow.scope.strips.channels[0] && !slow.scope.strips.channels[2]);
}

void TestShowFile::locatorFindsLines_data() {
    QTest::addColumn<QStringList>("path"); // "#3" is an array index
    QTest::addColumn<int>("line");
    QTest::newRow("root") << QStringList{} << 1;
    QTest::newRow("member") << QStringList{"b"} << 3;
    QTest::newRow("element") << QStringList{"b", "#2"} << 4;
    QTest::newRow("in an element") << QStringList{"b", "#3", "x"} << 6;
    QTest::newRow("escaped key") << QStringList{"c/d"} << 9;
    QTest::newRow("missing: the parent") << QStringList{"b", "#3", "nope"} << 5;
    QTest::newRow("missing index: the array") << QStringList{"b", "#7"} << 3;
    QTest::newRow("last") << QStringList{"e"} << 10;
}

void TestShowFile::locatorFindsLines() {
    QFETCH(QStringList, path);
    QFETCH(int, line);
    const QByteArray text = "{\n"
                            "  \"a\": {\"b\": [1, 2]},\n"
                            "  \"b\": [\"[{\\\"\", {},\n"
                            "    \"x\",\n"
                            "    {\n"
                            "      \"x\": 1\n"
                            "    }\n"
                            "  ],\n"
                            "  \"c\\/d\": true,\n"
                            "  \"e\": null\n"
                            "}\n";
    JsonPath p;
    for (const QString& item : path)
        p = item.startsWith('#') ? p / item.mid(1).toInt() : p / item;
    QCOMPARE(JsonLocator(text).line(p), line);
}

void TestShowFile::demoShowLoads() {
    const QString demo = QStringLiteral(STAGEDESK_DEMO_SHOW);
    const ShowReadResult read = readShowFile(demo);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.show->console, (ConsoleSize{32, 16}));
    QCOMPARE(read.show->scenes.size(), std::size_t(5));
    QCOMPARE(read.show->cues.size(), std::size_t(6));
    // Kept as stagedesk itself writes it.
    QCOMPARE(writeShowJson(*read.show, ParameterRegistry({32, 16})), readAll(demo));

    Console c({32, 16});
    QCOMPARE(loadShowFile(demo, c.state, c.scenes), QString());
    const QStringList names{"Kick",  "Snare",  "Hats",   "Tom 1",    "Tom 2",  "Bass DI", "Gtr 1",
                            "Gtr 2", "Keys L", "Keys R", "Lead Vox", "BV Gtr", "BV Keys"};
    for (int ch = 0; ch < names.size(); ++ch)
        QCOMPARE(c.state.text(c.id(c.registry.channelPrefix(ch) + "/config/name")), names[ch]);
    const QStringList mixes{"Drums", "Bass", "Gtr", "Vox"};
    for (int b = 0; b < 4; ++b) {
        QCOMPARE(c.state.text(c.id(c.registry.busPrefix(b) + "/config/name")), mixes[b]);
        // Monitor sends are pre-fader.
        for (int ch = 0; ch < names.size(); ++ch)
            QCOMPARE(c.state.text(c.id(QStringLiteral("%1/mix/%2/tap")
                                           .arg(c.registry.channelPrefix(ch))
                                           .arg(b + 1, 2, 10, QLatin1Char('0')))),
                     QStringLiteral("PreFader"));
    }
    QCOMPARE(c.state.number(c.id("/config/chlink/9-10")), 1.0);
    QCOMPARE(c.state.number(c.id("/main/st/mix/fader")), 0.0);
    QCOMPARE(c.state.number(c.id("/ch/01/preamp/hpon")), 1.0);

    // Each song differs from the one before, and each recall reaches the state.
    const ParamId snareOn = c.id("/ch/02/mix/on");
    const ParamId keysFader = c.id("/ch/09/mix/fader");
    double fades = 0;
    for (int i = 0; i < c.scenes.count(); ++i) {
        QVERIFY(c.scenes.recall(i));
        fades += c.scenes.at(i).fadeSeconds;
        if (i == 3)
            QCOMPARE(c.state.number(snareOn), 0.0); // acoustic: no snare
    }
    QVERIFY(fades > 0);
    QCOMPARE(c.state.number(keysFader), -8.0); // the encore
    QVERIFY(c.scenes.go());
    QCOMPARE(c.scenes.cuePosition(), 1);
}

void TestShowFile::checkShowCommand() {
    QProcess check;
    check.start(QStringLiteral(STAGEDESK_BINARY),
                {QStringLiteral("check-show"), QStringLiteral(STAGEDESK_DEMO_SHOW)});
    QVERIFY(check.waitForFinished(30000));
    QCOMPARE(check.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(check.readAllStandardOutput()),
             QStringLiteral(STAGEDESK_DEMO_SHOW
                            ": \"Demo band\", 32 inputs, 16 buses, 5 scenes, 6 cues\n"));

    const QString bad = QStringLiteral(STAGEDESK_BAD_SHOWS "/fader-out-of-range.json");
    check.start(QStringLiteral(STAGEDESK_BINARY), {QStringLiteral("check-show"), bad});
    QVERIFY(check.waitForFinished(30000));
    QCOMPARE(check.exitCode(), 1);
    QCOMPARE(QString::fromUtf8(check.readAllStandardError()),
             bad + ":15: scenes[3].values./ch/01/mix/fader: 15 is out of range (-90..10 dB)\n");

    check.start(QStringLiteral(STAGEDESK_BINARY), {QStringLiteral("check-show")});
    QVERIFY(check.waitForFinished(30000));
    QCOMPARE(check.exitCode(), 2);
}

void TestShowFile::autosaveWritesChangesAndOnDemand() {
    Console c({8, 2});
    QTemporaryDir dir;
    const QString path = dir.filePath("state/autosave.json");
    Autosave autosave(
        c.state, [&c] { return namedShow(c, "auto"); }, path, 1);
    QTest::qWait(1500);
    QVERIFY2(!QFile::exists(path), "nothing changed, nothing written");

    QVERIFY(c.state.set(QStringLiteral("/ch/03/mix/fader"), -4.5, kInternalSource).ok());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 3000);
    ShowReadResult read = readShowFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.show->state.at("/ch/03/mix/fader"), ParameterValue(-4.5));

    // A scene store changes no value: the console asks for the save at once.
    QVERIFY(c.scenes.store(0, QStringLiteral("Now"), RecallScope::everything({8, 2})) > 0);
    QCOMPARE(autosave.saveNow(), QString());
    read = readShowFile(path);
    QCOMPARE(read.show->scenes.size(), std::size_t(1));
    QVERIFY2(!QFile::exists(path + ".bak"), "an autosave keeps no backup of itself");
}

void TestShowFile::killRecoveryThroughARealProcess() {
    QTemporaryDir dir;
    const QString show = dir.filePath("show.json");
    const QString autosave = show + ".autosave";
    QVERIFY(QFile::copy(QStringLiteral(STAGEDESK_DEMO_SHOW), show));
    const QStringList common{"--headless", "--internal-clock",   "--show",
                             show,         "--autosave-seconds", "1"};

    QProcess first;
    first.setProcessEnvironment(childEnvironment(dir.filePath("state")));
    first.start(QStringLiteral(STAGEDESK_BINARY),
                common + QStringList{"--set", "/ch/01/mix/fader=-12.5", "--set",
                                     "/ch/02/config/name=Recovered"});
    QVERIFY(first.waitForStarted());
    const auto autosaveHasTheChange = [&] {
        const ShowReadResult read = readShowFile(autosave);
        return read.ok() && read.show->state.count(QStringLiteral("/ch/01/mix/fader")) &&
               read.show->state.at(QStringLiteral("/ch/01/mix/fader")) == ParameterValue(-12.5);
    };
    QTRY_VERIFY_WITH_TIMEOUT(autosaveHasTheChange(), 15000);
    QCOMPARE(first.state(), QProcess::Running);
    first.kill(); // SIGKILL
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QVERIFY2(readAll(show) == readAll(QStringLiteral(STAGEDESK_DEMO_SHOW)),
             "the show file itself is never written by the autosave");

    // Started again the same way, it comes back with the change, and says so.
    QProcess second;
    second.setProcessEnvironment(childEnvironment(dir.filePath("state")));
    second.start(QStringLiteral(STAGEDESK_BINARY), common);
    QVERIFY(second.waitForStarted());
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += second.readAllStandardError()).contains("running;"), 15000);
    QVERIFY2(log.contains("show: loaded the autosave " + autosave.toUtf8()), log.constData());
    second.terminate(); // SIGTERM: a clean stop
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);

    QProcess check;
    check.start(QStringLiteral(STAGEDESK_BINARY), {QStringLiteral("check-show"), autosave});
    QVERIFY(check.waitForFinished(30000));
    QCOMPARE(check.exitCode(), 0);
    const ShowReadResult read = readShowFile(autosave);
    QCOMPARE(read.show->state.at(QStringLiteral("/ch/02/config/name")),
             ParameterValue(QStringLiteral("Recovered")));
}

QTEST_GUILESS_MAIN(TestShowFile)
#include "tst_showfile.moc"
