#pragma once
// The X32-compatible OSC server, on the control thread: owns the UDP socket,
// validates every datagram (OscDatagram) before anything reads it, answers
// GETs, applies SETs through the console state, pushes changes to /xremote
// and /subscribe clients (never back to the setter: each client slot is its
// own source of the console state), sends /meters, recalls scenes and cues,
// and enforces the access rules and a rate limit per client.
//
// Pushes are coalesced: a change marks its parameter in each interested
// client's queue (OscPushQueue), and the queues are sent after the event
// loop turn that changed them, each parameter once with its latest value, at
// most kPushesPerTurn datagrams per turn shared among the clients, so that a
// scene recall of thousands of values to 32 tablets never holds the control
// thread for long. Anything sent to a client (a reply, meters) first sends
// that client's waiting pushes, so it hears changes in order.

#include "OscAccess.h"
#include "OscClient.h"
#include "OscDatagram.h"
#include "OscSocket.h"

#include "ConsoleState.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace stagedesk::scenes {
class MeterHub;
class SceneList;
} // namespace stagedesk::scenes

namespace stagedesk::surfaces::osc {

struct OscServerTiming {
    int expiryMs = 10'000;           // /xremote, /subscribe and /meters, as on the X32
    int meterBaseMs = 50;            // /meters period at time factor 1
    double messagesPerSecond = 2000; // per client, sustained
    double burstMessages = 4000;
    int maxClients = 64; // the X32 stops at 4
};

struct OscCounters {
    quint64 datagrams = 0;   // received
    quint64 malformed = 0;   // refused by the validator
    quint64 refused = 0;     // refused by the access rules, the model or the type
    quint64 rateLimited = 0; // dropped datagrams of clients over their rate
    quint64 applied = 0;     // SETs accepted (the value may have been so already)
    quint64 changed = 0;     // SETs that changed a value
    quint64 pushed = 0;      // change datagrams sent to subscribers
    quint64 pushTurns = 0;   // event-loop turns that sent pushes, and how long they took
    quint64 pushTurnsNs = 0;
    quint64 longestPushTurnNs = 0;
};

class OscServer : public QObject {
    Q_OBJECT
public:
    // sceneList and meters may be null (no scene control, no meters).
    OscServer(scenes::ConsoleState& state, scenes::SceneList* sceneList, scenes::MeterHub* meters,
              OscSettings settings, OscServerTiming timing = {}, QObject* parent = nullptr);
    ~OscServer() override;

    // Binds settings().bind : settings().port (0 = any free port).
    bool start(QString* error);
    quint16 port() const { return m_socket.localPort(); }

    // Run-time edits of the rules: clients without a PIN login get the new
    // rules' grant at once.
    void setSettings(OscSettings settings);
    const OscSettings& settings() const { return m_settings; }

    const OscCounters& counters() const { return m_counters; }
    int clientCount() const;
    // The clients it knows now, for the setup page: "address:port" and grant.
    std::vector<std::pair<QString, Grant>> clients() const;

signals:
    // After each datagram is dealt with (tests and benchmarks wait on it).
    void datagramHandled();
    // After setSettings: the show's "osc" slot should say so.
    void settingsChanged();

private:
    class SlotObserver;
    struct Slot {
        std::unique_ptr<SlotObserver> observer;
        scenes::SourceId source = scenes::kInternalSource;
        std::optional<OscClient> client;
    };

    void readPending();
    void handleDatagram(std::span<const std::uint8_t> data, const QHostAddress& from, quint16 port);
    Slot* slotFor(const QHostAddress& from, quint16 port);
    void handleMessage(Slot& slot, const OscMessage& m);
    bool handleControl(Slot& slot, const OscMessage& m);
    void handleParameter(Slot& slot, const OscMessage& m, scenes::ParamId id);
    void handleNode(Slot& slot, const OscMessage& m);
    void handleSubscribe(Slot& slot, const OscMessage& m);
    void handleRenew(OscClient& c, const OscMessage& m, bool remove);
    void handleMeters(Slot& slot, const OscMessage& m);
    void handleLogin(Slot& slot, const OscMessage& m);
    void handleScenes(Slot& slot, const OscMessage& m);

    void pushChange(int slotIndex, scenes::ParamId id);
    // Parameters were retired (a plugin left its slot): the client's
    // subscriptions to them end, as for an address that does not exist.
    void forgetRetired(int slotIndex);
    // Sends waiting pushes, at most kPushesPerTurn; the rest in the next turn.
    void flushPushes();
    // Sends up to 'limit' of the client's waiting pushes; returns how many.
    int sendPending(OscClient& c, std::size_t limit);
    // Every 50 ms while anyone wants it: /meters blobs, and the values of
    // /subscribe ,si subscriptions, each at its time factor.
    void sendPeriodic();
    void refuse(OscClient& c, const std::string& address, const QString& reason);
    // The error reply, and a log line at most every few seconds per client.
    void reportError(OscClient& c, const std::string& address, const QString& reason);
    void reply(OscClient& c, std::string_view address, const std::vector<OscArgument>& args);
    void send(const OscClient& c, const QByteArray& datagram);
    // The push datagram of a parameter's current value, encoded once for
    // all the clients it goes to.
    const QByteArray& pushDatagram(scenes::ParamId id);
    qint64 nowMs() const { return m_clock.elapsed(); }

    scenes::ConsoleState& m_state;
    scenes::SceneList* m_sceneList;
    scenes::MeterHub* m_meters;
    OscSettings m_settings;
    OscServerTiming m_timing;
    OscSocket m_socket;
    QElapsedTimer m_clock;
    QTimer m_periodicTimer;
    QTimer m_pushTimer;           // zero-time, single shot: the end of this turn
    std::size_t m_pushCursor = 0; // the slot that goes first in the next flush
    std::vector<Slot> m_slots;
    OscCounters m_counters;
    // By ParamId: the push datagram, and the state revision it was made at.
    std::vector<QByteArray> m_pushDatagrams;
    std::vector<quint64> m_pushRevisions;
};

} // namespace stagedesk::surfaces::osc
