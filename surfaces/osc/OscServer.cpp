#include "OscServer.h"

#include "OscEncoder.h"
#include "OscMeters.h"
#include "OscValues.h"

#include "MeterHub.h"
#include "SceneList.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace stagedesk::surfaces::osc {

Q_LOGGING_CATEGORY(lcOsc, "stagedesk.osc")

using namespace stagedesk::scenes;

namespace {
// Datagrams read per turn of the event loop: a flood then waits its turn
// behind the screen's and the meters' events instead of holding the thread
// (the socket notifier fires again at once while more are waiting).
constexpr int kDatagramsPerTurn = 512;
// Push datagrams sent per turn, shared among the clients; a few ms at most.
constexpr std::size_t kPushesPerTurn = 256;
constexpr std::size_t kMinPushesPerClient = 8;
constexpr qint64 kRefusalLogIntervalMs = 5000;
constexpr int kReceiveBufferBytes = 1 << 20;
constexpr int kLoginAttempts = 5;
constexpr qint64 kLoginLockMs = 30'000;
constexpr int kMaxNodeBytes = 8000;
constexpr int kMaxTimeFactor = 99;
const char* const kErrorAddress = "/stagedesk/error";
} // namespace

// Hears every change that did not come from its own client.
class OscServer::SlotObserver final : public ConsoleObserver {
public:
    SlotObserver(OscServer& server, int slot) : m_server(server), m_slot(slot) {}
    void parameterChanged(ParamId id, const ParameterValue&, SourceId) override {
        m_server.pushChange(m_slot, id);
    }
    void addressSpaceChanged() override { m_server.forgetRetired(m_slot); }

private:
    OscServer& m_server;
    int m_slot;
};

OscServer::OscServer(ConsoleState& state, SceneList* sceneList, MeterHub* meters,
                     OscSettings settings, OscServerTiming timing, QObject* parent)
    : QObject(parent), m_state(state), m_sceneList(sceneList), m_meters(meters),
      m_settings(std::move(settings)), m_timing(timing) {
    m_clock.start();
    m_slots.reserve(std::size_t(m_timing.maxClients));
    m_periodicTimer.setInterval(m_timing.meterBaseMs);
    m_periodicTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_periodicTimer, &QTimer::timeout, this, &OscServer::sendPeriodic);
    m_pushTimer.setSingleShot(true);
    m_pushTimer.setInterval(0);
    connect(&m_pushTimer, &QTimer::timeout, this, &OscServer::flushPushes);
    connect(&m_socket, &OscSocket::readable, this, &OscServer::readPending);
}

OscServer::~OscServer() {
    for (const Slot& s : m_slots)
        m_state.removeSource(s.source);
}

bool OscServer::start(QString* error) {
    // Room for a burst from many clients while the control thread is busy.
    QString reason;
    if (m_socket.bind(m_settings.bind, quint16(m_settings.port), kReceiveBufferBytes, &reason))
        return true;
    if (error)
        *error = QStringLiteral("OSC: cannot listen on %1:%2: %3")
                     .arg(m_settings.bind.toString())
                     .arg(m_settings.port)
                     .arg(reason);
    return false;
}

void OscServer::setSettings(OscSettings settings) {
    m_settings = std::move(settings);
    for (Slot& s : m_slots)
        if (s.client && !s.client->loggedIn)
            s.client->grant = m_settings.grantFor(s.client->address);
    emit settingsChanged();
}

int OscServer::clientCount() const {
    return int(std::count_if(m_slots.begin(), m_slots.end(),
                             [](const Slot& s) { return s.client.has_value(); }));
}

std::vector<std::pair<QString, Grant>> OscServer::clients() const {
    std::vector<std::pair<QString, Grant>> known;
    for (const Slot& s : m_slots)
        if (s.client)
            known.emplace_back(s.client->name(), s.client->grant);
    return known;
}

void OscServer::readPending() {
    m_socket.receive(kDatagramsPerTurn,
                     [this](const ReceivedDatagram& d) { handleDatagram(d.data, d.from, d.port); });
}

void OscServer::handleDatagram(std::span<const std::uint8_t> data, const QHostAddress& from,
                               quint16 port) {
    ++m_counters.datagrams;
    Slot* slot = slotFor(from, port);
    if (!slot) { // every slot busy with live subscriptions
        ++m_counters.refused;
        emit datagramHandled();
        return;
    }
    OscClient& c = *slot->client;
    const qint64 now = nowMs();
    c.lastSeenMs = now;
    if (!c.bucket.take(now, 1)) {
        ++m_counters.rateLimited;
        emit datagramHandled();
        return;
    }
    const DecodeResult decoded = decodeDatagram(data.data(), data.size());
    if (!decoded.ok()) {
        ++m_counters.malformed;
        reportError(c, {}, QStringLiteral("malformed datagram: %1").arg(describe(decoded.error)));
    } else if (decoded.messages.size() > 1 &&
               !c.bucket.take(now, double(decoded.messages.size() - 1))) {
        ++m_counters.rateLimited; // a bundle costs what its messages would
    } else {
        for (const OscMessage& m : decoded.messages)
            handleMessage(*slot, m);
    }
    emit datagramHandled();
}

OscServer::Slot* OscServer::slotFor(const QHostAddress& from, quint16 port) {
    Slot* free = nullptr;
    Slot* idlest = nullptr;
    const qint64 now = nowMs();
    for (Slot& s : m_slots) {
        if (!s.client) {
            free = free ? free : &s;
            continue;
        }
        if (s.client->port == port && s.client->address.isEqual(from))
            return &s;
        if (!s.client->hasLiveSubscriptions(now) &&
            (!idlest || s.client->lastSeenMs < idlest->client->lastSeenMs))
            idlest = &s;
    }
    if (!free && int(m_slots.size()) < m_timing.maxClients) {
        const int index = int(m_slots.size());
        Slot& s = m_slots.emplace_back();
        s.observer = std::make_unique<SlotObserver>(*this, index);
        s.source =
            m_state.addSource(QStringLiteral("OSC client %1").arg(index + 1), s.observer.get());
        free = &s;
    }
    Slot* slot = free ? free : idlest; // a new client takes the place of the idlest
    if (!slot)
        return nullptr;
    slot->client.emplace(from, port, m_settings.grantFor(from),
                         TokenBucket(m_timing.messagesPerSecond, m_timing.burstMessages));
    slot->client->bucket.take(now, 0);
    return slot;
}

void OscServer::handleMessage(Slot& slot, const OscMessage& m) {
    OscClient& c = *slot.client;
    if (m.address == "/stagedesk/login") {
        handleLogin(slot, m);
        return;
    }
    if (c.grant.role == Role::None) {
        refuse(c, m.address,
               QStringLiteral("%1 may not connect (log in with /stagedesk/login ,s PIN)")
                   .arg(c.address.toString()));
        return;
    }
    if (handleControl(slot, m))
        return;
    const ParamId id = m_state.registry().find(QString::fromStdString(m.address));
    if (id == kNoParam) {
        refuse(c, m.address, QStringLiteral("unknown address"));
        return;
    }
    handleParameter(slot, m, id);
}

// The X32's own commands; false when the address is not one of them.
bool OscServer::handleControl(Slot& slot, const OscMessage& m) {
    OscClient& c = *slot.client;
    const std::string& a = m.address;
    const auto ip = [&c] { return c.address.toString().toStdString(); };
    const auto version = [] { return QCoreApplication::applicationVersion().toStdString(); };
    if (a == "/info")
        reply(
            c, a,
            {std::string("V2.07"), std::string("stagedesk"), std::string("Stagedesk"), version()});
    else if (a == "/xinfo")
        reply(c, a, {ip(), std::string("stagedesk"), std::string("Stagedesk"), version()});
    else if (a == "/status")
        reply(c, a, {std::string("active"), ip(), std::string("stagedesk")});
    else if (a == "/xremote")
        c.xremoteUntilMs = nowMs() + m_timing.expiryMs;
    else if (a == "/node")
        handleNode(slot, m);
    else if (a == "/subscribe")
        handleSubscribe(slot, m);
    else if (a == "/renew")
        handleRenew(c, m, false);
    else if (a == "/unsubscribe")
        handleRenew(c, m, true);
    else if (a == "/meters")
        handleMeters(slot, m);
    else if (a == "/-action/goscene" || a == "/-action/gocue" || a.starts_with("/stagedesk/cue/"))
        handleScenes(slot, m);
    else
        return false;
    return true;
}

void OscServer::handleParameter(Slot& slot, const OscMessage& m, ParamId id) {
    OscClient& c = *slot.client;
    const ParameterDescriptor& d = m_state.registry().at(id);
    if (m.arguments.empty()) { // GET, with or without an empty type tag string
        if (!mayRead(c.grant, d))
            refuse(c, m.address, QStringLiteral("a %1 may not read this").arg(c.grant.describe()));
        else
            reply(c, m.address, {toOsc(m_state, id)});
        return;
    }
    if (m.arguments.size() != 1) {
        refuse(c, m.address, QStringLiteral("a SET takes one argument"));
        return;
    }
    if (!mayWrite(c.grant, d)) {
        refuse(c, m.address, QStringLiteral("a %1 may not change this").arg(c.grant.describe()));
        return;
    }
    const ChangeResult result = applyOsc(m_state, id, m.arguments.front(), slot.source);
    if (!result.ok())
        refuse(c, m.address, result.reason);
    else {
        ++m_counters.applied;
        m_counters.changed += result.status != ChangeResult::Status::Unchanged;
    }
}

void OscServer::handleNode(Slot& slot, const OscMessage& m) {
    OscClient& c = *slot.client;
    const auto* prefix =
        m.arguments.size() == 1 ? std::get_if<std::string>(&m.arguments[0]) : nullptr;
    if (!prefix) {
        refuse(c, m.address, QStringLiteral("/node takes ,s PATH"));
        return;
    }
    const QString path = QString::fromStdString(*prefix);
    const std::vector<ParamId> ids = m_state.registry().subtree(path);
    for (const ParamId id : ids) {
        if (!mayRead(c.grant, m_state.registry().at(id))) {
            refuse(c, m.address,
                   QStringLiteral("a %1 may not read all of %2").arg(c.grant.describe(), path));
            return;
        }
    }
    const QByteArray text = nodeText(m_state, path).toUtf8();
    if (text.isEmpty() || text.size() > kMaxNodeBytes) {
        refuse(c, m.address,
               text.isEmpty() ? QStringLiteral("nothing at %1").arg(path)
                              : QStringLiteral("%1 is too large for /node").arg(path));
        return;
    }
    reply(c, "node", {text.toStdString()});
}

namespace {
const std::string* firstString(const OscMessage& m) {
    return m.arguments.empty() ? nullptr : std::get_if<std::string>(&m.arguments[0]);
}
// An optional int argument at 'index', else 'fallback'.
int intArgument(const OscMessage& m, std::size_t index, int fallback) {
    if (index >= m.arguments.size())
        return fallback;
    const auto* i = std::get_if<std::int32_t>(&m.arguments[index]);
    return i ? *i : fallback;
}
} // namespace

void OscServer::handleSubscribe(Slot& slot, const OscMessage& m) {
    OscClient& c = *slot.client;
    const std::string* address = firstString(m);
    const ParamId id =
        address ? m_state.registry().find(QString::fromStdString(*address)) : kNoParam;
    if (id == kNoParam || !mayRead(c.grant, m_state.registry().at(id))) {
        refuse(c, m.address, QStringLiteral("/subscribe takes ,s ADDRESS of a readable value"));
        return;
    }
    // An X32 takes time factor 0 as 1.
    const int factor = intArgument(m, 1, -1);
    c.subscriptions[id] = {nowMs() + m_timing.expiryMs,
                           factor < 0 ? 0 : std::clamp(factor, 1, kMaxTimeFactor), 0};
    if (factor >= 0 && !m_periodicTimer.isActive())
        m_periodicTimer.start();
    reply(c, *address, {toOsc(m_state, id)});
}

void OscServer::handleRenew(OscClient& c, const OscMessage& m, bool remove) {
    const qint64 until = nowMs() + m_timing.expiryMs;
    const std::string* address = firstString(m);
    const ParamId id =
        address ? m_state.registry().find(QString::fromStdString(*address)) : kNoParam;
    const std::optional<int> bank = address ? meterBank(*address) : std::nullopt;
    if (auto it = c.subscriptions.find(id); it != c.subscriptions.end() || !address) {
        for (auto& [sid, sub] : c.subscriptions)
            if (!address || sid == id)
                sub.untilMs = remove ? 0 : until;
    }
    for (MeterSubscription& s : c.meters)
        if (!address || (bank && s.bank == *bank))
            s.untilMs = remove ? 0 : until;
    std::erase_if(c.subscriptions, [](const auto& s) { return s.second.untilMs == 0; });
    std::erase_if(c.meters, [](const MeterSubscription& s) { return s.untilMs == 0; });
}

void OscServer::handleMeters(Slot& slot, const OscMessage& m) {
    OscClient& c = *slot.client;
    const std::string* path = firstString(m);
    const std::optional<int> bank = path ? meterBank(*path) : std::nullopt;
    if (!bank || !m_meters) {
        refuse(c, m.address, QStringLiteral("/meters takes ,s /meters/N (N = 0, 1, 2, 5, 6)"));
        return;
    }
    // /meters/6 names its channel (0-based, as on the X32) before the factor.
    const int channel = *bank == 6 ? intArgument(m, 1, -1) : 0;
    if (*bank == 6 && (channel < 0 || channel >= m_state.registry().size().inputs)) {
        refuse(c, m.address, QStringLiteral("/meters/6 takes ,si /meters/6 CHANNEL"));
        return;
    }
    const int factor = std::clamp(intArgument(m, *bank == 6 ? 2 : 1, 1), 1, kMaxTimeFactor);
    const qint64 until = nowMs() + m_timing.expiryMs;
    auto same = std::find_if(c.meters.begin(), c.meters.end(), [&](const MeterSubscription& s) {
        return s.bank == *bank && s.channel == channel;
    });
    if (same == c.meters.end())
        same = c.meters.insert(c.meters.end(), MeterSubscription{*bank, channel, factor, 0, until});
    same->ticksPerSend = factor;
    same->untilMs = until;
    if (!m_periodicTimer.isActive())
        m_periodicTimer.start();
}

void OscServer::handleLogin(Slot& slot, const OscMessage& m) {
    OscClient& c = *slot.client;
    const qint64 now = nowMs();
    const std::string* pin = firstString(m);
    if (c.loginLockedUntilMs > now) {
        refuse(c, m.address, QStringLiteral("too many wrong PINs; try again later"));
        return;
    }
    const std::optional<Grant> grant =
        pin ? m_settings.login(QString::fromStdString(*pin)) : std::nullopt;
    if (!grant) {
        if (++c.failedLogins >= kLoginAttempts) {
            c.failedLogins = 0;
            c.loginLockedUntilMs = now + kLoginLockMs;
        }
        refuse(c, m.address, QStringLiteral("wrong PIN"));
        return;
    }
    c.grant = *grant;
    c.loggedIn = true;
    c.failedLogins = 0;
    qCInfo(lcOsc).noquote() << "OSC:" << c.name() << "logged in as" << c.grant.describe();
    reply(c, m.address, {std::int32_t(1), c.grant.describe().toStdString()});
}

void OscServer::handleScenes(Slot& slot, const OscMessage& m) {
    OscClient& c = *slot.client;
    if (c.grant.role != Role::Engineer || !m_sceneList) {
        refuse(c, m.address, QStringLiteral("scene and cue control is for the engineer"));
        return;
    }
    bool done = false;
    const auto* number =
        m.arguments.size() == 1 ? std::get_if<std::int32_t>(&m.arguments[0]) : nullptr;
    if (m.address == "/-action/goscene")
        done = number && m_sceneList->recall(*number);
    else if (m.address == "/-action/gocue") // the X32's: cue N of the list, then on to N + 1
        done = number && *number < int(m_sceneList->cues().size()) &&
               m_sceneList->setCuePosition(*number) && m_sceneList->go();
    else if (m.address == "/stagedesk/cue/go")
        done = m_sceneList->go();
    else if (m.address == "/stagedesk/cue/next")
        done = m_sceneList->next();
    else if (m.address == "/stagedesk/cue/previous")
        done = m_sceneList->previous();
    if (!done)
        refuse(c, m.address, QStringLiteral("no such scene or cue"));
}

void OscServer::pushChange(int slotIndex, ParamId id) {
    Slot& slot = m_slots[std::size_t(slotIndex)];
    if (!slot.client)
        return;
    OscClient& c = *slot.client;
    if (c.xremoteUntilMs == 0 && c.subscriptions.empty())
        return; // most clients, most of the time: not even a look at the clock
    const qint64 now = nowMs();
    if (c.xremoteUntilMs <= now)
        c.xremoteUntilMs = 0;
    bool wanted = c.xremoteUntilMs != 0;
    if (auto it = c.subscriptions.find(id); it != c.subscriptions.end()) {
        if (it->second.untilMs > now)
            wanted = true;
        else
            c.subscriptions.erase(it);
    }
    if (!wanted || !mayRead(c.grant, m_state.registry().at(id)))
        return;
    c.pending.add(id);
    if (!m_pushTimer.isActive())
        m_pushTimer.start();
}

void OscServer::forgetRetired(int slotIndex) {
    Slot& slot = m_slots[std::size_t(slotIndex)];
    if (slot.client)
        std::erase_if(slot.client->subscriptions,
                      [this](const auto& s) { return m_state.registry().at(s.first).retired; });
}

void OscServer::flushPushes() {
    const std::size_t waiting =
        std::size_t(std::count_if(m_slots.begin(), m_slots.end(), [](const Slot& s) {
            return s.client && !s.client->pending.empty();
        }));
    if (waiting == 0)
        return;
    QElapsedTimer took;
    took.start();
    // A fair share each, the first in turn changing from flush to flush.
    const std::size_t share = std::max(kMinPushesPerClient, kPushesPerTurn / waiting);
    std::size_t sent = 0;
    bool more = false;
    for (std::size_t n = 0; n < m_slots.size(); ++n) {
        Slot& s = m_slots[(m_pushCursor + n) % m_slots.size()];
        if (!s.client || s.client->pending.empty())
            continue;
        if (sent >= kPushesPerTurn) {
            more = true;
            continue;
        }
        sent += std::size_t(sendPending(*s.client, share));
        more = more || !s.client->pending.empty();
    }
    m_pushCursor = (m_pushCursor + 1) % m_slots.size();
    const auto ns = quint64(took.nsecsElapsed());
    ++m_counters.pushTurns;
    m_counters.pushTurnsNs += ns;
    m_counters.longestPushTurnNs = std::max(m_counters.longestPushTurnNs, ns);
    if (more)
        m_pushTimer.start();
}

int OscServer::sendPending(OscClient& c, std::size_t limit) {
    int sent = 0;
    for (; !c.pending.empty() && std::size_t(sent) < limit; ++sent)
        send(c, pushDatagram(c.pending.take()));
    m_counters.pushed += quint64(sent);
    return sent;
}

const QByteArray& OscServer::pushDatagram(ParamId id) {
    const auto i = std::size_t(id);
    if (m_pushDatagrams.size() <= i) {
        m_pushDatagrams.resize(std::size_t(m_state.registry().count()));
        m_pushRevisions.resize(m_pushDatagrams.size(), 0);
    }
    // Stored as revision + 1: nothing is encoded yet at revision 0.
    if (m_pushRevisions[i] != m_state.revision() + 1) {
        m_pushDatagrams[i] =
            encodeMessage(m_state.registry().at(id).address.toStdString(), {toOsc(m_state, id)});
        m_pushRevisions[i] = m_state.revision() + 1;
    }
    return m_pushDatagrams[i];
}

void OscServer::sendPeriodic() {
    const qint64 now = nowMs();
    bool any = false;
    for (Slot& s : m_slots) {
        if (!s.client)
            continue;
        OscClient& c = *s.client;
        std::erase_if(c.meters, [now](const MeterSubscription& m) { return m.untilMs <= now; });
        for (MeterSubscription& sub : c.meters) {
            any = true;
            if (sub.tick++ % sub.ticksPerSend != 0)
                continue;
            const std::vector<float> values =
                meterValues(sub.bank, sub.channel, m_meters->latest(), m_state);
            reply(c, "/meters/" + std::to_string(sub.bank), {meterBlob(values)});
        }
        std::erase_if(c.subscriptions, [now](const auto& s) { return s.second.untilMs <= now; });
        for (auto& [id, sub] : c.subscriptions) {
            if (sub.ticksPerSend == 0)
                continue;
            any = true;
            if (sub.tick++ % sub.ticksPerSend == 0)
                reply(c, m_state.registry().at(id).address.toStdString(), {toOsc(m_state, id)});
        }
    }
    if (!any)
        m_periodicTimer.stop();
}

void OscServer::refuse(OscClient& c, const std::string& address, const QString& reason) {
    ++m_counters.refused;
    reportError(c, address, reason);
}

void OscServer::reportError(OscClient& c, const std::string& address, const QString& reason) {
    ++c.refused;
    ++c.refusedUnlogged;
    reply(c, kErrorAddress, {address, reason.toStdString()});
    const qint64 now = nowMs();
    if (now - c.lastRefusalLogMs < kRefusalLogIntervalMs)
        return;
    qCWarning(lcOsc).noquote() << "OSC: refused" << c.refusedUnlogged << "message(s) from"
                               << c.name() << "- last:" << QString::fromStdString(address)
                               << reason;
    c.refusedUnlogged = 0;
    c.lastRefusalLogMs = now;
}

void OscServer::reply(OscClient& c, std::string_view address,
                      const std::vector<OscArgument>& args) {
    sendPending(c, c.pending.size()); // the changes it has not heard yet come first
    send(c, encodeMessage(address, args));
}

void OscServer::send(const OscClient& c, const QByteArray& datagram) {
    m_socket.send(datagram, c.address, c.port);
}

} // namespace stagedesk::surfaces::osc
