#include "OfflineConsole.h"

#include <atomic>
#include <chrono>
#include <thread>

namespace stagedesk::test {

namespace {
engine::EngineConfig configOf(int inputs, int buses, double rate) {
    engine::EngineConfig c;
    c.inputs = inputs;
    c.buses = buses;
    c.sampleRate = rate;
    return c;
}
} // namespace

OfflineConsole::OfflineConsole(int inputs, int buses, InputSignal input, int framesPerBlock,
                               double rate)
    : m_engine(configOf(inputs, buses, rate)), m_renderer(m_engine, framesPerBlock),
      m_input(std::move(input)) {}

void OfflineConsole::renderBlock(bool live) {
    const int block = m_renderer.framesPerBlock();
    auto& in = m_renderer.blockInputs();
    for (std::size_t ch = 0; ch < in.size(); ++ch)
        for (int i = 0; i < block; ++i)
            in[ch][std::size_t(i)] =
                live && m_input ? m_input(int(ch), m_position + std::uint64_t(i)) : 0.0f;
    m_renderer.renderBlock();
    m_position += std::uint64_t(block);
}

std::uint64_t OfflineConsole::render(std::uint64_t frames, bool live,
                                     const std::function<bool()>& ready) {
    const std::uint64_t before = m_position;
    while (m_position - before < frames) {
        while (ready && !ready())
            std::this_thread::yield();
        renderBlock(live);
        if (!m_keepOutputs)
            continue;
        const auto& out = m_renderer.blockOutputs();
        m_outputs.resize(out.size());
        for (std::size_t o = 0; o < out.size(); ++o)
            m_outputs[o].insert(m_outputs[o].end(), out[o].begin(), out[o].end());
    }
    return m_position - before;
}

void OfflineConsole::renderDuring(const std::function<void()>& control, bool live) {
    std::atomic<bool> done{false};
    const auto period =
        std::chrono::duration<double>(m_renderer.framesPerBlock() / m_engine.config().sampleRate);
    std::thread audio([&] {
        while (!done.load()) {
            renderBlock(live);
            std::this_thread::sleep_for(period);
        }
    });
    control();
    done = true;
    audio.join();
}

} // namespace stagedesk::test
