#pragma once
// Tap tempo for the FX slots: each press of /fx/K/tap (from the screen, OSC
// or a learned MIDI button) is a tap, and once two have come, /fx/K/tempo is
// set to the tempo of the run (TapTempo), for the insert host to send to the
// slot's plugin. The button springs back by itself (set to 0 right after the
// press is handled), so that a surface that only ever sends 1 taps every
// time. The clock is injected so that tests tap at exact times.

#include "ConsoleState.h"
#include "TapTempo.h"

#include <QObject>

#include <functional>
#include <vector>

namespace stagedesk::app {

class FxTapTempo : public QObject, public scenes::ConsoleObserver {
    Q_OBJECT
public:
    using Clock = std::function<TapTempo::Time()>;

    explicit FxTapTempo(
        scenes::ConsoleState& state, Clock clock = [] { return std::chrono::steady_clock::now(); });
    ~FxTapTempo() override;

    // ConsoleObserver
    void parameterChanged(scenes::ParamId id, const scenes::ParameterValue& value,
                          scenes::SourceId source) override;

private:
    struct Slot {
        scenes::ParamId tap = scenes::kNoParam;
        scenes::ParamId tempo = scenes::kNoParam;
        TapTempo taps;
    };

    scenes::ConsoleState& m_state;
    Clock m_clock;
    scenes::SourceId m_source;
    std::vector<Slot> m_slots;
};

} // namespace stagedesk::app
