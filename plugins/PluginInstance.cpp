#include "PluginInstance.h"

#include "PluginWorld.h"

#include <lv2/atom/atom.h>

namespace stagedesk::plugins {

namespace {
std::unique_ptr<std::uint64_t[]> atomBuffer() {
    return std::make_unique<std::uint64_t[]>(kAtomBufferBytes / sizeof(std::uint64_t));
}
} // namespace

PluginInstance::PluginInstance(PluginWorld& world, const PluginInfo& info, const LilvPlugin* plugin)
    : m_world(world), m_info(info), m_plugin(plugin), m_values(info.portCount, 0.0f),
      m_sequenceType(world.urids().map(LV2_ATOM__Sequence)),
      m_chunkType(world.urids().map(LV2_ATOM__Chunk)) {}

std::unique_ptr<PluginInstance> PluginInstance::create(PluginWorld& world, const PluginInfo& info,
                                                       double sampleRate, std::string& error) {
    if (!info.unsupported.empty()) {
        error = info.name + " (" + info.uri + ") cannot be hosted: " + info.unsupported;
        return nullptr;
    }
    const auto held = world.lock();
    const LilvPlugin* plugin = world.lilvPlugin(info.uri);
    if (!plugin) {
        error = "plugin " + info.uri + " is not installed";
        return nullptr;
    }
    std::unique_ptr<PluginInstance> self(new PluginInstance(world, info, plugin));
    if (info.takesTimePosition)
        self->m_tempoEvent.emplace(world.urids());
    if (info.usesWorker)
        self->m_worker = std::make_unique<Worker>();
    self->m_features = std::make_unique<HostFeatures>(
        world.urids(), sampleRate, self->m_worker ? self->m_worker->scheduleFeature() : nullptr);
    self->m_instance = lilv_plugin_instantiate(plugin, sampleRate, self->m_features->get());
    if (!self->m_instance) {
        error = info.name + " (" + info.uri + ") failed to instantiate";
        return nullptr;
    }
    if (self->m_worker) {
        const auto* interface = static_cast<const LV2_Worker_Interface*>(
            lilv_instance_get_extension_data(self->m_instance, LV2_WORKER__interface));
        if (interface && interface->work && interface->work_response)
            self->m_worker->start(lilv_instance_get_handle(self->m_instance), interface);
    }
    for (const auto* list : {&info.controls, &info.monitors}) // the latency port among them
        for (const ControlPortInfo& c : *list) {
            self->m_values[c.index] = c.defaultValue;
            lilv_instance_connect_port(self->m_instance, c.index, &self->m_values[c.index]);
        }
    // The ports the host sets: enabled (the insert slot bypasses, not the
    // plugin), never free-wheeling; the tempo comes with rt_setTempo().
    for (const ControlPortInfo& c : self->m_info.controls)
        if (c.hostSet == HostSet::Enabled)
            self->m_values[c.index] = clampToPort(c, 1.0f);
        else if (c.hostSet == HostSet::FreeWheeling)
            self->m_values[c.index] = clampToPort(c, 0.0f);
        else if (c.hostSet == HostSet::Tempo)
            self->m_tempoPorts.push_back(&c);
    for (auto [ports, buffers] : {std::pair{&info.atomInputs, &self->m_atomInputs},
                                  std::pair{&info.atomOutputs, &self->m_atomOutputs}})
        for (std::uint32_t port : *ports) {
            buffers->push_back(atomBuffer());
            lilv_instance_connect_port(self->m_instance, port, buffers->back().get());
        }
    return self;
}

PluginInstance::~PluginInstance() {
    if (m_active)
        lilv_instance_deactivate(m_instance);
    m_worker.reset(); // no work() may run on a freed instance
    if (m_instance) {
        const auto held = m_world.lock(); // freeing may unload the library from the world
        lilv_instance_free(m_instance);
    }
}

void PluginInstance::connectAudio(std::uint32_t port, float* buffer) {
    lilv_instance_connect_port(m_instance, port, buffer);
}

void PluginInstance::activate() {
    lilv_instance_activate(m_instance);
    m_active = true;
}

void PluginInstance::rt_setTempo(float bpm) noexcept {
    for (const ControlPortInfo* port : m_tempoPorts)
        m_values[port->index] = clampToPort(*port, bpm);
    m_pendingTempo = bpm;
}

void PluginInstance::rt_run(int frames) noexcept {
    // Event inputs: an empty sequence each run. Event outputs: the whole
    // buffer offered as a chunk, as the atom extension asks; nothing reads them.
    for (const auto& buffer : m_atomInputs) {
        auto* sequence = reinterpret_cast<LV2_Atom_Sequence*>(buffer.get());
        sequence->atom = {sizeof(LV2_Atom_Sequence_Body), m_sequenceType};
        sequence->body = {0, 0};
    }
    if (m_pendingTempo > 0 && m_tempoEvent) {
        for (const auto& buffer : m_atomInputs)
            m_tempoEvent->rt_write(reinterpret_cast<LV2_Atom_Sequence*>(buffer.get()),
                                   kAtomBufferBytes, m_pendingTempo);
        m_pendingTempo = 0;
    }
    for (const auto& buffer : m_atomOutputs)
        *reinterpret_cast<LV2_Atom*>(buffer.get()) = {kAtomBufferBytes - sizeof(LV2_Atom),
                                                      m_chunkType};
    if (m_worker)
        m_worker->rt_deliverResponses();
    lilv_instance_run(m_instance, static_cast<std::uint32_t>(frames));
    if (m_worker)
        m_worker->rt_endRun();
}

} // namespace stagedesk::plugins
