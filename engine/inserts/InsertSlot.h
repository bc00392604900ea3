#pragma once
// One insert slot of a strip: its occupant, bypass and position, the
// cross-fade between the dry and the processed signal, and the automatic
// bypass of an occupant whose output is not finite or that overruns its share
// of the block again and again. Audio thread only, apart from construction.

#include "InsertEvents.h"
#include "InsertTypes.h"

#include <cstdint>

namespace stagedesk::engine {

// What a slot lets through where its occupant is not heard (empty, off,
// faulted, unfed) and what it cross-fades from: the dry signal (an insert) or
// silence (an FX rack slot, whose output is wet only).
enum class SlotDry : std::uint8_t { Signal, Silence };

class InsertSlot {
public:
    InsertSlot() = default;
    explicit InsertSlot(SlotDry dry) : m_dry(dry) {}

    // A new occupant (nullptr: empty the slot). The current one fades out
    // first and is retired; an earlier replacement that never ran is retired
    // at once.
    void rt_accept(InsertOccupant* next, InsertEvents& events) noexcept;
    // On again also clears an automatic bypass.
    void rt_setOn(bool on) noexcept;
    void rt_setPosition(InsertPosition p) noexcept { m_position = p; }
    // FX rack slots: whether a mix bus feeds the slot. Unfed, it fades out
    // as when off, without touching its on switch or an automatic bypass.
    void rt_setFed(bool fed) noexcept { m_fed = fed; }

    InsertPosition position() const noexcept { return m_position; }
    bool occupied() const noexcept { return m_occupant != nullptr; }
    // The occupant's output is heard, if only partly (fading).
    bool audible() const noexcept { return m_occupant && m_wet > 0.0f; }
    int latency() const noexcept { return m_occupant ? m_occupant->latency : 0; }

    // io: the strip's channels, processed in place (an empty slot leaves them
    // alone, or silences them with SlotDry::Silence). dry: scratch of the
    // same shape. fault: who this slot is, for the report.
    void rt_process(float* const* io, float* const* dry, int channels, int frames,
                    InsertEvents& events, const InsertFault& fault) noexcept;

    // Frees the occupants (engine destruction, off the audio thread).
    void release() noexcept;

private:
    void rt_delayDry(float* const* signal, int channels, int frames) noexcept;
    // The signal heard where the occupant is not: io itself (delayed by the
    // occupant's latency) or silence.
    void rt_passDry(float* const* io, int channels, int frames) noexcept;
    void rt_retireIfFadedOut(InsertEvents& events) noexcept;
    void rt_bypassOnFault(InsertEvents& events, InsertFault fault, InsertFaultKind kind) noexcept;

    InsertOccupant* m_occupant = nullptr;
    InsertOccupant* m_next = nullptr; // waits for the occupant to fade out
    bool m_replacing = false;         // m_next is meant (even when null)
    SlotDry m_dry = SlotDry::Signal;
    bool m_on = true;
    bool m_fed = true;
    bool m_faulted = false;
    InsertPosition m_position = InsertPosition::PostEq;
    float m_wet = 0.0f; // the processed signal's share of the output, 0..1
    int m_overruns = 0; // leaky count of runs over budget
};

} // namespace stagedesk::engine
