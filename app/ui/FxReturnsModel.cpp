#include "FxReturnsModel.h"

#include "Console.h"

namespace stagedesk::ui {

FxReturnsModel::FxReturnsModel(Console& console, QObject* parent) : AddressModel(console, parent) {
    const scenes::ParameterRegistry& registry = console.registry();
    for (int k = 0; k < engine::kFxSlots; ++k) {
        const QString prefix = registry.fxReturnPrefix(k);
        if (registry.find(prefix + QStringLiteral("/mix/fader")) != scenes::kNoParam)
            m_prefixes << prefix;
    }
}

const MeterBallistics* FxReturnsModel::ballistics(int fxReturn, int side) const {
    if (fxReturn < 0 || fxReturn >= engine::kFxSlots || side < 0 || side > 1)
        return nullptr;
    return &m_meters[std::size_t(fxReturn)][std::size_t(side)];
}

double FxReturnsModel::level(int fxReturn, int side) const {
    const MeterBallistics* m = ballistics(fxReturn, side);
    return m ? m->level() : 0.0;
}

double FxReturnsModel::peakHold(int fxReturn, int side) const {
    const MeterBallistics* m = ballistics(fxReturn, side);
    return m ? m->peakHold() : 0.0;
}

bool FxReturnsModel::clip(int fxReturn, int side) const {
    const MeterBallistics* m = ballistics(fxReturn, side);
    return m && m->clip();
}

void FxReturnsModel::applyMeters(const engine::MeterSnapshot& meters, double nowSeconds) {
    for (std::size_t k = 0; k < m_meters.size(); ++k)
        for (std::size_t side = 0; side < 2; ++side)
            m_meters[k][side].update(meters.fxReturns[k][side], nowSeconds);
    ++m_meterRevision;
    emit metersChanged();
}

bool FxReturnsModel::concerns(const scenes::ParameterDescriptor& d) const {
    return d.address.startsWith(QStringLiteral("/fxrtn/"));
}

} // namespace stagedesk::ui
