#include "ResponseCurves.h"

#include "ConsoleSize.h"
#include "dsp/Biquad.h"
#include "dsp/Dynamics.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::ui {

namespace {

// The engine's value of a channel parameter (enum indices become the DSP's
// types and ratios through the descriptor, as they do for the engine).
double engineValue(const scenes::ConsoleState& state, const QString& address) {
    const scenes::ParamId id = state.registry().find(address);
    return state.registry().at(id).engineValue(state.number(id));
}

double plain(const scenes::ConsoleState& state, const QString& address) {
    return state.number(state.registry().find(address));
}

double dynY(double db) {
    return std::clamp(1.0 - dynX(db), 0.0, 1.0);
}

} // namespace

double eqX(double hz) {
    return std::log(hz / kEqMinHz) / std::log(kEqMaxHz / kEqMinHz);
}
double eqHz(double x) {
    return kEqMinHz * std::pow(kEqMaxHz / kEqMinHz, std::clamp(x, 0.0, 1.0));
}
double eqY(double db) {
    return std::clamp((kEqPlotDb - db) / (2 * kEqPlotDb), 0.0, 1.0);
}
double eqDb(double y) {
    return kEqPlotDb - 2 * kEqPlotDb * y;
}
double dynX(double db) {
    return (db - kDynFloorDb) / -kDynFloorDb;
}
double dynDb(double x) {
    return kDynFloorDb - kDynFloorDb * std::clamp(x, 0.0, 1.0);
}

QList<QPointF> eqResponse(const scenes::ConsoleState& state, const QString& p, double sampleRate,
                          int points) {
    std::vector<dsp::BiquadCoeffs> sections;
    if (plain(state, p + "/preamp/hpon") > 0.5) {
        const int slope = int(engineValue(state, p + "/preamp/hpslope"));
        const double f = plain(state, p + "/preamp/hpf");
        for (int s = 0; s < 2; ++s)
            sections.push_back(dsp::designHighPass(slope, s, f, sampleRate));
    }
    if (plain(state, p + "/eq/on") > 0.5) {
        for (int b = 1; b <= engine::kEqBands; ++b) {
            const QString band = p + "/eq/" + QString::number(b);
            if (plain(state, band + "/on") < 0.5)
                continue;
            sections.push_back(dsp::designEqBand(
                dsp::EqType(int(engineValue(state, band + "/type"))), plain(state, band + "/f"),
                plain(state, band + "/g"), plain(state, band + "/q"), sampleRate));
        }
    }
    QList<QPointF> curve;
    curve.reserve(points);
    for (int i = 0; i < points; ++i) {
        const double x = double(i) / (points - 1);
        double db = 0;
        for (const dsp::BiquadCoeffs& c : sections)
            db += dsp::magnitudeDb(c, eqHz(x), sampleRate);
        curve.push_back({x, eqY(db)});
    }
    return curve;
}

QList<QPointF> compressorTransfer(const scenes::ConsoleState& state, const QString& p, int points) {
    const float threshold = float(plain(state, p + "/dyn/thr"));
    const float ratio = float(engineValue(state, p + "/dyn/ratio"));
    const float knee = float(plain(state, p + "/dyn/knee"));
    const double makeup = plain(state, p + "/dyn/mgain");
    QList<QPointF> curve;
    for (int i = 0; i < points; ++i) {
        const double in = dynDb(double(i) / (points - 1));
        const double out = in + dsp::compressorGainDb(float(in), threshold, ratio, knee) + makeup;
        curve.push_back({dynX(in), dynY(out)});
    }
    return curve;
}

// The gate is open at and above its threshold and closes to -range below it
// (dsp/DynamicsLanes.h): a step, drawn as one.
QList<QPointF> gateTransfer(const scenes::ConsoleState& state, const QString& p) {
    const double threshold = plain(state, p + "/gate/thr");
    const double range = plain(state, p + "/gate/range");
    return {{0, dynY(kDynFloorDb - range)},
            {dynX(threshold), dynY(threshold - range)},
            {dynX(threshold), dynY(threshold)},
            {1, dynY(0)}};
}

} // namespace stagedesk::ui
