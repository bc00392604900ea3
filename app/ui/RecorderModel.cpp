#include "RecorderModel.h"

#include "SoundcheckStartup.h"

#include <QStorageInfo>

#include <algorithm>

namespace stagedesk::ui {

namespace {

// "mm:ss.t", or "h:mm:ss" from an hour on.
QString clockText(double seconds) {
    const int whole = int(seconds);
    if (whole >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(whole / 3600)
            .arg(whole / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(whole % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2.%3")
        .arg(whole / 60, 2, 10, QLatin1Char('0'))
        .arg(whole % 60, 2, 10, QLatin1Char('0'))
        .arg(int(seconds * 10) % 10);
}

} // namespace

RecorderModel::RecorderModel(app::SoundcheckDesk* desk, int inputs, double sampleRate,
                             QObject* parent)
    : QObject(parent), m_desk(desk), m_rate(sampleRate), m_armed(std::size_t(inputs), true) {
    connect(&m_timer, &QTimer::timeout, this, &RecorderModel::poll);
    if (m_desk)
        m_timer.start(kIntervalMs);
}

void RecorderModel::setPostPreamp(bool post) {
    if (post == m_postPreamp || m_recording)
        return; // the tap point of a running take stays
    m_postPreamp = post;
    emit stateChanged();
}

int RecorderModel::armedCount() const {
    return int(std::count(m_armed.begin(), m_armed.end(), true));
}

bool RecorderModel::isArmed(int channel) const {
    return channel >= 0 && channel < int(m_armed.size()) && m_armed[std::size_t(channel)];
}

void RecorderModel::toggleArm(int channel) {
    if (channel < 0 || channel >= int(m_armed.size()) || m_recording)
        return;
    m_armed[std::size_t(channel)] = !m_armed[std::size_t(channel)];
    ++m_armRevision;
    emit armChanged();
}

void RecorderModel::armAll(bool armed) {
    if (m_recording)
        return;
    std::fill(m_armed.begin(), m_armed.end(), armed);
    ++m_armRevision;
    emit armChanged();
}

QString RecorderModel::directory() const {
    return m_desk ? m_desk->recorder.directory() : QString();
}

double RecorderModel::elapsedSeconds() const {
    return m_desk && m_rate > 0 ? double(m_desk->recorder.framesWritten()) / m_rate : 0.0;
}

QString RecorderModel::elapsed() const {
    return clockText(m_recording ? elapsedSeconds() : 0.0);
}

QString RecorderModel::disk() const {
    if (!m_desk)
        return QStringLiteral("no recorder");
    const QStorageInfo storage(directory());
    if (!storage.isValid())
        return QStringLiteral("take folder not reachable");
    const double bytes = double(storage.bytesAvailable());
    // One 32-bit float file per armed input.
    const double bytesPerSecond = 4.0 * m_rate * std::max(1, armedCount());
    return QStringLiteral("%1 GB free · %2 left")
        .arg(bytes / 1e9, 0, 'f', 1)
        .arg(clockText(bytes / bytesPerSecond).section(QLatin1Char('.'), 0, 0));
}

void RecorderModel::record() {
    if (!m_desk || m_recording)
        return;
    std::vector<int> channels;
    for (int ch = 0; ch < int(m_armed.size()); ++ch)
        if (m_armed[std::size_t(ch)])
            channels.push_back(ch);
    if (channels.empty()) {
        setMessage(QStringLiteral("arm at least one input"));
        return;
    }
    QString error;
    const auto point = m_postPreamp ? engine::soundcheck::RecordPoint::PostPreamp
                                    : engine::soundcheck::RecordPoint::PrePreamp;
    if (!m_desk->recorder.start(channels, point, error)) {
        setMessage(error);
        return;
    }
    m_recording = true;
    m_markers = 0;
    m_message.clear();
    emit stateChanged();
    emit tick();
}

void RecorderModel::stop() {
    if (!m_desk || !m_recording)
        return;
    const QString failure = m_desk->recorder.failure();
    const auto take = m_desk->recorder.stop();
    m_recording = false;
    if (!failure.isEmpty())
        m_message = failure;
    else if (take)
        m_message = QStringLiteral("%1: %2 tracks, %3")
                        .arg(QString::fromStdString(take->folder.filename().string()))
                        .arg(take->tracks.size())
                        .arg(clockText(take->seconds()));
    emit stateChanged();
    emit tick();
    emit takeEnded();
}

void RecorderModel::addMarker() {
    if (m_desk && m_recording)
        m_desk->recorder.addMarker(QStringLiteral("M%1").arg(++m_markers));
}

void RecorderModel::poll() {
    // A take that ended by itself (disk full) is collected here, with its why.
    if (m_recording && !m_desk->recorder.recording())
        stop();
    emit tick();
}

void RecorderModel::setMessage(const QString& message) {
    m_message = message;
    emit stateChanged();
}

} // namespace stagedesk::ui
