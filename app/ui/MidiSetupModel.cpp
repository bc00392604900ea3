#include "MidiSetupModel.h"

#include "Console.h"
#include "MidiStartup.h"

namespace stagedesk::ui {

using namespace stagedesk::surfaces::midi;

namespace {

// "CC 40 ch 1  →  /ch/01/mix/fader", the kind named as the show file does.
QString bindingText(const MidiBinding& b) {
    const QString kind = toJson(b).value(QLatin1String("type")).toString().toUpper();
    const QString control = b.kind == MidiBinding::Kind::PitchBend
                                ? kind
                                : QStringLiteral("%1 %2").arg(kind).arg(b.number);
    return QStringLiteral("%1 ch %2%3  →  %4")
        .arg(control)
        .arg(b.channel + 1)
        .arg(b.relative ? QStringLiteral(" (relative)") : QString(), b.address);
}

} // namespace

MidiSetupModel::MidiSetupModel(Console& console, QObject* parent)
    : QObject(parent), m_console(console) {
    connect(&console, &Console::changedFromScreen, this, [this](int id) { picked(id); });
}

MidiSetupModel::~MidiSetupModel() = default;

void MidiSetupModel::adopt(std::unique_ptr<app::MidiSurfaces> surfaces) {
    const bool mackie = surfaces && !surfaces->map();
    take(std::move(surfaces), mackie);
}

void MidiSetupModel::take(std::unique_ptr<app::MidiSurfaces> surfaces, bool mackie) {
    cancelLearn();
    m_surfaces = std::move(surfaces);
    m_mackie = m_surfaces && mackie;
    if (m_surfaces) {
        MidiDevice& device = m_surfaces->device();
        for (auto signal :
             {&MidiDevice::inputConnected, &MidiDevice::outputConnected, &MidiDevice::disconnected})
            connect(&device, signal, this, &MidiSetupModel::stateChanged);
        if (MidiMapSurface* map = m_surfaces->map()) {
            connect(map, &MidiMapSurface::mappingsChanged, this, &MidiSetupModel::bindingsChanged);
            connect(map, &MidiMapSurface::learned, this, [this](const MidiBinding& b) {
                m_learning.clear();
                emit learnChanged();
                setMessage(tr("Learned: %1").arg(bindingText(b)));
            });
        }
    }
    emit stateChanged();
    emit bindingsChanged();
    refreshPorts();
}

QString MidiSetupModel::inputPort() const {
    return m_surfaces ? m_surfaces->device().inputPort() : QString();
}

QString MidiSetupModel::outputPort() const {
    return m_surfaces ? m_surfaces->device().outputPort() : QString();
}

QStringList MidiSetupModel::bindings() const {
    QStringList lines;
    const MidiMapSurface* map = m_surfaces ? m_surfaces->map() : nullptr;
    if (!map)
        return lines;
    for (const MidiBinding& b : map->bindings())
        lines << bindingText(b);
    return lines;
}

MidiApi MidiSetupModel::api() {
    if (!m_api)
        m_api = defaultMidiApi();
    return *m_api;
}

MidiDevice& MidiSetupModel::lister() {
    if (m_surfaces)
        return m_surfaces->device();
    if (!m_lister)
        m_lister = std::make_unique<MidiDevice>(api(), QStringLiteral("stagedesk-ports"));
    return *m_lister;
}

void MidiSetupModel::refreshPorts() {
    MidiDevice& device = lister();
    m_inputs = device.availableInputs();
    m_outputs = device.availableOutputs();
    emit portsChanged();
    if (!device.lastError().isEmpty())
        setMessage(tr("MIDI: %1").arg(device.lastError()));
}

void MidiSetupModel::openPorts(const QString& input, const QString& output, bool mackie) {
    take(nullptr, false); // the old ports close before the new ones open
    m_lister.reset();
    app::MidiOptions options;
    options.input = input;
    options.output = output;
    options.mackie = mackie;
    take(std::make_unique<app::MidiSurfaces>(m_console.session(), options, api()), mackie);
    if (inputPort().isEmpty() && !input.isEmpty())
        setMessage(tr("Waiting for an input port named like '%1'").arg(input));
    else
        setMessage(tr("Opened %1%2")
                       .arg(inputPort().isEmpty() ? outputPort() : inputPort(),
                            mackie ? tr(" as a Mackie Control") : QString()));
}

void MidiSetupModel::closePorts() {
    take(nullptr, false);
    app::forgetMidiPorts(m_console.session());
    setMessage(tr("MIDI ports closed"));
}

bool MidiSetupModel::startLearn() {
    if (!m_surfaces || !m_surfaces->map()) {
        setMessage(tr("Open a MIDI input (not as a Mackie Control) to learn"));
        return false;
    }
    m_picking = true;
    emit learnChanged();
    setMessage(tr("Touch a control on the screen, then move the MIDI control"));
    return true;
}

void MidiSetupModel::cancelLearn() {
    if (m_surfaces && m_surfaces->map())
        m_surfaces->map()->cancelLearn();
    if (!m_picking && m_learning.isEmpty())
        return;
    m_picking = false;
    m_learning.clear();
    emit learnChanged();
}

void MidiSetupModel::picked(scenes::ParamId id) {
    if (!m_picking || !m_surfaces || !m_surfaces->map())
        return;
    m_picking = false;
    const QString address = m_console.registry().at(id).address;
    if (m_surfaces->map()->learn(address)) {
        m_learning = address;
        setMessage(tr("Move the MIDI control for %1").arg(address));
    } else {
        setMessage(tr("%1 cannot be learned (text)").arg(address));
    }
    emit learnChanged();
}

bool MidiSetupModel::removeBinding(int index) {
    MidiMapSurface* map = m_surfaces ? m_surfaces->map() : nullptr;
    const QString line = bindings().value(index);
    if (!map || !map->removeBinding(index))
        return false;
    setMessage(tr("Removed: %1").arg(line));
    return true;
}

void MidiSetupModel::setMessage(const QString& message) {
    m_message = message;
    emit messageChanged();
}

} // namespace stagedesk::ui
