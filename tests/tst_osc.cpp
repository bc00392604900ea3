// The OSC remote over real UDP on 127.0.0.1: liblo and python3-liblo clients
// against the server on the real console model and an offline engine. GET
// and SET in X32 forms for every section, the fader law, /node, /xremote and
// /subscribe with expiry, 32 clients, meters of a signal played into the
// engine, access rules, scenes and cues, floods, and a malformed-datagram
// corpus that must change nothing.

#include "OscMeters.h"
#include "OscServer.h"
#include "OscValues.h"

#include "ConsoleSession.h"
#include "MeterHub.h"
#include "OscStartup.h"
#include "SceneList.h"
#include "support/OfflineRig.h"
#include "support/OscTestClient.h"

#include <QJsonDocument>
#include <QNetworkDatagram>
#include <QProcess>
#include <QUdpSocket>
#include <QtTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>

using namespace stagedesk;
using namespace stagedesk::scenes;
using namespace stagedesk::surfaces::osc;
using test::OscReceived;
using test::OscTestClient;

namespace {

constexpr int kInputs = 32;
constexpr int kBuses = 16;

OscSettings loopbackSettings() {
    OscSettings s = OscSettings::withDefaultRules();
    s.port = 0; // a free port: tests run side by side
    s.bind = QHostAddress(QHostAddress::LocalHost);
    return s;
}

OscSettings settingsFromJson(const char* json) {
    auto parsed = OscSettings::fromJson(QJsonDocument::fromJson(json).object(), kBuses);
    if (const QString* e = std::get_if<QString>(&parsed))
        qFatal("bad settings: %s", qPrintable(*e));
    OscSettings s = std::get<OscSettings>(parsed);
    s.port = 0;
    s.bind = QHostAddress(QHostAddress::LocalHost);
    return s;
}

// The console model on an offline engine, with the OSC server on it.
struct Console {
    explicit Console(OscSettings settings = loopbackSettings(), OscServerTiming timing = {})
        : registry({kInputs, kBuses}), rig(kInputs, kBuses), state(registry, &rig.engine()),
          scenes(state), meters(&rig.engine()),
          server(state, &scenes, &meters, std::move(settings), timing) {
        state.sendAllToEngine();
        QString error;
        if (!server.start(&error))
            qFatal("%s", qPrintable(error));
    }
    ParamId id(const char* address) const {
        const ParamId p = registry.find(QString::fromLatin1(address));
        if (p == kNoParam)
            qFatal("no parameter %s", address);
        return p;
    }
    double number(const char* address) const { return state.number(id(address)); }
    std::vector<ParameterValue> values() const {
        std::vector<ParameterValue> all;
        for (ParamId p = 0; p < registry.count(); ++p)
            all.push_back(state.value(p));
        return all;
    }

    ParameterRegistry registry;
    test::OfflineRig rig;
    ConsoleState state;
    SceneList scenes;
    MeterHub meters;
    OscServer server;
};

// A raw UDP client for what liblo cannot send.
struct RawClient {
    explicit RawClient(quint16 serverPort) : port(serverPort) {
        socket.bind(QHostAddress(QHostAddress::LocalHost), 0);
    }
    void send(const QByteArray& datagram) {
        socket.writeDatagram(datagram, QHostAddress(QHostAddress::LocalHost), port);
    }
    // The next reply, decoded by the server's own validator.
    std::optional<OscMessage> receive(int timeoutMs = 3000) {
        if (!socket.hasPendingDatagrams() && !socket.waitForReadyRead(0)) {
            QDeadlineTimer deadline(timeoutMs);
            while (!socket.hasPendingDatagrams() && !deadline.hasExpired())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        if (!socket.hasPendingDatagrams())
            return std::nullopt;
        const QByteArray d = socket.receiveDatagram().data();
        DecodeResult r = decodeDatagram(reinterpret_cast<const std::uint8_t*>(d.constData()),
                                        std::size_t(d.size()));
        if (!r.ok() || r.messages.size() != 1)
            return std::nullopt;
        return r.messages.front();
    }
    quint16 port;
    QUdpSocket socket;
};

// OSC building blocks for hand-made datagrams.
QByteArray oscString(const QByteArray& s) {
    QByteArray out = s;
    out.append('\0');
    while (out.size() % 4)
        out.append('\0');
    return out;
}
QByteArray bigEndian(std::uint32_t v) {
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[i] = char(v >> (24 - 8 * i));
    return out;
}
QByteArray floatMessage(const QByteArray& address, float f) {
    return oscString(address) + oscString(",f") + bigEndian(std::bit_cast<std::uint32_t>(f));
}
QByteArray bundle(const QList<QByteArray>& elements) {
    QByteArray out = oscString("#bundle") + QByteArray(8, '\0');
    out[15] = 1; // "immediately"
    for (const QByteArray& e : elements)
        out += bigEndian(std::uint32_t(e.size())) + e;
    return out;
}

std::vector<float> decodeMeterBlob(const OscBlob& blob) {
    std::vector<float> values;
    if (blob.size() < 4)
        return values;
    std::uint32_t count = 0;
    std::memcpy(&count, blob.data(), 4); // little-endian, as on the X32 (and this machine)
    for (std::uint32_t i = 0; i < count && 4 + 4 * (i + 1) <= blob.size(); ++i) {
        float f = 0;
        std::memcpy(&f, blob.data() + 4 + 4 * i, 4);
        values.push_back(f);
    }
    return values;
}

} // namespace

class TestOsc : public QObject {
    Q_OBJECT
private slots:
    void decoderAcceptsWellFormed();
    void getSetRoundTrip_data();
    void getSetRoundTrip();
    void textNamesCutToModelLength();
    void datagramWithoutTypeTagsIsGet();
    void bundleIsUnpacked();
    void infoXinfoStatus();
    void nodeText();
    void xremotePushesToOthersNotSetter();
    void xremoteExpiresAndRenews();
    void thirtyTwoClients();
    void recallPushesCoalesced();
    void subscribeSingleAddress();
    void subscribeWithTimeFactor();
    void metersMatchSignalInEngine();
    void metersExpire();
    void monitorRole();
    void viewerAndAddressRules();
    void pinLoginLocksAfterWrongPins();
    void settingsFromShowSlot();
    void rulesEditedAtRunTimeAreSaved();
    void scenesAndCues();
    void malformedCorpus_data();
    void malformedCorpus();
    void floodDoesNotStarveOthers();
    void pythonClient();
};

void TestOsc::decoderAcceptsWellFormed() {
    const QByteArray d = oscString("/a/b") + oscString(",ifsb") + bigEndian(7) +
                         bigEndian(std::bit_cast<std::uint32_t>(0.25f)) + oscString("hey") +
                         bigEndian(5) + QByteArray("12345\0\0\0", 8);
    const DecodeResult r =
        decodeDatagram(reinterpret_cast<const std::uint8_t*>(d.constData()), std::size_t(d.size()));
    QVERIFY2(r.ok(), describe(r.error));
    QCOMPARE(r.messages.size(), std::size_t(1));
    const OscMessage& m = r.messages[0];
    QCOMPARE(m.address, std::string("/a/b"));
    QCOMPARE(std::get<std::int32_t>(m.arguments[0]), 7);
    QCOMPARE(std::get<float>(m.arguments[1]), 0.25f);
    QCOMPARE(std::get<std::string>(m.arguments[2]), std::string("hey"));
    QCOMPARE(std::get<OscBlob>(m.arguments[3]).size(), std::size_t(5));
    // Nested bundles unpack in order.
    const QByteArray nested = bundle({floatMessage("/x", 1), bundle({floatMessage("/y", 2)})});
    const DecodeResult n = decodeDatagram(reinterpret_cast<const std::uint8_t*>(nested.constData()),
                                          std::size_t(nested.size()));
    QVERIFY2(n.ok(), describe(n.error));
    QCOMPARE(n.messages.size(), std::size_t(2));
    QCOMPARE(n.messages[1].address, std::string("/y"));
}

// One row per section of the address space: what is sent, the plain value
// the model then holds, and what a GET answers.
void TestOsc::getSetRoundTrip_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<char>("type");
    QTest::addColumn<double>("sent");
    QTest::addColumn<double>("plain");
    QTest::addColumn<double>("answer");
    auto row = [](const char* a, char t, double sent, double plain, double answer) {
        QTest::newRow(a) << QString::fromLatin1(a) << t << sent << plain << answer;
    };
    // The X32 fader law, at each of its breakpoints.
    row("/ch/01/mix/fader", 'f', 0.75, 0.0, 0.75);
    row("/ch/02/mix/fader", 'f', 0.5, -10.0, 0.5);
    row("/ch/03/mix/fader", 'f', 0.25, -30.0, 0.25);
    row("/ch/04/mix/fader", 'f', 0.0625, -60.0, 0.0625);
    row("/ch/05/mix/fader", 'f', 1.0, 10.0, 1.0);
    row("/ch/06/mix/fader", 'f', 0.0, kFaderOffDb, 0.0);
    row("/ch/07/mix/fader", 'f', 1.5, 10.0, 1.0); // clamped as the model says
    row("/ch/01/preamp/trim", 'f', 0.75, 9.0, 0.75);
    row("/ch/01/preamp/invert", 'i', 1, 1, 1);
    row("/ch/01/preamp/hpf", 'f', 0.5, 20 * std::sqrt(20.0), 0.5);
    row("/ch/01/gate/thr", 'f', 0.5, -40.0, 0.5);
    row("/ch/01/dyn/ratio", 'i', 3, 3, 3);
    row("/ch/01/dyn/on", 'i', 1, 1, 1);
    row("/ch/01/eq/1/f", 'f', 0.5, 20 * std::sqrt(1000.0), 0.5);
    row("/ch/01/eq/2/g", 'f', 0.75, 7.5, 0.75);
    row("/ch/01/eq/3/q", 'f', 1.0, 0.3, 1.0);
    row("/ch/01/eq/4/type", 'i', 5, 5, 5);
    row("/ch/01/mix/pan", 'f', 0.25, -50.0, 0.25);
    row("/ch/01/mix/on", 'i', 0, 0, 0);
    row("/ch/01/mix/st", 'i', 0, 0, 0);
    row("/ch/01/mix/05/level", 'f', 0.5, -10.0, 0.5);
    row("/ch/01/mix/05/on", 'i', 0, 0, 0);
    row("/ch/01/mix/05/tap", 'i', 1, 1, 1);
    row("/ch/01/grp/dca", 'i', 5, 5, 5);
    row("/ch/01/grp/mute", 'i', 9, 9, 9);
    row("/ch/01/config/color", 'i', 3, 3, 3);
    row("/bus/03/mix/fader", 'f', 0.5, -10.0, 0.5);
    row("/bus/03/dyn/thr", 'f', 0.5, -30.0, 0.5);
    row("/main/st/mix/fader", 'f', 0.25, -30.0, 0.25);
    row("/main/st/eq/2/f", 'f', 0.0, 20.0, 0.0);
    row("/dca/2/fader", 'f', 0.5, -10.0, 0.5);
    row("/dca/2/on", 'i', 0, 0, 0);
    row("/config/mute/3", 'i', 1, 1, 1);
    row("/config/chlink/1-2", 'i', 1, 1, 1);
    row("/config/routing/routswitch", 'i', 1, 1, 1); // PLAY
}

void TestOsc::getSetRoundTrip() {
    QFETCH(QString, address);
    QFETCH(char, type);
    QFETCH(double, sent);
    QFETCH(double, plain);
    QFETCH(double, answer);
    Console console;
    OscTestClient client(console.server.port());
    const QByteArray a = address.toLatin1();
    if (type == 'f')
        client.sendFloat(a.constData(), float(sent));
    else
        client.sendInt(a.constData(), std::int32_t(sent));
    client.send(a.constData());
    const std::optional<OscReceived> r = client.waitFor(a.toStdString());
    QVERIFY(r);
    QCOMPARE(r->args.size(), std::size_t(1));
    if (type == 'f')
        QVERIFY2(std::fabs(r->f() - answer) < 1e-5, qPrintable(QString::number(r->f())));
    else
        QCOMPARE(r->i(), std::int32_t(answer));
    QVERIFY2(std::fabs(console.number(a.constData()) - plain) < 1e-3,
             qPrintable(QString::number(console.number(a.constData()))));
    QCOMPARE(console.server.counters().applied, quint64(1));
}

void TestOsc::textNamesCutToModelLength() {
    Console console;
    OscTestClient client(console.server.port());
    client.sendString("/ch/09/config/name", "Lead Vocal Stage Left");
    client.send("/ch/09/config/name");
    const auto r = client.waitFor("/ch/09/config/name");
    QVERIFY(r);
    QCOMPARE(r->s(), std::string("Lead Vocal S")); // 12 characters, the model's length
    QCOMPARE(console.state.text(console.id("/ch/09/config/name")), QStringLiteral("Lead Vocal S"));
    client.sendString("/dca/1/config/name", "Drums");
    client.send("/dca/1/config/name");
    QCOMPARE(client.waitFor("/dca/1/config/name")->s(), std::string("Drums"));
}

void TestOsc::datagramWithoutTypeTagsIsGet() {
    Console console;
    console.state.set(console.id("/ch/01/mix/fader"), -10.0, kInternalSource);
    RawClient raw(console.server.port());
    raw.send(oscString("/ch/01/mix/fader")); // no ",": an X32 client's query
    const auto reply = raw.receive();
    QVERIFY(reply);
    QCOMPARE(reply->address, std::string("/ch/01/mix/fader"));
    QCOMPARE(std::get<float>(reply->arguments.at(0)), 0.5f);
}

void TestOsc::bundleIsUnpacked() {
    Console console;
    RawClient raw(console.server.port());
    raw.send(bundle({floatMessage("/ch/10/mix/fader", 0.75f),
                     bundle({floatMessage("/ch/11/mix/fader", 0.5f)})}));
    raw.send(oscString("/info"));
    QVERIFY(raw.receive());
    QCOMPARE(console.number("/ch/10/mix/fader"), 0.0);
    QCOMPARE(console.number("/ch/11/mix/fader"), -10.0);
}

void TestOsc::infoXinfoStatus() {
    Console console;
    OscTestClient client(console.server.port());
    client.send("/info");
    const auto info = client.waitFor("/info");
    QVERIFY(info);
    QCOMPARE(info->args.size(), std::size_t(4));
    QCOMPARE(info->s(1), std::string("stagedesk"));
    QCOMPARE(info->s(2), std::string("Stagedesk"));
    client.send("/xinfo");
    const auto xinfo = client.waitFor("/xinfo");
    QVERIFY(xinfo);
    QCOMPARE(xinfo->args.size(), std::size_t(4));
    QCOMPARE(xinfo->s(0), std::string("127.0.0.1"));
    client.send("/status");
    const auto status = client.waitFor("/status");
    QVERIFY(status);
    QCOMPARE(status->args.size(), std::size_t(3));
    QCOMPARE(status->s(0), std::string("active"));
}

void TestOsc::nodeText() {
    Console console;
    console.state.set(console.id("/ch/01/mix/05/level"), -10.0, kInternalSource);
    console.state.set(console.id("/ch/01/mix/05/tap"), 1.0, kInternalSource);
    console.state.set(console.id("/ch/01/config/name"), QStringLiteral("Kick"), kInternalSource);
    OscTestClient client(console.server.port());
    client.sendString("/node", "ch/01/mix/05");
    const auto node = client.waitFor("node");
    QVERIFY(node);
    QCOMPARE(node->s(), std::string("/ch/01/mix/05 -10.0 ON PreFader\n"));
    client.sendString("/node", "/ch/01/config");
    QCOMPARE(QString::fromStdString(client.waitFor("node")->s()),
             QStringLiteral("/ch/01/config WH \"Kick\" OFF\n")); // ... config/playback
    client.sendString("/node", "ch/99");
    const auto error = client.waitFor("/stagedesk/error");
    QVERIFY(error);
    QCOMPARE(error->s(0), std::string("/node"));
}

void TestOsc::xremotePushesToOthersNotSetter() {
    Console console;
    OscTestClient setter(console.server.port()), listener(console.server.port()),
        bystander(console.server.port());
    setter.send("/xremote");
    listener.send("/xremote");
    QVERIFY(setter.sync() && listener.sync() && bystander.sync());

    setter.sendFloat("/ch/02/mix/fader", 0.5f);
    const auto push = listener.waitFor("/ch/02/mix/fader");
    QVERIFY(push);
    QCOMPARE(push->f(), 0.5f);
    QVERIFY(setter.sync() && bystander.sync());
    QCOMPARE(setter.count("/ch/02/mix/fader"), 0);    // no echo to the setter
    QCOMPARE(bystander.count("/ch/02/mix/fader"), 0); // never asked

    // A change from elsewhere (the screen, a scene) reaches both.
    console.state.set(console.id("/ch/02/mix/on"), 0.0, kInternalSource);
    QCOMPARE(setter.waitFor("/ch/02/mix/on")->i(), 0);
    QCOMPARE(listener.waitFor("/ch/02/mix/on")->i(), 0);
}

void TestOsc::xremoteExpiresAndRenews() {
    OscServerTiming timing;
    timing.expiryMs = 300; // the X32's 10 s, shortened
    Console console(loopbackSettings(), timing);
    OscTestClient client(console.server.port());
    client.send("/xremote");
    QVERIFY(client.sync());
    console.state.set(console.id("/ch/03/mix/fader"), -10.0, kInternalSource);
    QVERIFY(client.waitFor("/ch/03/mix/fader"));

    QElapsedTimer since;
    since.start();
    // Waiting for time itself: the expiry is the thing under test.
    QTRY_VERIFY_WITH_TIMEOUT(since.elapsed() > 350, 2000);
    console.state.set(console.id("/ch/03/mix/fader"), -20.0, kInternalSource);
    QVERIFY(client.sync());
    QCOMPARE(client.count("/ch/03/mix/fader"), 0);

    client.send("/xremote");
    QVERIFY(client.sync());
    console.state.set(console.id("/ch/03/mix/fader"), 0.0, kInternalSource);
    QCOMPARE(client.waitFor("/ch/03/mix/fader")->f(), 0.75f);
}

void TestOsc::thirtyTwoClients() {
    Console console;
    std::vector<std::unique_ptr<OscTestClient>> clients;
    for (int i = 0; i < 32; ++i) {
        clients.push_back(std::make_unique<OscTestClient>(console.server.port()));
        clients.back()->send("/xremote");
        QVERIFY(clients.back()->sync());
    }
    OscTestClient setter(console.server.port());
    setter.sendFloat("/main/st/mix/fader", 0.25f);
    for (auto& c : clients) {
        const auto push = c->waitFor("/main/st/mix/fader");
        QVERIFY(push);
        QCOMPARE(push->f(), 0.25f);
    }
    QCOMPARE(console.server.clientCount(), 33);
    QCOMPARE(console.server.counters().pushed, quint64(32));
    QCOMPARE(console.number("/main/st/mix/fader"), -30.0);
}

// A scene recall of ~3,000 values with 32 /xremote clients: pushes are
// coalesced and sent over several event-loop turns, and every client ends
// with every value the recall changed, once each.
void TestOsc::recallPushesCoalesced() {
    Console console;
    const RecallScope all = RecallScope::everything(console.registry.size());
    QVERIFY(console.scenes.store(0, "defaults", all) > 0);
    for (ParamId p = 0; p < console.registry.count(); ++p) {
        const ParameterDescriptor& d = console.registry.at(p);
        if (!d.isText() && !d.address.startsWith(QLatin1String("/config/chlink")))
            console.state.setNormalized(p, 0.3, kInternalSource);
    }
    QVERIFY(console.scenes.store(1, "song", all) > 0);
    QVERIFY(console.scenes.recall(0));

    struct Tablet {
        QUdpSocket socket;
        std::map<std::string, OscArgument> seen; // the client's picture of the console
        int pushes = 0;
    };
    std::vector<std::unique_ptr<Tablet>> tablets;
    for (int i = 0; i < 32; ++i) {
        auto& t = *tablets.emplace_back(std::make_unique<Tablet>());
        t.socket.bind(QHostAddress(QHostAddress::LocalHost), 0);
        t.socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1 << 22);
        t.socket.writeDatagram(oscString("/xremote"), QHostAddress(QHostAddress::LocalHost),
                               console.server.port());
    }
    const auto drain = [&] {
        for (auto& t : tablets)
            while (t->socket.hasPendingDatagrams()) {
                const QByteArray d = t->socket.receiveDatagram().data();
                const DecodeResult r = decodeDatagram(
                    reinterpret_cast<const std::uint8_t*>(d.constData()), std::size_t(d.size()));
                for (const OscMessage& m : r.messages)
                    if (m.arguments.size() == 1) {
                        t->seen[m.address] = m.arguments[0];
                        ++t->pushes;
                    }
            }
    };
    QTRY_COMPARE(console.server.clientCount(), 32);

    const quint64 before = console.state.revision();
    const std::vector<ParameterValue> valuesBefore = console.values();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(console.scenes.recall(1));
    const qint64 recallNs = clock.nsecsElapsed();
    const int changed = int(console.state.revision() - before);
    QVERIFY2(changed > 2500, qPrintable(QString::number(changed)));

    // Pump the event loop as a control thread does; the longest turn is how
    // long the flush held the thread at once.
    qint64 longestTurnNs = 0;
    const auto everyoneHasAll = [&] {
        return std::all_of(tablets.begin(), tablets.end(),
                           [&](const auto& t) { return t->pushes >= changed; });
    };
    while (!everyoneHasAll() && clock.elapsed() < 10'000) {
        QElapsedTimer turn;
        turn.start();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        longestTurnNs = std::max(longestTurnNs, turn.nsecsElapsed());
        drain();
    }
    const qint64 allPushedNs = clock.nsecsElapsed();
    const OscCounters& n = console.server.counters();
    qInfo("recall of %d values to 32 clients: recall itself %.2f ms; %llu datagrams in %llu "
          "turns within %.1f ms (the test reading them included); push turns %.2f ms on "
          "average, longest %.2f ms; "
          "longest event-loop turn %.2f ms",
          changed, double(recallNs) / 1e6, static_cast<unsigned long long>(n.pushed),
          static_cast<unsigned long long>(n.pushTurns), double(allPushedNs) / 1e6,
          double(n.pushTurnsNs) / double(std::max<quint64>(1, n.pushTurns)) / 1e6,
          double(n.longestPushTurnNs) / 1e6, double(longestTurnNs) / 1e6);

    for (const auto& t : tablets) {
        QCOMPARE(t->pushes, changed); // each value once: nothing lost, nothing twice
        for (ParamId p = 0; p < console.registry.count(); ++p) {
            const std::string address = console.registry.at(p).address.toStdString();
            const auto it = t->seen.find(address);
            if (console.state.value(p) == valuesBefore[std::size_t(p)]) {
                QVERIFY2(it == t->seen.end(), address.c_str()); // not changed by the recall
                continue;
            }
            QVERIFY2(it != t->seen.end(), address.c_str());
            QVERIFY2(it->second == toOsc(console.state, p), address.c_str());
        }
    }
    // And what a GET answers agrees with what was pushed.
    Tablet& first = *tablets.front();
    first.socket.writeDatagram(oscString("/ch/17/eq/3/f"), QHostAddress(QHostAddress::LocalHost),
                               console.server.port());
    QTRY_COMPARE(first.socket.hasPendingDatagrams(), true);
    const QByteArray answer = first.socket.receiveDatagram().data();
    const DecodeResult r = decodeDatagram(reinterpret_cast<const std::uint8_t*>(answer.constData()),
                                          std::size_t(answer.size()));
    QVERIFY(r.ok() && r.messages.size() == 1 && first.seen.count("/ch/17/eq/3/f"));
    QVERIFY(r.messages[0].arguments.at(0) == first.seen.at("/ch/17/eq/3/f"));
}

void TestOsc::subscribeSingleAddress() {
    Console console;
    OscTestClient client(console.server.port()), setter(console.server.port());
    client.sendString("/subscribe", "/bus/02/mix/fader");
    QCOMPARE(client.waitFor("/bus/02/mix/fader")->f(), 0.75f); // the value now
    setter.sendFloat("/bus/01/mix/fader", 0.5f);
    setter.sendFloat("/bus/02/mix/fader", 0.5f);
    QCOMPARE(client.waitFor("/bus/02/mix/fader")->f(), 0.5f);
    QVERIFY(client.sync());
    QCOMPARE(client.count("/bus/01/mix/fader"), 0); // not subscribed
    client.sendString("/unsubscribe", "/bus/02/mix/fader");
    QVERIFY(client.sync());
    setter.sendFloat("/bus/02/mix/fader", 0.25f);
    QVERIFY(setter.sync() && client.sync());
    QCOMPARE(client.count("/bus/02/mix/fader"), 0);
}

// /subscribe ,si ADDRESS FACTOR: the value every 50 ms x factor, changed or
// not, as an X32 reports it, until it expires.
void TestOsc::subscribeWithTimeFactor() {
    OscServerTiming timing;
    timing.expiryMs = 500;
    timing.meterBaseMs = 20; // the 50 ms base, shortened
    Console console(loopbackSettings(), timing);
    OscTestClient client(console.server.port());
    client.sendStringInt("/subscribe", "/ch/04/mix/on", 2); // every 40 ms here
    QCOMPARE(client.waitFor("/ch/04/mix/on")->i(), 1);      // the value now
    QElapsedTimer since;
    since.start();
    std::vector<qint64> at;
    while (since.elapsed() < 1000) {
        if (const auto r = client.waitFor("/ch/04/mix/on", 50)) {
            QCOMPARE(r->i(), 1);
            at.push_back(since.elapsed());
        }
    }
    // About 500 / 40 = 12 reports within the expiry, none after it.
    QVERIFY2(at.size() >= 8 && at.size() <= 14, qPrintable(QString::number(at.size())));
    QVERIFY2(at.back() < 600, qPrintable(QString::number(at.back())));
}

void TestOsc::metersMatchSignalInEngine() {
    Console console;
    // Channel 3 at -6 dBFS peak, gate and compressor off (their defaults);
    // channel 3 sent at 0 dB to bus 2 and to main.
    console.state.set(console.id("/ch/03/mix/fader"), 0.0, kInternalSource);
    console.state.set(console.id("/ch/03/mix/02/level"), 0.0, kInternalSource);
    console.state.set(console.id("/ch/03/grp/dca"), 2.0, kInternalSource); // DCA 2
    console.rig.run(2, test::sine(1000, -6, 2 * 48000)); // 2 s: the RMS meter settles
    console.meters.poll();

    OscTestClient client(console.server.port());
    client.sendString("/meters", "/meters/0");
    const auto m0 = client.waitFor("/meters/0");
    QVERIFY(m0);
    const std::vector<float> v0 = decodeMeterBlob(std::get<OscBlob>(m0->args.at(0)));
    QCOMPARE(v0.size(), std::size_t(70));
    const double inputDb = 20 * std::log10(v0[2]);
    QVERIFY2(std::fabs(inputDb + 6) < 0.5, qPrintable(QString::number(inputDb)));
    QCOMPARE(v0[0], 0.0f);
    QCOMPARE(v0[3], 0.0f);
    const double busDb = 20 * std::log10(v0[48 + 1]); // bus 2 after 32 inputs and 16 returns
    QVERIFY2(std::fabs(busDb + 6) < 0.5, qPrintable(QString::number(busDb)));
    QVERIFY(v0[48] == 0.0f);

    client.sendString("/meters", "/meters/1");
    const std::vector<float> v1 =
        decodeMeterBlob(std::get<OscBlob>(client.waitFor("/meters/1")->args.at(0)));
    QCOMPARE(v1.size(), std::size_t(96));
    QCOMPARE(v1[2], v0[2]);
    QCOMPARE(v1[32 + 2], 1.0f); // gate open
    QCOMPARE(v1[64 + 2], 1.0f); // no compression
    client.sendString("/meters", "/meters/2");
    const std::vector<float> v2 =
        decodeMeterBlob(std::get<OscBlob>(client.waitFor("/meters/2")->args.at(0)));
    QCOMPARE(v2.size(), std::size_t(49));
    QCOMPARE(v2[1], v0[49]);
    // Main L/R after 16 buses and 6 matrices, with the channel panned centre.
    QVERIFY2(v2[22] > 0.25f && v2[22] == v2[23], qPrintable(QString::number(v2[22])));
    client.sendString("/meters", "/meters/5");
    const std::vector<float> v5 =
        decodeMeterBlob(std::get<OscBlob>(client.waitFor("/meters/5")->args.at(0)));
    QCOMPARE(v5.size(), std::size_t(engine::kDcaCount));
    QCOMPARE(v5[1], v0[2]); // DCA 2 holds channel 3
    QCOMPARE(v5[0], 0.0f);
    client.sendStringInt("/meters", "/meters/6", 2);
    const std::vector<float> v6 =
        decodeMeterBlob(std::get<OscBlob>(client.waitFor("/meters/6")->args.at(0)));
    QCOMPARE(v6.size(), std::size_t(4));
    QCOMPARE(v6[0], v0[2]);
    const double rmsDb = 20 * std::log10(v6[3]);
    QVERIFY2(std::fabs(rmsDb + 9.01) < 0.5,
             qPrintable(QString::number(rmsDb))); // sine: peak - 3 dB
}

void TestOsc::metersExpire() {
    OscServerTiming timing;
    timing.expiryMs = 400;
    timing.meterBaseMs = 20;
    Console console(loopbackSettings(), timing);
    OscTestClient client(console.server.port());
    client.sendStringInt("/meters", "/meters/0", 2); // every 2 x 20 ms
    QElapsedTimer t;
    t.start();
    int received = 0;
    while (client.waitFor("/meters/0", 300))
        ++received;
    const qint64 elapsed = t.elapsed();
    // ~400 ms / 40 ms = 10 sends, then silence; timer jitter allowed.
    QVERIFY2(received >= 6 && received <= 12, qPrintable(QString::number(received)));
    QVERIFY2(elapsed < 400 + 300 + 200, qPrintable(QString::number(elapsed)));
}

void TestOsc::monitorRole() {
    Console console(settingsFromJson(
        R"({"clients": [{"from": "127.0.0.1", "role": "viewer"}],
            "pins": [{"pin": "1111", "role": "monitor", "buses": [3]}]})"));
    OscTestClient monitor(console.server.port()), engineerScreen(console.server.port());
    monitor.sendString("/stagedesk/login", "1111");
    const auto login = monitor.waitFor("/stagedesk/login");
    QVERIFY(login);
    QCOMPARE(login->s(1), std::string("monitor of bus 3"));
    const auto before = console.values();

    monitor.sendFloat("/ch/01/mix/03/level", 0.75f); // its own send: allowed
    monitor.sendFloat("/bus/03/mix/fader", 0.5f);    // its own bus fader
    monitor.sendInt("/bus/03/mix/on", 0);
    QVERIFY(monitor.sync());
    QCOMPARE(console.number("/ch/01/mix/03/level"), 0.0);
    QCOMPARE(console.number("/bus/03/mix/fader"), -10.0);
    QCOMPARE(console.number("/bus/03/mix/on"), 0.0);

    const quint64 refusedBefore = console.server.counters().refused;
    monitor.sendFloat("/ch/01/mix/04/level", 0.75f); // another bus's send
    monitor.sendFloat("/ch/01/mix/fader", 0.75f);    // a channel fader
    monitor.sendFloat("/bus/04/mix/fader", 0.75f);   // another bus
    monitor.sendFloat("/bus/03/eq/1/g", 1.0f);       // its bus, but not fader or mute
    monitor.sendInt("/-action/goscene", 0);
    for (const char* a : {"/ch/01/mix/04/level", "/ch/01/mix/fader", "/bus/04/mix/fader",
                          "/bus/03/eq/1/g", "/-action/goscene"}) {
        const auto error = monitor.waitFor("/stagedesk/error");
        QVERIFY2(error, a);
        QCOMPARE(error->s(0), std::string(a));
    }
    QCOMPARE(console.server.counters().refused, refusedBefore + 5);
    QCOMPARE(console.number("/ch/01/mix/04/level"), kFaderOffDb);
    QCOMPARE(console.number("/ch/01/mix/fader"), kFaderOffDb);
    QCOMPARE(console.number("/bus/04/mix/fader"), 0.0);
    QCOMPARE(console.number("/bus/03/eq/1/g"), 0.0);
    int changed = 0;
    const auto after = console.values();
    for (std::size_t i = 0; i < after.size(); ++i)
        changed += after[i] != before[i];
    QCOMPARE(changed, 3); // only the three allowed SETs

    // Reads: what draws the mix, nothing else; pushes likewise.
    monitor.send("/ch/01/config/name");
    QVERIFY(monitor.waitFor("/ch/01/config/name"));
    monitor.send("/ch/01/mix/fader");
    QCOMPARE(monitor.waitFor("/stagedesk/error")->s(0), std::string("/ch/01/mix/fader"));
    monitor.send("/xremote");
    QVERIFY(monitor.sync());
    console.state.set(console.id("/ch/01/mix/fader"), -10.0, kInternalSource);
    console.state.set(console.id("/ch/02/mix/03/level"), -10.0, kInternalSource);
    QCOMPARE(monitor.waitFor("/ch/02/mix/03/level")->f(), 0.5f);
    QVERIFY(monitor.sync());
    QCOMPARE(monitor.count("/ch/01/mix/fader"), 0);
}

void TestOsc::viewerAndAddressRules() {
    Console console(settingsFromJson(R"({"clients": [{"from": "127.0.0.1", "role": "viewer"}]})"));
    OscTestClient viewer(console.server.port());
    viewer.sendFloat("/ch/01/mix/fader", 0.75f);
    QCOMPARE(viewer.waitFor("/stagedesk/error")->s(0), std::string("/ch/01/mix/fader"));
    QCOMPARE(console.number("/ch/01/mix/fader"), kFaderOffDb);
    viewer.send("/ch/01/mix/fader");
    QCOMPARE(viewer.waitFor("/ch/01/mix/fader")->f(), 0.0f);
    viewer.sendString("/meters", "/meters/0");
    QVERIFY(viewer.waitFor("/meters/0"));

    // Rules edited at run time: 127.0.0.1 is no longer in any rule.
    console.server.setSettings(
        settingsFromJson(R"({"clients": [{"from": "10.0.0.0/8", "role": "engineer"}]})"));
    viewer.send("/ch/01/mix/fader");
    const auto error = viewer.waitFor("/stagedesk/error");
    QVERIFY(error);
    QVERIFY(QString::fromStdString(error->s(1)).contains("127.0.0.1 may not connect"));

    const OscSettings s = settingsFromJson(
        R"({"clients": [{"from": "192.168.1.0/24", "role": "monitor", "buses": [2, 5]},
                        {"from": "192.168.0.0/16", "role": "viewer"},
                        {"from": "10.1.2.3", "role": "engineer"}]})");
    QCOMPARE(s.grantFor(QHostAddress("192.168.1.77")).role, Role::Monitor);
    QCOMPARE(s.grantFor(QHostAddress("192.168.1.77")).buses, (std::vector<int>{1, 4}));
    QCOMPARE(s.grantFor(QHostAddress("192.168.7.1")).role, Role::Viewer);
    QCOMPARE(s.grantFor(QHostAddress("10.1.2.3")).role, Role::Engineer);
    QCOMPARE(s.grantFor(QHostAddress("10.1.2.4")).role, Role::None);
    QCOMPARE(s.grantFor(QHostAddress("::ffff:10.1.2.3")).role, Role::Engineer);
}

void TestOsc::pinLoginLocksAfterWrongPins() {
    Console console(
        settingsFromJson(R"({"clients": [], "pins": [{"pin": "9999", "role": "engineer"}]})"));
    OscTestClient client(console.server.port());
    client.sendFloat("/ch/01/mix/fader", 0.75f); // no rule: refused
    QVERIFY(client.waitFor("/stagedesk/error"));
    for (int i = 0; i < 5; ++i) {
        client.sendString("/stagedesk/login", "0000");
        QCOMPARE(client.waitFor("/stagedesk/error")->s(1), std::string("wrong PIN"));
    }
    client.sendString("/stagedesk/login", "9999"); // right, but locked out now
    QVERIFY(client.waitFor("/stagedesk/error"));
    OscTestClient other(console.server.port());
    other.sendString("/stagedesk/login", "9999");
    QCOMPARE(other.waitFor("/stagedesk/login")->s(1), std::string("engineer"));
    other.sendFloat("/ch/01/mix/fader", 0.75f);
    QVERIFY(other.sync());
    QCOMPARE(console.number("/ch/01/mix/fader"), 0.0);
}

void TestOsc::settingsFromShowSlot() {
    const auto defaults = OscSettings::fromJson({}, kBuses);
    QVERIFY(std::holds_alternative<OscSettings>(defaults));
    const OscSettings& d = std::get<OscSettings>(defaults);
    QVERIFY(d.defaults);
    QCOMPARE(d.port, 10023);
    QCOMPARE(d.describe(),
             (QStringList{"engineer from 127.0.0.1/32", "engineer from the local subnets"}));
    QCOMPARE(d.grantFor(QHostAddress("127.0.0.1")).role, Role::Engineer);

    auto error = [](const char* json) {
        auto r = OscSettings::fromJson(QJsonDocument::fromJson(json).object(), kBuses);
        return std::holds_alternative<QString>(r) ? std::get<QString>(r) : QString();
    };
    QCOMPARE(error(R"({"clients": [{"from": "1.2.3.4", "role": "boss"}]})"),
             QStringLiteral("osc.clients[0].role: must be engineer, monitor or viewer"));
    QCOMPARE(error(R"({"clients": [{"from": "1.2.3.4", "role": "monitor", "buses": [17]}]})"),
             QStringLiteral("osc.clients[0].buses: 17 is not a mix bus (1..16)"));
    QCOMPARE(error(R"({"clients": [{"from": "1.2.3", "role": "viewer"}]})"),
             QStringLiteral("osc.clients[0].from: \"1.2.3\" is not an IPv4 address, a CIDR "
                            "range, local or any"));
    QCOMPARE(error(R"({"port": 70000})"), QStringLiteral("osc.port: must be 1..65535"));
    QCOMPARE(error(R"({"prot": 1})"), QStringLiteral("osc.prot: unknown field"));
    QCOMPARE(error(R"({"pins": [{"pin": "12", "role": "viewer"}]})"),
             QStringLiteral("osc.pins[0].pin: must be 4..32 characters"));
    // What is written reads back the same.
    const auto parsed = OscSettings::fromJson(
        QJsonDocument::fromJson(
            R"({"port": 10030, "clients": [{"from": "192.168.1.0/24", "role": "monitor", "buses": [2]}],
                "pins": [{"pin": "2468", "role": "viewer"}]})")
            .object(),
        kBuses);
    QVERIFY(std::holds_alternative<OscSettings>(parsed));
    const OscSettings& s = std::get<OscSettings>(parsed);
    const auto again = OscSettings::fromJson(s.toJson(), kBuses);
    QVERIFY(std::holds_alternative<OscSettings>(again));
    QCOMPARE(std::get<OscSettings>(again).describe(), s.describe());
    QCOMPARE(std::get<OscSettings>(again).port, 10030);
}

// Rules edited while the console runs go into the show's "osc" slot, with
// the show's own port (not the command line's), and into the autosave.
void TestOsc::rulesEditedAtRunTimeAreSaved() {
    QTemporaryDir dir;
    ShowDocument show;
    show.console = {kInputs, kBuses};
    show.safes = RecallSafes::nothing(show.console);
    show.osc = QJsonDocument::fromJson(R"({"port": 10077, "pins": [{"pin": "2468",
        "role": "monitor", "buses": [5]}], "clients": [{"from": "127.0.0.1", "role": "engineer"}]})")
                   .object();
    app::ConsoleSession session(show, nullptr);
    const QString autosave = dir.filePath(QStringLiteral("show.json.autosave"));
    session.startAutosave(autosave, 60);
    app::OscOptions options;
    options.port = 0;
    options.bind = QStringLiteral("127.0.0.1");
    const std::unique_ptr<OscServer> server = app::startOsc(session, options);
    QVERIFY(server);

    OscSettings edited = server->settings();
    edited.rules.push_back({AccessRule::Kind::Network, QHostAddress(QStringLiteral("10.0.0.0")), 8,
                            Grant{Role::Monitor, {2, 3}}});
    server->setSettings(edited);

    const QJsonObject slot = session.osc();
    QCOMPARE(slot.value("port").toInt(), 10077);
    const QJsonArray clients = slot.value("clients").toArray();
    QCOMPARE(clients.size(), 2);
    QCOMPARE(clients[1].toObject().value("from").toString(), QStringLiteral("10.0.0.0/8"));
    QCOMPARE(slot.value("pins").toArray().size(), 1);

    session.finish(); // the autosave's next tick, now
    QFile file(autosave);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject saved =
        QJsonDocument::fromJson(file.readAll()).object().value("osc").toObject();
    QCOMPARE(saved, slot);
    const auto reloaded = OscSettings::fromJson(saved, kBuses);
    QVERIFY(std::holds_alternative<OscSettings>(reloaded));
    const Grant g =
        std::get<OscSettings>(reloaded).grantFor(QHostAddress(QStringLiteral("10.1.2.3")));
    QCOMPARE(g.role, Role::Monitor);
    QCOMPARE(g.buses, (std::vector<int>{2, 3}));
    QCOMPARE(std::get<OscSettings>(reloaded).port, 10077);
}

void TestOsc::scenesAndCues() {
    Console console;
    const ParamId fader = console.id("/ch/01/mix/fader");
    const RecallScope all = RecallScope::everything(console.registry.size());
    console.state.set(fader, -10.0, kInternalSource);
    QVERIFY(console.scenes.store(0, "A", all) > 0);
    console.state.set(fader, -30.0, kInternalSource);
    const int b = console.scenes.store(1, "B", all);
    QVERIFY(b > 0);
    OscTestClient client(console.server.port());
    client.sendInt("/-action/goscene", 0);
    QVERIFY(client.sync());
    QCOMPARE(console.number("/ch/01/mix/fader"), -10.0);
    client.sendInt("/-action/goscene", 7);
    QCOMPARE(client.waitFor("/stagedesk/error")->s(0), std::string("/-action/goscene"));

    QVERIFY(console.scenes.setCues({{b, "B"}, {console.scenes.at(0).id, "A"}}, 0));
    client.send("/stagedesk/cue/go"); // B, then the position moves to A
    QVERIFY(client.sync());
    QCOMPARE(console.number("/ch/01/mix/fader"), -30.0);
    QCOMPARE(console.scenes.cuePosition(), 1);
    client.send("/stagedesk/cue/previous");
    QVERIFY(client.sync());
    QCOMPARE(console.scenes.cuePosition(), 0);
    client.send("/stagedesk/cue/next");
    QVERIFY(client.sync());
    QCOMPARE(console.scenes.cuePosition(), 1);
    QCOMPARE(console.number("/ch/01/mix/fader"), -30.0); // next does not recall

    // The X32's own: cue 1 (A), and the position moves past it.
    client.sendInt("/-action/gocue", 1);
    QVERIFY(client.sync());
    QCOMPARE(console.number("/ch/01/mix/fader"), -10.0);
    QCOMPARE(console.scenes.cuePosition(), 2);
    client.sendInt("/-action/gocue", 2); // past the end: refused, nothing moves
    QCOMPARE(client.waitFor("/stagedesk/error")->s(0), std::string("/-action/gocue"));
    QCOMPARE(console.scenes.cuePosition(), 2);
}

void TestOsc::malformedCorpus_data() {
    QTest::addColumn<QByteArray>("datagram");
    const QByteArray fader = oscString("/ch/01/mix/fader");
    const QByteArray good = floatMessage("/ch/01/mix/fader", 0.75f);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated float") << fader + oscString(",f");
    QTest::newRow("truncated mid-float") << good.left(good.size() - 4) + QByteArray(2, '\0');
    QTest::newRow("not aligned") << good + QByteArray(1, '\0');
    QByteArray badPadding = good;
    badPadding[17] = 'x'; // inside the address's padding
    QTest::newRow("bad padding") << badPadding;
    QTest::newRow("unterminated address") << QByteArray("/ch/01/mix/fade");
    QTest::newRow("no leading slash")
        << oscString("ch/01/mix/fader") + oscString(",f") + bigEndian(0x3f400000);
    QTest::newRow("pattern address") << floatMessage("/ch/*/mix/fader", 0.75f);
    QTest::newRow("type mismatch int for fader") << fader + oscString(",i") + bigEndian(1);
    QTest::newRow("type mismatch float for on") << floatMessage("/ch/01/mix/on", 0.0f);
    QTest::newRow("unknown type tag") << fader + oscString(",d") + QByteArray(8, '\0');
    QTest::newRow("nan") << fader + oscString(",f") + bigEndian(0x7fc00000);
    QTest::newRow("two arguments")
        << fader + oscString(",ff") + bigEndian(0x3f400000) + bigEndian(0x3f400000);
    QTest::newRow("blob longer than datagram")
        << fader + oscString(",b") + bigEndian(4096) + QByteArray(8, '\1');
    QTest::newRow("negative blob") << fader + oscString(",b") + bigEndian(0xfffffff0);
    QTest::newRow("trailing bytes") << good + QByteArray(4, '\0');
    QByteArray badBundle = bundle({good});
    badBundle.replace(16, 4, bigEndian(std::uint32_t(good.size() + 4)));
    QTest::newRow("bundle element too long") << badBundle;
    QTest::newRow("bundle element size 0")
        << oscString("#bundle") + QByteArray(8, '\0') + bigEndian(0);
    QTest::newRow("bundle header only") << oscString("#bundle");
    QTest::newRow("bundle too deep") << bundle({bundle({bundle({bundle({bundle({good})})})})});
    QTest::newRow("bundle with one bad element") << bundle({good, fader + oscString(",f")});
    QByteArray junk(65000, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 2654435761u) >> 13);
    junk[0] = '/';
    QTest::newRow("64 KiB junk") << junk;
    QTest::newRow("300-character name")
        << oscString("/ch/01/config/name") + oscString(",s") + oscString(QByteArray(300, 'n'));
    QTest::newRow("300-character address") << oscString("/" + QByteArray(299, 'a'));
}

void TestOsc::malformedCorpus() {
    QFETCH(QByteArray, datagram);
    Console console;
    const auto before = console.values();
    RawClient raw(console.server.port());
    raw.send(datagram);
    const auto error = raw.receive();
    QVERIFY(error);
    QCOMPARE(error->address, std::string("/stagedesk/error"));
    QCOMPARE(console.server.counters().malformed + console.server.counters().refused, quint64(1));
    QVERIFY(console.values() == before);
    // Still answering.
    OscTestClient client(console.server.port());
    client.send("/ch/01/mix/fader");
    QCOMPARE(client.waitFor("/ch/01/mix/fader")->f(), 0.0f);
}

// One client sends 10,000 fader moves a second for a second; another
// client's SET and GET in the middle of it are answered at once.
void TestOsc::floodDoesNotStarveOthers() {
    OscServerTiming timing;
    timing.messagesPerSecond = 1000;
    timing.burstMessages = 200;
    Console console(loopbackSettings(), timing);
    RawClient flooder(console.server.port());
    OscTestClient other(console.server.port());
    const QByteArray move = floatMessage("/ch/01/mix/fader", 0.5f);
    QElapsedTimer clock;
    clock.start();
    std::optional<OscReceived> answer;
    qint64 askedAt = -1, answeredAt = -1;
    int sent = 0;
    while (clock.elapsed() < 1000 || !answer) {
        QVERIFY2(clock.elapsed() < 5000, "no answer during the flood");
        for (; sent < 10 * clock.elapsed() && clock.elapsed() < 1000; ++sent)
            flooder.send(move);
        if (askedAt < 0 && clock.elapsed() >= 500) {
            askedAt = clock.elapsed();
            other.sendFloat("/ch/02/mix/fader", 0.75f);
            other.send("/ch/02/mix/fader");
        }
        if (askedAt >= 0 && !answer && (answer = other.waitFor("/ch/02/mix/fader", 0)))
            answeredAt = clock.elapsed();
        else
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    const OscCounters& n = console.server.counters();
    qInfo("flood: %d sent, %llu read, %llu over the rate limit; other client answered in %lld ms",
          sent, n.datagrams, n.rateLimited, answeredAt - askedAt);
    QCOMPARE(answer->f(), 0.75f);
    QVERIFY2(answeredAt - askedAt < 200, qPrintable(QString::number(answeredAt - askedAt)));
    QVERIFY(sent >= 9000);
    // ~200 burst + ~1000/s x 1 s taken; the rest dropped before decoding.
    QVERIFY2(n.rateLimited > quint64(sent) / 2, qPrintable(QString::number(n.rateLimited)));
    QCOMPARE(console.number("/ch/01/mix/fader"), -10.0);
}

void TestOsc::pythonClient() {
    Console console;
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(STAGEDESK_OSC_PY_CLIENT), QString::number(console.server.port())});
    QVERIFY(python.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(python.state(), QProcess::NotRunning, 15000);
    const QString out = QString::fromUtf8(python.readAllStandardOutput());
    QVERIFY2(python.exitCode() == 0,
             qPrintable(out + QString::fromUtf8(python.readAllStandardError())));
    QCOMPARE(out, QStringLiteral("info Stagedesk\nfader 0.5000\nname Python Vox\n"
                                 "node /ch/05/config/name \"Python Vox\"\n"));
    QCOMPARE(console.number("/ch/05/mix/fader"), -10.0);
    QCOMPARE(console.state.text(console.id("/ch/05/config/name")), QStringLiteral("Python Vox"));
}

QTEST_GUILESS_MAIN(TestOsc)
#include "tst_osc.moc"
