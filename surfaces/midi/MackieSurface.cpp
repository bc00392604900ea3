#include "MackieSurface.h"

#include "MackieProtocol.h"

#include <algorithm>

namespace stagedesk::surfaces::midi {

using namespace stagedesk::scenes;

MackieSurface::MackieSurface(ConsoleState& state, MidiDevice& device, MeterHub* meters,
                             QObject* parent)
    : QObject(parent), m_state(state), m_device(device), m_meters(meters),
      m_source(state.addSource(QStringLiteral("Mackie Control"), this)) {
    const int inputs = state.registry().size().inputs;
    m_clipsSeen.assign(std::size_t(inputs), 0);
    m_device.setHandler([this](const ReceivedMessage& m) { handle(m); });
    connect(&m_device, &MidiDevice::outputConnected, this, &MackieSurface::resendAll);
    if (!m_device.outputPort().isEmpty())
        resendAll();
    if (m_meters) {
        m_meterTimer.setInterval(kMeterIntervalMs);
        connect(&m_meterTimer, &QTimer::timeout, this, &MackieSurface::sendMeters);
        m_meterTimer.start();
    }
}

MackieSurface::~MackieSurface() {
    m_device.setHandler({});
    m_state.removeSource(m_source);
}

int MackieSurface::channelOf(int strip) const {
    const int channel = m_offset + strip;
    return strip < mackie::kStrips && channel < m_state.registry().size().inputs ? channel : -1;
}

ParamId MackieSurface::stripParam(int strip, Role role) const {
    const int channel = channelOf(strip);
    if (channel < 0)
        return kNoParam;
    const ParameterRegistry& registry = m_state.registry();
    const QString p = registry.channelPrefix(channel);
    const bool haveSend = m_sendBus < registry.size().buses;
    const QString send = p + QStringLiteral("/mix/%1/level").arg(m_sendBus + 1, 2, 10, QChar('0'));
    switch (role) {
    case Role::Fader:
        return registry.find(m_flip && haveSend ? send : p + QStringLiteral("/mix/fader"));
    case Role::VPot:
        if (m_flip)
            return registry.find(p + QStringLiteral("/mix/fader"));
        return registry.find(
            m_vpotMode == VPotMode::Send && haveSend ? send : p + QStringLiteral("/mix/pan"));
    case Role::Mute:
        return registry.find(p + QStringLiteral("/mix/on"));
    case Role::Solo:
        return registry.find(p + QStringLiteral("/solo"));
    case Role::RecArm: // the channel's soundcheck switch: live input or playback
        return registry.find(p + QStringLiteral("/config/playback"));
    case Role::Name:
        return registry.find(p + QStringLiteral("/config/name"));
    }
    return kNoParam;
}

ParamId MackieSurface::masterFader() const {
    return m_state.registry().find(QStringLiteral("/main/st/mix/fader"));
}

void MackieSurface::sendShort(const std::array<std::uint8_t, 3>& bytes) {
    m_device.send(std::span<const std::uint8_t>(bytes));
}

void MackieSurface::sendFader(int strip) {
    const ParamId id = strip == kMasterStrip ? masterFader() : stripParam(strip, Role::Fader);
    const int channel = strip == kMasterStrip ? mackie::kMasterChannel : strip;
    sendShort(mackie::fader(channel, id == kNoParam ? 0.0 : m_state.normalized(id)));
}

void MackieSurface::sendStripLeds(int strip) {
    const int channel = channelOf(strip);
    const ParamId mute = stripParam(strip, Role::Mute);
    const ParamId solo = stripParam(strip, Role::Solo);
    const ParamId playback = stripParam(strip, Role::RecArm);
    sendShort(mackie::led(std::uint8_t(mackie::kMute + strip),
                          mute != kNoParam && m_state.number(mute) == 0));
    sendShort(mackie::led(std::uint8_t(mackie::kSolo + strip),
                          solo != kNoParam && m_state.number(solo) != 0));
    sendShort(
        mackie::led(std::uint8_t(mackie::kSelect + strip), channel >= 0 && channel == m_selected));
    sendShort(mackie::led(std::uint8_t(mackie::kRecArm + strip),
                          playback != kNoParam && m_state.number(playback) != 0));
}

void MackieSurface::sendRing(int strip) {
    const ParamId id = stripParam(strip, Role::VPot);
    if (id == kNoParam) {
        sendShort(mackie::ring(strip, 0));
        return;
    }
    const bool pan = m_state.registry().at(id).address.endsWith(QLatin1String("/pan"));
    const double n = m_state.normalized(id);
    sendShort(mackie::ring(strip, pan ? mackie::panRing(n) : mackie::levelRing(n)));
}

void MackieSurface::sendName(int strip) {
    const int channel = channelOf(strip);
    const ParamId id = stripParam(strip, Role::Name);
    QString name;
    if (id != kNoParam) {
        name = m_state.text(id);
        if (name.isEmpty())
            name = QStringLiteral("Ch %1").arg(channel + 1);
    }
    const auto bytes =
        mackie::lcd(mackie::kMainDeviceId, strip * mackie::kLcdCellChars, mackie::lcdCell(name));
    m_device.send(bytes);
}

void MackieSurface::sendValue(int strip, ParamId shown) {
    QString text;
    if (shown != kNoParam) {
        text = m_state.registry().at(shown).format(m_state.number(shown));
        text.remove(QLatin1Char(' ')); // "-10.0 dB" fits 7 characters as "-10.0dB"
    }
    const auto bytes =
        mackie::lcd(mackie::kMainDeviceId, mackie::kLcdRowChars + strip * mackie::kLcdCellChars,
                    mackie::lcdCell(text));
    m_device.send(bytes);
}

void MackieSurface::sendGlobalLeds() {
    sendShort(mackie::led(mackie::kFlip, m_flip));
    sendShort(mackie::led(mackie::kAssignPan, m_vpotMode == VPotMode::Pan));
    sendShort(mackie::led(mackie::kAssignSend, m_vpotMode == VPotMode::Send));
}

void MackieSurface::resendAll() {
    for (int strip = 0; strip < mackie::kStrips; ++strip) {
        sendFader(strip);
        sendStripLeds(strip);
        sendRing(strip);
        sendName(strip);
        sendValue(strip, stripParam(strip, Role::VPot));
    }
    sendFader(kMasterStrip);
    sendGlobalLeds();
}

void MackieSurface::parameterChanged(ParamId id, const ParameterValue&, SourceId) {
    const ParameterDescriptor& d = m_state.registry().at(id);
    if (id == masterFader()) {
        if (!m_touched[kMasterStrip])
            sendFader(kMasterStrip);
        return;
    }
    if (d.strip != StripKind::Channel)
        return;
    const int strip = d.stripIndex - m_offset;
    if (strip < 0 || strip >= mackie::kStrips)
        return;
    // A touched fader is the engineer's: the motor waits for the release.
    if (id == stripParam(strip, Role::Fader) && !m_touched[std::size_t(strip)])
        sendFader(strip);
    if (id == stripParam(strip, Role::VPot)) {
        sendRing(strip);
        sendValue(strip, id);
    }
    if (id == stripParam(strip, Role::Mute) || id == stripParam(strip, Role::Solo) ||
        id == stripParam(strip, Role::RecArm))
        sendStripLeds(strip);
    if (id == stripParam(strip, Role::Name))
        sendName(strip);
}

void MackieSurface::handle(const ReceivedMessage& received) {
    const ShortMessage& m = received.message;
    switch (m.kind()) {
    case 0xE0:
        if (m.channel() <= mackie::kMasterChannel)
            moveFader(m.channel(), mackie::faderPosition(m));
        break;
    case 0x90:
    case 0x80: {
        const bool pressed = m.kind() == 0x90 && m.data2 > 0;
        if (m.data1 >= mackie::kTouch && m.data1 <= mackie::kMasterTouch) {
            const int strip = m.data1 - mackie::kTouch;
            m_touched[std::size_t(strip)] = pressed;
            if (!pressed) // the model may have moved meanwhile: go to it
                sendFader(strip);
        } else if (pressed) {
            handleButton(m.data1, pressed);
        }
        break;
    }
    case 0xB0:
        if (m.data1 >= mackie::kVPot && m.data1 < mackie::kVPot + mackie::kStrips)
            turnVPot(m.data1 - mackie::kVPot, mackie::vpotTicks(m.data2));
        break;
    default:
        break; // nothing else means anything from an MCU
    }
}

void MackieSurface::moveFader(int channel, double position) {
    const int strip = channel == mackie::kMasterChannel ? kMasterStrip : channel;
    const ParamId id = strip == kMasterStrip ? masterFader() : stripParam(strip, Role::Fader);
    if (id == kNoParam) {
        sendFader(strip); // a strip past the last input stays down
        return;
    }
    m_state.setNormalized(id, position, m_source);
    if (strip != kMasterStrip)
        sendValue(strip, id);
}

void MackieSurface::turnVPot(int strip, int ticks) {
    const ParamId id = stripParam(strip, Role::VPot);
    if (id == kNoParam || ticks == 0)
        return;
    m_state.setNormalized(id, m_state.normalized(id) + ticks * kVPotStep, m_source);
    sendRing(strip);
    sendValue(strip, id);
}

void MackieSurface::handleButton(std::uint8_t note, bool) {
    const int strip = note % mackie::kStrips;
    const int channel = channelOf(strip);
    const auto toggle = [&](ParamId id) {
        if (id != kNoParam)
            m_state.set(id, m_state.number(id) == 0 ? 1.0 : 0.0, m_source);
    };
    if (note < mackie::kSolo) {
        toggle(stripParam(strip, Role::RecArm));
        sendStripLeds(strip);
    } else if (note < mackie::kMute) {
        toggle(stripParam(strip, Role::Solo));
        sendStripLeds(strip);
    } else if (note < mackie::kSelect) {
        toggle(stripParam(strip, Role::Mute));
        sendStripLeds(strip);
    } else if (note < mackie::kSelect + mackie::kStrips) {
        m_selected = (channel == m_selected) ? -1 : channel;
        for (int s = 0; s < mackie::kStrips; ++s)
            sendStripLeds(s);
    } else if (note == mackie::kBankLeft || note == mackie::kBankRight) {
        setBank(m_offset + (note == mackie::kBankLeft ? -mackie::kStrips : mackie::kStrips));
    } else if (note == mackie::kChannelLeft || note == mackie::kChannelRight) {
        setBank(m_offset + (note == mackie::kChannelLeft ? -1 : 1));
    } else if (note == mackie::kFlip) {
        m_flip = !m_flip;
        resendAll();
    } else if (note == mackie::kAssignPan) {
        m_vpotMode = VPotMode::Pan;
        resendAll();
    } else if (note == mackie::kAssignSend) {
        // Send again steps to the next mix bus.
        const int buses = std::max(1, m_state.registry().size().buses);
        m_sendBus = m_vpotMode == VPotMode::Send ? (m_sendBus + 1) % buses : m_sendBus;
        m_vpotMode = VPotMode::Send;
        resendAll();
    }
}

void MackieSurface::setBank(int offset) {
    const int last = std::max(0, m_state.registry().size().inputs - mackie::kStrips);
    offset = std::clamp(offset, 0, last);
    if (offset == m_offset)
        return;
    m_offset = offset;
    m_touched = {};
    resendAll();
}

void MackieSurface::sendMeters() {
    const engine::MeterSnapshot& snapshot = m_meters->latest();
    for (int strip = 0; strip < mackie::kStrips; ++strip) {
        const int channel = channelOf(strip);
        float peak = 0;
        if (channel >= 0 && std::size_t(channel) < snapshot.channels.size()) {
            const engine::MeterPoint& point = snapshot.channels[std::size_t(channel)];
            peak = point.peak;
            if (point.clips > m_clipsSeen[std::size_t(channel)]) {
                m_clipsSeen[std::size_t(channel)] = point.clips;
                m_device.send(mackie::meterClip(strip));
            }
        }
        m_device.send(mackie::meter(strip, peak));
    }
}

} // namespace stagedesk::surfaces::midi
