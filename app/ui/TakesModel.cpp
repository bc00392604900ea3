#include "TakesModel.h"

#include "SoundcheckStartup.h"

#include <QStringList>

#include <algorithm>

namespace stagedesk::ui {

namespace {

QString minutes(double seconds) {
    const int whole = int(seconds);
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TakesModel::TakesModel(app::SoundcheckDesk* desk, QObject* parent)
    : QAbstractListModel(parent), m_desk(desk) {
    reload();
}

int TakesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_takes.size());
}

QVariant TakesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const soundcheck::TakeInfo& take = m_takes[std::size_t(index.row())];
    switch (Role(role)) {
    case NameRole:
        return QString::fromStdString(take.folder.filename().string());
    case ChannelsRole:
        return int(take.tracks.size());
    case LengthRole:
        return minutes(take.seconds());
    case MarkersRole: {
        QStringList markers;
        for (const soundcheck::Marker& m : take.markers)
            markers.push_back(QStringLiteral("%1 %2").arg(
                QString::fromStdString(m.label),
                minutes(double(m.frame) / std::max(1.0, take.sampleRate))));
        return markers.join(QStringLiteral(" · "));
    }
    case CurrentRole:
        return index.row() == m_current;
    }
    return {};
}

QHash<int, QByteArray> TakesModel::roleNames() const {
    return {{NameRole, "name"},
            {ChannelsRole, "channels"},
            {LengthRole, "length"},
            {MarkersRole, "markers"},
            {CurrentRole, "current"}};
}

bool TakesModel::playing() const {
    return m_desk && m_desk->player.playing();
}

void TakesModel::reload() {
    if (!m_desk)
        return;
    // The chosen take stays chosen by its folder.
    const auto chosen =
        m_current >= 0 ? m_takes[std::size_t(m_current)].folder : std::filesystem::path();
    beginResetModel();
    m_takes = m_desk->recorder.takes();
    m_current = -1;
    for (int i = 0; i < int(m_takes.size()); ++i)
        if (!chosen.empty() && m_takes[std::size_t(i)].folder == chosen)
            m_current = i;
    endResetModel();
    emit transportChanged();
}

void TakesModel::choose(int row) {
    if (!m_desk || row < 0 || row >= rowCount())
        return;
    m_desk->player.stop();
    QString error;
    if (!m_desk->player.open(QString::fromStdString(m_takes[std::size_t(row)].folder.string()),
                             error)) {
        setMessage(error);
        return;
    }
    m_current = row;
    m_position = 0;
    m_message.clear();
    emit dataChanged(index(0), index(rowCount() - 1), {CurrentRole});
    emit transportChanged();
}

std::uint64_t TakesModel::frameAt(double fraction) const {
    if (m_current < 0)
        return 0;
    const auto frames = double(m_takes[std::size_t(m_current)].frames);
    return std::uint64_t(std::clamp(fraction, 0.0, 1.0) * frames);
}

void TakesModel::applyLoop() {
    if (m_desk && m_current >= 0)
        m_desk->player.setLoop(m_looping ? frameAt(m_loopStart) : 0,
                               m_looping ? frameAt(m_loopEnd) : 0);
}

void TakesModel::play() {
    if (!m_desk)
        return;
    if (m_current < 0) {
        setMessage(QStringLiteral("choose a take first"));
        return;
    }
    applyLoop();
    QString error;
    if (!m_desk->player.locate(frameAt(m_position), error))
        m_message = error;
    emit transportChanged();
}

void TakesModel::stop() {
    if (m_desk)
        m_desk->player.stop();
    emit transportChanged();
}

void TakesModel::locate(double fraction) {
    m_position = std::clamp(fraction, 0.0, 1.0);
    if (playing())
        play();
    else
        emit transportChanged();
}

void TakesModel::setLoopStart(double fraction) {
    m_loopStart = std::clamp(fraction, 0.0, m_loopEnd);
    emit transportChanged();
}

void TakesModel::setLoopEnd(double fraction) {
    m_loopEnd = std::clamp(fraction, m_loopStart, 1.0);
    emit transportChanged();
}

void TakesModel::setLooping(bool looping) {
    m_looping = looping;
    if (looping)
        m_position = m_loopStart;
    if (playing())
        play(); // the loop takes effect at a locate
    else
        emit transportChanged();
}

QString TakesModel::positionText() const {
    if (m_current < 0)
        return QStringLiteral("no take chosen");
    return QStringLiteral("from %1 of %2")
        .arg(minutes(m_position * m_takes[std::size_t(m_current)].seconds()),
             minutes(m_takes[std::size_t(m_current)].seconds()));
}

QString TakesModel::loopText() const {
    if (m_current < 0)
        return {};
    const double seconds = m_takes[std::size_t(m_current)].seconds();
    return QStringLiteral("%1 – %2").arg(minutes(m_loopStart * seconds),
                                         minutes(m_loopEnd * seconds));
}

void TakesModel::setMessage(const QString& message) {
    m_message = message;
    emit transportChanged();
}

} // namespace stagedesk::ui
