#pragma once
// One MIDI device as a surface sees it: an input and an output port found by
// part of their names, opened when they appear and closed when they vanish
// (polled on the control thread), so that a device unplugged mid-show comes
// back by itself. Bytes arrive on RtMidi's thread, are parsed there and
// queued without locks; the control thread drains the queue and hands each
// message to the surface, keeping only the newest pitch bend per channel of
// a batch so that a flooding device cannot pile up work.

#include "MidiParser.h"
#include "rt/SpscQueue.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

class RtMidiIn;
class RtMidiOut;

namespace stagedesk::surfaces::midi {

struct ReceivedMessage {
    ShortMessage message;
    std::int64_t receivedNs = 0; // steady clock, when RtMidi delivered it
};

enum class MidiApi { Alsa, Jack };

// ALSA where its sequencer exists, JACK otherwise.
MidiApi defaultMidiApi();

class MidiDevice : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultPollMs = 1000;
    static constexpr std::size_t kQueueCapacity = 4096;

    // clientName names our ports; ports of clients whose names start with
    // "stagedesk" are never matched (they are our own).
    MidiDevice(MidiApi api, const QString& clientName, QObject* parent = nullptr);
    ~MidiDevice() override;

    // Empty = no such port. Connects at once if the ports exist, else when
    // they appear.
    void setPorts(const QString& inputPattern, const QString& outputPattern);
    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    // Looks for appeared and vanished ports now (also what the timer does).
    void reconcile();

    // Ports that other programs offer, our own left out.
    QStringList availableInputs();
    QStringList availableOutputs();
    // The full name of the connected port, empty while none is.
    QString inputPort() const { return m_inputPort; }
    QString outputPort() const { return m_outputPort; }

    // Control thread. Dropped (and counted) while no output is connected.
    void send(std::span<const std::uint8_t> bytes);
    void send(std::initializer_list<std::uint8_t> bytes) { send({bytes.begin(), bytes.size()}); }

    void setHandler(std::function<void(const ReceivedMessage&)> handler) {
        m_handler = std::move(handler);
    }

    std::uint64_t bytesSent() const { return m_bytesSent; }
    std::uint64_t messagesDropped() const { return m_overflow.load(std::memory_order_relaxed); }
    std::uint64_t bytesMalformed() const { return m_malformed.load(std::memory_order_relaxed); }
    QString lastError() const { return m_lastError; }
    // When RtMidi delivered the message being handled now (or last), steady
    // clock ns: for latency figures.
    std::int64_t lastReceivedNs() const { return m_lastReceivedNs; }

signals:
    // The output (re)connected: the surface sends its whole state.
    void outputConnected();
    void inputConnected();
    void disconnected();

private:
    static void rtCallback(double, std::vector<unsigned char>* bytes, void* self);
    void rtReceive(std::span<const unsigned char> bytes);
    void drain();
    QStringList ownFiltered(bool inputs);

    std::unique_ptr<RtMidiIn> m_in;
    std::unique_ptr<RtMidiOut> m_out;
    QString m_inputPattern, m_outputPattern;
    QString m_inputPort, m_outputPort;
    QTimer m_poll;
    QString m_lastError;
    std::function<void(const ReceivedMessage&)> m_handler;
    std::uint64_t m_bytesSent = 0;
    std::int64_t m_lastReceivedNs = 0;

    // RtMidi's thread writes, the control thread reads.
    MidiParser m_parser; // RtMidi's thread only
    rt::SpscQueue<ReceivedMessage> m_queue{kQueueCapacity};
    // Set by the producer when it posts a drain, cleared by the drain before
    // it reads: at most one drain is queued whatever the message rate.
    std::atomic<bool> m_drainPosted{false};
    static constexpr int kConnectionSettleMs = 100;
    std::atomic<std::uint64_t> m_overflow{0};
    // A fader's newest position must survive a full queue (the control
    // thread stalled during a flood): per MIDI channel, the last pitch bend
    // that did not fit, as 0x1'00'LL'MM (valid bit, lsb, msb); 0 = none.
    std::array<std::atomic<std::uint32_t>, 16> m_overflowBend{};
    std::atomic<std::uint64_t> m_malformed{0};
    std::vector<ReceivedMessage> m_batch; // control thread
};

} // namespace stagedesk::surfaces::midi
