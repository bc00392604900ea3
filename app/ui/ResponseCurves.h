#pragma once
// The drawings of the channel page as numbers: the EQ's frequency response
// (high-pass and the four bands) and the gate and compressor transfer curves,
// from the same design and gain functions the engine runs (dsp/Biquad.h,
// dsp/Dynamics.h), so what is drawn is what is heard.
//
// Plot coordinates are normalized: x 0..1 left to right, y 0..1 top to
// bottom, for the QML to scale to its size.

#include "ConsoleState.h"

#include <QList>
#include <QPointF>

namespace stagedesk::ui {

// EQ plot: 20 Hz..20 kHz on a log axis, +-kEqPlotDb.
constexpr double kEqMinHz = 20, kEqMaxHz = 20000, kEqPlotDb = 18;
double eqX(double hz);
double eqHz(double x);
double eqY(double db);
double eqDb(double y);

// Dynamics plot: input and output kDynFloorDb..0 dB.
constexpr double kDynFloorDb = -80;
double dynX(double db);
double dynDb(double x);

// The channel's whole EQ section (high-pass included) at 'points' frequencies.
QList<QPointF> eqResponse(const scenes::ConsoleState& state, const QString& prefix,
                          double sampleRate, int points = 240);
// Output level against input level; the compressor's includes its make-up.
QList<QPointF> compressorTransfer(const scenes::ConsoleState& state, const QString& prefix,
                                  int points = 160);
QList<QPointF> gateTransfer(const scenes::ConsoleState& state, const QString& prefix);

} // namespace stagedesk::ui
