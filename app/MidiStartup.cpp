#include "MidiStartup.h"

#include "ConsoleSession.h"
#include "Log.h"

namespace stagedesk::app {

using namespace stagedesk::surfaces::midi;

MidiSurfaces::MidiSurfaces(ConsoleSession& session, const MidiOptions& options)
    : m_device(defaultMidiApi(), QStringLiteral("stagedesk")) {
    if (!m_device.lastError().isEmpty())
        logWarning(("MIDI: " + m_device.lastError()).toStdString());
    QObject::connect(&m_device, &MidiDevice::inputConnected, [this] {
        logLine(("MIDI: input connected to " + m_device.inputPort()).toStdString());
    });
    QObject::connect(&m_device, &MidiDevice::outputConnected, [this] {
        logLine(("MIDI: output connected to " + m_device.outputPort()).toStdString());
    });
    QObject::connect(&m_device, &MidiDevice::disconnected, [] {
        logWarning("MIDI: a device port went away; reconnecting when it comes back");
    });
    if (options.mackie) {
        m_mackie = std::make_unique<MackieSurface>(session.state(), m_device, &session.meters());
    } else {
        m_map = std::make_unique<MidiMapSurface>(session.state(), session.sceneList(), m_device);
        if (const QString error = m_map->loadJson(session.snapshot().midi); !error.isEmpty())
            logWarning(("MIDI: the show's mappings are not used: " + error).toStdString());
        else
            logLine(QStringLiteral("MIDI: %1 mappings from the show")
                        .arg(m_map->bindings().size())
                        .toStdString());
        // Learned and removed mappings are kept by the autosave.
        QObject::connect(m_map.get(), &MidiMapSurface::mappingsChanged,
                         [this, &session] { session.setMidi(m_map->toJson()); });
    }
    m_device.setPorts(options.input, options.output);
    if (m_device.inputPort().isEmpty() && !options.input.isEmpty())
        logLine(
            ("MIDI: waiting for an input port named like '" + options.input + "'").toStdString());
    if (m_device.outputPort().isEmpty() && !options.output.isEmpty())
        logLine(
            ("MIDI: waiting for an output port named like '" + options.output + "'").toStdString());
}

std::unique_ptr<MidiSurfaces> startMidi(ConsoleSession& session, const MidiOptions& options) {
    if (options.input.isEmpty() && options.output.isEmpty())
        return nullptr;
    return std::make_unique<MidiSurfaces>(session, options);
}

} // namespace stagedesk::app
