#include "InsertSlot.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

namespace stagedesk::engine {

namespace {
// An occupant may take this share of the real time its samples last; past it
// a run counts as an overrun. Runs within budget pay back one overrun each,
// so only an occupant that overruns again and again is bypassed.
constexpr double kRunBudgetShare = 0.25;
constexpr int kOverrunLimit = 8;

bool allFinite(const float* const* io, int channels, int frames) {
    // Summing keeps the loop branch-free: a NaN or an infinity anywhere makes
    // the sum non-finite (the processed signal's magnitude keeps it finite
    // otherwise).
    float sum = 0.0f;
    for (int c = 0; c < channels; ++c)
        for (int i = 0; i < frames; ++i)
            sum += io[c][i] * 0.0f;
    return sum == 0.0f;
}
} // namespace

void InsertSlot::rt_accept(InsertOccupant* next, InsertEvents& events) noexcept {
    if (!m_occupant) {
        m_occupant = next; // fades in from dry
        m_faulted = false;
        m_overruns = 0;
        events.latencyChanged = true;
        return;
    }
    if (m_replacing && m_next)
        events.retired.tryPush(m_next); // never ran; cannot fail (InsertEvents)
    m_next = next;
    m_replacing = true;
}

void InsertSlot::rt_setOn(bool on) noexcept {
    m_on = on;
    if (on) {
        m_faulted = false;
        m_overruns = 0;
    }
}

void InsertSlot::rt_delayDry(float* const* signal, int channels, int frames) noexcept {
    const int latency = m_occupant->latency;
    if (latency == 0)
        return;
    int position = 0;
    for (int c = 0; c < channels; ++c) {
        float* ring = m_occupant->dryDelay.data() + std::size_t(c) * std::size_t(latency);
        position = m_occupant->dryPosition;
        for (int i = 0; i < frames; ++i) {
            const float delayed = ring[position];
            ring[position] = signal[c][i];
            signal[c][i] = delayed;
            position = position + 1 == latency ? 0 : position + 1;
        }
    }
    m_occupant->dryPosition = position;
}

void InsertSlot::rt_passDry(float* const* io, int channels, int frames) noexcept {
    if (m_dry == SlotDry::Signal) {
        rt_delayDry(io, channels, frames);
        return;
    }
    for (int c = 0; c < channels; ++c)
        std::memset(io[c], 0, sizeof(float) * std::size_t(frames));
}

void InsertSlot::rt_retireIfFadedOut(InsertEvents& events) noexcept {
    if (!m_replacing || m_wet > 0.0f)
        return;
    events.retired.tryPush(m_occupant); // cannot fail (InsertEvents)
    m_occupant = m_next;
    m_next = nullptr;
    m_replacing = false;
    m_faulted = false;
    m_overruns = 0;
    events.latencyChanged = true;
}

void InsertSlot::rt_bypassOnFault(InsertEvents& events, InsertFault fault,
                                  InsertFaultKind kind) noexcept {
    m_faulted = true;
    fault.kind = kind;
    events.faults.tryPush(fault);
}

void InsertSlot::rt_process(float* const* io, float* const* dry, int channels, int frames,
                            InsertEvents& events, const InsertFault& fault) noexcept {
    if (!m_occupant) {
        if (m_dry == SlotDry::Silence)
            rt_passDry(io, channels, frames);
        return;
    }
    const float target = m_on && m_fed && !m_faulted && !m_replacing ? 1.0f : 0.0f;
    if (m_wet == 0.0f && target == 0.0f) {
        // Bypassed: the processor rests, the signal keeps its latency so that
        // nothing moves in time when the slot is switched.
        rt_passDry(io, channels, frames);
        rt_retireIfFadedOut(events);
        return;
    }

    if (m_dry == SlotDry::Signal) // silence needs no copy
        for (int c = 0; c < channels; ++c)
            std::memcpy(dry[c], io[c], sizeof(float) * std::size_t(frames));
    rt_passDry(dry, channels, frames);

    const auto started = std::chrono::steady_clock::now();
    m_occupant->processor->rt_run(io, frames);
    const double ns = static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                              std::chrono::steady_clock::now() - started)
                                              .count());

    if (!allFinite(io, channels, frames)) {
        // No fade from a broken signal: straight to dry.
        for (int c = 0; c < channels; ++c)
            std::memcpy(io[c], dry[c], sizeof(float) * std::size_t(frames));
        m_wet = 0.0f;
        rt_bypassOnFault(events, fault, InsertFaultKind::NonFiniteOutput);
        rt_retireIfFadedOut(events);
        return;
    }
    if (ns > kRunBudgetShare * events.nanosecondsPerFrame * frames) {
        if (++m_overruns >= kOverrunLimit && !m_faulted)
            rt_bypassOnFault(events, fault, InsertFaultKind::Overrun); // fades out from next block
    } else if (m_overruns > 0) {
        --m_overruns;
    }

    if (m_wet == 1.0f && target == 1.0f)
        return;
    const float step = target > m_wet ? events.crossfadeStep : -events.crossfadeStep;
    float wet = m_wet;
    for (int i = 0; i < frames; ++i) {
        wet = std::clamp(wet + step, 0.0f, 1.0f);
        for (int c = 0; c < channels; ++c)
            io[c][i] = dry[c][i] + wet * (io[c][i] - dry[c][i]);
    }
    m_wet = wet;
    rt_retireIfFadedOut(events);
}

void InsertSlot::release() noexcept {
    delete m_occupant;
    delete m_next;
    m_occupant = m_next = nullptr;
}

} // namespace stagedesk::engine
