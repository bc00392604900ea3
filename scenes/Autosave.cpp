#include "Autosave.h"

#include "ShowFile.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace stagedesk::scenes {

Autosave::Autosave(const ConsoleState& state, Snapshot snapshot, QString path, int intervalSeconds,
                   QObject* parent)
    : QObject(parent), m_state(state), m_snapshot(std::move(snapshot)), m_path(std::move(path)),
      m_savedRevision(state.revision()) {
    m_timer.setInterval(std::max(1, intervalSeconds) * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveIfChanged);
    m_timer.start();
}

void Autosave::markSaved() {
    m_savedRevision = m_state.revision();
    m_changed = false;
}

QString Autosave::saveNow() {
    const quint64 revision = m_state.revision();
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // No .bak: the show file itself is the autosave's backup.
    QString error = saveShowFile(m_path, m_snapshot(), m_state.registry(), false);
    if (!error.isEmpty()) {
        if (error != m_lastError)
            emit failed(error);
        m_lastError = error;
        return error;
    }
    m_lastError.clear();
    m_savedRevision = revision;
    m_changed = false;
    emit saved(m_path);
    return {};
}

void Autosave::saveIfChanged() {
    if (m_changed || m_state.revision() != m_savedRevision)
        saveNow();
}

} // namespace stagedesk::scenes
