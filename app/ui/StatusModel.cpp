#include "StatusModel.h"

#include "AudioHost.h"
#include "ConsoleSession.h"
#include "ShowFile.h"

#include <QFileInfo>
#include <QTime>

namespace stagedesk::ui {

StatusModel::StatusModel(app::ConsoleSession& session, const app::AudioHost* audio,
                         QString showPath, QObject* parent)
    : QObject(parent), m_session(session), m_audio(audio), m_showPath(std::move(showPath)),
      m_showName(session.snapshot().name), m_savedRevision(session.state().revision()) {
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_remoteCount)
            setRemoteClients(m_remoteCount());
        emit tick();
    });
    m_timer.start(kIntervalMs);
}

QString StatusModel::engine() const {
    const engine::AudioBackend* backend = m_audio ? m_audio->backend() : nullptr;
    if (!backend || !backend->running())
        return QStringLiteral("audio stopped");
    return QString::fromStdString(backend->description());
}

bool StatusModel::internalClock() const {
    return engine().contains(QStringLiteral("internal clock"), Qt::CaseInsensitive);
}

double StatusModel::dspLoad() const {
    const double period = m_audio ? m_audio->blockPeriodUs() : 0;
    const engine::Engine* e = m_session.engine();
    return period > 0 && e ? 100.0 * e->stats().meanCallbackUs / period : 0.0;
}

quint64 StatusModel::xruns() const {
    const engine::Engine* e = m_session.engine();
    return e ? e->stats().xruns : 0;
}

QString StatusModel::clock() const {
    return QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
}

bool StatusModel::unsaved() const {
    return m_session.state().revision() != m_savedRevision;
}

void StatusModel::setRemoteClients(int count) {
    if (count == m_remoteClients)
        return;
    m_remoteClients = count;
    emit remoteClientsChanged();
}

void StatusModel::followRemoteClients(std::function<int()> count) {
    m_remoteCount = std::move(count);
    if (m_remoteCount)
        setRemoteClients(m_remoteCount());
}

void StatusModel::showAlert(const QString& text) {
    m_alert = text;
    emit alertChanged();
}

void StatusModel::setMessage(const QString& message) {
    m_message = message;
    emit messageChanged();
}

bool StatusModel::save(const QString& path) {
    const QString target = path.isEmpty() ? m_showPath : path;
    if (target.isEmpty()) {
        setMessage(tr("no file to save to: use Save as"));
        return false;
    }
    scenes::ShowDocument show = m_session.snapshot();
    show.name = m_showName;
    const quint64 revision = m_session.state().revision();
    if (const QString error = scenes::saveShowFile(target, show, m_session.state().registry());
        !error.isEmpty()) {
        setMessage(error);
        return false;
    }
    m_savedRevision = revision;
    m_showPath = target;
    setMessage(tr("saved %1").arg(target));
    emit showChanged();
    emit tick();
    return true;
}

bool StatusModel::open(const QString& path) {
    scenes::ShowDocument loaded;
    if (const QString error = m_session.loadShow(path, &loaded); !error.isEmpty()) {
        setMessage(error);
        return false;
    }
    m_showPath = path;
    m_showName = loaded.name.isEmpty() ? QFileInfo(path).completeBaseName() : loaded.name;
    m_savedRevision = m_session.state().revision();
    setMessage(tr("opened %1").arg(path));
    emit showChanged();
    emit showLoaded();
    emit tick();
    return true;
}

} // namespace stagedesk::ui
