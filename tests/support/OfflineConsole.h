#pragma once
// An engine driven block by block by the OfflineRenderer, faster than real
// time, with every input fed by a function of (channel, engine frame) and
// every output kept: for the soundcheck's tests and bench, where the
// recorder's and player's disk threads are the real ones.

#include "Command.h"
#include "Engine.h"
#include "io/OfflineRenderer.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace stagedesk::test {

class OfflineConsole {
public:
    // The sample of 'channel' at engine frame 'frame'.
    using InputSignal = std::function<float(int channel, std::uint64_t frame)>;

    OfflineConsole(int inputs, int buses, InputSignal input, int framesPerBlock = 256,
                   double rate = 48000);

    engine::Engine& engine() { return m_engine; }
    std::uint64_t position() const { return m_position; }
    bool post(const engine::Command& c) { return m_engine.post(c); }

    // Renders whole blocks covering 'frames'; live = false feeds silence.
    // Before each block, waits for 'ready' when given (a disk thread keeping
    // up). Returns the frames rendered.
    std::uint64_t render(std::uint64_t frames, bool live = true,
                         const std::function<bool()>& ready = nullptr);
    // Runs 'control' on this thread while another renders blocks at the
    // pace of the clock, as the audio interface would go on calling the
    // engine while the control thread waits for it (a take's or a player's
    // stop). The outputs of those blocks are not kept.
    void renderDuring(const std::function<void()>& control, bool live = true);

    // Every output since the last clearOutputs(), one vector per output.
    const std::vector<std::vector<float>>& outputs() const { return m_outputs; }
    void clearOutputs() { m_outputs.clear(); }
    // Keeping the outputs costs memory and time: benchmarks switch it off.
    void keepOutputs(bool keep) { m_keepOutputs = keep; }

private:
    void renderBlock(bool live);

    engine::Engine m_engine;
    engine::OfflineRenderer m_renderer;
    InputSignal m_input;
    std::uint64_t m_position = 0;
    bool m_keepOutputs = true;
    std::vector<std::vector<float>> m_outputs;
};

} // namespace stagedesk::test
