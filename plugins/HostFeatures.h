#pragma once
// The LV2 features one instance is given: URID map and unmap, options
// (sample rate, block lengths, atom sequence size), bounded block length and,
// when the instance has a worker, the worker's schedule function. Which of
// them the host supports is also the list discovery checks a plugin's
// required features against.

#include "UridMap.h"

#include <lv2/core/lv2.h>
#include <lv2/options/options.h>
#include <lv2/worker/worker.h>

#include <array>
#include <cstdint>
#include <string_view>

namespace stagedesk::plugins {

// The engine runs inserts in sub-blocks of at most this many frames
// (dsp::kSubBlock); any smaller count can occur at the end of a callback.
constexpr int kMaxBlockFrames = 64;
// Capacity of each atom port buffer (events in and out), in bytes.
constexpr std::uint32_t kAtomBufferBytes = 8192;

bool isSupportedFeature(std::string_view uri);

class HostFeatures {
public:
    HostFeatures(UridMap& urids, double sampleRate, LV2_Worker_Schedule* schedule);
    HostFeatures(const HostFeatures&) = delete;
    HostFeatures& operator=(const HostFeatures&) = delete;

    // Null-terminated, as instantiate() and the state functions want it.
    const LV2_Feature* const* get() const { return m_list.data(); }

private:
    float m_sampleRate;
    std::int32_t m_minBlock = 1, m_maxBlock = kMaxBlockFrames, m_nominalBlock = kMaxBlockFrames;
    std::int32_t m_sequenceSize = kAtomBufferBytes;
    std::array<LV2_Options_Option, 6> m_options{}; // the last one ends the list
    LV2_Feature m_map, m_unmap, m_optionsFeature, m_boundedBlock, m_schedule;
    std::array<const LV2_Feature*, 6> m_list{};
};

} // namespace stagedesk::plugins
