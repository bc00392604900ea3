#include "Engine.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>

namespace stagedesk::engine {

namespace {
constexpr float kMonitorFadeMs = 10.0f;

int groupsFor(int strips) {
    return (strips + kLanes - 1) / kLanes;
}

MeterSnapshot sizedSnapshot(const EngineConfig& c) {
    MeterSnapshot s;
    s.channels.resize(c.inputs);
    s.buses.resize(c.buses);
    return s;
}

MeterPoint meterPoint(const LaneMeters& m, int lane) {
    return {m.peak[lane], std::sqrt(m.meanSquare[lane]), static_cast<std::uint32_t>(m.clips[lane]),
            m.gateGain[lane], m.compReductionDb[lane]};
}

EngineConfig validated(EngineConfig c) {
    if (c.inputs < 1 || c.inputs > kMaxInputs)
        throw std::invalid_argument("inputs must be 1.." + std::to_string(kMaxInputs));
    if (c.buses < 0 || c.buses > kMaxBuses)
        throw std::invalid_argument("buses must be 0.." + std::to_string(kMaxBuses));
    if (c.sampleRate < 8000 || c.sampleRate > 384000)
        throw std::invalid_argument("sample rate must be 8000..384000 Hz");
    return c;
}
} // namespace

Engine::Engine(const EngineConfig& config)
    : m_config(validated(config)), m_commands(m_config.commandCapacity),
      m_insertEvents(m_config.sampleRate),
      m_latencies(std::make_unique<std::atomic<int>[]>(
          std::size_t(2 * m_config.inputs + m_config.buses + 1 + kFxSlots))),
      m_appliedLog(1024), m_channelParams(m_config.inputs), m_busParams(m_config.buses),
      m_channelDirty(m_config.inputs, kAllDirty), m_busDirty(m_config.buses, kAllDirty),
      m_fades(m_config.inputs, m_config.buses),
      m_mainGroup(StripGroup::Kind::Main, 0, 2, 0, m_config.sampleRate, m_insertEvents),
      m_fxRack(m_config.buses, m_config.sampleRate, m_insertEvents),
      m_monitorStep(1.0f / (kMonitorFadeMs * 0.001f * static_cast<float>(m_config.sampleRate))),
      m_silence(dsp::kSubBlock, 0.0f), m_meters(sizedSnapshot(m_config)), m_soundcheck(m_config),
      m_postPreamp(std::size_t(groupsFor(m_config.inputs))) {
    for (int g = 0; g < groupsFor(m_config.inputs); ++g)
        m_channelGroups.emplace_back(StripGroup::Kind::Channel, g * kLanes,
                                     std::min(kLanes, m_config.inputs - g * kLanes), m_config.buses,
                                     m_config.sampleRate, m_insertEvents);
    for (int g = 0; g < groupsFor(m_config.buses); ++g)
        m_busGroups.emplace_back(StripGroup::Kind::Bus, g * kLanes,
                                 std::min(kLanes, m_config.buses - g * kLanes), 0,
                                 m_config.sampleRate, m_insertEvents);
    m_busSums.resize(m_busGroups.size());

    // Buses and main start at unity so that a fresh console passes signal.
    for (auto& p : m_busParams)
        p.faderDb = 0;
    m_mainParams.faderDb = 0;
    m_returnDirty.fill(kAllDirty);

    rt_refreshTargets();
    for (auto& g : m_channelGroups)
        g.snapToTargets();
    for (auto& g : m_busGroups)
        g.snapToTargets();
    m_mainGroup.snapToTargets();
    m_fxRack.returns().snapToTargets();
}

// The audio thread has stopped: whatever is in a slot, on its way there or
// on its way back is freed here.
Engine::~Engine() {
    for (auto* groups : {&m_channelGroups, &m_busGroups})
        for (StripGroup& g : *groups)
            g.releaseInserts();
    m_mainGroup.releaseInserts();
    m_fxRack.release();
    m_insertHandovers.consumeAll([](const InsertHandover& h) { delete h.occupant; });
    drainRetiredInserts([](std::unique_ptr<InsertProcessor>) {});
}

bool Engine::postInsert(Target target, int index, int slot,
                        std::unique_ptr<InsertProcessor>& processor) {
    if (!slotOf(target, index, slot))
        return false;
    if (processor) {
        const int channels = target == Target::Main || target == Target::Fx ? 2 : 1;
        const int latency = processor->latencySamples();
        if (processor->channels() != channels || latency < 0 || latency > kMaxInsertLatency)
            return false;
    }
    // Every occupant is retired once at most, so the retired queue cannot
    // overflow while fewer than its capacity are alive.
    if (m_aliveOccupants >= InsertEvents::kRetiredCapacity)
        return false;
    auto* occupant = processor ? new InsertOccupant(std::move(processor)) : nullptr;
    if (!m_insertHandovers.tryPush({target, std::uint16_t(index), std::uint8_t(slot), occupant})) {
        if (occupant) {
            processor = std::move(occupant->processor);
            delete occupant;
        }
        return false;
    }
    if (occupant)
        ++m_aliveOccupants;
    return true;
}

InsertRack* Engine::rackOf(Target target, int index) noexcept {
    switch (target) {
    case Target::Channel:
        return index >= 0 && index < m_config.inputs
                   ? &m_channelGroups[std::size_t(index / kLanes)].insertRack(index % kLanes)
                   : nullptr;
    case Target::Bus:
        return index >= 0 && index < m_config.buses
                   ? &m_busGroups[std::size_t(index / kLanes)].insertRack(index % kLanes)
                   : nullptr;
    case Target::Main:
        return index == 0 ? &m_mainGroup.insertRack(0) : nullptr;
    default:
        return nullptr;
    }
}

InsertSlot* Engine::slotOf(Target target, int index, int slot) noexcept {
    if (target == Target::Fx)
        return slot == 0 ? m_fxRack.slot(index) : nullptr;
    InsertRack* rack = rackOf(target, index);
    return rack && slot >= 0 && slot < kInsertSlots ? &rack->slot(slot) : nullptr;
}

int Engine::latencyKey(Target target, int index) const {
    return target == Target::Channel ? index
           : target == Target::Bus   ? m_config.inputs + index
           : target == Target::Fx    ? 2 * m_config.inputs + m_config.buses + 1 + index
                                     : m_config.inputs + m_config.buses;
}

int Engine::insertLatency(Target target, int index) const {
    if (!const_cast<Engine*>(this)->slotOf(target, index, 0))
        return 0;
    return m_latencies[std::size_t(latencyKey(target, index))].load(std::memory_order_relaxed);
}

int Engine::alignmentDelay(int channel) const {
    if (channel < 0 || channel >= m_config.inputs)
        return 0;
    const std::size_t key = std::size_t(m_config.inputs + m_config.buses + 1 + channel);
    return m_latencies[key].load(std::memory_order_relaxed);
}

bool Engine::rt_applyInsertCommand(const Command& c) noexcept {
    InsertSlot* slot = slotOf(c.target, c.index, c.sub);
    if (!slot || (c.target == Target::Fx && c.param != Param::InsertOn))
        return false; // an FX slot has no position or order
    switch (c.param) {
    case Param::InsertOn:
        slot->rt_setOn(c.value >= 0.5f);
        return true;
    case Param::InsertPosition:
        slot->rt_setPosition(c.value >= 0.5f ? InsertPosition::PostEq : InsertPosition::PreEq);
        return true;
    case Param::InsertSwap: {
        const int other = static_cast<int>(c.value);
        if (other < 0 || other >= kInsertSlots)
            return false;
        rackOf(c.target, c.index)->rt_swap(c.sub, other);
        return true;
    }
    default:
        return false;
    }
}

bool Engine::rt_applySolo(const Command& c) noexcept {
    StripParams* p = nullptr;
    if (c.target == Target::Channel && c.index < m_config.inputs) {
        p = &m_channelParams[c.index];
        m_channelDirty[c.index] |= kGainsDirty;
    } else if (c.target == Target::Bus && c.index < m_config.buses) {
        p = &m_busParams[c.index];
        m_busDirty[c.index] |= kGainsDirty;
    } else if (c.target == Target::FxReturn && c.index < kFxSlots) {
        p = &m_returnParams[c.index];
        m_returnDirty[c.index] |= kGainsDirty;
    }
    if (!p)
        return false;
    const bool solo = c.value >= 0.5f;
    m_soloedStrips += int(solo) - int(p->solo);
    p->solo = solo;
    m_anyDirty = true;
    return true;
}

// After main: the monitor pair hears main, or the solo bus (mono, both
// sides) once anything is soloed.
void Engine::rt_writeMonitor(float* left, float* right, int frames) noexcept {
    const float goal = m_soloedStrips > 0 ? 1.0f : 0.0f;
    if (goal > 0.0f || m_monitorSolo > 0.0f) {
        std::memset(&m_acc, 0, sizeof(LaneBlock));
        for (const StripGroup& group : m_channelGroups)
            group.rt_mixSolo(frames, m_acc);
        for (const StripGroup& group : m_busGroups)
            group.rt_mixSolo(frames, m_acc);
        m_fxRack.returns().rt_mixSolo(frames, m_acc);
        for (int i = 0; i < frames; ++i)
            m_soloMono[i] = dsp::sumLanes(m_acc.s[i]);
    }
    const LaneBlock& main = m_mainGroup.lastOutput();
    const float step = goal > m_monitorSolo ? m_monitorStep : -m_monitorStep;
    for (int i = 0; i < frames; ++i) {
        if (m_monitorSolo != goal)
            m_monitorSolo = std::clamp(m_monitorSolo + step, 0.0f, 1.0f);
        if (left)
            left[i] = main.s[i][0] + m_monitorSolo * (m_soloMono[i] - main.s[i][0]);
        if (right)
            right[i] = main.s[i][1] + m_monitorSolo * (m_soloMono[i] - main.s[i][1]);
    }
}

// Every channel is delayed to the latency of the slowest channel's inserts,
// so that paths summed on a bus or main stay aligned to the sample. Buses
// and main are not summed with each other: their own latency is reported,
// not compensated.
void Engine::rt_alignChannels() noexcept {
    m_insertEvents.latencyChanged = false;
    int slowest = 0;
    for (int ch = 0; ch < m_config.inputs; ++ch)
        slowest = std::max(slowest, rackOf(Target::Channel, ch)->latency());
    slowest = std::min(slowest, kMaxInsertLatency);
    for (int ch = 0; ch < m_config.inputs; ++ch) {
        const int own = rackOf(Target::Channel, ch)->latency();
        const int align = std::max(0, slowest - own);
        m_channelGroups[std::size_t(ch / kLanes)].rt_setAlignmentDelay(ch % kLanes, align);
        m_latencies[std::size_t(ch)].store(own, std::memory_order_relaxed);
        m_latencies[std::size_t(m_config.inputs + m_config.buses + 1 + ch)].store(
            align, std::memory_order_relaxed);
    }
    for (int b = 0; b < m_config.buses; ++b)
        m_latencies[std::size_t(m_config.inputs + b)].store(rackOf(Target::Bus, b)->latency(),
                                                            std::memory_order_relaxed);
    m_latencies[std::size_t(m_config.inputs + m_config.buses)].store(
        rackOf(Target::Main, 0)->latency(), std::memory_order_relaxed);
    for (int k = 0; k < kFxSlots; ++k)
        m_latencies[std::size_t(latencyKey(Target::Fx, k))].store(m_fxRack.slot(k)->latency(),
                                                                  std::memory_order_relaxed);
}

namespace {
// Parameters that only change gains: a strip changing these needs no new
// filter coefficients.
bool changesGainsOnly(Param p) {
    switch (p) {
    case Param::Trim:
    case Param::Invert:
    case Param::Pan:
    case Param::Fader:
    case Param::On:
    case Param::MainOn:
    case Param::SendLevel:
    case Param::SendOn:
    case Param::SendTap:
    case Param::DcaMask:
    case Param::MuteGroupMask:
        return true;
    default:
        return false;
    }
}
} // namespace

bool Engine::rt_apply(const Command& c) noexcept {
    if (soundcheck::Soundcheck::handles(c))
        return m_soundcheck.rt_apply(c);
    if (c.param == Param::FxSource)
        return c.target == Target::Fx && m_fxRack.rt_setSource(c.index, c.value);
    if (c.param == Param::InsertOn || c.param == Param::InsertPosition ||
        c.param == Param::InsertSwap)
        return rt_applyInsertCommand(c);
    if (c.param == Param::Solo)
        return rt_applySolo(c);
    if (c.param == Param::Fader || c.param == Param::SendLevel)
        return rt_applyLevel(c);
    const std::uint8_t dirty = changesGainsOnly(c.param) ? kGainsDirty : kAllDirty;
    const bool sendParam = c.param == Param::SendOn || c.param == Param::SendTap;
    if (sendParam && c.target != Target::Channel && c.target != Target::FxReturn)
        return false; // only channels and FX returns have sends
    switch (c.target) {
    case Target::Channel:
        if (c.index >= m_config.inputs || !m_channelParams[c.index].apply(c.param, c.sub, c.value))
            return false;
        m_channelDirty[c.index] |= dirty;
        break;
    case Target::Bus:
        if (c.index >= m_config.buses || !m_busParams[c.index].apply(c.param, c.sub, c.value))
            return false;
        m_busDirty[c.index] |= dirty;
        break;
    case Target::FxReturn:
        if (c.index >= kFxSlots || !FxRack::returnTakes(c.param) ||
            !m_returnParams[c.index].apply(c.param, c.sub, c.value))
            return false;
        m_returnDirty[c.index] |= dirty;
        break;
    case Target::Main:
        if (!m_mainParams.apply(c.param, c.sub, c.value))
            return false;
        m_mainDirty |= dirty;
        break;
    case Target::Dca: {
        if (c.index >= kDcaCount || c.param != Param::On)
            return false;
        const std::uint32_t bit = 1u << c.index;
        m_dcaMutedMask = c.value >= 0.5f ? (m_dcaMutedMask & ~bit) : (m_dcaMutedMask | bit);
        markMembersDirty();
        break;
    }
    case Target::MuteGroup: {
        if (c.index >= kMuteGroupCount || c.param != Param::On)
            return false;
        const std::uint32_t bit = 1u << c.index;
        m_muteGroupsOn = c.value >= 0.5f ? (m_muteGroupsOn | bit) : (m_muteGroupsOn & ~bit);
        markMembersDirty();
        break;
    }
    case Target::Engine:
        if (c.param != Param::ResetStats)
            return false;
        m_timedBlocks.store(0, std::memory_order_relaxed);
        m_totalNs.store(0, std::memory_order_relaxed);
        m_minNs.store(~0ull, std::memory_order_relaxed);
        m_maxNs.store(0, std::memory_order_relaxed);
        m_xruns.store(0, std::memory_order_relaxed);
        return true;
    case Target::Soundcheck: // handled above
    case Target::Fx:         // InsertOn and FxSource, handled above
        return false;
    }
    m_anyDirty = true;
    return true;
}

// Faders and send levels: set at once, or faded over the command's time.
bool Engine::rt_applyLevel(const Command& c) noexcept {
    int key = -1;
    switch (c.target) {
    case Target::Channel:
        if (c.index >= m_config.inputs)
            return false;
        if (c.param == Param::Fader)
            key = m_fades.channelFader(c.index);
        else if (c.sub < m_config.buses)
            key = m_fades.channelSend(c.index, c.sub);
        break;
    case Target::Bus:
        if (c.index < m_config.buses && c.param == Param::Fader)
            key = m_fades.busFader(c.index);
        break;
    case Target::Main:
        if (c.param == Param::Fader)
            key = m_fades.mainFader();
        break;
    case Target::Dca:
        if (c.index < kDcaCount && c.param == Param::Fader)
            key = m_fades.dcaFader(c.index);
        break;
    case Target::FxReturn:
        if (c.index >= kFxSlots)
            return false;
        if (c.param == Param::Fader)
            key = m_fades.returnFader(c.index);
        else if (c.sub < m_config.buses)
            key = m_fades.returnSend(c.index, c.sub);
        break;
    default:
        break;
    }
    if (key < 0)
        return false;
    float* level = levelOf(key);
    const float from = *level;
    StripParams clamp; // the strip's own range check, on a scratch copy
    clamp.apply(Param::Fader, 0, c.value);
    if (c.fadeCentiseconds > 0) {
        const auto samples = std::uint32_t(double(c.fadeCentiseconds) * 0.01 * m_config.sampleRate);
        m_fades.rt_start(key, from, clamp.faderDb, samples);
    } else {
        m_fades.rt_cancel(key);
        *level = clamp.faderDb;
    }
    markDirty(key);
    return true;
}

float* Engine::levelOf(int key) noexcept {
    const int perChannel = 1 + m_config.buses;
    if (key >= m_fades.returnFader(0)) {
        const int offset = key - m_fades.returnFader(0);
        StripParams& p = m_returnParams[std::size_t(offset / perChannel)];
        const int slot = offset % perChannel;
        return slot == 0 ? &p.faderDb : &p.sends[std::size_t(slot - 1)].levelDb;
    }
    if (key < m_config.inputs * perChannel) {
        StripParams& p = m_channelParams[std::size_t(key / perChannel)];
        const int slot = key % perChannel;
        return slot == 0 ? &p.faderDb : &p.sends[std::size_t(slot - 1)].levelDb;
    }
    if (key < m_fades.mainFader())
        return &m_busParams[std::size_t(key - m_fades.busFader(0))].faderDb;
    if (key == m_fades.mainFader())
        return &m_mainParams.faderDb;
    return &m_dcaFaderDb[std::size_t(key - m_fades.dcaFader(0))];
}

void Engine::markDirty(int key) noexcept {
    const int perChannel = 1 + m_config.buses;
    if (key >= m_fades.returnFader(0))
        m_returnDirty[std::size_t((key - m_fades.returnFader(0)) / perChannel)] |= kGainsDirty;
    else if (key < m_config.inputs * perChannel)
        m_channelDirty[std::size_t(key / perChannel)] |= kGainsDirty;
    else if (key < m_fades.mainFader())
        m_busDirty[std::size_t(key - m_fades.busFader(0))] |= kGainsDirty;
    else if (key == m_fades.mainFader())
        m_mainDirty |= kGainsDirty;
    else
        markMembersDirty(); // a DCA
    m_anyDirty = true;
}

// Channels and FX returns: the strips that DCAs and mute groups act on.
void Engine::markMembersDirty() noexcept {
    for (auto& d : m_channelDirty)
        d |= kGainsDirty;
    for (auto& d : m_returnDirty)
        d |= kGainsDirty;
}

StripTargets Engine::stripTargets(const StripParams& p, int fadeKey) const noexcept {
    return {std::max(p.faderDb, dsp::kSilenceDb), !p.on, m_fades.rt_fading(fadeKey), 0};
}

// A channel or an FX return: its own fader and mute with its DCAs' and mute
// groups'. Its sends' fade keys follow its fader's.
StripTargets Engine::memberTargets(const StripParams& p, int faderKey) const noexcept {
    StripTargets t = stripTargets(p, faderKey);
    for (int d = 0; d < kDcaCount; ++d) {
        if (p.dcaMask & (1u << d)) {
            t.faderDb += m_dcaFaderDb[d];
            t.faderFading = t.faderFading || m_fades.rt_fading(m_fades.dcaFader(d));
        }
    }
    t.faderDb = std::max(t.faderDb, dsp::kSilenceDb);
    t.muted =
        t.muted || (p.dcaMask & m_dcaMutedMask) != 0 || (p.muteGroupMask & m_muteGroupsOn) != 0;
    if (m_fades.rt_any())
        for (int b = 0; b < m_config.buses; ++b)
            if (m_fades.rt_fading(faderKey + 1 + b))
                t.sendsFading |= 1u << b;
    return t;
}

void Engine::rt_refreshTargets() noexcept {
    if (!m_anyDirty)
        return;
    m_anyDirty = false;
    for (int ch = 0; ch < m_config.inputs; ++ch) {
        const std::uint8_t dirty = m_channelDirty[std::size_t(ch)];
        if (!dirty)
            continue;
        m_channelDirty[std::size_t(ch)] = 0;
        StripGroup& group = m_channelGroups[std::size_t(ch / kLanes)];
        const StripParams& p = m_channelParams[std::size_t(ch)];
        group.rt_setGainTargets(ch % kLanes, p, memberTargets(p, m_fades.channelFader(ch)));
        if (dirty & ~kGainsDirty)
            group.rt_setProcessingTargets(ch % kLanes, p);
    }
    for (int b = 0; b < m_config.buses; ++b) {
        const std::uint8_t dirty = m_busDirty[std::size_t(b)];
        if (!dirty)
            continue;
        m_busDirty[std::size_t(b)] = 0;
        StripGroup& group = m_busGroups[std::size_t(b / kLanes)];
        const StripParams& p = m_busParams[std::size_t(b)];
        group.rt_setGainTargets(b % kLanes, p, stripTargets(p, m_fades.busFader(b)));
        if (dirty & ~kGainsDirty)
            group.rt_setProcessingTargets(b % kLanes, p);
    }
    if (m_mainDirty) {
        for (int lane = 0; lane < 2; ++lane) {
            m_mainGroup.rt_setGainTargets(lane, m_mainParams,
                                          stripTargets(m_mainParams, m_fades.mainFader()));
            if (m_mainDirty & ~kGainsDirty)
                m_mainGroup.rt_setProcessingTargets(lane, m_mainParams);
        }
        m_mainDirty = 0;
    }
    for (int k = 0; k < kFxSlots; ++k) {
        const std::uint8_t dirty = m_returnDirty[std::size_t(k)];
        if (!dirty)
            continue;
        m_returnDirty[std::size_t(k)] = 0;
        const StripParams& p = m_returnParams[std::size_t(k)];
        const StripTargets t = memberTargets(p, m_fades.returnFader(k));
        for (int lane = 2 * k; lane < 2 * k + 2; ++lane) {
            m_fxRack.returns().rt_setGainTargets(lane, p, t);
            if (dirty & ~kGainsDirty)
                m_fxRack.returns().rt_setProcessingTargets(lane, p);
        }
    }
}

void Engine::rt_process(const float* const* inputs, int inputCount, float* const* outputs,
                        int outputCount, int frames) noexcept {
    rt::AudioThreadScope audioThread;
    const auto started = std::chrono::steady_clock::now();

    std::uint64_t rejected = 0;
    const std::size_t applied = m_commands.consumeAll([&](const Command& c) {
        if (!rt_apply(c))
            ++rejected;
    });
    if (applied) {
        // The log first: a reader that sees the counters move finds the record.
        m_appliedLog.tryPush({m_block, static_cast<std::uint32_t>(applied)});
        m_commandsApplied.fetch_add(applied - rejected, std::memory_order_relaxed);
        m_commandsRejected.fetch_add(rejected, std::memory_order_relaxed);
    }

    m_insertHandovers.consumeAll([this](const InsertHandover& h) {
        slotOf(h.target, h.index, h.slot)->rt_accept(h.occupant, m_insertEvents);
    });

    m_soundcheck.rt_beginBlock(m_samplePosition);
    const float* laneInputs[kLanes];
    float* laneOutputs[kLanes];
    auto outputAt = [&](int channel, int offset) -> float* {
        return channel < outputCount && outputs[channel] ? outputs[channel] + offset : nullptr;
    };

    for (int offset = 0; offset < frames; offset += dsp::kSubBlock) {
        const int n = std::min(dsp::kSubBlock, frames - offset);
        m_fades.rt_advance(n, [this](int key, float db) {
            *levelOf(key) = db;
            markDirty(key);
        });
        rt_refreshTargets();
        if (m_insertEvents.latencyChanged)
            rt_alignChannels();
        // What each channel hears, when the soundcheck changes it (playback).
        const float* const* heard = m_soundcheck.rt_channelInputs(inputs, inputCount, offset, n);
        LaneBlock* postPreamp = m_soundcheck.rt_wantsPostPreamp() ? m_postPreamp.data() : nullptr;
        for (std::size_t g = 0; g < m_channelGroups.size(); ++g) {
            for (int l = 0; l < kLanes; ++l) {
                const int ch = static_cast<int>(g) * kLanes + l;
                if (ch >= m_config.inputs)
                    laneInputs[l] = m_silence.data();
                else if (heard)
                    laneInputs[l] = heard[ch];
                else
                    laneInputs[l] =
                        ch < inputCount && inputs[ch] ? inputs[ch] + offset : m_silence.data();
            }
            m_channelGroups[g].rt_processChannels(laneInputs, n,
                                                  postPreamp ? postPreamp + g : nullptr);
        }
        m_soundcheck.rt_afterChannels(postPreamp, n);

        for (int bus = 0; bus < m_config.buses; ++bus) {
            std::memset(&m_acc, 0, sizeof(LaneBlock));
            for (const StripGroup& group : m_channelGroups)
                group.rt_mixBus(bus, n, m_acc);
            LaneBlock& sums = m_busSums[std::size_t(bus / kLanes)];
            for (int i = 0; i < n; ++i)
                sums.s[i][bus % kLanes] = dsp::sumLanes(m_acc.s[i]);
        }
        m_soundcheck.rt_addToBuses(m_busSums, n);
        m_fxRack.rt_addDelayedSends(m_busSums, n);
        for (std::size_t g = 0; g < m_busGroups.size(); ++g) {
            for (int l = 0; l < kLanes; ++l) {
                const int bus = static_cast<int>(g) * kLanes + l;
                laneOutputs[l] = bus < m_config.buses ? outputAt(busOutput(bus), offset) : nullptr;
            }
            m_busGroups[g].rt_processSums(m_busSums[g], n, laneOutputs);
        }
        m_fxRack.rt_process(m_busGroups, n);

        std::memset(&m_acc, 0, sizeof(LaneBlock));
        std::memset(&m_accRight, 0, sizeof(LaneBlock));
        for (const StripGroup& group : m_channelGroups)
            group.rt_mixMain(n, m_acc, m_accRight);
        m_fxRack.returns().rt_mixMain(n, m_acc, m_accRight);
        for (int i = 0; i < n; ++i) {
            m_mainSums.s[i][0] = dsp::sumLanes(m_acc.s[i]);
            m_mainSums.s[i][1] = dsp::sumLanes(m_accRight.s[i]);
        }
        m_soundcheck.rt_addToMain(m_mainSums, n);
        laneOutputs[0] = outputAt(kMainLeftOutput, offset);
        laneOutputs[1] = outputAt(kMainRightOutput, offset);
        m_mainGroup.rt_processSums(m_mainSums, n, laneOutputs);
        rt_writeMonitor(outputAt(monitorOutput(m_config, 0), offset),
                        outputAt(monitorOutput(m_config, 1), offset), n);
    }

    for (int ch = outputChannels(); ch < outputCount; ++ch)
        if (outputs[ch])
            std::memset(outputs[ch], 0, sizeof(float) * static_cast<std::size_t>(frames));

    m_soundcheck.rt_endBlock(inputs, inputCount, outputs, outputCount, frames);
    m_samplePosition += static_cast<std::uint64_t>(frames);
    rt_publishMeters();
    ++m_block;
    m_blocks.store(m_block, std::memory_order_relaxed);
    rt_recordTiming(static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                                   std::chrono::steady_clock::now() - started)
                                                   .count()));
}

void Engine::rt_publishMeters() noexcept {
    MeterSnapshot& s = m_meters.back();
    for (int ch = 0; ch < m_config.inputs; ++ch)
        s.channels[ch] = meterPoint(m_channelGroups[ch / kLanes].meters(), ch % kLanes);
    for (int b = 0; b < m_config.buses; ++b)
        s.buses[b] = meterPoint(m_busGroups[b / kLanes].meters(), b % kLanes);
    s.mainLeft = meterPoint(m_mainGroup.meters(), 0);
    s.mainRight = meterPoint(m_mainGroup.meters(), 1);
    for (int k = 0; k < kFxSlots; ++k)
        for (int side = 0; side < 2; ++side)
            s.fxReturns[std::size_t(k)][std::size_t(side)] =
                meterPoint(m_fxRack.returns().meters(), 2 * k + side);
    s.block = m_block;
    m_meters.publish();
}

void Engine::rt_recordTiming(std::uint64_t ns) noexcept {
    m_timedBlocks.fetch_add(1, std::memory_order_relaxed);
    m_totalNs.fetch_add(ns, std::memory_order_relaxed);
    if (ns < m_minNs.load(std::memory_order_relaxed))
        m_minNs.store(ns, std::memory_order_relaxed);
    if (ns > m_maxNs.load(std::memory_order_relaxed))
        m_maxNs.store(ns, std::memory_order_relaxed);
}

const MeterSnapshot& Engine::readMeters() {
    m_meters.update();
    return m_meters.front();
}

EngineStats Engine::stats() const {
    EngineStats s;
    s.blocks = m_blocks.load(std::memory_order_relaxed);
    s.xruns = m_xruns.load(std::memory_order_relaxed);
    s.commandsApplied = m_commandsApplied.load(std::memory_order_relaxed);
    s.commandsRejected = m_commandsRejected.load(std::memory_order_relaxed);
    const std::uint64_t timed = m_timedBlocks.load(std::memory_order_relaxed);
    if (timed) {
        s.minCallbackUs = static_cast<double>(m_minNs.load(std::memory_order_relaxed)) / 1000.0;
        s.maxCallbackUs = static_cast<double>(m_maxNs.load(std::memory_order_relaxed)) / 1000.0;
        s.meanCallbackUs = static_cast<double>(m_totalNs.load(std::memory_order_relaxed)) / 1000.0 /
                           static_cast<double>(timed);
    }
    return s;
}

} // namespace stagedesk::engine
