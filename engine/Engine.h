#pragma once
// The real-time mixing engine: channel strips, mix buses, DCAs, mute groups
// and main LR for a console size chosen at construction. One control thread
// posts commands; the audio thread runs rt_process(); any one reader thread
// reads meters and statistics. Nothing here knows of Qt, OSC, MIDI or files.

#include "Command.h"
#include "ConsoleSize.h"
#include "Meters.h"
#include "SceneFades.h"
#include "StripGroup.h"
#include "StripParams.h"
#include "fx/FxRack.h"
#include "inserts/InsertEvents.h"
#include "rt/AudioThread.h"
#include "rt/SpscQueue.h"
#include "rt/TripleBuffer.h"
#include "soundcheck/Soundcheck.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace stagedesk::engine {

struct EngineStats {
    std::uint64_t blocks = 0;
    std::uint64_t xruns = 0;
    std::uint64_t commandsApplied = 0;
    std::uint64_t commandsRejected = 0; // unknown parameter or index out of range
    double minCallbackUs = 0, meanCallbackUs = 0, maxCallbackUs = 0;
};

// One record per callback that applied commands: which block, how many.
struct AppliedRecord {
    std::uint64_t block;
    std::uint32_t commands;
};

class Engine {
public:
    explicit Engine(const EngineConfig& config);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const EngineConfig& config() const { return m_config; }
    int outputChannels() const { return outputCount(m_config); }

    // Control thread (the single producer). False when the queue is full:
    // nothing was queued, and the caller decides what to do.
    bool post(const Command& command) { return m_commands.tryPush(command); }
    // All or nothing, and applied by the audio thread within one block.
    bool postBatch(std::span<const Command> commands) { return m_commands.tryPushAll(commands); }
    std::size_t commandCapacity() const { return m_commands.capacity(); }

    // Audio thread. inputs[i] feeds channel i (nullptr or i >= inputCount is
    // silence); outputs are main L, main R, then buses (see ConsoleSize.h);
    // outputs past those are zeroed. Any number of frames.
    STAGEDESK_NONBLOCKING void rt_process(const float* const* inputs, int inputCount,
                                          float* const* outputs, int outputCount,
                                          int frames) noexcept;
    // Audio thread (or its driver): the device reported an over/underrun.
    void rt_reportXrun() noexcept { m_xruns.fetch_add(1, std::memory_order_relaxed); }

    // Insert slots (control thread). The processor goes into the slot of a
    // channel or mix bus (mono), of main LR (stereo; index 0) or of the FX
    // rack (Target::Fx, index = FX slot, slot 0; stereo: see fx/FxRack.h);
    // nullptr empties it. The slot's current occupant fades out first. 'processor'
    // is moved from only when this returns true; false: the target, index or
    // slot does not exist, the processor's channels do not match the strip,
    // its latency is over kMaxInsertLatency, or the queue is full.
    bool postInsert(Target target, int index, int slot,
                    std::unique_ptr<InsertProcessor>& processor);
    // Control thread: fn(std::unique_ptr<InsertProcessor>) for each processor
    // the audio thread no longer runs, to be destroyed there. Call it
    // regularly: postInsert refuses new processors while many are waiting.
    template <typename Fn> std::size_t drainRetiredInserts(Fn&& fn) {
        return m_insertEvents.retired.consumeAll([&](InsertOccupant* o) {
            --m_aliveOccupants;
            fn(std::move(o->processor));
            delete o;
        });
    }
    // Control thread: fn(const InsertFault&) for each slot bypassed on its
    // own (its output was not finite, or it overran again and again).
    template <typename Fn> std::size_t drainInsertFaults(Fn&& fn) {
        return m_insertEvents.faults.consumeAll(fn);
    }
    // Any thread, as of the last block: samples of delay a strip's inserts
    // (or an FX slot's processor, uncompensated) add, and (channels) the
    // delay added to its input to align it with the slowest channel.
    int insertLatency(Target target, int index) const;
    int alignmentDelay(int channel) const;

    // Soundcheck: the control side of recording and playback, the RTA and
    // line-check readers (their rules are in soundcheck/Soundcheck.h).
    soundcheck::Soundcheck& soundcheck() { return m_soundcheck; }

    // Reader thread (one): the newest meters.
    const MeterSnapshot& readMeters();
    // Any thread.
    EngineStats stats() const;
    // Reader thread (one): the per-block log of applied commands.
    template <typename Fn> std::size_t drainAppliedLog(Fn&& fn) {
        return m_appliedLog.consumeAll(fn);
    }

private:
    bool rt_apply(const Command& c) noexcept;
    bool rt_applyLevel(const Command& c) noexcept;
    float* levelOf(int fadeKey) noexcept;
    void markDirty(int fadeKey) noexcept;
    void rt_refreshTargets() noexcept;
    StripTargets memberTargets(const StripParams& p, int faderKey) const noexcept;
    void markMembersDirty() noexcept;
    StripTargets stripTargets(const StripParams& p, int fadeKey) const noexcept;
    void rt_publishMeters() noexcept;
    void rt_recordTiming(std::uint64_t nanoseconds) noexcept;
    struct InsertHandover {
        Target target;
        std::uint16_t index;
        std::uint8_t slot;
        InsertOccupant* occupant;
    };
    InsertRack* rackOf(Target target, int index) noexcept;
    InsertSlot* slotOf(Target target, int index, int slot) noexcept;
    bool rt_applyInsertCommand(const Command& c) noexcept;
    bool rt_applySolo(const Command& c) noexcept;
    void rt_writeMonitor(float* left, float* right, int frames) noexcept;
    void rt_alignChannels() noexcept;
    int latencyKey(Target target, int index) const;

    EngineConfig m_config;
    rt::SpscQueue<Command> m_commands;
    // Before the groups: their insert racks report here.
    InsertEvents m_insertEvents;
    rt::SpscQueue<InsertHandover> m_insertHandovers{256};
    std::size_t m_aliveOccupants = 0; // control thread: posted, not yet drained
    // Per channel, bus, then main: the chain's latency; per channel after
    // those, its alignment delay; then per FX slot its processor's latency.
    // Written by the audio thread.
    std::unique_ptr<std::atomic<int>[]> m_latencies;
    rt::SpscQueue<AppliedRecord> m_appliedLog;

    std::vector<StripParams> m_channelParams;
    std::vector<StripParams> m_busParams;
    StripParams m_mainParams;
    std::array<StripParams, kFxSlots> m_returnParams;
    std::array<float, kDcaCount> m_dcaFaderDb{};
    std::uint32_t m_dcaMutedMask = 0;
    std::uint32_t m_muteGroupsOn = 0;

    // What of a strip must be derived again: its gains (cheap; every
    // sub-block during a fade) or also its filters and dynamics.
    static constexpr std::uint8_t kGainsDirty = 1, kAllDirty = 3;
    std::vector<std::uint8_t> m_channelDirty;
    std::vector<std::uint8_t> m_busDirty;
    std::uint8_t m_mainDirty = kAllDirty;
    std::array<std::uint8_t, kFxSlots> m_returnDirty;
    bool m_anyDirty = true;
    SceneFades m_fades;

    std::vector<StripGroup> m_channelGroups;
    std::vector<StripGroup> m_busGroups;
    StripGroup m_mainGroup;
    FxRack m_fxRack;
    // One destination at a time: its accumulator, then the buses' and main's
    // summed inputs (lane = bus within its group; main uses lanes 0 and 1).
    LaneBlock m_acc{}, m_accRight{};
    std::vector<LaneBlock> m_busSums;
    LaneBlock m_mainSums{}; // lanes past 1 stay zero
    // The monitor pair: main, or the solo bus while anything is soloed,
    // cross-faded in kMonitorFadeMs (m_monitorSolo 0 = main, 1 = solo).
    int m_soloedStrips = 0;
    float m_monitorSolo = 0;
    float m_monitorStep;
    float m_soloMono[dsp::kSubBlock] = {};
    std::vector<float> m_silence;

    rt::TripleBuffer<MeterSnapshot> m_meters;

    soundcheck::Soundcheck m_soundcheck;
    std::vector<LaneBlock> m_postPreamp; // per channel group, for the recorder
    std::uint64_t m_samplePosition = 0;  // frames processed since construction

    std::uint64_t m_block = 0;
    std::atomic<std::uint64_t> m_blocks{0};
    std::atomic<std::uint64_t> m_xruns{0};
    std::atomic<std::uint64_t> m_commandsApplied{0};
    std::atomic<std::uint64_t> m_commandsRejected{0};
    std::atomic<std::uint64_t> m_timedBlocks{0};
    std::atomic<std::uint64_t> m_totalNs{0};
    std::atomic<std::uint64_t> m_minNs{~0ull};
    std::atomic<std::uint64_t> m_maxNs{0};
};

} // namespace stagedesk::engine
