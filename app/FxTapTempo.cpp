#include "FxTapTempo.h"

#include "ConsoleSize.h"

namespace stagedesk::app {

FxTapTempo::FxTapTempo(scenes::ConsoleState& state, Clock clock)
    : m_state(state), m_clock(std::move(clock)),
      m_source(state.addSource(QStringLiteral("tap tempo"), this)) {
    const scenes::ParameterRegistry& registry = state.registry();
    for (int k = 0; k < engine::kFxSlots; ++k) {
        const QString prefix = registry.fxSlotPrefix(k);
        m_slots.push_back({registry.find(prefix + "/tap"), registry.find(prefix + "/tempo"), {}});
    }
}

FxTapTempo::~FxTapTempo() {
    m_state.removeSource(m_source);
}

void FxTapTempo::parameterChanged(scenes::ParamId id, const scenes::ParameterValue& value,
                                  scenes::SourceId) {
    const double* pressed = std::get_if<double>(&value);
    if (!pressed || *pressed < 0.5)
        return; // a release, or our own spring-back
    for (Slot& slot : m_slots) {
        if (slot.tap != id)
            continue;
        if (const std::optional<double> bpm = slot.taps.tap(m_clock()))
            m_state.set(slot.tempo, *bpm, m_source);
        // Released once every observer has heard the press (not from inside
        // the change being announced).
        QMetaObject::invokeMethod(
            this, [this, id] { m_state.set(id, 0.0, m_source); }, Qt::QueuedConnection);
        return;
    }
}

} // namespace stagedesk::app
