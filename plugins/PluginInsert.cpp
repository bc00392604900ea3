#include "PluginInsert.h"

#include "PluginWorld.h"
#include "PortLayout.h"
#include "dsp/Lanes.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::plugins {

static_assert(kMaxBlockFrames == dsp::kSubBlock, "plugins run in the engine's sub-blocks");

namespace {

constexpr std::size_t kControlQueueCapacity = 256;

} // namespace

PluginInsert::PluginInsert(PluginWorld& world, int channels)
    : m_world(world), m_channels(channels), m_changes(kControlQueueCapacity) {}

PluginInsert::Created PluginInsert::create(PluginWorld& world, const Request& request) {
    const std::optional<PluginInfo> info = world.find(request.uri);
    if (!info)
        return {nullptr, "plugin " + request.uri + " is not installed"};
    const PortLayout layout = portLayout(*info, request.channels);
    if (layout.instances == 0)
        return {nullptr, layout.refusal};

    std::unique_ptr<PluginInsert> self(new PluginInsert(world, request.channels));
    self->m_channelsPerLane = layout.channelsPerInstance;
    for (int k = 0; k < layout.instances; ++k) {
        std::string error;
        Lane lane;
        lane.instance = PluginInstance::create(world, *info, request.sampleRate, error);
        if (!lane.instance)
            return {nullptr, error};
        lane.audio.assign((info->audioInputs.size() + info->audioOutputs.size()) * kMaxBlockFrames,
                          0.0f);
        float* next = lane.audio.data();
        for (auto [ports, pointers] : {std::pair{&info->audioInputs, &lane.inputs},
                                       std::pair{&info->audioOutputs, &lane.outputs}})
            for (std::uint32_t port : *ports) {
                lane.instance->connectAudio(port, next);
                pointers->push_back(next);
                next += kMaxBlockFrames;
            }
        self->m_lanes.push_back(std::move(lane));
    }
    for (const ControlPortInfo& c : info->controls)
        self->m_controls.push_back(c.defaultValue);
    self->m_monitors = std::make_unique<std::atomic<float>[]>(info->monitors.size());

    if (request.state) {
        std::string error;
        if (!self->restore(*request.state, error))
            return {nullptr, error};
    }
    for (Lane& lane : self->m_lanes) {
        lane.instance->rt_setTempo(request.tempoBpm);
        lane.instance->activate();
    }
    self->copyHostSetValues();

    // Plugins write their latency port in run(): one block of silence, here
    // before hand-over, tells what the engine must compensate.
    if (info->latencyPort) {
        std::vector<float> silence(std::size_t(request.channels) * kMaxBlockFrames, 0.0f);
        std::vector<float*> buffers;
        for (int c = 0; c < request.channels; ++c)
            buffers.push_back(silence.data() + std::size_t(c) * kMaxBlockFrames);
        self->rt_run(buffers.data(), kMaxBlockFrames);
        const float reported = self->m_lanes.front().instance->value(*info->latencyPort);
        self->m_latency = std::isfinite(reported) ? std::max(0, int(std::lround(reported))) : 0;
    }
    return {std::move(self), {}};
}

bool PluginInsert::restore(const PluginState& state, std::string& error) {
    if (state.uri != info().uri) {
        error = "a saved state of " + state.uri + " cannot be restored into " + info().uri;
        return false;
    }
    const auto setBySymbol = [this](const std::string& symbol, float value) {
        if (const auto slot = controlSlot(symbol); slot && !info().controls[*slot].isHostSet())
            setBeforeRun(*slot, value);
    };
    for (const auto& [symbol, value] : state.controls)
        setBySymbol(symbol, value);
    if (!info().hasState || state.lv2State.empty())
        return true;
    for (Lane& lane : m_lanes)
        if (!restoreLv2State(m_world, *lane.instance, state.lv2State, setBySymbol, error))
            return false;
    return true;
}

void PluginInsert::setBeforeRun(std::size_t slot, float value) {
    const ControlPortInfo& port = info().controls[slot];
    m_controls[slot] = clampToPort(port, value);
    for (Lane& lane : m_lanes)
        lane.instance->value(port.index) = m_controls[slot];
}

void PluginInsert::copyHostSetValues() {
    const auto& controls = info().controls;
    for (std::size_t i = 0; i < controls.size(); ++i)
        if (controls[i].isHostSet())
            m_controls[i] = m_lanes.front().instance->value(controls[i].index);
}

std::optional<std::size_t> PluginInsert::controlSlot(const std::string& symbol) const {
    const auto& controls = info().controls;
    for (std::size_t i = 0; i < controls.size(); ++i)
        if (controls[i].symbol == symbol)
            return i;
    return std::nullopt;
}

bool PluginInsert::setControl(const std::string& symbol, float value) {
    const auto slot = controlSlot(symbol);
    if (!slot || info().controls[*slot].isHostSet())
        return false;
    const ControlPortInfo& port = info().controls[*slot];
    const float clamped = clampToPort(port, value);
    if (!m_changes.tryPush(ControlChange{port.index, clamped}))
        return false;
    m_controls[*slot] = clamped;
    return true;
}

bool PluginInsert::setTempo(float bpm) {
    if (!std::isfinite(bpm) || bpm <= 0 || !m_changes.tryPush(ControlChange{kTempoChange, bpm}))
        return false;
    const auto& controls = info().controls;
    for (std::size_t i = 0; i < controls.size(); ++i)
        if (controls[i].hostSet == HostSet::Tempo)
            m_controls[i] = clampToPort(controls[i], bpm);
    return true;
}

std::optional<float> PluginInsert::control(const std::string& symbol) const {
    const auto slot = controlSlot(symbol);
    return slot ? std::optional(m_controls[*slot]) : std::nullopt;
}

std::optional<float> PluginInsert::monitor(const std::string& symbol) const {
    const auto& monitors = info().monitors;
    for (std::size_t i = 0; i < monitors.size(); ++i)
        if (monitors[i].symbol == symbol)
            return m_monitors[i].load(std::memory_order_relaxed);
    return std::nullopt;
}

PluginState PluginInsert::saveState() {
    PluginState state;
    state.uri = info().uri;
    for (std::size_t i = 0; i < m_controls.size(); ++i)
        if (!info().controls[i].isHostSet())
            state.controls.emplace_back(info().controls[i].symbol, m_controls[i]);
    if (info().hasState)
        state.lv2State =
            saveLv2State(m_world, *m_lanes.front().instance, [this](const std::string& symbol) {
                const auto slot = controlSlot(symbol);
                return slot ? m_controls[*slot] : 0.0f;
            });
    return state;
}

void PluginInsert::rt_run(float* const* buffers, int frames) noexcept {
    m_changes.consumeAll([this](const ControlChange& change) {
        for (Lane& lane : m_lanes)
            if (change.port == kTempoChange)
                lane.instance->rt_setTempo(change.value);
            else
                lane.instance->value(change.port) = change.value;
    });
    const int inputs = static_cast<int>(info().audioInputs.size());
    const int outputs = static_cast<int>(info().audioOutputs.size());
    for (std::size_t k = 0; k < m_lanes.size(); ++k) {
        Lane& lane = m_lanes[k];
        float* const* strip = buffers + k * std::size_t(m_channelsPerLane);
        fan(strip, m_channelsPerLane, lane.inputs.data(), inputs, frames);
        lane.instance->rt_run(frames);
        fan(lane.outputs.data(), outputs, strip, m_channelsPerLane, frames);
    }
    // Relaxed: each value stands alone; a reader sees this block's or an older one.
    const auto& monitors = info().monitors;
    for (std::size_t i = 0; i < monitors.size(); ++i)
        m_monitors[i].store(m_lanes.front().instance->value(monitors[i].index),
                            std::memory_order_relaxed);
}

} // namespace stagedesk::plugins
