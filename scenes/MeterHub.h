#pragma once
// The engine's meters for everyone on the control thread. The engine has one
// meter reader (its triple buffer); this is it. Every surface (the screen,
// OSC /meters subscribers, Mackie meters) reads the latest snapshot here and
// listens to updated(), at the hub's steady rate.

#include "Meters.h"

#include <QObject>
#include <QTimer>

namespace stagedesk::engine {
class Engine;
}

namespace stagedesk::scenes {

class MeterHub : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 20; // 50 Hz

    // engine may be null (no audio): the snapshot then stays silent.
    explicit MeterHub(engine::Engine* engine, int intervalMs = kDefaultIntervalMs,
                      QObject* parent = nullptr);

    const engine::MeterSnapshot& latest() const { return m_latest; }
    int intervalMs() const { return m_timer.interval(); }

    // Reads the engine now (also what the timer does).
    void poll();

signals:
    void updated();

private:
    engine::Engine* m_engine;
    engine::MeterSnapshot m_latest;
    QTimer m_timer;
};

} // namespace stagedesk::scenes
