#include "LineCheckModel.h"

#include "Console.h"
#include "Engine.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::ui {

namespace {

double toDb(float linear) {
    return linear > 0 ? 20 * std::log10(double(linear)) : -144.0;
}

} // namespace

LineCheckModel::LineCheckModel(Console& console, engine::Engine* engine, QObject* parent)
    : QAbstractListModel(parent), m_console(console), m_engine(engine),
      m_lines(std::size_t(console.inputCount())) {
    connect(&m_timer, &QTimer::timeout, this, &LineCheckModel::poll);
}

int LineCheckModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant LineCheckModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int ch = index.row();
    const Line& line = m_lines[std::size_t(ch)];
    const bool signal = m_on && line.rmsDb > kSignalDb;
    switch (Role(role)) {
    case LabelRole:
        return QStringLiteral("CH %1").arg(ch + 1, 2, 10, QLatin1Char('0'));
    case NameRole:
        return m_console.state().text(
            m_console.registry().find(m_console.registry().channelPrefix(ch) + "/config/name"));
    case SignalRole:
        return signal;
    case LevelDbRole:
        return line.rmsDb;
    case LevelRole:
        return m_on ? std::clamp(1 - line.rmsDb / kFloorDb, 0.0, 1.0) : 0.0;
    case LevelTextRole:
        return signal ? QStringLiteral("%1 dB").arg(line.rmsDb, 0, 'f', 1) : QStringLiteral("—");
    case PeakDbRole:
        return line.peakDb;
    case ClipRole:
        return m_on && line.clip;
    case FlipRole:
        return m_on && line.flip;
    }
    return {};
}

QHash<int, QByteArray> LineCheckModel::roleNames() const {
    return {{LabelRole, "label"},     {NameRole, "name"},    {SignalRole, "hasSignal"},
            {LevelDbRole, "levelDb"}, {LevelRole, "level"},  {LevelTextRole, "levelText"},
            {PeakDbRole, "peakDb"},   {ClipRole, "clipped"}, {FlipRole, "flipHint"}};
}

void LineCheckModel::setOn(bool on) {
    if (on == m_on || !m_engine)
        return;
    m_on = on;
    m_sent = false;
    std::fill(m_lines.begin(), m_lines.end(), Line{});
    poll();
    if (on)
        m_timer.start(kIntervalMs);
    emit onChanged();
}

int LineCheckModel::withSignal() const {
    if (!m_on)
        return 0;
    return int(std::count_if(m_lines.begin(), m_lines.end(),
                             [](const Line& l) { return l.rmsDb > kSignalDb; }));
}

void LineCheckModel::namesChanged() {
    if (!m_lines.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {NameRole});
}

void LineCheckModel::poll() {
    if (!m_sent) // a full queue is tried again at the next tick
        m_sent = m_engine->post(
            {engine::Target::Soundcheck, engine::Param::LineCheckOn, 0, 0, m_on ? 1.0f : 0.0f});
    if (m_sent && !m_on)
        m_timer.stop();
    if (!m_on) {
        emit dataChanged(index(0), index(rowCount() - 1));
        emit measured();
        return;
    }
    const engine::soundcheck::LineCheckSnapshot& snapshot =
        m_engine->soundcheck().lineCheck().read();
    if (snapshot.windows == 0)
        return; // nothing measured since the check went on
    for (std::size_t ch = 0; ch < m_lines.size() && ch < snapshot.channels.size(); ++ch) {
        const engine::soundcheck::LineStats& s = snapshot.channels[ch];
        Line& line = m_lines[ch];
        line.rmsDb = toDb(s.rms);
        line.peakDb = toDb(s.peak);
        line.clip = s.clips > 0;
        // Both of the pair carry signal and move against each other.
        const bool bothLive = ch + 1 < snapshot.channels.size() && line.rmsDb > kSignalDb &&
                              toDb(snapshot.channels[ch + 1].rms) > kSignalDb;
        line.flip = bothLive && s.correlationWithNext < kFlipCorrelation;
    }
    emit dataChanged(
        index(0), index(rowCount() - 1),
        {SignalRole, LevelDbRole, LevelRole, LevelTextRole, PeakDbRole, ClipRole, FlipRole});
    emit measured();
}

} // namespace stagedesk::ui
