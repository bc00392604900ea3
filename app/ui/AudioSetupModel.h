#pragma once
// The setup page's audio section: API (as RtAudio reports them, and the
// internal clock), device, sample rate, buffer size and channel maps, chosen
// on the screen and applied without quitting (AudioHost::reopen). If the
// device does not open, the internal clock runs and the page says so; the
// previous working setting can be restored. The engine's rate is fixed when
// it is made: another rate needs a restart, and the page says so and why.

#include "CommandLine.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace stagedesk::app {
class AudioHost;
}

namespace stagedesk::ui {

class AudioSetupModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Setup")
    Q_PROPERTY(bool available READ available CONSTANT)
    // Lower-case RtAudio API names, then "internal" (the internal clock).
    Q_PROPERTY(QStringList apis READ apis CONSTANT)
    Q_PROPERTY(QString api READ api WRITE setApi NOTIFY choiceChanged)
    // The chosen API's devices by name; "" is its default device.
    Q_PROPERTY(QStringList devices READ devices NOTIFY devicesChanged)
    Q_PROPERTY(QString device READ device WRITE setDevice NOTIFY choiceChanged)
    Q_PROPERTY(QList<int> sampleRates READ sampleRates CONSTANT)
    Q_PROPERTY(int sampleRate READ sampleRate WRITE setSampleRate NOTIFY choiceChanged)
    Q_PROPERTY(int engineRate READ engineRate CONSTANT)
    Q_PROPERTY(QList<int> bufferSizes READ bufferSizes CONSTANT)
    Q_PROPERTY(int framesPerBlock READ framesPerBlock WRITE setFramesPerBlock NOTIFY choiceChanged)
    // As --input-map / --output-map take them: "1-8,-,12"; empty = in order.
    Q_PROPERTY(QString inputMap READ inputMap WRITE setInputMap NOTIFY choiceChanged)
    Q_PROPERTY(QString outputMap READ outputMap WRITE setOutputMap NOTIFY choiceChanged)
    // The chosen rate is not the engine's: applying needs a restart.
    Q_PROPERTY(bool restartNeeded READ restartNeeded NOTIFY choiceChanged)
    Q_PROPERTY(bool canRestore READ canRestore NOTIFY appliedChanged)
    Q_PROPERTY(QString message READ message NOTIFY appliedChanged)

public:
    static constexpr const char* kInternalClock = "internal";

    // 'audio' may be null (tests, benchmarks): nothing can be applied.
    AudioSetupModel(app::AudioHost* audio, QObject* parent);

    bool available() const { return m_audio != nullptr; }
    QStringList apis() const { return m_apis; }
    QString api() const { return m_api; }
    void setApi(const QString& api);
    QStringList devices() const { return m_devices; }
    QString device() const { return m_device; }
    void setDevice(const QString& device);
    QList<int> sampleRates() const;
    int sampleRate() const { return m_rate; }
    void setSampleRate(int rate);
    int engineRate() const;
    QList<int> bufferSizes() const;
    int framesPerBlock() const { return m_frames; }
    void setFramesPerBlock(int frames);
    QString inputMap() const { return m_inputMap; }
    void setInputMap(const QString& map);
    QString outputMap() const { return m_outputMap; }
    void setOutputMap(const QString& map);
    bool restartNeeded() const { return m_rate != engineRate(); }
    bool canRestore() const { return m_previous.has_value(); }
    QString message() const { return m_message; }

    // Lists the chosen API's devices (the page does when it is shown, and
    // again for a server started or a card plugged in).
    Q_INVOKABLE void refreshDevices();
    // Reopens the audio as chosen. False (and 'message' says why) if the
    // choice is refused or the device did not open (the internal clock runs).
    Q_INVOKABLE bool apply();
    // Reopens the setting that ran before the last apply, if it worked.
    Q_INVOKABLE bool restore();

signals:
    void choiceChanged();
    void devicesChanged();
    void appliedChanged();

private:
    // The choice on the page from the audio as it runs.
    void showRunning();
    // What the audio runs as, for the messages.
    QString running() const;
    QString rateMismatch() const;
    void setMessage(const QString& message);

    app::AudioHost* m_audio;
    QStringList m_apis;
    QString m_api;
    QStringList m_devices;
    QString m_device;
    int m_rate = 48000;
    int m_frames = 64;
    QString m_inputMap, m_outputMap;
    std::optional<app::Options> m_previous;
    QString m_message;
};

} // namespace stagedesk::ui
