#pragma once
// The FX return strips of the effects page (/fxrtn/KK): name, fader, mute
// and balance by address (AddressModel), and their left and right meters
// after the fader (MeterSnapshot::fxReturns) with peak hold and clip.

#include "AddressModel.h"
#include "MeterBallistics.h"

#include <QStringList>

#include <array>

namespace stagedesk::ui {

class FxReturnsModel : public AddressModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    // "/fxrtn/01" ... of the returns that exist in the address space.
    Q_PROPERTY(QStringList prefixes READ prefixes CONSTANT)
    Q_PROPERTY(int meterRevision READ meterRevision NOTIFY metersChanged)

public:
    FxReturnsModel(Console& console, QObject* parent);

    QStringList prefixes() const { return m_prefixes; }
    int meterRevision() const { return m_meterRevision; }
    // 'side' 0 left, 1 right; 0..1 on the meter scale.
    Q_INVOKABLE double level(int fxReturn, int side) const;
    Q_INVOKABLE double peakHold(int fxReturn, int side) const;
    Q_INVOKABLE bool clip(int fxReturn, int side) const;

    void applyMeters(const engine::MeterSnapshot& meters, double nowSeconds);

signals:
    void metersChanged();

protected:
    bool concerns(const scenes::ParameterDescriptor& d) const override;

private:
    const MeterBallistics* ballistics(int fxReturn, int side) const;

    QStringList m_prefixes;
    std::array<std::array<MeterBallistics, 2>, engine::kFxSlots> m_meters;
    int m_meterRevision = 0;
};

} // namespace stagedesk::ui
