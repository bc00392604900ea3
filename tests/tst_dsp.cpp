// The channel strip against the math, offline and exact: EQ bands against
// the RBJ cookbook, the high-pass corner, the compressor's static curve, gate
// attenuation, pan law, fader, trim and polarity, meters, and hostile input.

#include "dsp/Biquad.h"
#include "support/OfflineRig.h"

#include <QtTest>

#include <cmath>

using namespace stagedesk;
using namespace stagedesk::engine;
using stagedesk::test::OfflineRig;
using stagedesk::test::Signal;

namespace {
constexpr double kRate = 48000;
constexpr int kSecond = 48000;

// Channel 0 straight to main left at unity: fader 0 dB, panned hard left
// (constant-power gain cos(0) = 1), every EQ band off.
void unityToMainLeft(OfflineRig& rig) {
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Pan, -1);
    for (int b = 0; b < kEqBands; ++b)
        rig.setChannel(0, Param::EqBandOn, 0, b);
}

double gainThroughDb(OfflineRig& rig, double freqHz, double inDb = -20, int frames = kSecond / 2) {
    const Signal out = rig.run(0, test::sine(freqHz, inDb, frames))[kMainLeftOutput];
    return test::sineRmsDb(out, freqHz) - (inDb - 3.0103);
}
} // namespace

class TestDsp : public QObject {
    Q_OBJECT

private slots:
    void eqBandMatchesCookbook_data();
    void eqBandMatchesCookbook();
    void eqAnchorsAreExact();
    void highPassCorner_data();
    void highPassCorner();
    void compressorStaticCurve_data();
    void compressorStaticCurve();
    void compressorMakeupAndGainReductionMeter();
    void gateAttenuation_data();
    void gateAttenuation();
    void panLaw_data();
    void panLaw();
    void faderTrimAndPolarity();
    void metersReadPeakRmsAndClips();
    void coefficientChangesStayBounded();
    void nanInputIsContained();
};

void TestDsp::eqBandMatchesCookbook_data() {
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("freq");
    QTest::addColumn<double>("gain");
    QTest::addColumn<double>("q");
    QTest::addColumn<double>("probe");
    const double probes[] = {50, 200, 1000, 3000, 12000};
    const struct {
        dsp::EqType type;
        const char* name;
        double f, g, q;
    } bands[] = {{dsp::EqType::LowCut, "lowcut", 150, 0, 0.707},
                 {dsp::EqType::LowShelf, "lowshelf", 200, 9, 0.7},
                 {dsp::EqType::Peak, "peak", 1000, -12, 2},
                 {dsp::EqType::Peak, "peak-boost", 3000, 15, 0.5},
                 {dsp::EqType::HighShelf, "highshelf", 5000, -6, 0.7},
                 {dsp::EqType::HighCut, "highcut", 4000, 0, 1.2}};
    for (const auto& b : bands)
        for (double p : probes)
            QTest::addRow("%s@%g", b.name, p) << int(b.type) << b.f << b.g << b.q << p;
}

void TestDsp::eqBandMatchesCookbook() {
    QFETCH(int, type);
    QFETCH(double, freq);
    QFETCH(double, gain);
    QFETCH(double, q);
    QFETCH(double, probe);
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.setChannel(0, Param::EqBandOn, 1, 1);
    rig.setChannel(0, Param::EqBandType, type, 1);
    rig.setChannel(0, Param::EqBandFreq, freq, 1);
    rig.setChannel(0, Param::EqBandGain, gain, 1);
    rig.setChannel(0, Param::EqBandQ, q, 1);
    const double expected =
        dsp::magnitudeDb(dsp::designEqBand(dsp::EqType(type), freq, gain, q, kRate), probe, kRate);
    const double measured = gainThroughDb(rig, probe);
    QVERIFY2(std::fabs(measured - expected) < 0.1,
             qPrintable(QString("measured %1 dB, cookbook %2 dB").arg(measured).arg(expected)));
}

void TestDsp::eqAnchorsAreExact() {
    // Points the cookbook fixes independently of any implementation.
    auto db = [](dsp::EqType t, double f, double g, double q, double at) {
        return dsp::magnitudeDb(dsp::designEqBand(t, f, g, q, kRate), at, kRate);
    };
    QVERIFY(std::fabs(db(dsp::EqType::Peak, 1000, 12, 2, 1000) - 12) < 0.01);
    QVERIFY(std::fabs(db(dsp::EqType::Peak, 1000, -9, 0.7, 1000) + 9) < 0.01);
    QVERIFY(std::fabs(db(dsp::EqType::Peak, 1000, 12, 4, 20) - 0) < 0.05);
    QVERIFY(std::fabs(db(dsp::EqType::LowShelf, 300, 6, 0.707, 20) - 6) < 0.05);
    QVERIFY(std::fabs(db(dsp::EqType::LowShelf, 300, 6, 0.707, 300) - 3) < 0.01); // half gain at f0
    QVERIFY(std::fabs(db(dsp::EqType::HighShelf, 3000, -8, 0.707, 20000) + 8) < 0.1);
    QVERIFY(std::fabs(db(dsp::EqType::HighShelf, 3000, -8, 0.707, 3000) + 4) < 0.01);
    QVERIFY(std::fabs(db(dsp::EqType::LowCut, 500, 0, 0.70710678, 500) + 3.0103) < 0.01);
    QVERIFY(std::fabs(db(dsp::EqType::HighCut, 2000, 0, 0.70710678, 2000) + 3.0103) < 0.01);
}

void TestDsp::highPassCorner_data() {
    QTest::addColumn<int>("slope");
    QTest::addColumn<double>("corner");
    QTest::addColumn<double>("probe");
    QTest::addColumn<double>("expectedDb");
    // Butterworth: |H(f)|^2 = 1 / (1 + (fc/f)^(2n)), n = 2 or 4.
    for (double fc : {40.0, 80.0, 200.0, 400.0}) {
        QTest::addRow("12dB %g Hz at fc", fc) << 12 << fc << fc << -3.0103;
        QTest::addRow("24dB %g Hz at fc", fc) << 24 << fc << fc << -3.0103;
        QTest::addRow("12dB %g Hz octave below", fc) << 12 << fc << fc / 2 << -12.3045;
        QTest::addRow("24dB %g Hz octave below", fc) << 24 << fc << fc / 2 << -24.0993;
        QTest::addRow("24dB %g Hz 10x above", fc) << 24 << fc << fc * 10 << 0.0;
    }
}

void TestDsp::highPassCorner() {
    QFETCH(int, slope);
    QFETCH(double, corner);
    QFETCH(double, probe);
    QFETCH(double, expectedDb);
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.setChannel(0, Param::HpfOn, 1);
    rig.setChannel(0, Param::HpfSlope, slope);
    rig.setChannel(0, Param::HpfFreq, corner);
    const double measured = gainThroughDb(rig, probe, -20, kSecond);
    QVERIFY2(std::fabs(measured - expectedDb) < 0.1,
             qPrintable(QString("measured %1 dB, expected %2 dB").arg(measured).arg(expectedDb)));
}

void TestDsp::compressorStaticCurve_data() {
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<double>("knee");
    QTest::addColumn<double>("inDb");
    QTest::addColumn<double>("outDb");
    // Textbook values: hard knee out = T + (in - T) / R above T; soft knee
    // (width W) inside T +- W/2: out = in + (1/R - 1)(in - T + W/2)^2 / (2W).
    QTest::newRow("4:1 below") << -20.0 << 4.0 << 0.0 << -30.0 << -30.0;
    QTest::newRow("4:1 at threshold") << -20.0 << 4.0 << 0.0 << -20.0 << -20.0;
    QTest::newRow("4:1 10 over") << -20.0 << 4.0 << 0.0 << -10.0 << -17.5;
    QTest::newRow("4:1 20 over") << -20.0 << 4.0 << 0.0 << 0.0 << -15.0;
    QTest::newRow("2:1 12 over") << -24.0 << 2.0 << 0.0 << -12.0 << -18.0;
    QTest::newRow("10:1 20 over") << -30.0 << 10.0 << 0.0 << -10.0 << -28.0;
    QTest::newRow("100:1 limiter") << -6.0 << 100.0 << 0.0 << 0.0 << -5.94;
    QTest::newRow("knee10 centre") << -20.0 << 4.0 << 10.0 << -20.0 << -20.9375;
    QTest::newRow("knee10 inside") << -20.0 << 4.0 << 10.0 << -16.0 << -19.0375;
    QTest::newRow("knee10 lower edge") << -20.0 << 4.0 << 10.0 << -25.0 << -25.0;
    QTest::newRow("knee10 above") << -20.0 << 4.0 << 10.0 << -5.0 << -16.25;
    QTest::newRow("knee6 2:1 inside") << -18.0 << 2.0 << 6.0 << -17.0 << -17.6667;
}

void TestDsp::compressorStaticCurve() {
    QFETCH(double, threshold);
    QFETCH(double, ratio);
    QFETCH(double, knee);
    QFETCH(double, inDb);
    QFETCH(double, outDb);
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.setChannel(0, Param::DynOn, 1);
    rig.setChannel(0, Param::DynThreshold, threshold);
    rig.setChannel(0, Param::DynRatio, ratio);
    rig.setChannel(0, Param::DynKnee, knee);
    rig.setChannel(0, Param::DynAttack, 1);
    rig.setChannel(0, Param::DynRelease, 50);
    // A steady level: the detector settles on it exactly.
    const Signal out = rig.run(0, test::constant(inDb, kSecond / 2))[kMainLeftOutput];
    const double measured = test::rmsDb(out, 1000);
    QVERIFY2(std::fabs(measured - outDb) < 0.2,
             qPrintable(QString("out %1 dB, expected %2 dB").arg(measured).arg(outDb)));
}

void TestDsp::compressorMakeupAndGainReductionMeter() {
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.setChannel(0, Param::DynOn, 1);
    rig.setChannel(0, Param::DynThreshold, -30);
    rig.setChannel(0, Param::DynRatio, 3);
    rig.setChannel(0, Param::DynKnee, 0);
    rig.setChannel(0, Param::DynMakeup, 6);
    // -12 dBFS peak sine: 18 dB over, 12 dB of reduction at the peaks.
    const Signal out = rig.run(0, test::sine(1000, -12, kSecond))[kMainLeftOutput];
    const double outPeak = test::peakDb(out, 4800);
    QVERIFY2(std::fabs(outPeak - (-12 - 12 + 6)) < 0.5, qPrintable(QString::number(outPeak)));
    const MeterPoint m = rig.engine().readMeters().channels[0];
    QVERIFY2(std::fabs(m.compReductionDb - 12) < 0.5,
             qPrintable(QString::number(m.compReductionDb)));
}

void TestDsp::gateAttenuation_data() {
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("range");
    QTest::addColumn<double>("inDb");
    QTest::addColumn<double>("expectedGainDb");
    QTest::newRow("below, range 30") << -40.0 << 30.0 << -50.0 << -30.0;
    QTest::newRow("below, range 80") << -40.0 << 80.0 << -50.0 << -80.0;
    QTest::newRow("below, range 10") << -30.0 << 10.0 << -36.0 << -10.0;
    QTest::newRow("above") << -40.0 << 60.0 << -30.0 << 0.0;
    QTest::newRow("well above") << -50.0 << 60.0 << -6.0 << 0.0;
}

void TestDsp::gateAttenuation() {
    QFETCH(double, threshold);
    QFETCH(double, range);
    QFETCH(double, inDb);
    QFETCH(double, expectedGainDb);
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.setChannel(0, Param::GateOn, 1);
    rig.setChannel(0, Param::GateThreshold, threshold);
    rig.setChannel(0, Param::GateRange, range);
    rig.setChannel(0, Param::GateHold, 20);
    rig.setChannel(0, Param::GateRelease, 50);
    const double measured = gainThroughDb(rig, 1000, inDb, kSecond);
    QVERIFY2(std::fabs(measured - expectedGainDb) < 0.1, qPrintable(QString::number(measured)));
    const double meterReduction = rig.engine().readMeters().channels[0].gateReductionDb();
    QVERIFY2(std::fabs(meterReduction + expectedGainDb) < 0.1,
             qPrintable(QString::number(meterReduction)));
}

void TestDsp::panLaw_data() {
    QTest::addColumn<double>("pan");
    QTest::addColumn<double>("leftDb");
    QTest::addColumn<double>("rightDb");
    // Constant power: L = cos((p+1) pi/4), R = sin((p+1) pi/4).
    QTest::newRow("centre") << 0.0 << -3.0103 << -3.0103;
    QTest::newRow("hard left") << -1.0 << 0.0 << -400.0;
    QTest::newRow("hard right") << 1.0 << -400.0 << 0.0;
    QTest::newRow("half right") << 0.5 << -8.3432 << -0.6877;
    QTest::newRow("quarter left") << -0.25 << -1.6031 << -5.1055;
}

void TestDsp::panLaw() {
    QFETCH(double, pan);
    QFETCH(double, leftDb);
    QFETCH(double, rightDb);
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Pan, pan);
    const auto out = rig.run(0, test::sine(1000, -20, kSecond / 2));
    const double l = test::sineRmsDb(out[kMainLeftOutput], 1000) + 23.0103;
    const double r = test::sineRmsDb(out[kMainRightOutput], 1000) + 23.0103;
    if (leftDb < -300)
        QVERIFY2(l < -120, qPrintable(QString::number(l)));
    else
        QVERIFY2(std::fabs(l - leftDb) < 0.05, qPrintable(QString::number(l)));
    if (rightDb < -300)
        QVERIFY2(r < -120, qPrintable(QString::number(r)));
    else
        QVERIFY2(std::fabs(r - rightDb) < 0.05, qPrintable(QString::number(r)));
}

void TestDsp::faderTrimAndPolarity() {
    OfflineRig rig;
    unityToMainLeft(rig);
    QVERIFY(std::fabs(gainThroughDb(rig, 1000)) < 0.01);
    rig.setChannel(0, Param::Fader, -10);
    QVERIFY(std::fabs(gainThroughDb(rig, 1000) + 10) < 0.01);
    rig.setChannel(0, Param::Trim, 6);
    QVERIFY(std::fabs(gainThroughDb(rig, 1000) + 4) < 0.01);
    rig.setChannel(0, Param::Fader, 10);
    QVERIFY(std::fabs(gainThroughDb(rig, 1000) - 16) < 0.01);
    rig.set(Target::Main, Param::Fader, 0, -20);
    QVERIFY(std::fabs(gainThroughDb(rig, 1000) + 4) < 0.01);
    rig.setChannel(0, Param::Fader, -144); // -inf
    QVERIFY(gainThroughDb(rig, 1000) < -120);

    // Polarity: a positive constant comes out negative.
    rig.set(Target::Main, Param::Fader, 0, 0);
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Trim, 0);
    rig.setChannel(0, Param::Invert, 1);
    const Signal out = rig.run(0, test::constant(-6, kSecond / 10))[kMainLeftOutput];
    QVERIFY(std::fabs(out.back() + 0.501187f) < 1e-4f);
}

void TestDsp::metersReadPeakRmsAndClips() {
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.run(0, Signal(kSecond / 10, 0.0f)); // the pan settles before any signal
    rig.run(0, test::sine(1000, -20, 3 * kSecond)); // ten RMS time constants
    MeterSnapshot m = rig.engine().readMeters();
    QVERIFY2(std::fabs(m.channels[0].peakDb() + 20) < 0.1,
             qPrintable(QString::number(m.channels[0].peakDb())));
    QVERIFY2(std::fabs(m.channels[0].rmsDb() + 23.01) < 0.1,
             qPrintable(QString::number(m.channels[0].rmsDb())));
    QCOMPARE(m.channels[0].clips, 0u);
    QVERIFY(m.channels[1].peak == 0.0f);
    QVERIFY(std::fabs(m.mainLeft.peakDb() + 20) < 0.1);
    QVERIFY(m.mainRight.peak == 0.0f);

    // Over full scale: every sample at or above 1.0 is counted.
    Signal hot = test::constant(1.0, 1000);
    rig.run(0, hot);
    m = rig.engine().readMeters();
    QVERIFY(m.channels[0].clips >= 990u);
    // Peak hold falls at 20 dB/s once the signal stops.
    rig.run(0, Signal(kSecond / 2, 0.0f));
    m = rig.engine().readMeters();
    QVERIFY2(std::fabs(m.channels[0].peakDb() - (1.0 - 10)) < 0.5,
             qPrintable(QString::number(m.channels[0].peakDb())));
}

void TestDsp::coefficientChangesStayBounded() {
    // Abrupt, extreme EQ and HPF changes while a loud sine plays: the output
    // stays finite and within the largest steady-state gain, and no sample
    // jumps by more than the signal itself could.
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.setChannel(0, Param::EqBandOn, 1, 0);
    rig.setChannel(0, Param::EqBandType, int(dsp::EqType::Peak), 0);
    const float gains[] = {15, -15, 15};
    const float freqs[] = {20, 20000, 100};
    float worstJump = 0, worstPeak = 0;
    for (int step = 0; step < 3; ++step) {
        rig.setChannel(0, Param::EqBandFreq, freqs[step], 0);
        rig.setChannel(0, Param::EqBandGain, gains[step], 0);
        rig.setChannel(0, Param::EqBandQ, step == 1 ? 10 : 0.3f, 0);
        rig.setChannel(0, Param::HpfOn, step % 2);
        rig.setChannel(0, Param::HpfFreq, step == 1 ? 400 : 20);
        const Signal out = rig.run(0, test::sine(440, -20, kSecond / 4))[kMainLeftOutput];
        for (std::size_t i = 1; i < out.size(); ++i) {
            QVERIFY(std::isfinite(out[i]));
            worstJump = std::max(worstJump, std::fabs(out[i] - out[i - 1]));
            worstPeak = std::max(worstPeak, std::fabs(out[i]));
        }
    }
    // +15 dB of boost on a 0.1 peak sine is 0.56; allow the transient 2x.
    QVERIFY2(worstPeak < 1.2f, qPrintable(QString::number(worstPeak)));
    // A 440 Hz sine of 0.56 moves at most 0.032 per sample.
    QVERIFY2(worstJump < 0.1f, qPrintable(QString::number(worstJump)));
}

void TestDsp::nanInputIsContained() {
    OfflineRig rig;
    unityToMainLeft(rig);
    rig.setChannel(0, Param::DynOn, 1);
    rig.setChannel(0, Param::GateOn, 1);
    rig.setChannel(0, Param::HpfOn, 1);
    rig.setChannel(0, Param::EqBandOn, 1, 2);
    rig.setChannel(0, Param::EqBandGain, 6, 2);
    Signal poisoned = test::sine(1000, -20, kSecond / 4);
    for (int i = 100; i < 200; ++i)
        poisoned[i] = i % 2 ? NAN : INFINITY;
    const Signal out = rig.run(0, poisoned)[kMainLeftOutput];
    const Signal after = rig.run(0, test::sine(1000, -20, kSecond / 2))[kMainLeftOutput];
    for (float x : after)
        QVERIFY(std::isfinite(x));
    QVERIFY(test::sineRmsDb(after, 1000) > -40);
}

QTEST_GUILESS_MAIN(TestDsp)
#include "tst_dsp.moc"
