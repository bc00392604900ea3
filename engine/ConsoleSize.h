#pragma once

namespace stagedesk::engine {

constexpr int kMaxInputs = 128;
constexpr int kMaxBuses = 32;
constexpr int kDcaCount = 16;
constexpr int kMuteGroupCount = 8;
constexpr int kEqBands = 4;
// The FX rack: slots fed by a mix bus, each returning on a stereo strip.
constexpr int kFxSlots = 8;

// How big the console is, and the stream it runs at. Chosen before audio
// starts; every buffer of the engine is sized from it.
struct EngineConfig {
    int inputs = 32;
    int buses = 16;
    double sampleRate = 48000;
    int commandCapacity = 1 << 16;
};

// Engine output channels: main L, main R, one per mix bus, then the monitor
// pair (the engineer's headphones or wedge: main, or the solo bus while
// anything is soloed).
constexpr int kMainLeftOutput = 0;
constexpr int kMainRightOutput = 1;
constexpr int busOutput(int bus) {
    return 2 + bus;
}
inline int monitorOutput(const EngineConfig& c, int side) {
    return 2 + c.buses + side;
}
inline int outputCount(const EngineConfig& c) {
    return 4 + c.buses;
}

} // namespace stagedesk::engine
