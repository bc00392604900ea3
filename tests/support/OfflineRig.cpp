#include "OfflineRig.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stagedesk::test {

using namespace stagedesk::engine;

Signal sine(double freqHz, double peakDb, int frames, double rate) {
    Signal s(frames);
    const double amplitude = std::pow(10.0, peakDb / 20.0);
    for (int i = 0; i < frames; ++i)
        s[i] = static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * freqHz * i / rate));
    return s;
}

Signal constant(double levelDb, int frames) {
    return Signal(frames, static_cast<float>(std::pow(10.0, levelDb / 20.0)));
}

static double toDb(double linear) {
    return linear > 0 ? 20.0 * std::log10(linear) : -400.0;
}

double rmsDb(const Signal& s, int window) {
    window = std::min<int>(window, static_cast<int>(s.size()));
    double sum = 0;
    for (std::size_t i = s.size() - window; i < s.size(); ++i)
        sum += double(s[i]) * s[i];
    return toDb(std::sqrt(sum / window));
}

double peakDb(const Signal& s, int window) {
    window = std::min<int>(window, static_cast<int>(s.size()));
    double peak = 0;
    for (std::size_t i = s.size() - window; i < s.size(); ++i)
        peak = std::max(peak, std::fabs(double(s[i])));
    return toDb(peak);
}

double sineRmsDb(const Signal& s, double freqHz, double rate) {
    // As many whole periods as fit in the last quarter of the signal (at least one).
    const double period = rate / freqHz;
    const int periods = std::max(1, static_cast<int>(s.size() / 4 / period));
    return rmsDb(s, static_cast<int>(std::lround(periods * period)));
}

OfflineRig::OfflineRig(int inputs, int buses, int framesPerBlock, double rate)
    : m_engine(EngineConfig{inputs, buses, rate}), m_renderer(m_engine, framesPerBlock) {}

bool OfflineRig::set(Target target, Param param, int index, float value, int sub) {
    return m_engine.post(Command{target, param, static_cast<std::uint16_t>(index),
                                 static_cast<std::uint16_t>(sub), value});
}

std::vector<Signal> OfflineRig::run(int ch, const Signal& input) {
    std::vector<Signal> inputs(m_engine.config().inputs);
    inputs[ch] = input;
    for (auto& s : inputs)
        s.resize(input.size(), 0.0f);
    return run(inputs, static_cast<int>(input.size()));
}

std::vector<Signal> OfflineRig::run(const std::vector<Signal>& inputs, int frames) {
    return m_renderer.render(inputs, frames);
}

} // namespace stagedesk::test
