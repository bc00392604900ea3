#pragma once
// Runs the engine in real time without a sound card: a thread wakes once per
// block period (absolute deadlines, so no drift) and calls the engine with
// silent inputs. A wake-up later than one whole period counts as an xrun.

#include "AudioBackend.h"
#include "Engine.h"

#include <atomic>
#include <thread>
#include <vector>

namespace stagedesk::engine {

class InternalClockBackend final : public AudioBackend {
public:
    InternalClockBackend(Engine& engine, double sampleRate, int framesPerBlock);
    ~InternalClockBackend() override;

    bool start(std::string& error) override;
    void stop() override;
    bool running() const override { return m_running.load(); }
    std::string description() const override;
    double sampleRate() const override { return m_rate; }
    int framesPerBlock() const override { return m_frames; }

private:
    void run();

    Engine& m_engine;
    double m_rate;
    int m_frames;
    std::atomic<bool> m_running{false};
    std::thread m_thread;
    std::vector<std::vector<float>> m_out;
    std::vector<float*> m_outPtrs;
};

} // namespace stagedesk::engine
