#pragma once
// The status bar, always on screen: the audio engine (device or internal
// clock), DSP load and xruns, the clock, the show's name and whether it has
// unsaved changes, and the remote clients connected. Also the show file
// operations of the setup page, which decide what "unsaved" means.

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace stagedesk::app {
class AudioHost;
class ConsoleSession;
} // namespace stagedesk::app

namespace stagedesk::ui {

class StatusModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(QString engine READ engine NOTIFY tick)
    Q_PROPERTY(bool internalClock READ internalClock NOTIFY tick)
    Q_PROPERTY(double dspLoad READ dspLoad NOTIFY tick) // mean callback time, % of the block
    Q_PROPERTY(quint64 xruns READ xruns NOTIFY tick)
    Q_PROPERTY(QString clock READ clock NOTIFY tick)
    Q_PROPERTY(QString showName READ showName NOTIFY showChanged)
    Q_PROPERTY(QString showPath READ showPath NOTIFY showChanged)
    Q_PROPERTY(bool unsaved READ unsaved NOTIFY tick)
    // The OSC server's connected clients (followRemoteClients), 0 without one.
    Q_PROPERTY(
        int remoteClients READ remoteClients WRITE setRemoteClients NOTIFY remoteClientsChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    // A problem the engineer must see on any page (a plugin missing, refused
    // or bypassed), until touched away; empty when there is none.
    Q_PROPERTY(QString alert READ alert NOTIFY alertChanged)

public:
    static constexpr int kIntervalMs = 500;

    StatusModel(app::ConsoleSession& session, const app::AudioHost* audio, QString showPath,
                QObject* parent);

    QString engine() const;
    bool internalClock() const;
    double dspLoad() const;
    quint64 xruns() const;
    QString clock() const;
    QString showName() const { return m_showName; }
    QString showPath() const { return m_showPath; }
    bool unsaved() const;
    int remoteClients() const { return m_remoteClients; }
    void setRemoteClients(int count);
    // Reads the count on every tick (clients come and go, and expire).
    void followRemoteClients(std::function<int()> count);
    QString message() const { return m_message; }
    QString alert() const { return m_alert; }
    void showAlert(const QString& text);
    Q_INVOKABLE void clearAlert() { showAlert({}); }

    // Empty path: the current one. True on success; 'message' says what happened.
    Q_INVOKABLE bool save(const QString& path = {});
    Q_INVOKABLE bool open(const QString& path);

signals:
    void tick();
    void showChanged();
    void remoteClientsChanged();
    void messageChanged();
    void alertChanged();
    // A show was loaded: every model shows the state again.
    void showLoaded();

private:
    void setMessage(const QString& message);

    app::ConsoleSession& m_session;
    const app::AudioHost* m_audio;
    QString m_showPath, m_showName;
    quint64 m_savedRevision;
    int m_remoteClients = 0;
    std::function<int()> m_remoteCount;
    QString m_message;
    QString m_alert;
    QTimer m_timer;
};

} // namespace stagedesk::ui
