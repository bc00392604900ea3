#pragma once
// Test signals and measures for suites that run LV2 plugins offline: an
// impulse, noise, the RMS level of a range, the index of the peak, and a run
// of a plugins::PluginInsert in the engine's sub-blocks, as the audio thread
// runs it.

#include "PluginInsert.h"
#include "support/OfflineRig.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace stagedesk::test {

inline Signal impulse(int frames) {
    Signal s(frames, 0.0f);
    s[0] = 1.0f;
    return s;
}

inline Signal noise(int frames, unsigned seed) {
    std::mt19937 generator(seed);
    std::uniform_real_distribution<float> uniform(-0.5f, 0.5f);
    Signal s(frames);
    for (float& x : s)
        x = uniform(generator);
    return s;
}

// RMS level of s[from, to) in dB (-400 for silence).
inline double rmsDb(const Signal& s, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; ++i)
        sum += double(s[i]) * s[i];
    const double rms = std::sqrt(sum / (to - from));
    return rms > 0 ? 20 * std::log10(rms) : -400;
}

// The index of the largest absolute sample from 'from' on.
inline int peakIndex(const Signal& s, int from) {
    int best = from;
    for (int i = from; i < int(s.size()); ++i)
        if (std::fabs(s[i]) > std::fabs(s[best]))
            best = i;
    return best;
}

// Runs 'audio' (one signal per channel, equal lengths) through the insert in
// sub-blocks of plugins::kMaxBlockFrames and returns its output.
inline std::vector<Signal> process(plugins::PluginInsert& insert, std::vector<Signal> audio) {
    const int frames = static_cast<int>(audio.front().size());
    std::vector<float*> buffers(audio.size());
    for (int start = 0; start < frames; start += plugins::kMaxBlockFrames) {
        for (std::size_t c = 0; c < audio.size(); ++c)
            buffers[c] = audio[c].data() + start;
        insert.rt_run(buffers.data(), std::min(plugins::kMaxBlockFrames, frames - start));
    }
    return audio;
}

} // namespace stagedesk::test
