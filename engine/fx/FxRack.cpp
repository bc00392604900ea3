#include "FxRack.h"

#include <cstring>

namespace stagedesk::engine {

FxRack::FxRack(int buses, double sampleRate, InsertEvents& events)
    : m_buses(buses), m_events(&events),
      m_returns(StripGroup::Kind::FxReturn, 0, 2 * kFxSlots, buses, sampleRate, events),
      m_sendSums(std::size_t((buses + kLanes - 1) / kLanes)), m_sendDelays(m_sendSums.size()) {
    InsertSlot unfed(SlotDry::Silence); // wet only, and no source yet
    unfed.rt_setFed(false);
    m_slots.fill(unfed);
    m_source.fill(-1);
    m_feed.fill(-1);
}

InsertSlot* FxRack::slot(int k) noexcept {
    return k >= 0 && k < kFxSlots ? &m_slots[std::size_t(k)] : nullptr;
}

bool FxRack::rt_setSource(int k, float value) noexcept {
    const int bus = value >= 0.0f ? static_cast<int>(value + 0.5f) : -1;
    if (!slot(k) || !(value >= -1.0f) || bus >= m_buses) // !(>=) also refuses NaN
        return false;
    m_source[std::size_t(k)] = bus;
    if (bus >= 0)
        m_feed[std::size_t(k)] = bus;
    m_slots[std::size_t(k)].rt_setFed(bus >= 0);
    return true;
}

bool FxRack::returnTakes(Param p) noexcept {
    switch (p) {
    case Param::EqOn:
    case Param::EqBandOn:
    case Param::EqBandType:
    case Param::EqBandFreq:
    case Param::EqBandGain:
    case Param::EqBandQ:
    case Param::Pan:
    case Param::Fader:
    case Param::On:
    case Param::MainOn:
    case Param::SendLevel:
    case Param::SendOn:
    case Param::SendTap:
    case Param::DcaMask:
    case Param::MuteGroupMask:
    case Param::Solo:
        return true;
    default:
        return false;
    }
}

void FxRack::rt_addDelayedSends(std::vector<dsp::LaneBlock>& busSums, int frames) noexcept {
    for (std::size_t g = 0; g < m_sendDelays.size(); ++g)
        m_sendDelays[g].rt_addTo(busSums[g], frames);
}

void FxRack::rt_process(const std::vector<StripGroup>& busGroups, int frames) noexcept {
    float* dry[2] = {m_dry[0], m_dry[1]};
    for (int k = 0; k < kFxSlots; ++k) {
        float* io[2] = {m_returnInputs[2 * k], m_returnInputs[2 * k + 1]};
        InsertSlot& slot = m_slots[std::size_t(k)];
        int& bus = m_feed[std::size_t(k)];
        if (m_source[std::size_t(k)] < 0 && !slot.audible())
            bus = -1;
        if (bus >= 0) {
            const dsp::LaneBlock& out = busGroups[std::size_t(bus / kLanes)].lastOutput();
            for (int i = 0; i < frames; ++i)
                io[0][i] = io[1][i] = out.s[i][bus % kLanes];
        } else {
            std::memset(io[0], 0, sizeof(float) * std::size_t(frames));
            std::memset(io[1], 0, sizeof(float) * std::size_t(frames));
        }
        slot.rt_process(io, dry, 2, frames, *m_events, {Target::Fx, std::uint16_t(k), 0, {}});
    }
    const float* laneInputs[kLanes];
    for (int l = 0; l < kLanes; ++l)
        laneInputs[l] = m_returnInputs[l];
    m_returns.rt_processChannels(laneInputs, frames);
    rt_keepSends(frames);
}

// Each bus's share of the returns' sends, summed over the lanes, into the
// delay that hands it to the buses' next sub-blocks.
void FxRack::rt_keepSends(int frames) noexcept {
    for (int bus = 0; bus < m_buses; ++bus) {
        std::memset(&m_sendAcc, 0, sizeof(dsp::LaneBlock));
        m_returns.rt_mixBus(bus, frames, m_sendAcc);
        dsp::LaneBlock& sums = m_sendSums[std::size_t(bus / kLanes)];
        for (int i = 0; i < frames; ++i)
            sums.s[i][bus % kLanes] = dsp::sumLanes(m_sendAcc.s[i]);
    }
    for (std::size_t g = 0; g < m_sendDelays.size(); ++g)
        m_sendDelays[g].rt_write(m_sendSums[g], frames);
}

void FxRack::release() noexcept {
    for (InsertSlot& s : m_slots)
        s.release();
}

} // namespace stagedesk::engine
