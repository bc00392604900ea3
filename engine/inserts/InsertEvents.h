#pragma once
// What the insert slots of every strip send back to the control thread: the
// occupants they no longer run (to be freed there) and the faults that made
// them bypass themselves. One per engine; the audio thread is the only
// producer of both queues and the control thread their only consumer.

#include "../rt/SpscQueue.h"
#include "InsertTypes.h"

namespace stagedesk::engine {

struct InsertEvents {
    // Engine::postInsert refuses a processor while this many occupants are
    // alive, so that retiring one can never find the queue full.
    static constexpr std::size_t kRetiredCapacity = 1024;

    InsertEvents(double sampleRate)
        : crossfadeStep(1.0f / (kInsertCrossfadeMs * 0.001f * static_cast<float>(sampleRate))),
          nanosecondsPerFrame(1e9 / sampleRate) {}

    rt::SpscQueue<InsertOccupant*> retired{kRetiredCapacity};
    rt::SpscQueue<InsertFault> faults{256}; // a full queue drops reports, not bypasses
    // Audio thread only: an occupant came or went, so a chain's latency may
    // have changed and the channels must be aligned again.
    bool latencyChanged = false;
    const float crossfadeStep; // of the dry/processed mix, per sample
    const double nanosecondsPerFrame;
};

} // namespace stagedesk::engine
