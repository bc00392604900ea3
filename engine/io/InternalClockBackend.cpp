#include "InternalClockBackend.h"

#include "RealtimeThread.h"

#include <chrono>

namespace stagedesk::engine {

InternalClockBackend::InternalClockBackend(Engine& engine, double sampleRate, int framesPerBlock)
    : m_engine(engine), m_rate(sampleRate), m_frames(framesPerBlock),
      m_out(engine.outputChannels(), std::vector<float>(framesPerBlock, 0.0f)) {
    for (auto& b : m_out)
        m_outPtrs.push_back(b.data());
}

InternalClockBackend::~InternalClockBackend() {
    stop();
}

bool InternalClockBackend::start(std::string&) {
    if (m_running.exchange(true))
        return true;
    m_thread = std::thread([this] { run(); });
    // Refused without privileges: the clock runs at normal priority then,
    // and the start-up probe has said how to allow it.
    (void)requestRealtimePriority(m_thread);
    return true;
}

void InternalClockBackend::stop() {
    if (!m_running.exchange(false))
        return;
    if (m_thread.joinable())
        m_thread.join();
}

std::string InternalClockBackend::description() const {
    return "internal clock, " + std::to_string(static_cast<int>(m_rate)) + " Hz, " +
           std::to_string(m_frames) + " frames (no audio device)";
}

void InternalClockBackend::run() {
    using Clock = std::chrono::steady_clock;
    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(static_cast<double>(m_frames) / m_rate));
    auto deadline = Clock::now() + period;
    while (m_running.load(std::memory_order_relaxed)) {
        std::this_thread::sleep_until(deadline);
        m_engine.rt_process(nullptr, 0, m_outPtrs.data(), static_cast<int>(m_outPtrs.size()),
                            m_frames);
        deadline += period;
        const auto now = Clock::now();
        if (now > deadline) {
            // More than a whole period late: a real device would have
            // dropped audio. Count it and start again from now.
            m_engine.rt_reportXrun();
            deadline = now + period;
        }
    }
}

} // namespace stagedesk::engine
