#pragma once
// The periodic status line on stderr: blocks, xruns, and the audio
// callback's mean and maximum time as a share of the block period.

#include "AudioHost.h"
#include "Engine.h"

#include <QTimer>

#include <cstdint>
#include <string>

namespace stagedesk::app {

// "status: 375000 blocks, 0 xruns (+0), callback mean 1.2% max 9.8% of 1333 us"
std::string formatStatus(const engine::EngineStats& stats, std::uint64_t xrunsBefore,
                         double blockPeriodUs);

class StatusReporter {
public:
    static constexpr int kDefaultIntervalMs = 10000;

    StatusReporter(const engine::Engine& engine, const AudioHost& audio,
                   int intervalMs = kDefaultIntervalMs);
    StatusReporter(const StatusReporter&) = delete;
    StatusReporter& operator=(const StatusReporter&) = delete;

    void report();

private:
    const engine::Engine& m_engine;
    const AudioHost& m_audio;
    QTimer m_timer;
    std::uint64_t m_lastXruns = 0;
};

} // namespace stagedesk::app
