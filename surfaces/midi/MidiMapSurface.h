#pragma once
// Any MIDI controller through learned bindings: a parameter and a control
// (CC, 14-bit CC pair, NRPN, note, pitch bend) bound by moving the control
// while learning, values applied to the console and changes from every other
// source sent back as feedback (LEDs, motor faders). Program changes on a
// chosen channel recall scenes or fire GO, and a recalled scene's midiProgram
// goes out on that channel (effects units, lighting). Runs on the control
// thread.

#include "MidiBinding.h"
#include "MidiDevice.h"

#include "ConsoleState.h"
#include "SceneList.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <array>
#include <optional>
#include <vector>

namespace stagedesk::surfaces::midi {

enum class ProgramAction { Scene, Go };
struct ProgramChange {
    int channel = -1; // 0..15; -1 = program changes are ignored
    ProgramAction action = ProgramAction::Scene;
};
struct LearnOptions {
    bool relative = false;  // a CC as an endless encoder
    bool momentary = false; // a note as a push-to-hold button
};

class MidiMapSurface : public QObject, public scenes::ConsoleObserver {
    Q_OBJECT
public:
    static constexpr double kRelativeStep = 1.0 / 127; // normalized travel per tick
    // A CC 0..31 waits this long for its LSB (CC + 32) to call it 14-bit.
    static constexpr int kPairWaitMs = 300;

    MidiMapSurface(scenes::ConsoleState& state, scenes::SceneList& scenes, MidiDevice& device,
                   QObject* parent = nullptr);
    ~MidiMapSurface() override;

    // The next control moved is bound to 'address'. False if it is unknown.
    bool learn(const QString& address, LearnOptions options = {});
    bool learning() const { return m_learnId != scenes::kNoParam; }
    // Stops waiting for a control to learn.
    void cancelLearn();
    // A binding for an address that exists; replaces one on the same control.
    bool addBinding(const MidiBinding& binding);
    const std::vector<MidiBinding>& bindings() const { return m_bindings; }
    bool removeBinding(int index);

    void setProgramChange(ProgramChange pc);

    // The show file's "midi" slot. Loading refuses the whole object, and
    // keeps what runs, with a message naming the field.
    QJsonObject toJson() const;
    QString loadJson(const QJsonObject& midi);

    void parameterChanged(scenes::ParamId id, const scenes::ParameterValue& value,
                          scenes::SourceId source) override;
    // A plugin's controls came or went: bindings follow their addresses.
    void addressSpaceChanged() override;

signals:
    void learned(const MidiBinding& binding);
    // What toJson() gives has changed (a binding learned, added or removed,
    // the program change set), not counting loadJson: the show keeps it.
    void mappingsChanged();

private:
    // A parameter that is not text, or the control of a plugin that may
    // come into its slot later.
    bool bindable(const QString& address) const;
    bool insertBinding(const MidiBinding& binding);
    void handle(const ShortMessage& m);
    bool learnFrom(const ShortMessage& m);
    void finishLearn(MidiBinding::Kind kind, int channel, int number);
    void apply(const ShortMessage& m);
    void setFromControl(const MidiBinding& b, double normalized);
    void sendFeedback(const MidiBinding& b);
    void recallProgram(int program);
    void sceneRecalled();

    scenes::ConsoleState& m_state;
    scenes::SceneList& m_scenes;
    MidiDevice& m_device;
    scenes::SourceId m_source;
    std::vector<MidiBinding> m_bindings;
    std::vector<scenes::ParamId> m_ids; // per binding
    ProgramChange m_program;
    scenes::SceneList::ListenerId m_sceneListener = 0;
    bool m_recallingProgram = false; // a recall asked by this device's own program change

    scenes::ParamId m_learnId = scenes::kNoParam;
    LearnOptions m_learnOptions;
    std::optional<ShortMessage> m_pendingCc; // a CC 0..31 that may be a 14-bit MSB
    QTimer m_pairTimer;

    // Per channel: the last value of every CC (14-bit MSBs, NRPN numbers).
    std::array<std::array<std::uint8_t, 128>, 16> m_cc{};
};

} // namespace stagedesk::surfaces::midi
