#pragma once
// The multitrack recorder on the soundcheck page: which inputs are armed,
// the tap point (before or after the preamp), record and stop, markers, the
// elapsed time, and the disk: space and time left, or why a take ended by
// itself (disk full). Drives the session's RecordController; without one
// (tests, benchmarks) 'available' is false and nothing records.

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace stagedesk::app {
struct SoundcheckDesk;
}

namespace stagedesk::ui {

class RecorderModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool recording READ recording NOTIFY stateChanged)
    Q_PROPERTY(bool postPreamp READ postPreamp WRITE setPostPreamp NOTIFY stateChanged)
    Q_PROPERTY(int armRevision READ armRevision NOTIFY armChanged)
    Q_PROPERTY(int armedCount READ armedCount NOTIFY armChanged)
    Q_PROPERTY(QString elapsed READ elapsed NOTIFY tick) // "01:23.4"
    Q_PROPERTY(double elapsedSeconds READ elapsedSeconds NOTIFY tick)
    Q_PROPERTY(QString disk READ disk NOTIFY tick)               // space and time left
    Q_PROPERTY(QString message READ message NOTIFY stateChanged) // errors, disk full
    Q_PROPERTY(QString directory READ directory CONSTANT)

public:
    static constexpr int kIntervalMs = 100;

    // 'desk' may be null; 'sampleRate' is the engine's.
    RecorderModel(app::SoundcheckDesk* desk, int inputs, double sampleRate, QObject* parent);

    bool available() const { return m_desk != nullptr; }
    bool recording() const { return m_recording; }
    bool postPreamp() const { return m_postPreamp; }
    void setPostPreamp(bool post);
    int armRevision() const { return m_armRevision; }
    int armedCount() const;
    QString elapsed() const;
    double elapsedSeconds() const;
    QString disk() const;
    QString message() const { return m_message; }
    QString directory() const;

    Q_INVOKABLE bool isArmed(int channel) const;
    Q_INVOKABLE void toggleArm(int channel);
    Q_INVOKABLE void armAll(bool armed);
    Q_INVOKABLE void record();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void addMarker();

signals:
    void stateChanged();
    void armChanged();
    void tick();
    // A take ended (stopped, or by itself): the takes list has a new one.
    void takeEnded();

private:
    void poll();
    void setMessage(const QString& message);

    app::SoundcheckDesk* m_desk;
    double m_rate;
    std::vector<bool> m_armed;
    int m_armRevision = 0;
    bool m_postPreamp = false;
    bool m_recording = false;
    int m_markers = 0;
    QString m_message;
    QTimer m_timer;
};

} // namespace stagedesk::ui
