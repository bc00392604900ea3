#include "MidiMapSurface.h"

#include "PluginControls.h"

#include <QJsonArray>

#include <cmath>

namespace stagedesk::surfaces::midi {

using namespace stagedesk::scenes;

namespace {

constexpr int kNrpnMsb = 99, kNrpnLsb = 98, kDataMsb = 6, kDataLsb = 38;

bool sameControl(const MidiBinding& a, const MidiBinding& b) {
    return a.kind == b.kind && a.channel == b.channel && a.number == b.number;
}

} // namespace

MidiMapSurface::MidiMapSurface(ConsoleState& state, SceneList& scenes, MidiDevice& device,
                               QObject* parent)
    : QObject(parent), m_state(state), m_scenes(scenes), m_device(device),
      m_source(state.addSource(QStringLiteral("MIDI"), this)) {
    m_device.setHandler([this](const ReceivedMessage& r) { handle(r.message); });
    connect(&m_device, &MidiDevice::outputConnected, this, [this] {
        for (const MidiBinding& b : m_bindings)
            sendFeedback(b);
    });
    m_sceneListener = m_scenes.addListener([this](SceneListEvent event) {
        if (event == SceneListEvent::Recalled)
            sceneRecalled();
    });
    m_pairTimer.setSingleShot(true);
    m_pairTimer.setInterval(kPairWaitMs);
    connect(&m_pairTimer, &QTimer::timeout, this, [this] {
        if (m_pendingCc)
            finishLearn(MidiBinding::Kind::Cc, m_pendingCc->channel(), m_pendingCc->data1);
    });
}

MidiMapSurface::~MidiMapSurface() {
    m_scenes.removeListener(m_sceneListener);
    m_device.setHandler({});
    m_state.removeSource(m_source);
}

bool MidiMapSurface::learn(const QString& address, LearnOptions options) {
    const ParamId id = m_state.registry().find(address);
    if (id == kNoParam || m_state.registry().at(id).isText())
        return false;
    m_learnId = id;
    m_learnOptions = options;
    m_pendingCc.reset();
    return true;
}

void MidiMapSurface::cancelLearn() {
    m_learnId = kNoParam;
    m_pendingCc.reset();
    m_pairTimer.stop();
}

bool MidiMapSurface::addBinding(const MidiBinding& binding) {
    if (!insertBinding(binding))
        return false;
    emit mappingsChanged();
    return true;
}

bool MidiMapSurface::bindable(const QString& address) const {
    const ParamId id = m_state.registry().find(address);
    return id == kNoParam ? isPluginControlAddress(m_state.registry(), address)
                          : !m_state.registry().at(id).isText();
}

void MidiMapSurface::addressSpaceChanged() {
    for (std::size_t i = 0; i < m_bindings.size(); ++i)
        m_ids[i] = m_state.registry().find(m_bindings[i].address);
}

bool MidiMapSurface::insertBinding(const MidiBinding& binding) {
    if (!bindable(binding.address))
        return false;
    const ParamId id = m_state.registry().find(binding.address);
    for (std::size_t i = 0; i < m_bindings.size(); ++i)
        if (sameControl(m_bindings[i], binding)) {
            m_bindings[i] = binding;
            m_ids[i] = id;
            return true;
        }
    m_bindings.push_back(binding);
    m_ids.push_back(id);
    return true;
}

bool MidiMapSurface::removeBinding(int index) {
    if (index < 0 || index >= int(m_bindings.size()))
        return false;
    m_bindings.erase(m_bindings.begin() + index);
    m_ids.erase(m_ids.begin() + index);
    emit mappingsChanged();
    return true;
}

void MidiMapSurface::setProgramChange(ProgramChange pc) {
    m_program = pc;
    emit mappingsChanged();
}

QJsonObject MidiMapSurface::toJson() const {
    QJsonArray bindings;
    for (const MidiBinding& b : m_bindings)
        bindings.append(midi::toJson(b));
    QJsonObject o{{"bindings", bindings}};
    if (m_program.channel >= 0)
        o.insert("programChange",
                 QJsonObject{{"channel", m_program.channel + 1},
                             {"action", m_program.action == ProgramAction::Go ? "go" : "scene"}});
    return o;
}

QString MidiMapSurface::loadJson(const QJsonObject& midi) {
    for (auto it = midi.begin(); it != midi.end(); ++it)
        if (it.key() != "bindings" && it.key() != "programChange" &&
            it.key() != "ports") // the ports are the application's (app/MidiStartup)
            return QStringLiteral("midi.%1: unknown field").arg(it.key());
    std::vector<MidiBinding> bindings;
    const QJsonArray array = midi.value("bindings").toArray();
    for (int i = 0; i < array.size(); ++i) {
        QString error;
        const auto b = bindingFromJson(array[i].toObject(), error);
        if (b && !bindable(b->address))
            error = QStringLiteral("address: %1 is not a parameter").arg(b->address);
        if (!error.isEmpty())
            return QStringLiteral("midi.bindings[%1].%2").arg(i).arg(error);
        bindings.push_back(*b);
    }
    ProgramChange program;
    if (midi.contains("programChange")) {
        const QJsonObject pc = midi.value("programChange").toObject();
        const int channel = pc.value("channel").toInt(0);
        const QString action = pc.value("action").toString("scene");
        if (channel < 1 || channel > 16)
            return QStringLiteral("midi.programChange.channel: a whole number 1..16 is needed");
        if (action != "scene" && action != "go")
            return QStringLiteral("midi.programChange.action: \"scene\" or \"go\"");
        program = {channel - 1, action == "go" ? ProgramAction::Go : ProgramAction::Scene};
    }
    m_bindings.clear();
    m_ids.clear();
    for (const MidiBinding& b : bindings)
        insertBinding(b);
    m_program = program;
    return {};
}

void MidiMapSurface::parameterChanged(ParamId id, const ParameterValue&, SourceId) {
    for (std::size_t i = 0; i < m_bindings.size(); ++i)
        if (m_ids[i] == id)
            sendFeedback(m_bindings[i]);
}

void MidiMapSurface::handle(const ShortMessage& m) {
    if (m.kind() == 0xB0)
        m_cc[std::size_t(m.channel())][m.data1] = m.data2;
    if (m.kind() == 0xC0 && m.channel() == m_program.channel) {
        recallProgram(m.data1);
        return;
    }
    if (learning() && learnFrom(m))
        return;
    apply(m);
}

bool MidiMapSurface::learnFrom(const ShortMessage& m) {
    if (m_pendingCc) {
        const ShortMessage msb = *m_pendingCc;
        if (m.kind() == 0xB0 && m.channel() == msb.channel() && m.data1 == msb.data1 + 32) {
            finishLearn(MidiBinding::Kind::Cc14, msb.channel(), msb.data1);
            return true;
        }
        finishLearn(MidiBinding::Kind::Cc, msb.channel(), msb.data1);
        return false; // this message is heard as usual
    }
    switch (m.kind()) {
    case 0xB0:
        if (m.data1 == kNrpnMsb || m.data1 == kNrpnLsb)
            return true; // the number comes whole with the data entry
        if (m.data1 == kDataMsb || m.data1 == kDataLsb) {
            const auto& cc = m_cc[std::size_t(m.channel())];
            finishLearn(MidiBinding::Kind::Nrpn, m.channel(), (cc[kNrpnMsb] << 7) | cc[kNrpnLsb]);
            return true;
        }
        if (m.data1 < 32 && !m_learnOptions.relative) {
            m_pendingCc = m;
            m_pairTimer.start();
            return true;
        }
        finishLearn(MidiBinding::Kind::Cc, m.channel(), m.data1);
        return true;
    case 0x90:
        if (m.data2 == 0)
            return true;
        finishLearn(m_learnOptions.momentary ? MidiBinding::Kind::NoteMomentary
                                             : MidiBinding::Kind::NoteToggle,
                    m.channel(), m.data1);
        return true;
    case 0xE0:
        finishLearn(MidiBinding::Kind::PitchBend, m.channel(), 0);
        return true;
    default:
        return false;
    }
}

void MidiMapSurface::finishLearn(MidiBinding::Kind kind, int channel, int number) {
    m_pairTimer.stop();
    m_pendingCc.reset();
    MidiBinding b{kind, channel, number, m_learnOptions.relative && kind == MidiBinding::Kind::Cc,
                  m_state.registry().at(m_learnId).address};
    m_learnId = kNoParam;
    addBinding(b);
    emit learned(b);
}

void MidiMapSurface::apply(const ShortMessage& m) {
    using Kind = MidiBinding::Kind;
    const auto& cc = m_cc[std::size_t(m.channel())];
    for (std::size_t i = 0; i < m_bindings.size(); ++i) {
        const MidiBinding& b = m_bindings[i];
        const ParamId id = m_ids[i];
        if (b.channel != m.channel() || id == kNoParam) // kNoParam: its plugin is not in
            continue;
        switch (b.kind) {
        case Kind::Cc:
            if (m.kind() != 0xB0 || m.data1 != b.number)
                break;
            if (b.relative) {
                const int ticks = m.data2 < 64 ? m.data2 : m.data2 - 128;
                setFromControl(b, m_state.normalized(id) + ticks * kRelativeStep);
            } else {
                setFromControl(b, m.data2 / 127.0);
            }
            break;
        case Kind::Cc14:
            // The MSB moves at once; the LSB that follows refines it.
            if (m.kind() == 0xB0 && m.data1 == b.number)
                setFromControl(b, (m.data2 << 7) / 16383.0);
            else if (m.kind() == 0xB0 && m.data1 == b.number + 32)
                setFromControl(b, ((cc[std::size_t(b.number)] << 7) | m.data2) / 16383.0);
            break;
        case Kind::Nrpn:
            if (m.kind() != 0xB0 || ((cc[kNrpnMsb] << 7) | cc[kNrpnLsb]) != b.number)
                break;
            if (m.data1 == kDataMsb)
                setFromControl(b, (m.data2 << 7) / 16383.0);
            else if (m.data1 == kDataLsb)
                setFromControl(b, ((cc[kDataMsb] << 7) | m.data2) / 16383.0);
            break;
        case Kind::NoteToggle:
            if (m.kind() == 0x90 && m.data1 == b.number && m.data2 > 0)
                setFromControl(b, m_state.normalized(id) > 0.5 ? 0.0 : 1.0);
            break;
        case Kind::NoteMomentary:
            if ((m.kind() == 0x90 || m.kind() == 0x80) && m.data1 == b.number)
                setFromControl(b, m.kind() == 0x90 && m.data2 > 0 ? 1.0 : 0.0);
            break;
        case Kind::PitchBend:
            if (m.kind() == 0xE0)
                setFromControl(b, (m.data1 | (m.data2 << 7)) / 16383.0);
            break;
        }
    }
}

void MidiMapSurface::setFromControl(const MidiBinding& b, double normalized) {
    const ParamId id = m_state.registry().find(b.address);
    if (id == kNoParam)
        return; // a plugin's control while no such plugin is in its slot
    m_state.setNormalized(id, std::clamp(normalized, 0.0, 1.0), m_source);
    // Other controls bound to the same parameter follow; this one moved itself.
    for (std::size_t i = 0; i < m_bindings.size(); ++i)
        if (m_ids[i] == id && !sameControl(m_bindings[i], b))
            sendFeedback(m_bindings[i]);
}

void MidiMapSurface::sendFeedback(const MidiBinding& b) {
    using Kind = MidiBinding::Kind;
    const ParamId id = m_state.registry().find(b.address);
    if (id == kNoParam)
        return;
    const double n = m_state.normalized(id);
    const auto status = [&](int kind) { return std::uint8_t(kind | b.channel); };
    const int v7 = int(std::lround(n * 127));
    const int v14 = int(std::lround(n * 16383));
    switch (b.kind) {
    case Kind::Cc:
        m_device.send({status(0xB0), std::uint8_t(b.number), std::uint8_t(v7)});
        break;
    case Kind::Cc14:
        m_device.send({status(0xB0), std::uint8_t(b.number), std::uint8_t(v14 >> 7)});
        m_device.send({status(0xB0), std::uint8_t(b.number + 32), std::uint8_t(v14 & 0x7F)});
        break;
    case Kind::Nrpn:
        m_device.send({status(0xB0), kNrpnMsb, std::uint8_t(b.number >> 7)});
        m_device.send({status(0xB0), kNrpnLsb, std::uint8_t(b.number & 0x7F)});
        m_device.send({status(0xB0), kDataMsb, std::uint8_t(v14 >> 7)});
        m_device.send({status(0xB0), kDataLsb, std::uint8_t(v14 & 0x7F)});
        break;
    case Kind::NoteToggle:
    case Kind::NoteMomentary:
        m_device.send({status(0x90), std::uint8_t(b.number), std::uint8_t(n > 0.5 ? 127 : 0)});
        break;
    case Kind::PitchBend:
        m_device.send({status(0xE0), std::uint8_t(v14 & 0x7F), std::uint8_t(v14 >> 7)});
        break;
    }
}

void MidiMapSurface::recallProgram(int program) {
    m_recallingProgram = true;
    if (m_program.action == ProgramAction::Go) {
        m_scenes.go();
    } else {
        // The scene that names this program, else the program-th scene.
        int index = program;
        for (int i = 0; i < m_scenes.count(); ++i)
            if (m_scenes.at(i).midiProgram == program) {
                index = i;
                break;
            }
        m_scenes.recall(index);
    }
    m_recallingProgram = false;
}

void MidiMapSurface::sceneRecalled() {
    // Not back to the device whose program change asked for the recall: a
    // device that echoes its input would start a loop.
    const int index = m_scenes.recalledIndex();
    if (index < 0 || m_program.channel < 0 || m_recallingProgram)
        return;
    if (const std::optional<int> program = m_scenes.at(index).midiProgram)
        m_device.send({std::uint8_t(0xC0 | m_program.channel), std::uint8_t(*program & 0x7F)});
}

} // namespace stagedesk::surfaces::midi
