#include "MidiDevice.h"

#include <QTimer>

#include <RtMidi.h>

#include <chrono>

namespace stagedesk::surfaces::midi {

namespace {

RtMidi::Api rtApi(MidiApi api) {
    return api == MidiApi::Alsa ? RtMidi::LINUX_ALSA : RtMidi::UNIX_JACK;
}

bool isOwnPort(const QString& name) {
    return name.startsWith(QLatin1String("stagedesk"), Qt::CaseInsensitive);
}

} // namespace

MidiApi defaultMidiApi() {
    try {
        RtMidiIn probe(RtMidi::LINUX_ALSA, "stagedesk-probe");
        probe.getPortCount();
        return MidiApi::Alsa;
    } catch (const RtMidiError&) {
        return MidiApi::Jack;
    }
}

MidiDevice::MidiDevice(MidiApi api, const QString& clientName, QObject* parent) : QObject(parent) {
    m_batch.reserve(kQueueCapacity);
    try {
        m_in = std::make_unique<RtMidiIn>(rtApi(api), (clientName + " in").toStdString());
        m_out = std::make_unique<RtMidiOut>(rtApi(api), (clientName + " out").toStdString());
        // With an error callback RtMidi reports instead of throwing or
        // printing; it does so from calls made on the control thread.
        const RtMidiErrorCallback remember = [](RtMidiError::Type, const std::string& text,
                                                void* self) {
            static_cast<MidiDevice*>(self)->m_lastError = QString::fromStdString(text);
        };
        m_in->setErrorCallback(remember, this);
        m_out->setErrorCallback(remember, this);
        // SysEx reaches the parser (which drops what it does not know);
        // clock and active sensing are of no use to a surface.
        m_in->ignoreTypes(false, true, true);
        m_in->setCallback(&MidiDevice::rtCallback, this);
    } catch (const RtMidiError& error) {
        m_lastError = QString::fromStdString(error.getMessage());
        m_in.reset();
        m_out.reset();
    }
    m_poll.setInterval(kDefaultPollMs);
    connect(&m_poll, &QTimer::timeout, this, &MidiDevice::reconcile);
}

MidiDevice::~MidiDevice() {
    // Stop RtMidi's thread before the queue and parser go.
    if (m_in)
        m_in->cancelCallback();
}

void MidiDevice::setPorts(const QString& inputPattern, const QString& outputPattern) {
    m_inputPattern = inputPattern;
    m_outputPattern = outputPattern;
    reconcile();
    m_poll.start();
}

QStringList MidiDevice::ownFiltered(bool inputs) {
    QStringList names;
    RtMidi* api = inputs ? static_cast<RtMidi*>(m_in.get()) : static_cast<RtMidi*>(m_out.get());
    if (!api)
        return names;
    const unsigned count = api->getPortCount();
    for (unsigned i = 0; i < count; ++i) {
        const QString name = QString::fromStdString(api->getPortName(i));
        names.append(isOwnPort(name) ? QString() : name); // keep indices aligned
    }
    return names;
}

QStringList MidiDevice::availableInputs() {
    QStringList names = ownFiltered(true);
    names.removeAll(QString());
    return names;
}

QStringList MidiDevice::availableOutputs() {
    QStringList names = ownFiltered(false);
    names.removeAll(QString());
    return names;
}

void MidiDevice::reconcile() {
    if (!m_in || !m_out)
        return;
    // Returns the index of the port to use, or -1; closes a vanished one.
    auto step = [](RtMidi& api, const QStringList& names, const QString& pattern,
                   QString& connected) -> int {
        if (!connected.isEmpty()) {
            if (names.contains(connected))
                return -1;
            api.closePort();
            connected.clear();
        }
        if (pattern.isEmpty())
            return -1;
        for (int i = 0; i < names.size(); ++i)
            if (!names[i].isEmpty() && names[i].contains(pattern, Qt::CaseInsensitive))
                return i;
        return -1;
    };

    const bool hadInput = !m_inputPort.isEmpty(), hadOutput = !m_outputPort.isEmpty();
    const QStringList inputs = ownFiltered(true);
    if (const int i = step(*m_in, inputs, m_inputPattern, m_inputPort); i >= 0) {
        m_in->openPort(unsigned(i), "in");
        if (m_in->isPortOpen()) {
            m_inputPort = inputs[i];
            emit inputConnected();
        }
    }
    const QStringList outputs = ownFiltered(false);
    if (const int i = step(*m_out, outputs, m_outputPattern, m_outputPort); i >= 0) {
        m_out->openPort(unsigned(i), "out");
        if (m_out->isPortOpen()) {
            m_outputPort = outputs[i];
            // The port is open, but JACK (and the ALSA sequencer) make the
            // connection live a cycle or more later; a state sent at once
            // would be lost. Announce it once the connection has settled.
            QTimer::singleShot(kConnectionSettleMs, this, [this, port = m_outputPort] {
                if (m_outputPort == port)
                    emit outputConnected();
            });
        }
    }
    if ((hadInput && m_inputPort.isEmpty()) || (hadOutput && m_outputPort.isEmpty()))
        emit disconnected();
}

void MidiDevice::send(std::span<const std::uint8_t> bytes) {
    if (m_outputPort.isEmpty() || bytes.empty())
        return;
    m_out->sendMessage(bytes.data(), bytes.size());
    m_bytesSent += bytes.size();
}

// RtMidi's thread (JACK's process thread with the JACK API): parse, queue,
// and post one drain if none is pending. No locks, no waits.
void MidiDevice::rtCallback(double, std::vector<unsigned char>* bytes, void* self) {
    static_cast<MidiDevice*>(self)->rtReceive({bytes->data(), bytes->size()});
}

void MidiDevice::rtReceive(std::span<const unsigned char> bytes) {
    const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::steady_clock::now().time_since_epoch())
                                 .count();
    const std::uint64_t droppedBefore = m_parser.dropped();
    bool pushed = false;
    for (const unsigned char byte : bytes) {
        // SysEx from a surface (identity replies) carries nothing we act on.
        if (m_parser.push(byte) != MidiParser::Result::Short)
            continue;
        const ShortMessage& message = m_parser.message();
        if (m_queue.tryPush({message, now})) {
            pushed = true;
        } else if (message.kind() == 0xE0) {
            m_overflowBend[std::size_t(message.channel())].store(
                0x10000u | std::uint32_t(message.data1) | std::uint32_t(message.data2) << 8,
                std::memory_order_release);
            pushed = true; // the drain picks it up
        } else {
            m_overflow.fetch_add(1, std::memory_order_relaxed);
        }
    }
    if (m_parser.dropped() != droppedBefore)
        m_malformed.fetch_add(m_parser.dropped() - droppedBefore, std::memory_order_relaxed);
    if (pushed && !m_drainPosted.exchange(true, std::memory_order_acq_rel))
        QMetaObject::invokeMethod(this, &MidiDevice::drain, Qt::QueuedConnection);
}

void MidiDevice::drain() {
    // Cleared before reading, so a message queued after this read posts anew.
    // An exchange, not a store: a plain store may become visible only after
    // the queue read below (store-load reordering), and a producer that saw
    // the flag still set in between would post nothing, leaving its message
    // in the queue until the next one arrives. As two read-modify-writes of
    // one atomic, the producer's exchange either reads this false (and
    // posts) or precedes it and releases its push to the read below.
    m_drainPosted.exchange(false, std::memory_order_acq_rel);
    m_batch.clear();
    m_queue.consumeAll([this](const ReceivedMessage& m) { m_batch.push_back(m); });
    // Bends that found the queue full are newer than everything it held.
    for (int ch = 0; ch < 16; ++ch) {
        const std::uint32_t bend =
            m_overflowBend[std::size_t(ch)].exchange(0, std::memory_order_acq_rel);
        if (bend)
            m_batch.push_back({ShortMessage{std::uint8_t(0xE0 | ch), std::uint8_t(bend & 0x7F),
                                            std::uint8_t((bend >> 8) & 0x7F), 3},
                               m_batch.empty() ? 0 : m_batch.back().receivedNs});
    }
    // A fader flood collapses to its newest position per channel.
    std::array<int, 16> lastBend;
    lastBend.fill(-1);
    for (int i = 0; i < int(m_batch.size()); ++i)
        if (m_batch[std::size_t(i)].message.kind() == 0xE0)
            lastBend[std::size_t(m_batch[std::size_t(i)].message.channel())] = i;
    if (!m_handler)
        return;
    for (int i = 0; i < int(m_batch.size()); ++i) {
        const ReceivedMessage& m = m_batch[std::size_t(i)];
        if (m.message.kind() == 0xE0 && lastBend[std::size_t(m.message.channel())] != i)
            continue;
        m_lastReceivedNs = m.receivedNs;
        m_handler(m);
    }
}

} // namespace stagedesk::surfaces::midi
