#pragma once
// The soundcheck section of the console model as the soundcheck page and
// the status bar see it: the generator (/config/osc/...), talkback
// (/config/talk/...), the global LIVE/PLAY switch and each channel's
// playback switch, by address. Only Section::Soundcheck addresses are
// reachable here. 'revision' moves on every change of the section, so that
// bindings written "params.revision, params.isOn(...)" follow.

#include "ConsoleState.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::ui {

class Console;

class SoundcheckParams : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(int revision READ revision NOTIFY changed)
    Q_PROPERTY(bool generatorOn READ generatorOn NOTIFY changed)
    // The fixed addresses the page and status bar show, as properties: a
    // binding "revision, display('/literal')" is not re-evaluated once
    // Qt 6.4's QML compiler has compiled it.
    // What the generator plays: "PINK -20.0 dB", "SINE 1.00 kHz -20.0 dB".
    Q_PROPERTY(QString generatorText READ generatorText NOTIFY changed)
    Q_PROPERTY(QString generatorType READ generatorType NOTIFY changed)
    Q_PROPERTY(bool talking READ talking NOTIFY changed)
    Q_PROPERTY(int talkSource READ talkSource NOTIFY changed) // 0-based channel
    Q_PROPERTY(bool playAll READ playAll NOTIFY changed)      // routswitch = PLAY
    // Channels on playback now (either switch), for the page's summary.
    Q_PROPERTY(int channelsOnPlayback READ channelsOnPlayback NOTIFY changed)
    // Talkback's button: momentary (talk while held) or latched (a press
    // toggles). The engine only knows on or off.
    Q_PROPERTY(bool talkLatched READ talkLatched WRITE setTalkLatched NOTIFY changed)

public:
    SoundcheckParams(Console& console, QObject* parent);

    int revision() const { return m_revision; }
    bool generatorOn() const;
    QString generatorText() const;
    QString generatorType() const;
    bool talking() const;
    int talkSource() const;
    bool playAll() const;
    int channelsOnPlayback() const;
    bool talkLatched() const { return m_talkLatched; }
    void setTalkLatched(bool latched);
    // The talk button went down (true) or up (false).
    Q_INVOKABLE void talkPressed(bool pressed);

    Q_INVOKABLE double value(const QString& address) const;
    Q_INVOKABLE double normalized(const QString& address) const;
    Q_INVOKABLE QString display(const QString& address) const;
    Q_INVOKABLE bool isOn(const QString& address) const;
    Q_INVOKABLE void setOn(const QString& address, bool on);
    Q_INVOKABLE void toggle(const QString& address);
    Q_INVOKABLE void setNormalized(const QString& address, double normalized);
    // A choice (generator type): the next (1) or previous (-1), wrapping round.
    Q_INVOKABLE void stepChoice(const QString& address, int step);
    // An integer (talkback source): step it, clamped to its range.
    Q_INVOKABLE void stepValue(const QString& address, int step);

    Q_INVOKABLE bool channelOnPlayback(int channel) const;
    // The channel's own switch (the global one may still hold it on playback).
    Q_INVOKABLE bool channelSwitch(int channel) const;
    Q_INVOKABLE void toggleChannelSwitch(int channel);

    void parameterChanged(scenes::ParamId id);
    void refresh();

signals:
    void changed();

private:
    scenes::ParamId idOf(const QString& address) const;

    Console& m_console;
    int m_revision = 0;
    bool m_talkLatched = false;
};

} // namespace stagedesk::ui
