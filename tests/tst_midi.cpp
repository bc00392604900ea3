// MIDI control surfaces through a private JACK server with the dummy
// backend: a plain libjack client plays the device (a Mackie Control or a
// fader box) and records what Stagedesk sends back; Stagedesk's side opens
// its ports with RtMidi's JACK API, as it does on a desk without ALSA.

#include "support/JackMidiTestClient.h"
#include "support/JackServer.h"
#include "support/OfflineRig.h"

#include "ConsoleState.h"
#include "MackieProtocol.h"
#include "MackieSurface.h"
#include "MeterHub.h"
#include "MidiDevice.h"
#include "MidiMapSurface.h"
#include "MidiParser.h"
#include "SceneList.h"

#include "CommandLine.h"
#include "ConsoleSession.h"
#include "MidiStartup.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <thread>

using namespace stagedesk;
using namespace stagedesk::scenes;
using namespace stagedesk::surfaces::midi;
using stagedesk::testing::JackMidiTestClient;
using stagedesk::testing::JackServer;
using Bytes = std::vector<std::uint8_t>;

namespace {

constexpr int kInputs = 16;
constexpr int kBuses = 4;
constexpr int kWaitMs = 5000;
const char* const kDeviceName = "mcu-device";

// A device client (a Mackie Control unit, a fader box) and the Stagedesk
// MidiDevice connected to its ports "<name>:out" and "<name>:in".
struct DeviceLink {
    std::unique_ptr<JackMidiTestClient> device;
    MidiDevice midi;
    int announced = 0; // outputConnected signals: a surface has sent its state

    DeviceLink(const char* name, const QString& ourName)
        : device(std::make_unique<JackMidiTestClient>(name)), midi(MidiApi::Jack, ourName) {
        midi.setPollInterval(100);
        QObject::connect(&midi, &MidiDevice::outputConnected, [this] { ++announced; });
        const QString client = QString::fromLatin1(name);
        midi.setPorts(client + QStringLiteral(":out"), client + QStringLiteral(":in"));
    }
    // Both ports live in JACK and the surfaces' initial state already sent.
    bool connected() const {
        return !midi.inputPort().isEmpty() && !midi.outputPort().isEmpty() &&
               device->portsConnected() && announced > 0;
    }
};

// Everything one test needs: the console model, a device client and the
// Stagedesk side (MidiDevice + surface) connected to it.
struct Rig {
    explicit Rig(int inputs = kInputs)
        : registry(ConsoleSize{inputs, kBuses}), engineRig(inputs, kBuses) {}

    ParameterRegistry registry;
    ConsoleState state{registry, nullptr};
    SourceId osc = state.addSource(QStringLiteral("osc"));
    test::OfflineRig engineRig;
    MeterHub meters{&engineRig.engine()};
    DeviceLink link{kDeviceName, QStringLiteral("stagedesk-test")};
    std::unique_ptr<JackMidiTestClient>& device = link.device;
    MidiDevice& midi = link.midi;

    bool connected() const { return link.connected(); }
    ParamId id(const QString& address) const { return registry.find(address); }
};

// Scenes "Song 1..3" (ids 1..3) with the given fader at 0, -10 and -20 dB.
void storeThreeSongs(Rig& rig, SceneList& scenes, ParamId fader) {
    const RecallScope all = RecallScope::everything(rig.registry.size());
    for (int i = 0; i < 3; ++i) {
        rig.state.set(fader, -10.0 * i, rig.osc);
        QCOMPARE(scenes.store(i, QStringLiteral("Song %1").arg(i + 1), all), i + 1);
    }
}

bool contains(const std::vector<JackMidiTestClient::Record>& records, const Bytes& bytes) {
    return std::any_of(records.begin(), records.end(),
                       [&](const auto& r) { return r.bytes == bytes; });
}

Bytes lcdBytes(int offset, const char* sevenChars, std::uint8_t deviceId = mackie::kMainDeviceId) {
    const auto v = mackie::lcd(deviceId, offset, QByteArray(sevenChars, 7));
    return Bytes(v.begin(), v.end());
}

Bytes bend(int channel, int value14) {
    return {std::uint8_t(0xE0 | channel), std::uint8_t(value14 & 0x7F), std::uint8_t(value14 >> 7)};
}

// "/ch/NN/<rest>" of channel n (1-based).
QString channelAddress(int n, const char* rest) {
    return QStringLiteral("/ch/%1/%2").arg(n, 2, 10, QChar('0')).arg(QLatin1String(rest));
}

// Every channel named "Name<n>" and its fader at n/64 of the travel.
void nameAndSpreadChannels(Rig& rig) {
    for (int n = 1; n <= rig.registry.size().inputs; ++n) {
        rig.state.set(rig.id(channelAddress(n, "config/name")), QStringLiteral("Name%1").arg(n),
                      rig.osc);
        rig.state.setNormalized(rig.id(channelAddress(n, "mix/fader")), n / 64.0, rig.osc);
    }
}

// Whether a unit was sent, since record 'from', the names (in LCD SysEx
// with its device id) and the fader positions of channels first..first+7.
bool unitShows(Rig& rig, const JackMidiTestClient& unit, std::size_t from, std::uint8_t deviceId,
               int first) {
    const auto got = unit.received(from);
    for (int s = 0; s < mackie::kStrips; ++s) {
        const int n = first + s;
        const QByteArray cell = QStringLiteral("Name%1").arg(n).leftJustified(7).toLatin1();
        const int fader =
            int(std::lround(rig.state.normalized(rig.id(channelAddress(n, "mix/fader"))) * 16383));
        if (!contains(got, lcdBytes(7 * s, cell.constData(), deviceId)) ||
            !contains(got, bend(s, fader)))
            return false;
    }
    return true;
}

// Device ids of every Mackie SysEx a unit was sent.
std::set<std::uint8_t> sysexDeviceIds(const JackMidiTestClient& unit) {
    std::set<std::uint8_t> ids;
    for (const auto& r : unit.received())
        if (r.bytes.size() > 5 && r.bytes[0] == 0xF0 && r.bytes[3] == 0x66)
            ids.insert(r.bytes[4]);
    return ids;
}

int countIf(const JackMidiTestClient& unit, std::size_t from,
            const std::function<bool(const Bytes&)>& match) {
    const auto got = unit.received(from);
    return int(
        std::count_if(got.begin(), got.end(), [&](const auto& r) { return match(r.bytes); }));
}

} // namespace

class TestMidi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void parserDropsJunk();
    void portsListedAndOpenedByName();
    void mackieFaderSetsModel_data();
    void mackieFaderSetsModel();
    void motorFollowsOtherSources();
    void noMotorWhileTouched();
    void lcdNamesAfterBanking();
    void buttonLeds();
    void vpotTurnsPanAndRing();
    void flipPutsSendsOnFaders();
    void metersAtSteadyRate();
    void clipLedOncePerClip();
    void faderFloodIsCoalesced();
    void lastBendSurvivesAStalledControlThread();
    void deviceBackGetsWholeState();
    void extenderContinuesTheStrips();
    void extenderFirstAndReconnectedAlone();
    void extendersFromTheCommandLine();
    void portsRememberedInTheShow();
    void learnEachKind_data();
    void learnEachKind();
    void learnAPluginControl();
    void bindingsInTheShowSlot();
    void programChangeRecallsScenes();
    void sceneRecallSendsProgramChange();
    void learnedMappingsKeptByTheAutosave();

private:
    std::unique_ptr<JackServer> m_server;
};

void TestMidi::initTestCase() {
    m_server = std::make_unique<JackServer>(); // synchronous: no MIDI event is lost
    QVERIFY2(m_server->ok(), m_server->error().c_str());
}

void TestMidi::cleanupTestCase() {
    m_server.reset();
}

void TestMidi::parserDropsJunk() {
    // Stray data, a stray F7, a note with running status and a clock byte in
    // its middle, a SysEx cut short by a status byte, a whole SysEx, a
    // truncated control change followed by a program change.
    const Bytes stream{0x12, 0x34, 0xF7, 0x90, 0x40, 0xF8, 0x7F, 0x41, 0x00, 0xF0, 0x01, 0x02,
                       0xB0, 0x07, 0x64, 0xF0, 0x7E, 0x7F, 0xF7, 0xB1, 0x07, 0xC2, 0x05};
    MidiParser parser;
    std::vector<ShortMessage> shorts;
    std::vector<Bytes> sysex;
    for (std::uint8_t b : stream) {
        switch (parser.push(b)) {
        case MidiParser::Result::Short:
            shorts.push_back(parser.message());
            break;
        case MidiParser::Result::Sysex:
            sysex.emplace_back(parser.sysex().begin(), parser.sysex().end());
            break;
        case MidiParser::Result::None:
            break;
        }
    }
    const std::vector<ShortMessage> expected{{0xF8, 0, 0, 1},
                                             {0x90, 0x40, 0x7F, 3},
                                             {0x90, 0x41, 0x00, 3},
                                             {0xB0, 0x07, 0x64, 3},
                                             {0xC2, 0x05, 0, 2}};
    QCOMPARE(shorts, expected);
    QCOMPARE(sysex.size(), std::size_t(1));
    QCOMPARE(sysex[0], (Bytes{0xF0, 0x7E, 0x7F, 0xF7}));
    // 0x12 0x34, F7, the cut SysEx F0 01 02, the cut B1 07.
    QCOMPARE(parser.dropped(), std::uint64_t(2 + 1 + 3 + 2));

    // A SysEx longer than the buffer is dropped whole; the parser recovers.
    MidiParser longOne;
    longOne.push(0xF0);
    for (std::size_t i = 0; i < MidiParser::kMaxSysex + 10; ++i)
        longOne.push(0x11);
    QCOMPARE(longOne.push(0xF7), MidiParser::Result::None);
    longOne.push(0x80);
    longOne.push(0x3C);
    QCOMPARE(longOne.push(0x00), MidiParser::Result::Short);
    QCOMPARE(longOne.message(), (ShortMessage{0x80, 0x3C, 0x00, 3}));
}

void TestMidi::portsListedAndOpenedByName() {
    Rig rig;
    QVERIFY2(rig.device->ok(), rig.device->error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    QCOMPARE(rig.midi.inputPort(), QStringLiteral("mcu-device:out"));
    QCOMPARE(rig.midi.outputPort(), QStringLiteral("mcu-device:in"));
    QVERIFY(rig.midi.availableInputs().contains(QStringLiteral("mcu-device:out")));
    QVERIFY(rig.midi.availableOutputs().contains(QStringLiteral("mcu-device:in")));
    // Our own ports are never offered.
    for (const QString& name : rig.midi.availableInputs() + rig.midi.availableOutputs())
        QVERIFY2(!name.startsWith(QLatin1String("stagedesk")), qPrintable(name));

    // A port that appears later is connected when it appears.
    MidiDevice late(MidiApi::Jack, QStringLiteral("stagedesk-late"));
    late.setPollInterval(100);
    QSignalSpy connected(&late, &MidiDevice::inputConnected);
    late.setPorts(QStringLiteral("late-box"), {});
    QVERIFY(late.inputPort().isEmpty());
    JackMidiTestClient lateBox("late-box");
    QVERIFY(lateBox.ok());
    QVERIFY(connected.wait(kWaitMs));
    QCOMPARE(late.inputPort(), QStringLiteral("late-box:out"));
}

void TestMidi::mackieFaderSetsModel_data() {
    QTest::addColumn<int>("strip");
    QTest::addColumn<int>("value14");
    QTest::newRow("strip 1 bottom") << 0 << 0;
    QTest::newRow("strip 2 middle") << 1 << 8192;
    QTest::newRow("strip 8 top") << 7 << 16383;
    QTest::newRow("strip 4 at 3/4") << 3 << 12288;
    QTest::newRow("master at 1/4") << 8 << 4096;
}

void TestMidi::mackieFaderSetsModel() {
    QFETCH(int, strip);
    QFETCH(int, value14);
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const ParamId id =
        strip == 8 ? rig.id(QStringLiteral("/main/st/mix/fader"))
                   : rig.id(QStringLiteral("/ch/%1/mix/fader").arg(strip + 1, 2, 10, QChar('0')));
    // Start away from the target so that a change is seen.
    rig.state.setNormalized(id, value14 == 8192 ? 0.2 : 0.5, rig.osc);
    QVERIFY(rig.device->send(bend(strip, value14)));
    const double expected = value14 / 16383.0;
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(id) - expected) < 1e-3, kWaitMs);
}

void TestMidi::motorFollowsOtherSources() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const std::size_t mark = rig.device->receivedCount();
    // OSC moves channel 3 to 0.5 and main to 0.6: motors 3 and 9 follow.
    rig.state.setNormalized(rig.id(QStringLiteral("/ch/03/mix/fader")), 0.5, rig.osc);
    rig.state.setNormalized(rig.id(QStringLiteral("/main/st/mix/fader")), 0.6, rig.osc);
    const int ch3 =
        int(std::lround(rig.state.normalized(rig.id(QStringLiteral("/ch/03/mix/fader"))) * 16383));
    const int main = int(
        std::lround(rig.state.normalized(rig.id(QStringLiteral("/main/st/mix/fader"))) * 16383));
    QVERIFY(std::abs(ch3 - 8192) <= 16);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), bend(2, ch3)), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), bend(8, main)), kWaitMs);

    // A move made on the surface itself is not echoed back to its motor.
    const std::size_t own = rig.device->receivedCount();
    rig.device->send(bend(4, 16383));
    QTRY_VERIFY_WITH_TIMEOUT(
        rig.state.normalized(rig.id(QStringLiteral("/ch/05/mix/fader"))) > 0.999, kWaitMs);
    rig.state.setNormalized(rig.id(QStringLiteral("/ch/06/mix/fader")), 0.25, rig.osc); // a marker
    const int ch6 =
        int(std::lround(rig.state.normalized(rig.id(QStringLiteral("/ch/06/mix/fader"))) * 16383));
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(own), bend(5, ch6)), kWaitMs);
    for (const auto& r : rig.device->received(own))
        QVERIFY(r.bytes.empty() || r.bytes[0] != 0xE4);
}

void TestMidi::noMotorWhileTouched() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const ParamId ch2 = rig.id(QStringLiteral("/ch/02/mix/fader"));
    // Touch strip 2 and move it to the middle: the surface holds it.
    rig.device->send({0x90, 0x69, 0x7F});
    rig.device->send(bend(1, 8192));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(ch2) - 0.5) < 1e-3, kWaitMs);
    const std::size_t mark = rig.device->receivedCount();
    rig.state.setNormalized(ch2, 0.1, rig.osc); // fought over: no motor
    rig.state.setNormalized(rig.id(QStringLiteral("/ch/03/mix/fader")), 0.3, rig.osc); // marker
    QTRY_VERIFY_WITH_TIMEOUT(
        contains(rig.device->received(mark),
                 bend(2, int(std::lround(
                             rig.state.normalized(rig.id(QStringLiteral("/ch/03/mix/fader"))) *
                             16383)))),
        kWaitMs);
    int strip2Bends = 0;
    for (const auto& r : rig.device->received(mark))
        strip2Bends += !r.bytes.empty() && r.bytes[0] == 0xE1;
    QCOMPARE(strip2Bends, 0);
    // Released: the motor goes to where the model is now.
    rig.device->send({0x90, 0x69, 0x00});
    const int now = int(std::lround(rig.state.normalized(ch2) * 16383));
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), bend(1, now)), kWaitMs);
}

void TestMidi::lcdNamesAfterBanking() {
    Rig rig;
    for (int ch = 0; ch < kInputs; ++ch)
        rig.state.set(rig.id(QStringLiteral("/ch/%1/config/name").arg(ch + 1, 2, 10, QChar('0'))),
                      QStringLiteral("Name%1").arg(ch + 1), rig.osc);
    rig.state.setNormalized(rig.id(QStringLiteral("/ch/09/mix/fader")), 0.6, rig.osc);
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(), lcdBytes(0, "Name1  ")), kWaitMs);
    QVERIFY(contains(rig.device->received(), lcdBytes(7 * 7, "Name8  ")));

    const std::size_t mark = rig.device->receivedCount();
    rig.device->send({0x90, mackie::kBankRight, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 8, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), lcdBytes(7 * 7, "Name16 ")),
                             kWaitMs);
    const auto after = rig.device->received(mark);
    for (int s = 0; s < 8; ++s) {
        const QByteArray cell = QStringLiteral("Name%1").arg(9 + s).leftJustified(7).toLatin1();
        QVERIFY2(contains(after, lcdBytes(7 * s, cell.constData())), cell.constData());
    }
    // Pan of every strip on the bottom row, and the faders of the new bank.
    const ParameterDescriptor& pan = rig.registry.at(rig.id(QStringLiteral("/ch/09/mix/pan")));
    const QByteArray centre = mackie::lcdCell(pan.format(0).remove(QLatin1Char(' ')));
    QVERIFY2(contains(after, lcdBytes(56, centre.constData())), centre.constData());
    const int ch9 =
        int(std::lround(rig.state.normalized(rig.id(QStringLiteral("/ch/09/mix/fader"))) * 16383));
    QVERIFY(contains(after, bend(0, ch9)));

    // Channel left moves one strip; the bank never passes the first channel.
    rig.device->send({0x90, mackie::kChannelLeft, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 7, kWaitMs);
    rig.device->send({0x90, mackie::kBankLeft, 0x7F});
    rig.device->send({0x90, mackie::kBankLeft, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 0, kWaitMs);
}

void TestMidi::buttonLeds() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const ParamId on2 = rig.id(QStringLiteral("/ch/02/mix/on"));
    const ParamId solo3 = rig.id(QStringLiteral("/ch/03/solo"));
    const ParamId playback5 = rig.id(QStringLiteral("/ch/05/config/playback"));
    std::size_t mark = rig.device->receivedCount();
    rig.device->send({0x90, mackie::kMute + 1, 0x7F});
    rig.device->send({0x80, mackie::kMute + 1, 0x00});
    rig.device->send({0x90, mackie::kSolo + 2, 0x7F});
    rig.device->send({0x90, mackie::kSelect + 3, 0x7F});
    rig.device->send({0x90, mackie::kRecArm + 4, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(on2), 0.0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(solo3), 1.0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(mackie.selectedChannel(), 3, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(playback5), 1.0, kWaitMs); // rec-arm = playback
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), Bytes{0x90, 0x04, 0x7F}),
                             kWaitMs);
    const auto got = rig.device->received(mark);
    QVERIFY(contains(got, Bytes{0x90, 0x11, 0x7F})); // mute 2 lit
    QVERIFY(contains(got, Bytes{0x90, 0x0A, 0x7F})); // solo 3 lit
    QVERIFY(contains(got, Bytes{0x90, 0x1B, 0x7F})); // select 4 lit
    // Another source unmutes channel 2: its LED goes out.
    mark = rig.device->receivedCount();
    rig.state.set(on2, 1.0, rig.osc);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), Bytes{0x90, 0x11, 0x00}),
                             kWaitMs);
    // Channel 5 back to its live input from elsewhere: the rec-arm LED goes out.
    mark = rig.device->receivedCount();
    rig.state.set(playback5, 0.0, rig.osc);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), Bytes{0x90, 0x04, 0x00}),
                             kWaitMs);
}

void TestMidi::vpotTurnsPanAndRing() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const ParamId pan1 = rig.id(QStringLiteral("/ch/01/mix/pan"));
    const std::size_t mark = rig.device->receivedCount();
    rig.device->send({0xB0, 0x10, 0x05}); // 5 ticks clockwise: +10 of -100..100
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.number(pan1) - 10.0) < 1e-6, kWaitMs);
    // Ring: boost/cut mode, position 1 + round(0.55 * 10) = 7.
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), Bytes{0xB0, 0x30, 0x17}),
                             kWaitMs);
    rig.device->send({0xB0, 0x10, 0x40 | 0x0A}); // 10 ticks back: -10
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.number(pan1) + 10.0) < 1e-6, kWaitMs);
}

void TestMidi::flipPutsSendsOnFaders() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const ParamId fader1 = rig.id(QStringLiteral("/ch/01/mix/fader"));
    const ParamId send1 = rig.id(QStringLiteral("/ch/01/mix/01/level"));
    const ParamId send2 = rig.id(QStringLiteral("/ch/01/mix/02/level"));
    const double faderBefore = rig.state.normalized(fader1);
    rig.device->send({0x90, mackie::kFlip, 0x7F});
    QTRY_VERIFY_WITH_TIMEOUT(mackie.flipped(), kWaitMs);
    rig.device->send(bend(0, 12288));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(send1) - 0.75) < 1e-3, kWaitMs);
    QCOMPARE(rig.state.normalized(fader1), faderBefore);
    // Send (twice) selects mix bus 2: the faders follow it.
    rig.device->send({0x90, mackie::kAssignSend, 0x7F});
    rig.device->send({0x90, mackie::kAssignSend, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.sendBus(), 1, kWaitMs);
    rig.device->send(bend(0, 4096));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(send2) - 0.25) < 1e-3, kWaitMs);
    QVERIFY(std::abs(rig.state.normalized(send1) - 0.75) < 1e-3);
}

void TestMidi::metersAtSteadyRate() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    // -3 dBFS peak into channel 1: (-3 + 60) / 5 = 11.4, level 11 on strip 1.
    rig.engineRig.run(0, test::sine(1000, -3, 4800));
    rig.meters.poll();
    const std::size_t mark = rig.device->receivedCount();
    QTest::qWait(1000); // a rate is counted over a fixed time
    std::vector<std::uint64_t> strip1Times;
    int all = 0, strip1Level11 = 0;
    for (const auto& r : rig.device->received(mark)) {
        if (r.bytes.size() != 2 || r.bytes[0] != 0xD0)
            continue;
        ++all;
        if ((r.bytes[1] >> 4) == 0) {
            strip1Times.push_back(r.timeUs);
            strip1Level11 += (r.bytes[1] & 0x0F) == 11;
        }
    }
    // The median interval, not the count: a loaded machine may stall the
    // event loop for a moment without the rate being wrong.
    std::vector<double> intervalsMs;
    for (std::size_t i = 1; i < strip1Times.size(); ++i)
        intervalsMs.push_back((strip1Times[i] - strip1Times[i - 1]) / 1000.0);
    QVERIFY(intervalsMs.size() >= 4);
    std::nth_element(intervalsMs.begin(), intervalsMs.begin() + intervalsMs.size() / 2,
                     intervalsMs.end());
    const double medianMs = intervalsMs[intervalsMs.size() / 2];
    qInfo("meter messages in 1 s: %d (strip 1: %zu, at level 11: %d), median interval %.1f ms", all,
          strip1Times.size(), strip1Level11, medianMs);
    QVERIFY2(std::abs(medianMs - MackieSurface::kMeterIntervalMs) < 20,
             qPrintable(QString::number(medianMs)));
    QCOMPARE(all, 8 * int(strip1Times.size())); // every strip each time
    QCOMPARE(strip1Level11, int(strip1Times.size()));
}

void TestMidi::clipLedOncePerClip() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const auto countOf = [&](const Bytes& bytes, std::size_t from) {
        const auto got = rig.device->received(from);
        return std::count_if(got.begin(), got.end(),
                             [&](const auto& r) { return r.bytes == bytes; });
    };
    const Bytes clip2{0xD0, 0x1E}; // strip 2, clip
    const Bytes clip1{0xD0, 0x0E};
    // Full scale into channel 2, -6 dBFS into channel 1: strip 2 clips.
    std::size_t mark = rig.device->receivedCount();
    rig.engineRig.run({test::sine(1000, -6, 4800), test::constant(0, 4800)}, 4800);
    rig.meters.poll();
    QTRY_COMPARE_WITH_TIMEOUT(countOf(clip2, mark), 1, kWaitMs);
    // Once per new clip, not at every meter tick; strip 1 never.
    QTest::qWait(5 * MackieSurface::kMeterIntervalMs);
    QCOMPARE(countOf(clip2, mark), 1);
    QCOMPARE(countOf(clip1, mark), 0);
    QVERIFY(countOf(Bytes{0xD0, 0x1C}, mark) >= 4); // strip 2 meter at level 12 meanwhile

    // It clips again: the LED is lit again.
    mark = rig.device->receivedCount();
    rig.engineRig.run(1, test::constant(0, 480));
    rig.meters.poll();
    QTRY_COMPARE_WITH_TIMEOUT(countOf(clip2, mark), 1, kWaitMs);
    QCOMPARE(countOf(clip1, mark), 0);
}

void TestMidi::faderFloodIsCoalesced() {
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    struct Counter : ConsoleObserver {
        int changes = 0;
        void parameterChanged(ParamId, const ParameterValue&, SourceId) override { ++changes; }
    } counter;
    rig.state.addSource(QStringLiteral("counter"), &counter);
    const ParamId ch1 = rig.id(QStringLiteral("/ch/01/mix/fader"));
    const ParamId ch5 = rig.id(QStringLiteral("/ch/05/mix/fader"));

    // 10,000 bends a second on strip 1 for a second, from another thread,
    // each to a new position; the last one at 12345.
    constexpr int kPerMs = 10, kMs = 1000, kLast = 12345;
    std::atomic<int> sent{0};
    std::atomic<bool> done{false};
    std::thread flood([&] {
        const auto start = std::chrono::steady_clock::now();
        for (int ms = 0; ms < kMs; ++ms) {
            for (int i = 0; i < kPerMs; ++i)
                sent += rig.device->send(bend(0, (ms * kPerMs + i) % 8192)) ? 1 : 0;
            std::this_thread::sleep_until(start + std::chrono::milliseconds(ms + 1));
        }
        sent += rig.device->send(bend(0, kLast)) ? 1 : 0;
        done = true;
    });
    const auto joinFlood = qScopeGuard([&] { flood.join(); }); // also when a check fails

    // Half way through, another source moves strip 5, posting to the control
    // thread from its own thread as OSC does: its motor still follows at once.
    QTest::qWait(kMs / 2);
    const std::size_t mark = rig.device->receivedCount();
    const std::uint64_t movedUs = JackMidiTestClient::nowUs();
    std::thread([&] {
        QMetaObject::invokeMethod(
            &rig.midi, [&] { rig.state.setNormalized(ch5, 0.3, rig.osc); }, Qt::QueuedConnection);
    }).join();
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(ch5) - 0.3) < 1e-3, kWaitMs);
    const Bytes motor5 = bend(4, int(std::lround(rig.state.normalized(ch5) * 16383)));
    std::uint64_t echoUs = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& r : rig.device->received(mark))
                if (r.bytes == motor5) {
                    echoUs = r.timeUs;
                    return true;
                }
            return false;
        }(),
        kWaitMs);
    const double echoMs = double(echoUs - movedUs) / 1000.0;
    // The control thread keeps running its loop until the flood is over.
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), kWaitMs);

    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(ch1) - kLast / 16383.0) < 1e-4, kWaitMs);
    QTest::qWait(100); // nothing older arrives after the last bend
    QVERIFY(std::abs(rig.state.normalized(ch1) - kLast / 16383.0) < 1e-4);
    qInfo("flood: %d bends sent, %d model changes, %llu dropped; echo of another source "
          "after %.2f ms",
          sent.load(), counter.changes, static_cast<unsigned long long>(rig.midi.messagesDropped()),
          echoMs);
    QCOMPARE(sent.load(), kPerMs * kMs + 1);
    QVERIFY2(echoMs < 100, qPrintable(QString::number(echoMs)));
    // Coalesced: far fewer changes than bends (about one per JACK cycle).
    QVERIFY2(counter.changes < sent.load() / 2, qPrintable(QString::number(counter.changes)));
    QCOMPARE(rig.midi.messagesDropped(), std::uint64_t(0));
}

void TestMidi::lastBendSurvivesAStalledControlThread() {
    // The control thread hangs for 700 ms (a slow disk, a huge recall) while
    // a device sends 20,000 bends: the 4,096-message queue overflows, yet the
    // fader ends where the device left it (without the overflow slot it does
    // not: checked by disabling it).
    Rig rig;
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const ParamId ch1 = rig.id(QStringLiteral("/ch/01/mix/fader"));
    constexpr int kLast = 12345;
    std::thread flood([&] {
        for (int i = 0; i < 20000; ++i) {
            rig.device->send(bend(0, i % 8192));
            if (i % 40 == 39)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        rig.device->send(bend(0, kLast));
    });
    const auto stallUntil = std::chrono::steady_clock::now() + std::chrono::milliseconds(700);
    while (std::chrono::steady_clock::now() < stallUntil) {
        // busy: no events are processed
    }
    flood.join();
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(ch1) - kLast / 16383.0) < 1e-4, kWaitMs);
    QTest::qWait(100);
    QVERIFY(std::abs(rig.state.normalized(ch1) - kLast / 16383.0) < 1e-4);
}

void TestMidi::deviceBackGetsWholeState() {
    Rig rig;
    rig.state.set(rig.id(QStringLiteral("/ch/01/config/name")), QStringLiteral("Vox"), rig.osc);
    rig.state.setNormalized(rig.id(QStringLiteral("/ch/04/mix/fader")), 0.4, rig.osc);
    rig.state.set(rig.id(QStringLiteral("/ch/05/mix/on")), 0.0, rig.osc);
    MackieSurface mackie(rig.state, rig.midi, &rig.meters);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);

    rig.device.reset(); // unplugged
    QTRY_VERIFY_WITH_TIMEOUT(rig.midi.outputPort().isEmpty() && rig.midi.inputPort().isEmpty(),
                             kWaitMs);
    // Changed while away.
    rig.state.setNormalized(rig.id(QStringLiteral("/ch/04/mix/fader")), 0.8, rig.osc);

    QSignalSpy back(&rig.midi, &MidiDevice::outputConnected);
    rig.device = std::make_unique<JackMidiTestClient>(kDeviceName); // plugged back
    QVERIFY(rig.device->ok());
    QVERIFY(back.wait(kWaitMs));
    const int ch4 =
        int(std::lround(rig.state.normalized(rig.id(QStringLiteral("/ch/04/mix/fader"))) * 16383));
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(), bend(3, ch4)), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(), lcdBytes(0, "Vox    ")), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(), Bytes({0x90, 0x14, 0x7F})), kWaitMs);
    // 8 strips and the master, once each. The state may reach the device
    // over two JACK cycles (when a cycle runs while it is being sent): count
    // once the master's bend, the last of it, has arrived.
    const auto isBend = [](const Bytes& b) { return !b.empty() && (b[0] & 0xF0) == 0xE0; };
    const int main = int(
        std::lround(rig.state.normalized(rig.id(QStringLiteral("/main/st/mix/fader"))) * 16383));
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(), bend(8, main)), kWaitMs);
    QCOMPARE(countIf(*rig.device, 0, isBend), 9);
    QCOMPARE(back.count(), 1);
    // And it is heard again, once JACK has connected its output to us too.
    QTRY_VERIFY_WITH_TIMEOUT(!rig.midi.inputPort().isEmpty() && rig.device->portsConnected(),
                             kWaitMs);
    rig.device->send(bend(0, 16383));
    QTRY_VERIFY_WITH_TIMEOUT(
        rig.state.normalized(rig.id(QStringLiteral("/ch/01/mix/fader"))) > 0.999, kWaitMs);
}

void TestMidi::extenderContinuesTheStrips() {
    // An MCU with an XT right of it: 16 strips, banks of 16 over 40 inputs.
    Rig rig(40);
    nameAndSpreadChannels(rig);
    DeviceLink xt("xt-device", QStringLiteral("stagedesk-test-xt"));
    MackieSurface mackie(rig.state, &rig.meters);
    mackie.addUnit(rig.midi, MackieUnit::Kind::Main);
    mackie.addUnit(xt.midi, MackieUnit::Kind::Extender);
    QCOMPARE(mackie.stripCount(), 16);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected() && xt.connected(), kWaitMs);
    JackMidiTestClient& mcu = *rig.device;
    JackMidiTestClient& ext = *xt.device;
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, mcu, 0, mackie::kMainDeviceId, 1), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, ext, 0, mackie::kExtenderDeviceId, 9), kWaitMs);
    // The XT has no master fader and no global buttons to light.
    const auto masterOrGlobal = [](const Bytes& b) {
        return (b.size() == 3 && b[0] == 0xE8) ||
               (b.size() == 3 && b[0] == 0x90 && b[1] >= mackie::kAssignSend &&
                b[1] <= mackie::kFlip);
    };
    QCOMPARE(countIf(ext, 0, masterOrGlobal), 0);
    QTRY_VERIFY_WITH_TIMEOUT(countIf(mcu, 0, masterOrGlobal) > 0, kWaitMs);

    // A fader on the XT moves its own channel (strip 4: channel 12).
    rig.device->send(bend(3, 0)); // the MCU's strip 4 (channel 4) down: not the XT's
    ext.send(bend(3, 16383));
    QTRY_VERIFY_WITH_TIMEOUT(rig.state.normalized(rig.id(channelAddress(12, "mix/fader"))) > 0.999,
                             kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.normalized(rig.id(channelAddress(4, "mix/fader"))), 0.0,
                              kWaitMs);

    // Bank right on the MCU moves the whole surface by 16: MCU 17-24, XT 25-32.
    std::size_t mcuMark = mcu.receivedCount(), extMark = ext.receivedCount();
    mcu.send({0x90, mackie::kBankRight, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 16, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, mcu, mcuMark, mackie::kMainDeviceId, 17), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, ext, extMark, mackie::kExtenderDeviceId, 25), kWaitMs);
    ext.send(bend(0, 4096)); // now channel 25
    QTRY_VERIFY_WITH_TIMEOUT(
        std::abs(rig.state.normalized(rig.id(channelAddress(25, "mix/fader"))) - 0.25) < 1e-3,
        kWaitMs);
    // Again: the last 16 channels (25-40), never past the last input.
    extMark = ext.receivedCount();
    mcu.send({0x90, mackie::kBankRight, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 24, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, ext, extMark, mackie::kExtenderDeviceId, 33), kWaitMs);
    // Channel left moves by one strip.
    extMark = ext.receivedCount();
    mcu.send({0x90, mackie::kChannelLeft, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 23, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, ext, extMark, mackie::kExtenderDeviceId, 32), kWaitMs);
    // Bank buttons from an extender (it has none) are ignored.
    ext.send({0x90, mackie::kBankLeft, 0x7F});
    mcu.send({0x90, mackie::kBankLeft, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 7, kWaitMs);
    mcu.send({0x90, mackie::kBankLeft, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.bankOffset(), 0, kWaitMs);

    // Selection is shared: select on the XT's strip 2 (channel 10) lights
    // it there and puts out the MCU's select LEDs.
    mcuMark = mcu.receivedCount();
    extMark = ext.receivedCount();
    ext.send({0x90, mackie::kSelect + 1, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(mackie.selectedChannel(), 9, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(ext.received(extMark), Bytes{0x90, 0x19, 0x7F}), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(mcu.received(mcuMark), Bytes{0x90, 0x1F, 0x00}), kWaitMs);
    QCOMPARE(countIf(mcu, mcuMark,
                     [](const Bytes& b) {
                         return b.size() == 3 && b[0] == 0x90 && b[1] >= mackie::kSelect &&
                                b[1] < mackie::kSelect + 8 && b[2] != 0;
                     }),
             0);

    // Flip is shared: flipped on the MCU, the XT's faders move sends of bus 1.
    const double fader10 = rig.state.normalized(rig.id(channelAddress(10, "mix/fader")));
    mcu.send({0x90, mackie::kFlip, 0x7F});
    QTRY_VERIFY_WITH_TIMEOUT(mackie.flipped(), kWaitMs);
    ext.send(bend(1, 12288));
    QTRY_VERIFY_WITH_TIMEOUT(
        std::abs(rig.state.normalized(rig.id(channelAddress(10, "mix/01/level"))) - 0.75) < 1e-3,
        kWaitMs);
    QCOMPARE(rig.state.normalized(rig.id(channelAddress(10, "mix/fader"))), fader10);

    // Each unit meters its own strips: -3 dBFS into channel 9 is level 11 on
    // the XT's strip 1, while the MCU's strip 1 (channel 1) stays at 0.
    rig.engineRig.run(8, test::sine(1000, -3, 4800));
    rig.meters.poll();
    mcuMark = mcu.receivedCount();
    extMark = ext.receivedCount();
    QTRY_VERIFY_WITH_TIMEOUT(contains(ext.received(extMark), Bytes{0xD0, 0x0B}), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(mcu.received(mcuMark), Bytes{0xD0, 0x00}), kWaitMs);
    QVERIFY(!contains(mcu.received(mcuMark), Bytes{0xD0, 0x0B}));

    // Every LCD message went to the unit it is for.
    QCOMPARE(sysexDeviceIds(mcu), std::set<std::uint8_t>{mackie::kMainDeviceId});
    QCOMPARE(sysexDeviceIds(ext), std::set<std::uint8_t>{mackie::kExtenderDeviceId});
}

void TestMidi::extenderFirstAndReconnectedAlone() {
    Rig rig;
    nameAndSpreadChannels(rig);
    DeviceLink xt("xt-device", QStringLiteral("stagedesk-test-xt"));
    // The engineer put the XT left of the MCU: XT 1-8, MCU 9-16.
    MackieSurface mackie(rig.state, &rig.meters);
    mackie.addUnit(xt.midi, MackieUnit::Kind::Extender);
    mackie.addUnit(rig.midi, MackieUnit::Kind::Main);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected() && xt.connected(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, *xt.device, 0, mackie::kExtenderDeviceId, 1), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, *rig.device, 0, mackie::kMainDeviceId, 9), kWaitMs);
    // The MCU's fader 1 is channel 9, its master fader main LR.
    rig.device->send(bend(0, 16383));
    rig.device->send(bend(8, 8192));
    QTRY_VERIFY_WITH_TIMEOUT(rig.state.normalized(rig.id(channelAddress(9, "mix/fader"))) > 0.999,
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::abs(rig.state.normalized(rig.id(QStringLiteral("/main/st/mix/fader"))) - 0.5) < 1e-3,
        kWaitMs);

    // The XT is unplugged; channel 3 (on it) changes meanwhile; it comes back.
    xt.device.reset();
    QTRY_VERIFY_WITH_TIMEOUT(xt.midi.outputPort().isEmpty() && xt.midi.inputPort().isEmpty(),
                             kWaitMs);
    rig.state.setNormalized(rig.id(channelAddress(3, "mix/fader")), 0.9, rig.osc);
    const std::size_t mcuMark = rig.device->receivedCount();
    QSignalSpy back(&xt.midi, &MidiDevice::outputConnected);
    xt.device = std::make_unique<JackMidiTestClient>("xt-device");
    QVERIFY(xt.device->ok());
    QVERIFY(back.wait(kWaitMs));
    // It gets its whole state: its 8 faders (no master), names, LEDs.
    QTRY_VERIFY_WITH_TIMEOUT(unitShows(rig, *xt.device, 0, mackie::kExtenderDeviceId, 1), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(countIf(*xt.device, 0,
                                     [](const Bytes& b) {
                                         return b.size() == 3 && b[0] == 0x90 &&
                                                b[1] < mackie::kSelect + 8;
                                     }) == 32,
                             kWaitMs);
    const auto isBend = [](const Bytes& b) { return !b.empty() && (b[0] & 0xF0) == 0xE0; };
    QCOMPARE(countIf(*xt.device, 0, isBend), 8);
    // The MCU, which never went away, is not sent its state again.
    QCOMPARE(countIf(*rig.device, mcuMark, isBend), 0);
    QCOMPARE(countIf(*rig.device, mcuMark, [](const Bytes& b) { return b[0] == 0xF0; }), 0);
    // And the XT is heard again: its strip 3 is channel 3.
    xt.device->send(bend(2, 0));
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.normalized(rig.id(channelAddress(3, "mix/fader"))), 0.0,
                              kWaitMs);
}

void TestMidi::extendersFromTheCommandLine() {
    const auto parse = [](QStringList args) {
        args.prepend(QStringLiteral("stagedesk"));
        return app::parseCommandLine(args);
    };
    const QStringList mcu{"--midi-in", "mcu-device:out", "--midi-out", "mcu-device:in", "--mcu"};
    // Refused with the option named.
    QCOMPARE(parse({"--mcu-xt", "xt-device"}).error,
             QStringLiteral("--mcu-xt: needs --mcu (an extender sits beside an MCU); see "
                            "'stagedesk --help'"));
    QCOMPARE(parse(mcu + QStringList{"--mcu-xt", "xt-device", "--mcu-position", "3"}).error,
             QStringLiteral("--mcu-position: a number 1..2 is needed (the MCU and its extenders); "
                            "see 'stagedesk --help'"));

    // Two extenders with the MCU between them: XT 1-8, MCU 9-16, XT 17-24.
    const app::CommandLine line = parse(
        mcu + QStringList{"--mcu-xt", "xt-device", "--mcu-xt", "xt-right", "--mcu-position", "2"});
    QCOMPARE(line.action, app::CommandLine::Action::Run);
    QCOMPARE(line.options.midi.extenders, (QStringList{"xt-device", "xt-right"}));
    QCOMPARE(line.options.midi.mainPosition, 2);
    ShowDocument show;
    show.console = {24, kBuses};
    show.safes = RecallSafes::nothing(show.console);
    app::ConsoleSession session(show, nullptr);
    JackMidiTestClient mcuBox("mcu-device"), left("xt-device"), right("xt-right");
    QVERIFY(mcuBox.ok() && left.ok() && right.ok());
    app::MidiSurfaces midi(session, line.options.midi, MidiApi::Jack);
    QVERIFY(midi.mackie());
    QCOMPARE(midi.mackie()->stripCount(), 24);
    QTRY_VERIFY_WITH_TIMEOUT(!midi.extender(1).outputPort().isEmpty(), kWaitMs);
    QCOMPARE(midi.extender(0).inputPort(), QStringLiteral("xt-device:out"));
    QCOMPARE(midi.extender(0).outputPort(), QStringLiteral("xt-device:in"));
    // Each strip's name cell reaches its own unit. Names are changed once
    // JACK reports every port connected: the state sent on connection itself
    // can be lost while JACK makes a new connection live (on a loaded machine
    // that takes longer than the surface's settling time).
    QTRY_VERIFY_WITH_TIMEOUT(
        mcuBox.portsConnected() && left.portsConnected() && right.portsConnected(), kWaitMs);
    for (const auto& [channel, name] : {std::pair{1, "Kick"}, {9, "Snare"}, {24, "Vox"}})
        session.state().set(session.state().registry().find(channelAddress(channel, "config/name")),
                            QString::fromLatin1(name), scenes::kInternalSource);
    QTRY_VERIFY_WITH_TIMEOUT(contains(left.received(), lcdBytes(0, "Kick   ", 0x15)), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(mcuBox.received(), lcdBytes(0, "Snare  ", 0x14)), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(contains(right.received(), lcdBytes(7 * 7, "Vox    ", 0x15)), kWaitMs);
}

// The ports opened are remembered in the show's "midi" slot; a console
// started from that show without MIDI options opens them again and drives
// the surface; a bad "ports" entry is refused with the field named.
void TestMidi::portsRememberedInTheShow() {
    ShowDocument show;
    show.console = {16, kBuses};
    show.safes = RecallSafes::nothing(show.console);
    JackMidiTestClient box("mcu-device");
    QVERIFY(box.ok());
    app::MidiOptions options;
    options.input = QStringLiteral("mcu-device:out");
    options.output = QStringLiteral("mcu-device:in");
    options.mackie = true;
    {
        app::ConsoleSession first(show, nullptr);
        auto midi = app::startMidi(first, options, MidiApi::Jack);
        QVERIFY(midi && midi->mackie());
        const QJsonObject ports = first.midi().value("ports").toObject();
        QCOMPARE(ports.value("in").toString(), options.input);
        QCOMPARE(ports.value("out").toString(), options.output);
        QCOMPARE(ports.value("mcu").toBool(), true);
        show.midi = first.snapshot().midi;
    }

    app::ConsoleSession second(show, nullptr);
    auto again = app::startMidi(second, app::MidiOptions{}, MidiApi::Jack);
    QVERIFY(again && again->mackie());
    QTRY_VERIFY_WITH_TIMEOUT(!again->device().outputPort().isEmpty() && box.portsConnected(),
                             kWaitMs);
    second.state().set(second.state().registry().find(channelAddress(2, "config/name")),
                       QStringLiteral("Bass"), scenes::kInternalSource);
    QTRY_VERIFY_WITH_TIMEOUT(contains(box.received(), lcdBytes(7, "Bass   ")), kWaitMs);
    QCOMPARE(second.midi(), show.midi); // nothing new to remember

    for (const QJsonValue bad :
         {QJsonValue(QJsonObject{{"in", 5}}), QJsonValue(QJsonObject{{"in", "a"}, {"mcu", true}}),
          QJsonValue(QJsonObject{{"speed", 1}}), QJsonValue(3)}) {
        show.midi = QJsonObject{{"ports", bad}};
        app::ConsoleSession refused(show, nullptr);
        QVERIFY(!app::startMidi(refused, app::MidiOptions{}, MidiApi::Jack));
        QCOMPARE(refused.midi(), show.midi); // kept as it was
    }
    QString error;
    app::MidiOptions read;
    error = app::midiPortsFromJson(QJsonObject{{"in", "a"}, {"mcu", true}}, read);
    QCOMPARE(error, QStringLiteral("midi.ports.mcu: a Mackie Control needs both \"in\" and "
                                   "\"out\""));
    error = app::midiPortsFromJson(QJsonObject{{"in", "a"},
                                               {"out", "b"},
                                               {"mcu", true},
                                               {"extenders", QJsonArray{"x"}},
                                               {"mcuPosition", 3}},
                                   read);
    QCOMPARE(error, QStringLiteral("midi.ports.mcuPosition: a number 1..2 is needed"));
}

void TestMidi::learnEachKind_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("relative");
    QTest::addColumn<bool>("momentary");
    QTest::addColumn<QList<Bytes>>("learnWith");
    QTest::addColumn<QList<Bytes>>("moveWith");
    QTest::addColumn<QString>("expectedJson");
    QTest::addColumn<double>("expected");      // normalized
    QTest::addColumn<Bytes>("feedbackAtHalf"); // a switch: at the other state
    const QString fader = QStringLiteral("/ch/01/mix/fader");
    QTest::newRow("cc") << fader << false << false << QList<Bytes>{{0xB0, 0x07, 0x10}}
                        << QList<Bytes>{{0xB0, 0x07, 100}}
                        << R"({"address":"/ch/01/mix/fader","channel":1,"number":7,"type":"cc"})"
                        << 100 / 127.0 << Bytes{0xB0, 0x07, 64};
    QTest::newRow("cc14")
        << fader << false << false << QList<Bytes>{{0xB1, 0x01, 0x10}, {0xB1, 0x21, 0x00}}
        << QList<Bytes>{{0xB1, 0x01, 0x60}, {0xB1, 0x21, 0x00}}
        << R"({"address":"/ch/01/mix/fader","channel":2,"number":1,"type":"cc14"})"
        << 12288 / 16383.0 << Bytes{0xB1, 0x21, 0x00};
    QTest::newRow("nrpn")
        << fader << false << false
        << QList<Bytes>{{0xB0, 99, 0x01}, {0xB0, 98, 0x02}, {0xB0, 6, 0x10}, {0xB0, 38, 0x00}}
        << QList<Bytes>{{0xB0, 99, 0x01}, {0xB0, 98, 0x02}, {0xB0, 6, 0x20}, {0xB0, 38, 0x00}}
        << R"({"address":"/ch/01/mix/fader","channel":1,"number":130,"type":"nrpn"})"
        << 4096 / 16383.0 << Bytes{0xB0, 6, 0x40};
    QTest::newRow("pitch bend")
        << fader << false << false << QList<Bytes>{{0xE3, 0x00, 0x40}}
        << QList<Bytes>{{0xE3, 0x00, 0x60}}
        << R"({"address":"/ch/01/mix/fader","channel":4,"type":"pitchbend"})" << 12288 / 16383.0
        << Bytes{0xE3, 0x00, 0x40};
    QTest::newRow("note toggle")
        << QStringLiteral("/ch/01/mix/on") << false << false << QList<Bytes>{{0x90, 0x24, 0x7F}}
        << QList<Bytes>{{0x90, 0x24, 0x7F}, {0x80, 0x24, 0x00}}
        << R"({"address":"/ch/01/mix/on","channel":1,"number":36,"type":"note-toggle"})" << 0.0
        << Bytes{0x90, 0x24, 0x7F};
    // Pressed, released, pressed: on (a toggle would be off).
    QTest::newRow("note momentary")
        << QStringLiteral("/ch/01/solo") << false << true << QList<Bytes>{{0x99, 0x25, 0x7F}}
        << QList<Bytes>{{0x99, 0x25, 0x7F}, {0x89, 0x25, 0x00}, {0x99, 0x25, 0x7F}}
        << R"({"address":"/ch/01/solo","channel":10,"number":37,"type":"note-momentary"})" << 1.0
        << Bytes{0x99, 0x25, 0x00};
    QTest::newRow("relative cc")
        << QStringLiteral("/ch/01/mix/pan") << true << false << QList<Bytes>{{0xB0, 0x10, 0x01}}
        << QList<Bytes>{{0xB0, 0x10, 0x05}, {0xB0, 0x10, 0x7F}}
        << R"({"address":"/ch/01/mix/pan","channel":1,"number":16,"relative":true,"type":"cc"})"
        << 0.5 + 4 / 127.0 << Bytes{0xB0, 0x10, 64};
}

void TestMidi::learnEachKind() {
    QFETCH(QString, address);
    QFETCH(bool, relative);
    QFETCH(bool, momentary);
    QFETCH(QList<Bytes>, learnWith);
    QFETCH(QList<Bytes>, moveWith);
    QFETCH(QString, expectedJson);
    QFETCH(double, expected);
    QFETCH(Bytes, feedbackAtHalf);
    Rig rig;
    SceneList scenes(rig.state);
    MidiMapSurface map(rig.state, scenes, rig.midi);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const ParamId id = rig.id(address);

    QSignalSpy learned(&map, &MidiMapSurface::learned);
    QVERIFY(map.learn(address, {relative, momentary}));
    QVERIFY(!map.learn(QStringLiteral("/ch/99/mix/fader"))); // unknown: refused
    QVERIFY(map.learning());
    for (const Bytes& b : learnWith)
        rig.device->send(b);
    QVERIFY(learned.wait(kWaitMs));
    QCOMPARE(map.bindings().size(), std::size_t(1));
    QCOMPARE(
        QString::fromUtf8(QJsonDocument(toJson(map.bindings()[0])).toJson(QJsonDocument::Compact)),
        expectedJson);

    for (const Bytes& b : moveWith)
        rig.device->send(b);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(rig.state.normalized(id) - expected) < 1e-3, kWaitMs);

    // Feedback: another source moves the parameter to half way (a switch to
    // its other state).
    const std::size_t mark = rig.device->receivedCount();
    if (rig.registry.at(id).isDiscrete())
        rig.state.setNormalized(id, rig.state.normalized(id) > 0.5 ? 0.0 : 1.0, rig.osc);
    else
        rig.state.setNormalized(id, 0.5, rig.osc);
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), feedbackAtHalf), kWaitMs);

    QVERIFY(map.removeBinding(0));
    QVERIFY(!map.removeBinding(0));
    QVERIFY(map.bindings().empty());
}

// A plugin's control (a parameter added while running, as the insert host
// adds eg-amp's gain) is learned like any other; while its plugin is out of
// the slot the CC does nothing, and with the plugin back (the same id) it
// moves the control again. A show's binding to such a control is kept while
// no plugin has it.
void TestMidi::learnAPluginControl() {
    Rig rig;
    SceneList scenes(rig.state);
    MidiMapSurface map(rig.state, scenes, rig.midi);
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const QString address = QStringLiteral("/ch/01/insert/1/par/gain");
    ParameterDescriptor gain;
    gain.address = address;
    gain.unit = QStringLiteral("dB");
    gain.min = -90, gain.max = 24, gain.defaultValue = 0;
    gain.section = Section::Inserts;
    gain.strip = StripKind::Channel;
    QVERIFY(!map.learn(address));
    const ParamId id = rig.state.addParameters({gain}).front();
    QVERIFY(id != kNoParam);

    QSignalSpy learned(&map, &MidiMapSurface::learned);
    QVERIFY(map.learn(address));
    rig.device->send({0xB2, 70, 10});
    QVERIFY(learned.wait(kWaitMs));
    rig.device->send({0xB2, 70, 127});
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(id), 24.0, kWaitMs);

    // Retired: CC 70 changes nothing; CC 71 (another control, sent after it)
    // shows when the device's messages have been handled.
    const std::vector<ParamId> ids{id};
    rig.state.retireParameters(ids);
    const ParamId fader = rig.id(QStringLiteral("/ch/02/mix/fader"));
    QVERIFY(map.addBinding({MidiBinding::Kind::Cc, 2, 71, false, "/ch/02/mix/fader"}));
    rig.device->send({0xB2, 70, 0});
    rig.device->send({0xB2, 71, 127});
    QTRY_VERIFY_WITH_TIMEOUT(std::fabs(rig.state.normalized(fader) - 1) < 1e-6, kWaitMs);
    const double whileRetired = rig.state.number(id);

    QCOMPARE(rig.state.addParameters({gain}).front(), id); // back at its default, 0 dB
    rig.device->send({0xB2, 70, 0});
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(id), -90.0, kWaitMs);
    qInfo("CC 70 learned for %s: 127 -> 24 dB; retired: %.1f dB after CC 70 = 0; back: %.1f dB",
          qPrintable(address), whileRetired, rig.state.number(id));
    QCOMPARE(whileRetired, 24.0);

    rig.state.retireParameters(ids);
    const QJsonObject slot = QJsonDocument::fromJson(R"({"bindings":[
        {"address":"/ch/01/insert/1/par/gain","type":"cc","channel":3,"number":70}]})")
                                 .object();
    QCOMPARE(map.loadJson(slot), QString());
    QCOMPARE(map.toJson().value("bindings"), slot.value("bindings"));
    QVERIFY(map.loadJson(QJsonDocument::fromJson(R"({"bindings":[
        {"address":"/ch/01/mix/par/gain","type":"cc","channel":3,"number":70}]})")
                             .object())
                .contains("is not a parameter"));
}

void TestMidi::bindingsInTheShowSlot() {
    Rig rig;
    SceneList scenes(rig.state);
    MidiMapSurface map(rig.state, scenes, rig.midi);
    const QByteArray good = R"({"bindings":[
        {"address":"/ch/02/mix/fader","type":"cc","channel":1,"number":7},
        {"address":"/ch/02/mix/on","type":"note-momentary","channel":10,"number":60}],
        "programChange":{"channel":16,"action":"go"}})";
    const QJsonObject slot = QJsonDocument::fromJson(good).object();
    QCOMPARE(map.loadJson(slot), QString());
    QCOMPARE(map.bindings().size(), std::size_t(2));
    QCOMPARE(map.bindings()[1].kind, MidiBinding::Kind::NoteMomentary);
    QCOMPARE(map.bindings()[1].channel, 9);
    QCOMPARE(map.toJson(), slot);

    // A bad file is refused with the field named, and what runs is kept.
    const QList<QPair<QByteArray, QString>> bad{
        {R"({"bindings":[{"address":"/ch/02/mix/fader","type":"cc","channel":17,"number":7}]})",
         "midi.bindings[0].channel: a whole number 1..16 is needed"},
        {R"({"bindings":[{"address":"/ch/77/mix/fader","type":"cc","channel":1,"number":7}]})",
         "midi.bindings[0].address: /ch/77/mix/fader is not a parameter"},
        {R"({"bindings":[{"address":"/ch/02/mix/fader","type":"cc14","channel":1,"number":40}]})",
         "midi.bindings[0].number: a whole number 0..31 is needed"},
        {R"({"bindings":[{"address":"/ch/02/mix/fader","type":"knob","channel":1,"number":4}]})",
         R"(midi.bindings[0].type: "knob" is not one of cc, cc14, nrpn, note-toggle, note-momentary, pitchbend)"},
        {R"({"mappings":[]})", "midi.mappings: unknown field"},
    };
    for (const auto& [json, error] : bad) {
        QCOMPARE(map.loadJson(QJsonDocument::fromJson(json).object()), error);
        QCOMPARE(map.toJson(), slot);
    }
}

void TestMidi::programChangeRecallsScenes() {
    Rig rig;
    SceneList scenes(rig.state);
    const ParamId fader = rig.id(QStringLiteral("/ch/01/mix/fader"));
    storeThreeSongs(rig, scenes, fader);
    QVERIFY(scenes.setCues({{1, {}}, {2, {}}, {3, {}}}, 0));
    MidiMapSurface map(rig.state, scenes, rig.midi);
    map.setProgramChange({15, ProgramAction::Scene});
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);

    rig.device->send({0xCF, 0x01}); // program 2 on channel 16: scene 2
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(fader), -10.0, kWaitMs);
    rig.device->send({0xC0, 0x00}); // another channel: ignored
    rig.device->send({0xCF, 0x00});
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(fader), 0.0, kWaitMs);

    map.setProgramChange({15, ProgramAction::Go});
    rig.device->send({0xCF, 0x05}); // GO: cue 1 (scene 1, 0 dB)
    rig.device->send({0xCF, 0x05}); // GO: cue 2 (scene 2, -10 dB)
    QTRY_COMPARE_WITH_TIMEOUT(scenes.cuePosition(), 2, kWaitMs);
    QCOMPARE(rig.state.number(fader), -10.0);
}

void TestMidi::sceneRecallSendsProgramChange() {
    Rig rig;
    SceneList scenes(rig.state);
    const ParamId fader = rig.id(QStringLiteral("/ch/01/mix/fader"));
    storeThreeSongs(rig, scenes, fader);
    // Songs 1 and 3 call programs 5 and 12 on the effects rack; song 2 none.
    std::vector<Scene> withPrograms = scenes.scenes();
    withPrograms[0].midiProgram = 5;
    withPrograms[2].midiProgram = 12;
    QVERIFY(scenes.replaceAll(withPrograms, {}, 0, scenes.safes()));
    MidiMapSurface map(rig.state, scenes, rig.midi);
    map.setProgramChange({2, ProgramAction::Scene}); // MIDI channel 3
    QTRY_VERIFY_WITH_TIMEOUT(rig.connected(), kWaitMs);
    const auto programsSent = [&](std::size_t from) {
        std::vector<Bytes> programs;
        for (const auto& r : rig.device->received(from))
            if (!r.bytes.empty() && (r.bytes[0] & 0xF0) == 0xC0)
                programs.push_back(r.bytes);
        return programs;
    };

    // Recalls from elsewhere (the screen, GO): the scene's program goes out;
    // a scene without one and an undo send nothing.
    std::size_t mark = rig.device->receivedCount();
    QVERIFY(scenes.recall(0));
    QVERIFY(scenes.recall(1));
    QVERIFY(scenes.recall(2));
    QVERIFY(scenes.undoRecall());
    QVERIFY(scenes.setCues({{1, {}}}, 0));
    QVERIFY(scenes.go());
    const std::vector<Bytes> expected{{0xC2, 5}, {0xC2, 12}, {0xC2, 5}};
    QTRY_COMPARE_WITH_TIMEOUT(programsSent(mark), expected, kWaitMs);

    // A recall asked by the device's own program change is not sent back to
    // it (a device that echoes would loop); the next one from elsewhere is.
    mark = rig.device->receivedCount();
    rig.device->send({0xC2, 12}); // scene 3 (-20 dB) by its program
    QTRY_COMPARE_WITH_TIMEOUT(rig.state.number(fader), -20.0, kWaitMs);
    QVERIFY(scenes.recall(0));
    QTRY_COMPARE_WITH_TIMEOUT(programsSent(mark), (std::vector<Bytes>{{0xC2, 5}}), kWaitMs);

    // Without a configured channel nothing goes out.
    map.setProgramChange({});
    mark = rig.device->receivedCount();
    QVERIFY(scenes.recall(2));
    QVERIFY(map.addBinding({MidiBinding::Kind::Cc, 0, 9, false, QStringLiteral("/ch/02/mix/on")}));
    rig.state.set(rig.id(QStringLiteral("/ch/02/mix/on")), 0.0, rig.osc); // a marker
    QTRY_VERIFY_WITH_TIMEOUT(contains(rig.device->received(mark), Bytes{0xB0, 9, 0}), kWaitMs);
    QVERIFY(programsSent(mark).empty());
}

void TestMidi::learnedMappingsKeptByTheAutosave() {
    if (defaultMidiApi() != MidiApi::Jack)
        QSKIP("the program's MIDI is on ALSA here; this test plays the device on JACK");
    QTemporaryDir dir;
    ShowDocument show;
    show.console = {kInputs, kBuses};
    show.safes = RecallSafes::nothing(show.console);
    show.midi = QJsonDocument::fromJson(R"({"bindings":[
        {"address":"/ch/02/mix/fader","type":"cc","channel":1,"number":7}]})")
                    .object();
    app::ConsoleSession session(show, nullptr);
    const QString autosave = dir.filePath(QStringLiteral("show.json.autosave"));
    session.startAutosave(autosave, 1);
    JackMidiTestClient box("fader-box");
    QVERIFY(box.ok());
    app::MidiOptions options;
    options.input = QStringLiteral("fader-box:out");
    options.output = QStringLiteral("fader-box:in");
    app::MidiSurfaces midi(session, options);
    QVERIFY(midi.map());
    QCOMPARE(midi.map()->bindings().size(), std::size_t(1)); // from the show
    QTRY_VERIFY_WITH_TIMEOUT(!midi.device().inputPort().isEmpty() && box.portsConnected(), kWaitMs);
    const auto savedBindings = [&] {
        QFile file(autosave);
        if (!file.open(QIODevice::ReadOnly))
            return QJsonArray();
        const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
        return saved.value("midi").toObject().value("bindings").toArray();
    };
    const auto addressAt = [&](int i) {
        return savedBindings()[i].toObject().value("address").toString();
    };

    // Learned: in the session's slot at once, in the autosave with its tick.
    QVERIFY(midi.map()->learn(QStringLiteral("/ch/01/mix/on")));
    box.send({0x90, 0x24, 0x7F});
    QTRY_COMPARE_WITH_TIMEOUT(session.snapshot().midi.value("bindings").toArray().size(), 2,
                              kWaitMs);
    // The slot: the mappings as the surface has them, and the ports.
    const QJsonObject slot = session.snapshot().midi;
    QCOMPARE(slot.value("bindings"), midi.map()->toJson().value("bindings"));
    QCOMPARE(slot.value("ports").toObject().value("in").toString(), options.input);
    QTRY_COMPARE_WITH_TIMEOUT(savedBindings().size(), 2, kWaitMs);
    QCOMPARE(addressAt(0), QStringLiteral("/ch/02/mix/fader"));
    QCOMPARE(addressAt(1), QStringLiteral("/ch/01/mix/on"));

    // Removed: gone from the autosave too.
    QVERIFY(midi.map()->removeBinding(0));
    QTRY_COMPARE_WITH_TIMEOUT(savedBindings().size(), 1, kWaitMs);
    QCOMPARE(addressAt(0), QStringLiteral("/ch/01/mix/on"));
    QCOMPARE(session.snapshot().midi.value("bindings"), midi.map()->toJson().value("bindings"));
}

QTEST_GUILESS_MAIN(TestMidi)
#include "tst_midi.moc"
