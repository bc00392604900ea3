#include "MackieSurface.h"

#include <algorithm>

namespace stagedesk::surfaces::midi {

using namespace stagedesk::scenes;

MackieSurface::MackieSurface(ConsoleState& state, MeterHub* meters, QObject* parent)
    : QObject(parent), m_state(state), m_meters(meters),
      m_source(state.addSource(QStringLiteral("Mackie Control"), this)) {
    m_clipsSeen.assign(std::size_t(state.registry().size().inputs), 0);
    if (m_meters) {
        m_meterTimer.setInterval(kMeterIntervalMs);
        connect(&m_meterTimer, &QTimer::timeout, this, &MackieSurface::sendMeters);
        m_meterTimer.start();
    }
}

MackieSurface::MackieSurface(ConsoleState& state, MidiDevice& device, MeterHub* meters,
                             QObject* parent)
    : MackieSurface(state, meters, parent) {
    addUnit(device, MackieUnit::Kind::Main);
}

MackieSurface::~MackieSurface() {
    m_units.clear(); // they unhook their devices while the surface still exists
    m_state.removeSource(m_source);
}

void MackieSurface::addUnit(MidiDevice& device, MackieUnit::Kind kind) {
    m_units.push_back(std::make_unique<MackieUnit>(*this, device, kind, stripCount()));
    m_offset = clampedBank(m_offset); // more strips may leave the bank past the last input
    resendAll();                      // what is connected already; the rest when it connects
}

int MackieSurface::channelOf(int strip) const {
    const int channel = m_offset + strip;
    return strip >= 0 && strip < stripCount() && channel < m_state.registry().size().inputs
               ? channel
               : -1;
}

ParamId MackieSurface::stripParam(int strip, StripRole role) const {
    const int channel = channelOf(strip);
    if (channel < 0)
        return kNoParam;
    const ParameterRegistry& registry = m_state.registry();
    const QString p = registry.channelPrefix(channel);
    const bool haveSend = m_sendBus < registry.size().buses;
    const QString send = p + QStringLiteral("/mix/%1/level").arg(m_sendBus + 1, 2, 10, QChar('0'));
    switch (role) {
    case StripRole::Fader:
        return registry.find(m_flip && haveSend ? send : p + QStringLiteral("/mix/fader"));
    case StripRole::VPot:
        if (m_flip)
            return registry.find(p + QStringLiteral("/mix/fader"));
        return registry.find(
            m_vpotMode == VPotMode::Send && haveSend ? send : p + QStringLiteral("/mix/pan"));
    case StripRole::Mute:
        return registry.find(p + QStringLiteral("/mix/on"));
    case StripRole::Solo:
        return registry.find(p + QStringLiteral("/solo"));
    case StripRole::RecArm: // the channel's soundcheck switch: live input or playback
        return registry.find(p + QStringLiteral("/config/playback"));
    case StripRole::Name:
        return registry.find(p + QStringLiteral("/config/name"));
    }
    return kNoParam;
}

ParamId MackieSurface::masterFader() const {
    return m_state.registry().find(QStringLiteral("/main/st/mix/fader"));
}

void MackieSurface::moveBank(int strips) {
    setBank(m_offset + strips);
}

int MackieSurface::clampedBank(int offset) const {
    const int last = std::max(0, m_state.registry().size().inputs - stripCount());
    return std::clamp(offset, 0, last);
}

void MackieSurface::setBank(int offset) {
    offset = clampedBank(offset);
    if (offset == m_offset)
        return;
    m_offset = offset;
    for (const auto& unit : m_units)
        unit->forgetTouches();
    resendAll();
}

void MackieSurface::toggleFlip() {
    m_flip = !m_flip;
    resendAll();
}

void MackieSurface::assignPan() {
    m_vpotMode = VPotMode::Pan;
    resendAll();
}

void MackieSurface::assignSend() {
    const int buses = std::max(1, m_state.registry().size().buses);
    m_sendBus = m_vpotMode == VPotMode::Send ? (m_sendBus + 1) % buses : m_sendBus;
    m_vpotMode = VPotMode::Send;
    resendAll();
}

void MackieSurface::toggleSelect(int channel) {
    m_selected = (channel == m_selected) ? -1 : channel;
    for (const auto& unit : m_units)
        unit->resendStripLeds();
}

void MackieSurface::resendAll() {
    for (const auto& unit : m_units)
        unit->resendAll();
}

void MackieSurface::parameterChanged(ParamId id, const ParameterValue&, SourceId) {
    if (id == masterFader()) {
        for (const auto& unit : m_units)
            unit->masterChanged();
        return;
    }
    const ParameterDescriptor& d = m_state.registry().at(id);
    if (d.strip != StripKind::Channel)
        return;
    const int strip = d.stripIndex - m_offset;
    if (strip < 0 || strip >= stripCount())
        return;
    m_units[std::size_t(strip / mackie::kStrips)]->stripParameterChanged(strip % mackie::kStrips,
                                                                         id);
}

void MackieSurface::sendMeters() {
    const engine::MeterSnapshot& snapshot = m_meters->latest();
    for (int strip = 0; strip < stripCount(); ++strip) {
        const int channel = channelOf(strip);
        float peak = 0;
        bool newClip = false;
        if (channel >= 0 && std::size_t(channel) < snapshot.channels.size()) {
            const engine::MeterPoint& point = snapshot.channels[std::size_t(channel)];
            peak = point.peak;
            if (point.clips > m_clipsSeen[std::size_t(channel)]) {
                m_clipsSeen[std::size_t(channel)] = point.clips;
                newClip = true;
            }
        }
        m_units[std::size_t(strip / mackie::kStrips)]->sendMeter(strip % mackie::kStrips, peak,
                                                                 newClip);
    }
}

} // namespace stagedesk::surfaces::midi
