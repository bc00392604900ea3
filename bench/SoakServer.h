#pragma once
// The private JACK dummy server bench/soak runs its console on, shared with
// bench/xrun_baseline so that the baseline measures the very same server:
// 48 kHz, 64 frames, a capture port per input and a playback port per
// output (main L/R, the buses, the monitor pair), in JACK's asynchronous
// default mode, as a user's server runs.

#include "support/JackServer.h"

namespace stagedesk::bench {

constexpr int kSoakInputs = 64;
constexpr int kSoakBuses = 16;
constexpr int kSoakOutputs = 2 + kSoakBuses + 2;

inline testing::JackServer::Options soakServerOptions() {
    testing::JackServer::Options options;
    options.captureChannels = kSoakInputs;
    options.playbackChannels = kSoakOutputs;
    options.synchronous = false;
    return options;
}

} // namespace stagedesk::bench
