#include "ChannelModel.h"

#include "Console.h"
#include "ConsoleSession.h"
#include "Engine.h"
#include "MeterBallistics.h"
#include "PlaybackMark.h"
#include "ResponseCurves.h"
#include "StripColours.h"

namespace stagedesk::ui {

using scenes::kNoParam;
using scenes::ParamId;

ChannelModel::ChannelModel(Console& console, QObject* parent)
    : QObject(parent), m_console(console) {
    recompute();
}

void ChannelModel::setChannel(int channel) {
    m_channel = channel;
    m_gateGr = m_compGr = 0;
    refresh();
    emit metersChanged();
}

ParamId ChannelModel::idOf(const QString& suffix) const {
    return m_console.registry().find(m_console.registry().channelPrefix(m_channel) + suffix);
}

QString ChannelModel::label() const {
    return QStringLiteral("CH %1").arg(QString::number(m_channel + 1).rightJustified(2, '0'));
}

QString ChannelModel::name() const {
    return m_console.state().text(idOf(QStringLiteral("/config/name")));
}

void ChannelModel::setName(const QString& name) {
    m_console.set(idOf(QStringLiteral("/config/name")), name);
}

int ChannelModel::colourIndex() const {
    return int(value(QStringLiteral("/config/color")));
}

void ChannelModel::setColourIndex(int index) {
    setValue(QStringLiteral("/config/color"), index);
}

QColor ChannelModel::colour() const {
    return stripColour(colourIndex());
}

bool ChannelModel::onPlayback() const {
    return channelOnPlayback(m_console.state(), m_channel);
}

QList<QColor> ChannelModel::colours() const {
    return stripColours();
}

QVariantList ChannelModel::eqGrid() const {
    QVariantList lines;
    for (const double hz : {50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0}) {
        const QString label =
            hz >= 1000 ? QStringLiteral("%1k").arg(hz / 1000) : QString::number(hz);
        lines.push_back(QVariantMap{{"label", label}, {"x", eqX(hz)}});
    }
    return lines;
}

int ChannelModel::bandCount() const {
    return engine::kEqBands;
}
int ChannelModel::dcaCount() const {
    return engine::kDcaCount;
}
int ChannelModel::muteGroupCount() const {
    return engine::kMuteGroupCount;
}

double ChannelModel::normalized(const QString& suffix) const {
    const ParamId id = idOf(suffix);
    return id == kNoParam ? 0 : m_console.state().normalized(id);
}

void ChannelModel::setNormalized(const QString& suffix, double normalized) {
    m_console.setNormalized(idOf(suffix), std::clamp(normalized, 0.0, 1.0));
}

double ChannelModel::value(const QString& suffix) const {
    const ParamId id = idOf(suffix);
    return id == kNoParam ? 0 : m_console.state().number(id);
}

void ChannelModel::setValue(const QString& suffix, double value) {
    if (const ParamId id = idOf(suffix); id != kNoParam)
        m_console.set(id, value);
}

QString ChannelModel::display(const QString& suffix) const {
    const ParamId id = idOf(suffix);
    return id == kNoParam ? QString()
                          : m_console.registry().at(id).format(m_console.state().number(id));
}

bool ChannelModel::isOn(const QString& suffix) const {
    return value(suffix) > 0.5;
}

void ChannelModel::toggle(const QString& suffix) {
    setValue(suffix, isOn(suffix) ? 0 : 1);
}

void ChannelModel::stepChoice(const QString& suffix, int step) {
    const ParamId id = idOf(suffix);
    if (id == kNoParam)
        return;
    const int count = int(m_console.registry().at(id).enumNames.size());
    if (count > 0)
        setValue(suffix, ((int(value(suffix)) + step) % count + count) % count);
}

QPointF ChannelModel::bandPoint(int band) const {
    const QString b = QStringLiteral("/eq/%1").arg(band + 1);
    return {eqX(value(b + "/f")), eqY(value(b + "/g"))};
}

void ChannelModel::moveBand(int band, double x, double y) {
    const QString b = QStringLiteral("/eq/%1").arg(band + 1);
    setValue(b + "/f", eqHz(x));
    setValue(b + "/g", std::clamp(eqDb(y), -15.0, 15.0));
}

double ChannelModel::thresholdX(const QString& section) const {
    return dynX(value(QStringLiteral("/%1/thr").arg(section)));
}

void ChannelModel::setThresholdX(const QString& section, double x) {
    setValue(QStringLiteral("/%1/thr").arg(section), dynDb(x));
}

QString ChannelModel::sendSuffix(int bus) const {
    return QStringLiteral("/mix/%1").arg(QString::number(bus + 1).rightJustified(2, '0'));
}

bool ChannelModel::inDca(int dca) const {
    return (int(value(QStringLiteral("/grp/dca"))) >> dca) & 1;
}

void ChannelModel::toggleDca(int dca) {
    toggleBit(QStringLiteral("/grp/dca"), dca);
}

bool ChannelModel::inMuteGroup(int group) const {
    return (int(value(QStringLiteral("/grp/mute"))) >> group) & 1;
}

void ChannelModel::toggleMuteGroup(int group) {
    toggleBit(QStringLiteral("/grp/mute"), group);
}

void ChannelModel::toggleBit(const QString& suffix, int bit) {
    setValue(suffix, int(value(suffix)) ^ (1 << bit));
}

void ChannelModel::parameterChanged(ParamId id) {
    const scenes::ParameterDescriptor& d = m_console.registry().at(id);
    if ((d.strip == scenes::StripKind::Channel && d.stripIndex == m_channel) ||
        id == routSwitchParam(m_console.registry()))
        refresh();
}

void ChannelModel::applyMeters(const engine::MeterSnapshot& meters) {
    if (m_channel >= int(meters.channels.size()))
        return;
    const engine::MeterPoint& p = meters.channels[std::size_t(m_channel)];
    m_gateGr = reductionPosition(p.gateReductionDb());
    m_compGr = reductionPosition(p.compReductionDb);
    emit metersChanged();
}

void ChannelModel::refresh() {
    ++m_revision;
    recompute();
    emit changed();
}

void ChannelModel::recompute() {
    const QString prefix = m_console.registry().channelPrefix(m_channel);
    const engine::Engine* engine = m_console.session().engine();
    const double rate = engine ? engine->config().sampleRate : 48000.0;
    m_eqCurve = eqResponse(m_console.state(), prefix, rate);
    m_gateCurve = gateTransfer(m_console.state(), prefix);
    m_compCurve = compressorTransfer(m_console.state(), prefix);
}

} // namespace stagedesk::ui
