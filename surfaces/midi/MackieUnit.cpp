#include "MackieUnit.h"

#include "MackieSurface.h"

namespace stagedesk::surfaces::midi {

using namespace stagedesk::scenes;

MackieUnit::MackieUnit(MackieSurface& surface, MidiDevice& device, Kind kind, int firstStrip)
    : m_surface(surface), m_device(device), m_kind(kind), m_firstStrip(firstStrip) {
    m_device.setHandler([this](const ReceivedMessage& m) { handle(m); });
    connect(&m_device, &MidiDevice::outputConnected, this, &MackieUnit::resendAll);
}

MackieUnit::~MackieUnit() {
    m_device.setHandler({});
}

std::uint8_t MackieUnit::deviceId() const {
    return m_kind == Kind::Main ? mackie::kMainDeviceId : mackie::kExtenderDeviceId;
}

int MackieUnit::channelOf(int strip) const {
    return strip < mackie::kStrips ? m_surface.channelOf(m_firstStrip + strip) : -1;
}

ParamId MackieUnit::param(int strip, StripRole role) const {
    return strip < mackie::kStrips ? m_surface.stripParam(m_firstStrip + strip, role) : kNoParam;
}

ParamId MackieUnit::faderParam(int strip) const {
    return strip == kMasterStrip ? m_surface.masterFader() : param(strip, StripRole::Fader);
}

void MackieUnit::sendShort(const mackie::Short& bytes) {
    m_device.send(std::span<const std::uint8_t>(bytes));
}

void MackieUnit::sendFader(int strip) {
    const ParamId id = faderParam(strip);
    const int channel = strip == kMasterStrip ? mackie::kMasterChannel : strip;
    sendShort(mackie::fader(channel, id == kNoParam ? 0.0 : m_surface.state().normalized(id)));
}

void MackieUnit::sendStripLeds(int strip) {
    const ConsoleState& state = m_surface.state();
    const int channel = channelOf(strip);
    const ParamId mute = param(strip, StripRole::Mute);
    const ParamId solo = param(strip, StripRole::Solo);
    const ParamId playback = param(strip, StripRole::RecArm);
    sendShort(mackie::led(std::uint8_t(mackie::kMute + strip),
                          mute != kNoParam && state.number(mute) == 0));
    sendShort(mackie::led(std::uint8_t(mackie::kSolo + strip),
                          solo != kNoParam && state.number(solo) != 0));
    sendShort(mackie::led(std::uint8_t(mackie::kSelect + strip),
                          channel >= 0 && channel == m_surface.selectedChannel()));
    sendShort(mackie::led(std::uint8_t(mackie::kRecArm + strip),
                          playback != kNoParam && state.number(playback) != 0));
}

void MackieUnit::sendRing(int strip) {
    const ParamId id = param(strip, StripRole::VPot);
    if (id == kNoParam) {
        sendShort(mackie::ring(strip, 0));
        return;
    }
    const ConsoleState& state = m_surface.state();
    const bool pan = state.registry().at(id).address.endsWith(QLatin1String("/pan"));
    const double n = state.normalized(id);
    sendShort(mackie::ring(strip, pan ? mackie::panRing(n) : mackie::levelRing(n)));
}

void MackieUnit::sendName(int strip) {
    const ParamId id = param(strip, StripRole::Name);
    QString name;
    if (id != kNoParam) {
        name = m_surface.state().text(id);
        if (name.isEmpty())
            name = QStringLiteral("Ch %1").arg(channelOf(strip) + 1);
    }
    m_device.send(mackie::lcd(deviceId(), strip * mackie::kLcdCellChars, mackie::lcdCell(name)));
}

void MackieUnit::sendValue(int strip, ParamId shown) {
    QString text;
    if (shown != kNoParam) {
        const ConsoleState& state = m_surface.state();
        text = state.registry().at(shown).format(state.number(shown));
        text.remove(QLatin1Char(' ')); // "-10.0 dB" fits 7 characters as "-10.0dB"
    }
    m_device.send(mackie::lcd(deviceId(), mackie::kLcdRowChars + strip * mackie::kLcdCellChars,
                              mackie::lcdCell(text)));
}

void MackieUnit::sendGlobalLeds() {
    const bool pan = m_surface.vpotMode() == MackieSurface::VPotMode::Pan;
    sendShort(mackie::led(mackie::kFlip, m_surface.flipped()));
    sendShort(mackie::led(mackie::kAssignPan, pan));
    sendShort(mackie::led(mackie::kAssignSend, !pan));
}

void MackieUnit::resendAll() {
    for (int strip = 0; strip < mackie::kStrips; ++strip) {
        sendFader(strip);
        sendStripLeds(strip);
        sendRing(strip);
        sendName(strip);
        sendValue(strip, param(strip, StripRole::VPot));
    }
    if (m_kind == Kind::Main) {
        sendFader(kMasterStrip);
        sendGlobalLeds();
    }
}

void MackieUnit::resendStripLeds() {
    for (int strip = 0; strip < mackie::kStrips; ++strip)
        sendStripLeds(strip);
}

void MackieUnit::masterChanged() {
    if (m_kind == Kind::Main && !m_touched[kMasterStrip])
        sendFader(kMasterStrip);
}

void MackieUnit::stripParameterChanged(int strip, ParamId id) {
    // A touched fader is the engineer's: the motor waits for the release.
    if (id == param(strip, StripRole::Fader) && !m_touched[std::size_t(strip)])
        sendFader(strip);
    if (id == param(strip, StripRole::VPot)) {
        sendRing(strip);
        sendValue(strip, id);
    }
    if (id == param(strip, StripRole::Mute) || id == param(strip, StripRole::Solo) ||
        id == param(strip, StripRole::RecArm))
        sendStripLeds(strip);
    if (id == param(strip, StripRole::Name))
        sendName(strip);
}

void MackieUnit::sendMeter(int strip, float peakLinear, bool newClip) {
    if (newClip)
        m_device.send(mackie::meterClip(strip));
    m_device.send(mackie::meter(strip, peakLinear));
}

void MackieUnit::handle(const ReceivedMessage& received) {
    const ShortMessage& m = received.message;
    // An extender has no master fader: channel 9 means nothing from it.
    const int lastFader = m_kind == Kind::Main ? kMasterStrip : kMasterStrip - 1;
    switch (m.kind()) {
    case 0xE0:
        if (m.channel() <= lastFader)
            moveFader(m.channel(), mackie::faderPosition(m));
        break;
    case 0x90:
    case 0x80: {
        const bool pressed = m.kind() == 0x90 && m.data2 > 0;
        if (m.data1 >= mackie::kTouch && m.data1 <= mackie::kTouch + lastFader) {
            const int strip = m.data1 - mackie::kTouch;
            m_touched[std::size_t(strip)] = pressed;
            if (!pressed) // the model may have moved meanwhile: go to it
                sendFader(strip);
        } else if (pressed) {
            handleButton(m.data1);
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

void MackieUnit::moveFader(int strip, double position) {
    const ParamId id = faderParam(strip);
    if (id == kNoParam) {
        sendFader(strip); // a strip past the last input stays down
        return;
    }
    m_surface.state().setNormalized(id, position, m_surface.source());
    if (strip != kMasterStrip)
        sendValue(strip, id);
}

void MackieUnit::turnVPot(int strip, int ticks) {
    const ParamId id = param(strip, StripRole::VPot);
    if (id == kNoParam || ticks == 0)
        return;
    ConsoleState& state = m_surface.state();
    state.setNormalized(id, state.normalized(id) + ticks * MackieSurface::kVPotStep,
                        m_surface.source());
    sendRing(strip);
    sendValue(strip, id);
}

void MackieUnit::handleButton(std::uint8_t note) {
    const int strip = note % mackie::kStrips;
    ConsoleState& state = m_surface.state();
    const auto toggle = [&](StripRole role) {
        if (const ParamId id = param(strip, role); id != kNoParam)
            state.set(id, state.number(id) == 0 ? 1.0 : 0.0, m_surface.source());
        sendStripLeds(strip);
    };
    if (note < mackie::kSolo) {
        toggle(StripRole::RecArm);
    } else if (note < mackie::kMute) {
        toggle(StripRole::Solo);
    } else if (note < mackie::kSelect) {
        toggle(StripRole::Mute);
    } else if (note < mackie::kSelect + mackie::kStrips) {
        m_surface.toggleSelect(channelOf(strip));
    } else if (m_kind != Kind::Main) {
        return; // an extender has no bank, flip or assignment buttons
    } else if (note == mackie::kBankLeft || note == mackie::kBankRight) {
        const int strips = m_surface.stripCount();
        m_surface.moveBank(note == mackie::kBankLeft ? -strips : strips);
    } else if (note == mackie::kChannelLeft || note == mackie::kChannelRight) {
        m_surface.moveBank(note == mackie::kChannelLeft ? -1 : 1);
    } else if (note == mackie::kFlip) {
        m_surface.toggleFlip();
    } else if (note == mackie::kAssignPan) {
        m_surface.assignPan();
    } else if (note == mackie::kAssignSend) {
        m_surface.assignSend();
    }
}

} // namespace stagedesk::surfaces::midi
