#include "InsertHost.h"

#include "Engine.h"
#include "Log.h"
#include "PluginWorld.h"
#include "ShowPlugins.h"

namespace stagedesk::app {

using scenes::ParamId;
using scenes::SlotPluginState;
using scenes::SlotPluginStates;

namespace {

plugins::PluginState toPluginState(const SlotPluginState& s) {
    plugins::PluginState state{s.uri.toStdString(), {}, s.lv2State.toStdString()};
    for (const auto& [symbol, value] : s.controls)
        state.controls.emplace_back(symbol.toStdString(), float(value));
    return state;
}

SlotPluginState toSlotState(const plugins::PluginState& s) {
    SlotPluginState state{QString::fromStdString(s.uri), {}, QString::fromStdString(s.lv2State)};
    for (const auto& [symbol, value] : s.controls)
        state.controls.emplace(QString::fromStdString(symbol), double(value));
    return state;
}

const char* faultText(engine::InsertFaultKind kind) {
    switch (kind) {
    case engine::InsertFaultKind::NonFiniteOutput:
        return "its output was not a finite number";
    case engine::InsertFaultKind::Overrun:
        return "it ran too long again and again";
    }
    return "?";
}

} // namespace

InsertHost::InsertHost(scenes::ConsoleState& state, engine::Engine& engine,
                       plugins::PluginWorld* world, const SlotPluginStates& saved)
    : m_state(state), m_engine(engine), m_world(world),
      m_source(state.addSource(QStringLiteral("insert host"), this)), m_parameters(state) {
    // Every slot of the console, found through its /on parameter.
    const scenes::ParameterRegistry& registry = state.registry();
    m_slotOfPluginParam.assign(std::size_t(registry.count()), -1);
    m_slotOfTempoParam.assign(std::size_t(registry.count()), -1);
    for (ParamId id = 0; id < registry.count(); ++id) {
        const scenes::ParameterDescriptor& d = registry.at(id);
        if (d.mapping == scenes::EngineMapping::None || d.param != engine::Param::InsertOn)
            continue;
        Slot slot;
        slot.key = d.address.chopped(int(QStringLiteral("/on").size()));
        slot.target = d.target;
        slot.index = d.index;
        slot.slot = d.sub;
        // Main LR and the FX slots are stereo; channels and mix buses mono.
        slot.channels = d.target == engine::Target::Main || d.target == engine::Target::Fx ? 2 : 1;
        slot.onParam = id;
        slot.pluginParam = registry.find(scenes::slotPluginAddress(slot.key));
        m_slotOfPluginParam[std::size_t(slot.pluginParam)] = int(m_slots.size());
        slot.tempoParam = registry.find(slot.key + "/tempo"); // FX slots only
        if (slot.tempoParam != scenes::kNoParam)
            m_slotOfTempoParam[std::size_t(slot.tempoParam)] = int(m_slots.size());
        m_slots.push_back(std::move(slot));
    }
    if (m_world)
        m_loader = std::make_unique<PluginLoader>(*m_world, [this] {
            QMetaObject::invokeMethod(this, &InsertHost::collectLoaded, Qt::QueuedConnection);
        });
    else
        logLine("plugins: off (--no-plugins): every insert slot passes audio dry");
    connect(&m_drain, &QTimer::timeout, this, &InsertHost::poll);
    m_drain.start(kDrainIntervalMs);
    restore(saved);
}

InsertHost::~InsertHost() {
    m_loader.reset(); // no result arrives from now on
    m_state.removeSource(m_source);
    for (const Slot& slot : m_slots)
        m_parameters.retire(slot.key);
}

void InsertHost::restore(const SlotPluginStates& saved) {
    for (Slot& slot : m_slots) {
        const auto it = saved.find(slot.key);
        slot.saved.reset();
        if (it != saved.end())
            slot.saved = it->second;
        load(slot);
    }
}

SlotPluginStates InsertHost::states() const {
    SlotPluginStates states;
    for (const Slot& slot : m_slots)
        if (auto state = stateOf(slot))
            states.emplace(slot.key, std::move(*state));
    return states;
}

std::optional<SlotPluginState> InsertHost::stateOf(const Slot& slot) const {
    std::optional<SlotPluginState> state;
    if (slot.running)
        state = toSlotState(slot.running->saveState());
    else if (slot.saved)
        state = slot.saved;
    else if (m_parameters.has(slot.key)) // being built: no state of its own yet
        state = SlotPluginState{m_state.text(slot.pluginParam), {}, {}};
    if (state && m_parameters.has(slot.key))
        state->controls = m_parameters.values(slot.key);
    return state;
}

InsertHost::SlotStatus InsertHost::status(const QString& key) const {
    const Slot* slot = find(key);
    return slot ? slot->status : SlotStatus::Empty;
}

QString InsertHost::problem(const QString& key) const {
    const Slot* slot = find(key);
    return slot ? slot->problem : QString();
}

bool InsertHost::setControl(const QString& key, const QString& symbol, float value) {
    const ParamId id = m_parameters.find(key, symbol);
    if (id == scenes::kNoParam || !m_state.set(id, double(value), m_source).ok())
        return false;
    const Slot* slot = find(key);
    return slot && slot->running &&
           slot->running->setControl(symbol.toStdString(), float(m_state.number(id)));
}

std::optional<float> InsertHost::control(const QString& key, const QString& symbol) const {
    const Slot* slot = find(key);
    if (!slot || !slot->running)
        return std::nullopt;
    return slot->running->control(symbol.toStdString());
}

int InsertHost::latency(const QString& key) const {
    const Slot* slot = find(key);
    return slot && slot->running ? slot->running->latencySamples() : 0;
}

void InsertHost::parameterChanged(ParamId id, const scenes::ParameterValue& value,
                                  scenes::SourceId) {
    if (const PluginParameters::Control* control = m_parameters.control(id)) {
        const Slot* slot = find(control->slot);
        // A full queue loses nothing for good: the model keeps the value
        // for the show and the next instance.
        if (slot && slot->running &&
            !slot->running->setControl(control->symbol.toStdString(),
                                       float(std::get<double>(value))))
            logWarning(("insert: " + describe(*slot) + ": its control queue is full; " +
                        m_state.registry().at(id).address + " not applied")
                           .toStdString());
        return;
    }
    if (std::size_t(id) >= m_slotOfPluginParam.size())
        return; // a parameter added while running: none is a slot's /plugin
    if (const int index = m_slotOfPluginParam[std::size_t(id)]; index >= 0)
        load(m_slots[std::size_t(index)]);
    else if (const int fx = m_slotOfTempoParam[std::size_t(id)]; fx >= 0)
        sendTempo(m_slots[std::size_t(fx)]);
}

void InsertHost::load(Slot& slot) {
    const QString uri = m_state.text(slot.pluginParam);
    ++slot.generation;
    empty(slot);
    // The saved state belongs to one plugin: another one in the slot drops it.
    if (slot.saved && slot.saved->uri != uri)
        slot.saved.reset();
    m_parameters.retire(slot.key);
    if (uri.isEmpty())
        return setStatus(slot, SlotStatus::Empty);
    if (!m_loader)
        return setStatus(slot, SlotStatus::Disabled, QStringLiteral("plugins are off"));
    // The controls from the plugin's metadata, now (a missing plugin has
    // none): the address space has them while the plugin is being built.
    if (const auto info = m_world->find(uri.toStdString()))
        m_parameters.add(slot.key, *info, m_state.registry().at(slot.onParam),
                         slot.saved ? slot.saved->controls : std::map<QString, double>());
    setStatus(slot, SlotStatus::Loading);
    PluginLoader::Job job;
    job.slot = int(&slot - m_slots.data());
    job.generation = slot.generation;
    job.request.uri = uri.toStdString();
    job.request.channels = slot.channels;
    job.request.sampleRate = m_engine.config().sampleRate;
    if (slot.tempoParam != scenes::kNoParam)
        job.request.tempoBpm = float(m_state.number(slot.tempoParam));
    if (const auto state = stateOf(slot))
        job.state = toPluginState(*state);
    m_loader->submit(std::move(job));
}

void InsertHost::empty(Slot& slot) {
    if (!slot.running)
        return;
    std::unique_ptr<engine::InsertProcessor> none;
    // The engine fades the plugin out and hands it back to poll(). A full
    // queue leaves it running until the next load (rare: 256 hand-overs).
    if (!m_engine.postInsert(slot.target, slot.index, slot.slot, none)) {
        logWarning(("insert: could not take " + describe(slot) +
                    " out: the engine's queue is "
                    "full")
                       .toStdString());
        return;
    }
    slot.running = nullptr;
}

void InsertHost::collectLoaded() {
    for (PluginLoader::Result& result : m_loader->takeResults()) {
        Slot& slot = m_slots[std::size_t(result.slot)];
        if (result.generation != slot.generation)
            continue; // the model named another plugin since: this one is dropped here
        if (!result.created.insert) {
            const bool installed = m_world->find(result.uri).has_value();
            setStatus(slot, installed ? SlotStatus::Failed : SlotStatus::Missing,
                      installed ? QString::fromStdString(result.created.error)
                                : QStringLiteral("not installed"));
            continue;
        }
        plugins::PluginInsert* insert = result.created.insert.get();
        applyModelControls(slot, *insert);
        std::unique_ptr<engine::InsertProcessor> processor = std::move(result.created.insert);
        if (!m_engine.postInsert(slot.target, slot.index, slot.slot, processor)) {
            setStatus(slot, SlotStatus::Failed,
                      QStringLiteral("the engine refused it (latency over %1 samples, or its "
                                     "queue is full)")
                          .arg(engine::kMaxInsertLatency));
            continue;
        }
        slot.running = insert;
        setStatus(slot, SlotStatus::Running);
    }
}

void InsertHost::applyModelControls(const Slot& slot, plugins::PluginInsert& insert) {
    for (const auto& [symbol, value] : m_parameters.values(slot.key)) {
        const std::string port = symbol.toStdString();
        if (insert.control(port) != float(value))
            insert.setControl(port, float(value)); // not running yet: its queue has room
    }
}

void InsertHost::poll() {
    m_engine.drainRetiredInserts([](std::unique_ptr<engine::InsertProcessor> retired) {
        retired.reset(); // deactivated and freed here, off the audio thread
    });
    m_engine.drainInsertFaults([this](const engine::InsertFault& fault) { report(fault); });
}

void InsertHost::report(const engine::InsertFault& fault) {
    for (Slot& slot : m_slots) {
        if (slot.target != fault.target || slot.index != fault.index || slot.slot != fault.slot)
            continue;
        slot.problem = QStringLiteral("bypassed: %1").arg(QLatin1String(faultText(fault.kind)));
        const QString text =
            QStringLiteral("insert: %1 bypassed, %2; turn %3/on on to try it "
                           "again")
                .arg(describe(slot), QLatin1String(faultText(fault.kind)), slot.key);
        logWarning(text.toStdString());
        emit statusMessage(text);
        // The engine bypasses the slot already; the model shows it, and a
        // later /on = 1 re-enables it.
        m_state.set(slot.onParam, 0.0, m_source);
        emit slotStatusChanged(slot.key);
        return;
    }
}

void InsertHost::setStatus(Slot& slot, SlotStatus status, const QString& problem) {
    slot.status = status;
    slot.problem = problem;
    if (status == SlotStatus::Missing || status == SlotStatus::Failed) {
        const QString text =
            QStringLiteral("insert: %1 %2: %3")
                .arg(describe(slot),
                     status == SlotStatus::Missing ? QStringLiteral("is not installed")
                                                   : QStringLiteral("was refused: ") + problem,
                     slot.target == engine::Target::Fx
                         ? QStringLiteral("its return is silent")
                         : QStringLiteral("the slot passes audio dry"));
        logWarning(text.toStdString());
        emit statusMessage(text);
    }
    emit slotStatusChanged(slot.key);
}

void InsertHost::sendTempo(Slot& slot) {
    // A plugin still being built gets the tempo with its request (load()).
    if (slot.running && !slot.running->setTempo(float(m_state.number(slot.tempoParam))))
        logWarning(("insert: " + describe(slot) + ": its control queue is full; the tempo " +
                    "was not sent")
                       .toStdString());
}

QString InsertHost::describe(const Slot& slot) const {
    QString name = m_state.text(slot.pluginParam);
    if (slot.running)
        name = QString::fromStdString(slot.running->info().name) + " (" + name + ")";
    if (slot.target == engine::Target::Fx)
        return QStringLiteral("plugin %1 in FX %2").arg(name).arg(slot.index + 1);
    const QString strip = slot.key.section(QLatin1Char('/'), 0, -3);
    return QStringLiteral("plugin %1 on %2 insert %3").arg(name, strip).arg(slot.slot + 1);
}

InsertHost::Slot* InsertHost::find(const QString& key) {
    for (Slot& slot : m_slots)
        if (slot.key == key)
            return &slot;
    return nullptr;
}

const InsertHost::Slot* InsertHost::find(const QString& key) const {
    return const_cast<InsertHost*>(this)->find(key);
}

} // namespace stagedesk::app
