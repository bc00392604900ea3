#pragma once
// The setup page's MIDI section: the ports other programs and devices offer,
// opening a pair by name (as a Mackie Control, or for generic MIDI learn),
// closing it, MIDI learn from the screen (LEARN, touch a control on the
// screen, move the MIDI control) and the learned bindings with remove.

#include "MidiDevice.h"
#include "ParameterRegistry.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace stagedesk::app {
class MidiSurfaces;
}

namespace stagedesk::ui {

class Console;

class MidiSetupModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Setup")
    Q_PROPERTY(QStringList inputs READ inputs NOTIFY portsChanged)
    Q_PROPERTY(QStringList outputs READ outputs NOTIFY portsChanged)
    // The connected ports' full names, empty while none is.
    Q_PROPERTY(QString inputPort READ inputPort NOTIFY stateChanged)
    Q_PROPERTY(QString outputPort READ outputPort NOTIFY stateChanged)
    Q_PROPERTY(bool open READ isOpen NOTIFY stateChanged)
    Q_PROPERTY(bool mackie READ mackie NOTIFY stateChanged)
    // LEARN was pressed: the next control touched on the screen is the one.
    Q_PROPERTY(bool picking READ picking NOTIFY learnChanged)
    // The address waiting for a MIDI control to be moved, empty if none.
    Q_PROPERTY(QString learning READ learning NOTIFY learnChanged)
    // "CC 40 ch 1  ->  /ch/01/mix/fader", one per binding.
    Q_PROPERTY(QStringList bindings READ bindings NOTIFY bindingsChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    MidiSetupModel(Console& console, QObject* parent);
    ~MidiSetupModel() override;

    // The surfaces started from the command line (may be null).
    void adopt(std::unique_ptr<app::MidiSurfaces> surfaces);
    // The MIDI API of ports opened from now on (tests: JACK).
    void setMidiApi(surfaces::midi::MidiApi api) { m_api = api; }

    QStringList inputs() const { return m_inputs; }
    QStringList outputs() const { return m_outputs; }
    QString inputPort() const;
    QString outputPort() const;
    bool isOpen() const { return m_surfaces != nullptr; }
    bool mackie() const { return m_mackie; }
    bool picking() const { return m_picking; }
    QString learning() const { return m_learning; }
    QStringList bindings() const;
    QString message() const { return m_message; }

    Q_INVOKABLE void refreshPorts();
    // Opens the ports whose names contain 'input' and 'output' (either may
    // be empty), as a Mackie Control or for generic MIDI; closes what was open.
    Q_INVOKABLE void openPorts(const QString& input, const QString& output, bool mackie);
    Q_INVOKABLE void closePorts();
    Q_INVOKABLE bool startLearn();
    Q_INVOKABLE void cancelLearn();
    Q_INVOKABLE bool removeBinding(int index);

signals:
    void portsChanged();
    void stateChanged();
    void learnChanged();
    void bindingsChanged();
    void messageChanged();

private:
    void take(std::unique_ptr<app::MidiSurfaces> surfaces, bool mackie);
    // A control was changed on the screen: the one to learn, if picking.
    void picked(scenes::ParamId id);
    surfaces::midi::MidiDevice& lister();
    surfaces::midi::MidiApi api();
    void setMessage(const QString& message);

    Console& m_console;
    // Decided on first use: the probe for ALSA talks on stderr.
    std::optional<surfaces::midi::MidiApi> m_api;
    std::unique_ptr<app::MidiSurfaces> m_surfaces;
    // Lists ports while no surfaces are open.
    std::unique_ptr<surfaces::midi::MidiDevice> m_lister;
    bool m_mackie = false;
    bool m_picking = false;
    QString m_learning;
    QStringList m_inputs, m_outputs;
    QString m_message;
};

} // namespace stagedesk::ui
