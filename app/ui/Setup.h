#pragma once
// The setup page's models: audio, MIDI and OSC (the show file operations
// are the status bar's, StatusModel).

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::app {
class AudioHost;
}

namespace stagedesk::ui {

class AudioSetupModel;
class Console;
class MidiSetupModel;
class OscSetupModel;

class Setup : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_MOC_INCLUDE("AudioSetupModel.h")
    Q_MOC_INCLUDE("MidiSetupModel.h")
    Q_MOC_INCLUDE("OscSetupModel.h")
    Q_PROPERTY(stagedesk::ui::AudioSetupModel* audio READ audio CONSTANT)
    Q_PROPERTY(stagedesk::ui::MidiSetupModel* midi READ midi CONSTANT)
    Q_PROPERTY(stagedesk::ui::OscSetupModel* osc READ osc CONSTANT)

public:
    // 'audio' may be null (tests, benchmarks).
    Setup(Console& console, app::AudioHost* audio, QObject* parent);

    AudioSetupModel* audio() const { return m_audio; }
    MidiSetupModel* midi() const { return m_midi; }
    OscSetupModel* osc() const { return m_osc; }

private:
    AudioSetupModel* m_audio;
    MidiSetupModel* m_midi;
    OscSetupModel* m_osc;
};

} // namespace stagedesk::ui
