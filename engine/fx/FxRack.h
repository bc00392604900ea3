#pragma once
// The FX rack: kFxSlots effect slots, each fed by a mix bus and returning on
// a stereo return strip, as on an X32.
//
// - Slot k holds a stereo InsertProcessor (channels() == 2), handed over with
//   Engine::postInsert(Target::Fx, k, 0, processor) and retired like an
//   insert's. Its source (Param::FxSource: a 0-based mix bus, or -1 = none,
//   the default) feeds it that bus's post-fader output, the signal the bus
//   output carries, as both its left and its right input.
// - The slot's output is wet only. Where the slot is empty, off
//   (Param::InsertOn 0), faulted (non-finite output or repeated overruns:
//   bypassed and reported as an InsertFault with Target::Fx, as inserts are)
//   or has no source, its return hears silence. Every change between heard
//   and silent cross-fades over kInsertCrossfadeMs (InsertSlot with
//   SlotDry::Silence); a slot that loses its source goes on hearing the bus
//   until it has faded out. A change from one bus to another is immediate.
// - Return k is lanes 2k (left) and 2k+1 (right) of one StripGroup of kind
//   FxReturn, taking Target::FxReturn commands for both lanes: EQ, pan as a
//   balance (left at 1 - p for p > 0, right at 1 + p for p < 0, the left
//   side going to main left only and the right side to main right only),
//   fader, on, main assign, sends (each side at half level: the mono sum
//   (L + R) / 2 at the send's level), DCA and mute-group masks, solo (PFL,
//   also (L + R) / 2).
// - Timing: every sub-block, the slots run after the mix buses have been
//   processed and the returns mix into main LR in the same sub-block (no
//   added latency on main). Their sends into the mix buses arrive exactly
//   dsp::kSubBlock samples later, whatever the callback's frame count
//   (SubBlockDelay): this sub-block's buses are already done. The same delay
//   keeps a bus -> FX -> return -> same bus loop (feedback, as on any desk)
//   well defined.
// - The latency a processor reports is shown (Engine::insertLatency) but not
//   compensated: the wet path of a reverb or delay is not aligned to the dry
//   signal, as on an X32.
//
// All memory is allocated at construction; the audio thread only moves data.

#include "../StripGroup.h"
#include "../inserts/InsertSlot.h"
#include "SubBlockDelay.h"

#include <array>
#include <vector>

namespace stagedesk::engine {

static_assert(2 * kFxSlots <= kLanes, "the FX returns' sides are the lanes of one group");

class FxRack {
public:
    FxRack(int buses, double sampleRate, InsertEvents& events);

    // Slot k, or nullptr if there is none.
    InsertSlot* slot(int k) noexcept;
    // Param::FxSource: false for a value that is neither -1 nor a mix bus.
    bool rt_setSource(int k, float value) noexcept;
    // Whether a return strip takes this strip parameter.
    static bool returnTakes(Param p) noexcept;

    // The return strips (lanes 2k, 2k+1); the engine sets their targets,
    // mixes them into main and into the solo bus, and reads their meters.
    StripGroup& returns() noexcept { return m_returns; }
    const StripGroup& returns() const noexcept { return m_returns; }

    // Before the buses are processed: adds the returns' sends of kSubBlock
    // samples ago to the bus sums (one LaneBlock per group of kLanes buses).
    void rt_addDelayedSends(std::vector<dsp::LaneBlock>& busSums, int frames) noexcept;
    // After the buses are processed: runs every slot on its source bus's
    // output and the return strips on the slots' outputs, and keeps their
    // sends for the buses of the sub-blocks to come.
    void rt_process(const std::vector<StripGroup>& busGroups, int frames) noexcept;

    // Frees every occupant (the engine's destruction).
    void release() noexcept;

private:
    void rt_keepSends(int frames) noexcept;

    int m_buses;
    InsertEvents* m_events;
    std::array<InsertSlot, kFxSlots> m_slots;
    std::array<int, kFxSlots> m_source; // as set: a bus or -1
    // The bus feeding the slot: its source, or the one it had until its
    // output has faded out (so that losing the source fades, not cuts).
    std::array<int, kFxSlots> m_feed;
    StripGroup m_returns;
    float m_returnInputs[kLanes][dsp::kSubBlock] = {}; // lanes past 2 * kFxSlots stay silent
    float m_dry[2][dsp::kSubBlock];                    // the slots' scratch
    dsp::LaneBlock m_sendAcc;
    std::vector<dsp::LaneBlock> m_sendSums; // per group of kLanes buses
    std::vector<SubBlockDelay> m_sendDelays;
};

} // namespace stagedesk::engine
