#include "MidiStartup.h"

#include "ConsoleSession.h"
#include "Log.h"

namespace stagedesk::app {

using namespace stagedesk::surfaces::midi;

namespace {

// Log lines as a device's ports come and go; 'label' names the device.
void logConnections(MidiDevice& device, const QString& label) {
    if (!device.lastError().isEmpty())
        logWarning((label + ": " + device.lastError()).toStdString());
    QObject::connect(&device, &MidiDevice::inputConnected, [&device, label] {
        logLine((label + ": input connected to " + device.inputPort()).toStdString());
    });
    QObject::connect(&device, &MidiDevice::outputConnected, [&device, label] {
        logLine((label + ": output connected to " + device.outputPort()).toStdString());
    });
    QObject::connect(&device, &MidiDevice::disconnected, [label] {
        logWarning(
            (label + ": a device port went away; reconnecting when it comes back").toStdString());
    });
}

void openPorts(MidiDevice& device, const QString& label, const QString& input,
               const QString& output) {
    device.setPorts(input, output);
    if (device.inputPort().isEmpty() && !input.isEmpty())
        logLine((label + ": waiting for an input port named like '" + input + "'").toStdString());
    if (device.outputPort().isEmpty() && !output.isEmpty())
        logLine((label + ": waiting for an output port named like '" + output + "'").toStdString());
}

QString extenderLabel(int index) {
    return QStringLiteral("MIDI extender %1").arg(index + 1);
}

} // namespace

MidiSurfaces::MidiSurfaces(ConsoleSession& session, const MidiOptions& options, MidiApi api)
    : m_options(options), m_device(api, QStringLiteral("stagedesk")) {
    logConnections(m_device, QStringLiteral("MIDI"));
    if (options.mackie) {
        for (int i = 0; i < options.extenders.size(); ++i) {
            m_extenders.push_back(
                std::make_unique<MidiDevice>(api, QStringLiteral("stagedesk xt%1").arg(i + 1)));
            logConnections(*m_extenders.back(), extenderLabel(i));
        }
        // The units left to right: the extenders, with the MCU at its place.
        m_mackie = std::make_unique<MackieSurface>(session.state(), &session.meters());
        for (int unit = 0, xt = 0; unit <= options.extenders.size(); ++unit) {
            if (unit == options.mainPosition - 1)
                m_mackie->addUnit(m_device, MackieUnit::Kind::Main);
            else
                m_mackie->addUnit(*m_extenders[std::size_t(xt++)], MackieUnit::Kind::Extender);
        }
    } else {
        m_map = std::make_unique<MidiMapSurface>(session.state(), session.sceneList(), m_device);
        if (const QString error = m_map->loadJson(session.midi()); !error.isEmpty())
            logWarning(("MIDI: the show's mappings are not used: " + error).toStdString());
        else
            logLine(QStringLiteral("MIDI: %1 mappings from the show")
                        .arg(m_map->bindings().size())
                        .toStdString());
        // Learned and removed mappings are kept by the autosave.
        QObject::connect(m_map.get(), &MidiMapSurface::mappingsChanged,
                         [this, &session] { rememberInShow(session, m_map->toJson()); });
    }
    rememberInShow(session, session.midi());
    openPorts(m_device, QStringLiteral("MIDI"), options.input, options.output);
    for (int i = 0; i < options.extenders.size(); ++i)
        openPorts(*m_extenders[std::size_t(i)], extenderLabel(i), options.extenders[i],
                  options.extenders[i]);
}

void MidiSurfaces::rememberInShow(ConsoleSession& session, QJsonObject slot) const {
    slot.insert(QStringLiteral("ports"), midiPortsToJson(m_options));
    if (slot != session.midi())
        session.setMidi(slot);
}

std::unique_ptr<MidiSurfaces> startMidi(ConsoleSession& session, const MidiOptions& options,
                                        std::optional<MidiApi> api) {
    MidiOptions chosen = options;
    const QJsonObject slot = session.midi();
    if (options.input.isEmpty() && options.output.isEmpty() && slot.contains("ports")) {
        const QJsonValue ports = slot.value("ports");
        const QString error = ports.isObject() ? midiPortsFromJson(ports.toObject(), chosen)
                                               : QStringLiteral("midi.ports: an object is needed");
        if (!error.isEmpty())
            logWarning(("MIDI: the show's ports are not used: " + error).toStdString());
        else
            logLine("MIDI: opening the ports the show remembers");
    }
    if (chosen.input.isEmpty() && chosen.output.isEmpty())
        return nullptr;
    return std::make_unique<MidiSurfaces>(session, chosen, api ? *api : defaultMidiApi());
}

void forgetMidiPorts(ConsoleSession& session) {
    QJsonObject slot = session.midi();
    if (!slot.contains(QLatin1String("ports")))
        return;
    slot.remove(QLatin1String("ports"));
    session.setMidi(slot);
}

} // namespace stagedesk::app
