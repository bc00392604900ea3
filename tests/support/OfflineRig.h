#pragma once
// A small offline console for exact DSP tests: an Engine driven block by
// block by the OfflineRenderer, with helpers to set parameters and measure.

#include "Engine.h"
#include "io/OfflineRenderer.h"

#include <vector>

namespace stagedesk::test {

using Signal = std::vector<float>;

Signal sine(double freqHz, double peakDb, int frames, double rate = 48000);
Signal constant(double levelDb, int frames);

// RMS and peak in dBFS of the last 'window' samples of a signal.
double rmsDb(const Signal& s, int window);
double peakDb(const Signal& s, int window);
// RMS in dB of a sine measured over a whole number of its periods at the end.
double sineRmsDb(const Signal& s, double freqHz, double rate = 48000);

class OfflineRig {
public:
    explicit OfflineRig(int inputs = 4, int buses = 4, int framesPerBlock = 64,
                        double rate = 48000);

    // Posts one command; returns false if the queue refused it.
    bool set(engine::Target target, engine::Param param, int index, float value, int sub = 0);
    bool setChannel(int ch, engine::Param param, float value, int sub = 0) {
        return set(engine::Target::Channel, param, ch, value, sub);
    }

    // Feeds 'input' into channel 'ch' (others silent) and returns every output.
    std::vector<Signal> run(int ch, const Signal& input);
    std::vector<Signal> run(const std::vector<Signal>& inputs, int frames);

    engine::Engine& engine() { return m_engine; }

private:
    engine::Engine m_engine;
    engine::OfflineRenderer m_renderer;
};

} // namespace stagedesk::test
