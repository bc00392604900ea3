#pragma once
// The vocabulary of insert slots shared by the engine and its control side.

#include "../Command.h"
#include "InsertProcessor.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace stagedesk::engine {

// Insert slots on every channel, mix bus and main LR.
constexpr int kInsertSlots = 4;
// The most delay one processor may add (170 ms at 48 kHz); also the most a
// channel's input is delayed to align it with the slowest channel.
constexpr int kMaxInsertLatency = 8192;
// Bypass, insertion and removal cross-fade between the dry and the processed
// signal over this time.
constexpr float kInsertCrossfadeMs = 10.0f;

enum class InsertPosition : std::uint8_t { PreEq = 0, PostEq = 1 };

// Why the engine bypassed a slot on its own.
enum class InsertFaultKind : std::uint8_t { NonFiniteOutput, Overrun };

struct InsertFault {
    Target target; // Channel, Bus or Main
    std::uint16_t index;
    std::uint8_t slot;
    InsertFaultKind kind;
};

// What lives in a slot: the processor and the memory that delays the dry
// path by the processor's latency. Allocated and freed on the control thread;
// the audio thread only moves the pointer.
struct InsertOccupant {
    InsertOccupant(std::unique_ptr<InsertProcessor> p)
        : processor(std::move(p)), latency(processor->latencySamples()),
          dryDelay(std::size_t(processor->channels() * latency), 0.0f) {}

    std::unique_ptr<InsertProcessor> processor;
    int latency;
    std::vector<float> dryDelay; // channels x latency, a ring per channel
    int dryPosition = 0;
};

} // namespace stagedesk::engine
