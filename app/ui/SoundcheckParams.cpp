#include "SoundcheckParams.h"

#include "Console.h"
#include "PlaybackMark.h"

namespace stagedesk::ui {

using scenes::kNoParam;
using scenes::ParamId;

SoundcheckParams::SoundcheckParams(Console& console, QObject* parent)
    : QObject(parent), m_console(console) {}

ParamId SoundcheckParams::idOf(const QString& address) const {
    const ParamId id = m_console.registry().find(address);
    if (id == kNoParam || m_console.registry().at(id).section != scenes::Section::Soundcheck)
        return kNoParam;
    return id;
}

bool SoundcheckParams::generatorOn() const {
    return isOn(QStringLiteral("/config/osc/on"));
}

QString SoundcheckParams::generatorType() const {
    return display(QStringLiteral("/config/osc/type"));
}

QString SoundcheckParams::generatorText() const {
    const QString type = generatorType();
    const QString frequency =
        value(QStringLiteral("/config/osc/type")) == 0 // a sine has a frequency
            ? display(QStringLiteral("/config/osc/f1")) + QLatin1Char(' ')
            : QString();
    return type + QLatin1Char(' ') + frequency + display(QStringLiteral("/config/osc/level"));
}

bool SoundcheckParams::talking() const {
    return isOn(QStringLiteral("/config/talk/on"));
}

int SoundcheckParams::talkSource() const {
    return int(value(QStringLiteral("/config/talk/source")));
}

bool SoundcheckParams::playAll() const {
    return isOn(QStringLiteral("/config/routing/routswitch"));
}

int SoundcheckParams::channelsOnPlayback() const {
    int count = 0;
    for (int ch = 0; ch < m_console.inputCount(); ++ch)
        count += channelOnPlayback(ch);
    return count;
}

void SoundcheckParams::setTalkLatched(bool latched) {
    if (latched == m_talkLatched)
        return;
    m_talkLatched = latched;
    setOn(QStringLiteral("/config/talk/on"), false); // a change of mode never leaves it talking
    refresh();
}

void SoundcheckParams::talkPressed(bool pressed) {
    const QString talk = QStringLiteral("/config/talk/on");
    if (!m_talkLatched)
        setOn(talk, pressed);
    else if (pressed)
        toggle(talk);
}

double SoundcheckParams::value(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? 0.0 : m_console.state().number(id);
}

double SoundcheckParams::normalized(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? 0.0 : m_console.state().normalized(id);
}

QString SoundcheckParams::display(const QString& address) const {
    const ParamId id = idOf(address);
    return id == kNoParam ? QString()
                          : m_console.registry().at(id).format(m_console.state().number(id));
}

bool SoundcheckParams::isOn(const QString& address) const {
    return value(address) >= 0.5;
}

void SoundcheckParams::setOn(const QString& address, bool on) {
    if (const ParamId id = idOf(address); id != kNoParam)
        m_console.set(id, on ? 1.0 : 0.0);
}

void SoundcheckParams::toggle(const QString& address) {
    setOn(address, !isOn(address));
}

void SoundcheckParams::setNormalized(const QString& address, double normalized) {
    if (const ParamId id = idOf(address); id != kNoParam)
        m_console.setNormalized(id, std::clamp(normalized, 0.0, 1.0));
}

void SoundcheckParams::stepChoice(const QString& address, int step) {
    const ParamId id = idOf(address);
    if (id == kNoParam)
        return;
    const int count = int(m_console.registry().at(id).enumNames.size());
    if (count > 0)
        m_console.set(id, double(((int(value(address)) + step) % count + count) % count));
}

void SoundcheckParams::stepValue(const QString& address, int step) {
    if (const ParamId id = idOf(address); id != kNoParam)
        m_console.set(id, m_console.registry().at(id).clamp(value(address) + step));
}

bool SoundcheckParams::channelOnPlayback(int channel) const {
    return ui::channelOnPlayback(m_console.state(), channel);
}

bool SoundcheckParams::channelSwitch(int channel) const {
    const ParamId id = channelPlaybackParam(m_console.registry(), channel);
    return id != kNoParam && m_console.state().number(id) >= 0.5;
}

void SoundcheckParams::toggleChannelSwitch(int channel) {
    if (const ParamId id = channelPlaybackParam(m_console.registry(), channel); id != kNoParam)
        m_console.set(id, channelSwitch(channel) ? 0.0 : 1.0);
}

void SoundcheckParams::parameterChanged(ParamId id) {
    if (m_console.registry().at(id).section == scenes::Section::Soundcheck)
        refresh();
}

void SoundcheckParams::refresh() {
    ++m_revision;
    emit changed();
}

} // namespace stagedesk::ui
