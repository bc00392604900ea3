#pragma once
// Writes the running show to its autosave file, atomically, every few seconds
// when the console state has changed, and at once on demand (after a scene
// store or recall). Lives on the control thread, next to the ConsoleState.

#include "ConsoleState.h"
#include "ShowDocument.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace stagedesk::scenes {

class Autosave : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalSeconds = 5;
    using Snapshot = std::function<ShowDocument()>;

    // 'snapshot' gives the show as it runs now (see captureShow). The state
    // as it is at construction counts as saved.
    Autosave(const ConsoleState& state, Snapshot snapshot, QString path,
             int intervalSeconds = kDefaultIntervalSeconds, QObject* parent = nullptr);

    QString path() const { return m_path; }
    int intervalSeconds() const { return m_timer.interval() / 1000; }

    // Something the state's revision does not count has changed (a scene
    // renamed, the cue list edited): the next tick saves.
    void markChanged() { m_changed = true; }
    // Counts the show as it is now as saved (after a show was loaded).
    void markSaved();
    // Writes now (after a scene store or recall). Empty on success.
    QString saveNow();
    // Writes if anything changed since the last write; what the timer does.
    void saveIfChanged();

signals:
    void saved(const QString& path);
    // Emitted when saving starts failing or fails for another reason; not
    // again every interval for the same reason.
    void failed(const QString& error);

private:
    const ConsoleState& m_state;
    Snapshot m_snapshot;
    QString m_path;
    QTimer m_timer;
    quint64 m_savedRevision = 0;
    bool m_changed = false;
    QString m_lastError;
};

} // namespace stagedesk::scenes
