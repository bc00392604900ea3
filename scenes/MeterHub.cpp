#include "MeterHub.h"

#include "Engine.h"

namespace stagedesk::scenes {

MeterHub::MeterHub(engine::Engine* engine, int intervalMs, QObject* parent)
    : QObject(parent), m_engine(engine) {
    if (m_engine) {
        m_latest.channels.resize(std::size_t(m_engine->config().inputs));
        m_latest.buses.resize(std::size_t(m_engine->config().buses));
    }
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &MeterHub::poll);
    m_timer.start();
}

void MeterHub::poll() {
    if (!m_engine)
        return;
    m_latest = m_engine->readMeters(); // same sizes: copies, no allocation
    emit updated();
}

} // namespace stagedesk::scenes
