#include "StatusReporter.h"

#include "Log.h"

#include <cstdio>

namespace stagedesk::app {

namespace {

std::string percent(double us, double periodUs) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", periodUs > 0 ? 100.0 * us / periodUs : 0.0);
    return text;
}

} // namespace

std::string formatStatus(const engine::EngineStats& stats, std::uint64_t xrunsBefore,
                         double blockPeriodUs) {
    const std::uint64_t newXruns = stats.xruns >= xrunsBefore ? stats.xruns - xrunsBefore : 0;
    return "status: " + std::to_string(stats.blocks) + " blocks, " + std::to_string(stats.xruns) +
           " xruns (+" + std::to_string(newXruns) + "), callback mean " +
           percent(stats.meanCallbackUs, blockPeriodUs) + " max " +
           percent(stats.maxCallbackUs, blockPeriodUs) + " of " +
           std::to_string(static_cast<long>(blockPeriodUs + 0.5)) + " us";
}

StatusReporter::StatusReporter(const engine::Engine& engine, const AudioHost& audio, int intervalMs)
    : m_engine(engine), m_audio(audio) {
    m_timer.setInterval(intervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { report(); });
    m_timer.start();
}

void StatusReporter::report() {
    const engine::EngineStats stats = m_engine.stats();
    logLine(formatStatus(stats, m_lastXruns, m_audio.blockPeriodUs()));
    m_lastXruns = stats.xruns;
}

} // namespace stagedesk::app
