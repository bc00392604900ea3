// The FX rack (engine/fx/FxRack.h), offline with processors of known
// behaviour: the exact level from a channel through its send bus, an FX slot
// and the stereo return into main LR; the return's balance law; its sends
// reaching a mix bus exactly one sub-block later whatever the callback size;
// cross-faded silence when a slot is switched off, loses its source or is
// emptied; a NaN-producing processor silenced and reported while the dry
// channel plays on; returns acting as channels for DCAs, mute groups and
// solo; a scene fade of a return's fader and its EQ; what postInsert
// refuses; and the allocation trap clean with every slot running and being
// switched, re-sourced and replaced (support/EngineExercise's FX rack
// exercise, also run by tst_alloc_trap and tst_rtsan).
//
// Names in the comments count from 1, as on the desk (bus 3, slot 2); the
// engine's indices count from 0.

#include "support/AllocationTrap.h"
#include "support/EngineExercise.h"
#include "support/OfflineRig.h"
#include "support/TestInserts.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace stagedesk;
using namespace stagedesk::engine;
using stagedesk::test::OfflineRig;
using stagedesk::test::Signal;

namespace {
constexpr int kRate = 48000;
constexpr double kInDb = -20;
constexpr int kCrossfade = 480; // samples of the 10 ms cross-fade at 48 kHz
constexpr int kSendBus = 2;     // bus 3: the FX send bus
constexpr int kReturnBus = 1;   // bus 2: where a return sends

float gain(double db) {
    return static_cast<float>(std::pow(10.0, db / 20.0));
}
bool fx(OfflineRig& rig, int slot, std::unique_ptr<InsertProcessor> p) {
    return rig.engine().postInsert(Target::Fx, slot, 0, p);
}
bool setReturn(OfflineRig& rig, int k, Param param, float value, int sub = 0) {
    return rig.set(Target::FxReturn, param, k, value, sub);
}

// Channel 0 at 0 dB, off main, sent at 0 dB post-fader to bus 3, which feeds
// FX slot 'slot' holding 'processor'; the return at 'returnDb', centred, on main.
void patch(OfflineRig& rig, int slot, std::unique_ptr<InsertProcessor> processor, float returnDb) {
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::MainOn, 0);
    rig.setChannel(0, Param::SendLevel, 0, kSendBus);
    rig.set(Target::Fx, Param::FxSource, slot, kSendBus);
    QVERIFY(fx(rig, slot, std::move(processor)));
    setReturn(rig, slot, Param::Fader, returnDb);
}

// The largest difference between out and in scaled by g.
float maxError(const Signal& out, const Signal& in, float g) {
    float worst = 0;
    for (std::size_t i = 0; i < in.size(); ++i)
        worst = std::max(worst, std::fabs(out[i] - in[i] * g));
    return worst;
}
float biggestStep(const Signal& s) {
    float step = 0;
    for (std::size_t i = 1; i < s.size(); ++i)
        step = std::max(step, std::fabs(s[i] - s[i - 1]));
    return step;
}
} // namespace

class TestFxRack : public QObject {
    Q_OBJECT

private slots:
    void levelThroughSlotAndReturn();
    void balanceLaw_data();
    void balanceLaw();
    void returnSendArrivesOneSubBlockLater_data();
    void returnSendArrivesOneSubBlockLater();
    void offUnfedOrEmptySlotFadesToSilence();
    void nanProcessorIsSilencedAndReported();
    void returnsFollowDcasMuteGroupsAndSolo();
    void returnFaderFadesAndEqShapes();
    void refusesWhatDoesNotFit();
    void allocationTrapStaysClean();
};

// -20 dBFS through a -6 dB processor and a -4 dB return fader: -30 dBFS on
// both sides of main, sample for sample (no added latency), and on the
// return's meters.
void TestFxRack::levelThroughSlotAndReturn() {
    OfflineRig rig;
    patch(rig, 0, std::make_unique<test::GainInsert>(nullptr, 2, -6), -4);
    rig.run(0, test::sine(1000, kInDb, kRate / 10)); // past the fade-in
    const Signal in = test::sine(1000, kInDb, kRate / 4);
    const auto out = rig.run(0, in);
    const float g = gain(-6 - 4);
    for (int side : {kMainLeftOutput, kMainRightOutput}) {
        const float error = maxError(out[side], in, g);
        QVERIFY2(error < 1e-6f, qPrintable(QString::number(error)));
        const double rms = test::sineRmsDb(out[side], 1000);
        qInfo("main %s: %.4f dB RMS (expected %.4f), largest error %.2g", side ? "R" : "L", rms,
              kInDb - 3.0103 - 10, error);
        QVERIFY2(std::fabs(rms - (kInDb - 3.0103 - 10)) < 0.01, qPrintable(QString::number(rms)));
    }
    const MeterSnapshot& meters = rig.engine().readMeters();
    for (int side : {0, 1}) {
        const double peak = meters.fxReturns[0][side].peakDb();
        QVERIFY2(std::fabs(peak - (kInDb - 10)) < 0.05, qPrintable(QString::number(peak)));
    }
    QVERIFY(meters.fxReturns[1][0].peak == 0.0f);

    // The return off main: main carries nothing (the channel is off main too).
    setReturn(rig, 0, Param::MainOn, 0);
    const auto off = rig.run(0, in);
    QVERIFY(test::peakDb(off[kMainLeftOutput], kRate / 8) < -140);
    QVERIFY(test::peakDb(off[kMainRightOutput], kRate / 8) < -140);
}

void TestFxRack::balanceLaw_data() {
    QTest::addColumn<float>("balance");
    QTest::addColumn<float>("left");
    QTest::addColumn<float>("right");
    QTest::newRow("centre") << 0.0f << 1.0f << 1.0f;
    QTest::newRow("right 0.5") << 0.5f << 0.5f << 1.0f;
    QTest::newRow("left 0.25") << -0.25f << 1.0f << 0.75f;
    QTest::newRow("hard left") << -1.0f << 1.0f << 0.0f;
}

// Left gain 1 - p for p > 0, right gain 1 + p for p < 0.
void TestFxRack::balanceLaw() {
    QFETCH(float, balance);
    QFETCH(float, left);
    QFETCH(float, right);
    OfflineRig rig;
    patch(rig, 3, std::make_unique<test::GainInsert>(nullptr, 2, 0), 0);
    setReturn(rig, 3, Param::Pan, balance);
    rig.run(0, test::sine(1000, kInDb, kRate / 10));
    const Signal in = test::sine(1000, kInDb, kRate / 10);
    const auto out = rig.run(0, in);
    const float errorLeft = maxError(out[kMainLeftOutput], in, left);
    const float errorRight = maxError(out[kMainRightOutput], in, right);
    qInfo("balance %+.2f: left x%.2f (error %.2g), right x%.2f (error %.2g)", balance, left,
          errorLeft, right, errorRight);
    QVERIFY2(errorLeft < 1e-6f, qPrintable(QString::number(errorLeft)));
    QVERIFY2(errorRight < 1e-6f, qPrintable(QString::number(errorRight)));
}

void TestFxRack::returnSendArrivesOneSubBlockLater_data() {
    QTest::addColumn<int>("frames");
    QTest::newRow("64") << 64;
    QTest::newRow("37") << 37;
    QTest::newRow("256") << 256;
}

// An impulse through bus 3, a -6 dB slot and its return (fader 0 dB), sent
// at -3 dB to bus 2: on main at once, on bus 2 exactly kSubBlock samples
// later at -9 dB ((L + R) / 2 of the two equal sides).
void TestFxRack::returnSendArrivesOneSubBlockLater() {
    QFETCH(int, frames);
    OfflineRig rig(4, 4, frames);
    patch(rig, 0, std::make_unique<test::GainInsert>(nullptr, 2, -6), 0);
    setReturn(rig, 0, Param::SendLevel, -3, kReturnBus);
    rig.run(0, Signal(kRate / 10, 0.0f));

    constexpr int kAt = 1000; // on no sub-block or callback boundary
    Signal in(kRate / 20, 0.0f);
    in[kAt] = 1.0f;
    const auto out = rig.run(0, in);
    const Signal& bus = out[busOutput(kReturnBus)];
    const int expected = kAt + dsp::kSubBlock;
    qInfo("%d-frame callbacks: impulse at %d, bus 2 peak %.7f at %d (expected %.7f at %d)", frames,
          kAt, *std::max_element(bus.begin(), bus.end()),
          int(std::max_element(bus.begin(), bus.end()) - bus.begin()), gain(-9), expected);
    QCOMPARE(int(std::max_element(bus.begin(), bus.end()) - bus.begin()), expected);
    QVERIFY2(std::fabs(bus[expected] - gain(-9)) < 1e-6f,
             qPrintable(QString::number(bus[expected])));
    for (int i = 0; i < int(bus.size()); ++i)
        if (i != expected)
            QVERIFY2(std::fabs(bus[i]) < 1e-6f, qPrintable(QString::number(i)));
    QVERIFY(std::fabs(out[kMainLeftOutput][kAt] - gain(-6)) < 1e-6f);
}

// DC through a 0 dB slot and return into main: off, no source and empty each
// fade to silence on a straight line over 10 ms (no step above its slope).
void TestFxRack::offUnfedOrEmptySlotFadesToSilence() {
    OfflineRig rig;
    test::InsertCounters counters;
    patch(rig, 5, std::make_unique<test::GainInsert>(&counters, 2, 0), 0);
    const Signal dc = test::constant(-6, kRate / 10);
    const float full = dc[0];
    const float slope = full / kCrossfade * 1.01f;
    QVERIFY(std::fabs(rig.run(0, dc)[kMainLeftOutput].back() - full) < 1e-6f);

    auto fadesOut = [&](const char* what) {
        const Signal out = rig.run(0, dc)[kMainLeftOutput];
        const float step = biggestStep(out);
        qInfo("%s: largest step %.6f (slope %.6f per sample)", what, step, full / kCrossfade);
        QVERIFY2(std::fabs(out[0] - full) < 2 * slope, what);
        QVERIFY2(step <= slope, qPrintable(QString("%1: step %2").arg(what).arg(step)));
        QVERIFY2(test::peakDb(out, out.size() - kCrossfade - 64) < -140, what);
    };
    auto fadesIn = [&](const char* what) {
        const Signal out = rig.run(0, dc)[kMainLeftOutput];
        QVERIFY2(biggestStep(out) <= slope, what);
        QVERIFY2(std::fabs(out.back() - full) < 1e-6f, what);
    };

    rig.set(Target::Fx, Param::InsertOn, 5, 0);
    fadesOut("off");
    const long resting = counters.runs.load();
    rig.run(0, dc);
    QCOMPARE(counters.runs.load(), resting); // an off slot's processor rests
    rig.set(Target::Fx, Param::InsertOn, 5, 1);
    fadesIn("on again");

    rig.set(Target::Fx, Param::FxSource, 5, -1);
    fadesOut("no source");
    rig.set(Target::Fx, Param::FxSource, 5, kSendBus);
    fadesIn("source again");

    std::unique_ptr<InsertProcessor> none;
    QVERIFY(rig.engine().postInsert(Target::Fx, 5, 0, none));
    fadesOut("emptied");
    QCOMPARE(counters.destroyed.load(), 0); // handed back, not freed on the audio thread
    QCOMPARE(int(rig.engine().drainRetiredInserts([](std::unique_ptr<InsertProcessor>) {})), 1);
    QCOMPARE(counters.destroyed.load(), 1);
}

// Slot 2 turns to NaN: its return is silent from that block on, the fault is
// reported as Target::Fx index 1, and main carries the dry channel exactly.
void TestFxRack::nanProcessorIsSilencedAndReported() {
    OfflineRig rig;
    auto owned = std::make_unique<test::NanInsert>(nullptr, 2);
    test::NanInsert* nan = owned.get();
    patch(rig, 1, std::move(owned), 0);
    rig.setChannel(0, Param::MainOn, 1);
    rig.setChannel(0, Param::Pan, -1); // main L = the channel's input
    const Signal tone = test::sine(1000, kInDb, kRate / 10);
    rig.run(0, tone); // past the fade-in
    const Signal before = rig.run(0, tone)[kMainLeftOutput];
    QVERIFY(maxError(before, tone, 2.0f) < 1e-6f); // dry plus the return

    nan->broken = true;
    const auto out = rig.run(0, tone);
    for (const Signal& s : out)
        for (float x : s)
            QVERIFY(std::isfinite(x));
    const float dry = maxError(out[kMainLeftOutput], tone, 1.0f);
    qInfo("NaN in slot 2: main L differs from the dry channel by at most %.2g", dry);
    QVERIFY2(dry < 1e-6f, qPrintable(QString::number(dry)));
    QVERIFY(test::peakDb(out[kMainRightOutput], kRate / 10) < -140);
    std::vector<InsertFault> faults;
    rig.engine().drainInsertFaults([&](const InsertFault& f) { faults.push_back(f); });
    QCOMPARE(faults.size(), std::size_t(1));
    QCOMPARE(faults[0].target, Target::Fx);
    QCOMPARE(int(faults[0].index), 1);
    QCOMPARE(int(faults[0].slot), 0);
    QCOMPARE(faults[0].kind, InsertFaultKind::NonFiniteOutput);

    // Repaired and switched on again: heard again, no new fault.
    nan->broken = false;
    rig.set(Target::Fx, Param::InsertOn, 1, 1);
    rig.run(0, tone);
    const Signal again = rig.run(0, tone)[kMainLeftOutput];
    QVERIFY(maxError(again, tone, 2.0f) < 1e-6f);
    QCOMPARE(rig.engine().drainInsertFaults([](const InsertFault&) {}), std::size_t(0));
}

// A DCA's fader moves a return, a mute group and the DCA's mute silence it,
// and its solo puts (L + R) / 2 on the monitor pair (PFL: before its fader).
void TestFxRack::returnsFollowDcasMuteGroupsAndSolo() {
    OfflineRig rig;
    patch(rig, 7, std::make_unique<test::GainInsert>(nullptr, 2, 0), -5);
    setReturn(rig, 7, Param::DcaMask, 1 << 2);       // DCA 3
    setReturn(rig, 7, Param::MuteGroupMask, 1 << 4); // mute group 5
    rig.set(Target::Dca, Param::Fader, 2, -10);
    const Signal in = test::sine(1000, kInDb, kRate / 10);
    rig.run(0, in);
    auto mainError = [&](float g) { return maxError(rig.run(0, in)[kMainLeftOutput], in, g); };
    QVERIFY(mainError(gain(-15)) < 1e-6f);

    rig.set(Target::MuteGroup, Param::On, 4, 1);
    rig.run(0, in);
    QVERIFY(mainError(0.0f) < 1e-7f);
    rig.set(Target::MuteGroup, Param::On, 4, 0);
    rig.set(Target::Dca, Param::On, 2, 0);
    rig.run(0, in);
    QVERIFY(mainError(0.0f) < 1e-7f);
    rig.set(Target::Dca, Param::On, 2, 1);

    setReturn(rig, 7, Param::Solo, 1);
    rig.run(0, in);
    const auto out = rig.run(0, in);
    const int monitor = monitorOutput(rig.engine().config(), 0);
    const float pfl = maxError(out[monitor], in, 1.0f);
    QVERIFY2(pfl < 1e-6f, qPrintable(QString::number(pfl)));
    QVERIFY(maxError(out[monitor + 1], in, 1.0f) < 1e-6f);
}

// A scene fade of the return's fader (0 to -20 dB in 100 ms, linear in dB)
// is followed to the sample; the return's EQ boosts +6 dB at 1 kHz.
void TestFxRack::returnFaderFadesAndEqShapes() {
    OfflineRig rig;
    patch(rig, 4, std::make_unique<test::GainInsert>(nullptr, 2, 0), 0);
    const Signal dc = test::constant(-6, kRate / 5);
    rig.run(0, dc);
    QVERIFY(rig.engine().post(Command{Target::FxReturn, Param::Fader, 4, 0, -20, 10}));
    const Signal faded = rig.run(0, dc)[kMainLeftOutput];
    const int end = 38 * dsp::kSubBlock - 1; // the last sample of a sub-block
    const double reachedDb = 20 * std::log10(faded[end] / dc[0]);
    const double expectedDb = -20.0 * (end + 1) / 4800.0;
    qInfo("return fader fade: %.4f dB at sample %d (expected %.4f); %.4f dB after it", reachedDb,
          end, expectedDb, 20 * std::log10(faded.back() / dc[0]));
    QVERIFY(std::fabs(reachedDb - expectedDb) < 0.001);
    QVERIFY(std::fabs(20 * std::log10(faded.back() / dc[0]) + 20) < 0.001);

    setReturn(rig, 4, Param::Fader, 0);
    setReturn(rig, 4, Param::EqBandFreq, 1000, 1);
    setReturn(rig, 4, Param::EqBandGain, 6, 1);
    rig.run(0, test::sine(1000, kInDb, kRate / 10));
    const double rms =
        test::sineRmsDb(rig.run(0, test::sine(1000, kInDb, kRate / 4))[kMainLeftOutput], 1000);
    qInfo("return EQ +6 dB at 1 kHz: %.4f dB RMS (expected %.4f)", rms, kInDb - 3.0103 + 6);
    QVERIFY(std::fabs(rms - (kInDb - 3.0103 + 6)) < 0.05);
}

void TestFxRack::refusesWhatDoesNotFit() {
    OfflineRig rig;
    Engine& e = rig.engine();
    auto refused = [&](int index, int slot, std::unique_ptr<InsertProcessor> p) {
        InsertProcessor* raw = p.get();
        return !e.postInsert(Target::Fx, index, slot, p) && p.get() == raw;
    };
    QVERIFY(refused(0, 0, std::make_unique<test::GainInsert>(nullptr, 1, 0))); // mono
    QVERIFY(refused(kFxSlots, 0, std::make_unique<test::GainInsert>(nullptr, 2, 0)));
    QVERIFY(refused(0, 1, std::make_unique<test::GainInsert>(nullptr, 2, 0)));
    QVERIFY(fx(rig, kFxSlots - 1, std::make_unique<test::GainInsert>(nullptr, 2, 0, 300)));
    rig.run(0, Signal(256, 0.0f));
    QCOMPARE(e.insertLatency(Target::Fx, kFxSlots - 1), 300); // reported, not compensated
    QCOMPARE(e.alignmentDelay(0), 0);

    const auto rejectedBefore = e.stats().commandsRejected;
    rig.set(Target::Fx, Param::FxSource, 0, 4); // no bus 5 on this console
    rig.set(Target::Fx, Param::FxSource, 0, std::numeric_limits<float>::quiet_NaN());
    rig.set(Target::Fx, Param::InsertPosition, 0, 1);     // an FX slot has no position
    rig.set(Target::FxReturn, Param::Trim, 0, 6);         // nor a return a preamp
    rig.set(Target::FxReturn, Param::Fader, kFxSlots, 0); // no return 9
    rig.set(Target::Channel, Param::FxSource, 0, 1);      // only FX slots have a source
    rig.run(0, Signal(64, 0.0f));
    QCOMPARE(e.stats().commandsRejected - rejectedBefore, std::uint64_t(6));
}

void TestFxRack::allocationTrapStaysClean() {
    test::AllocationTrap::reset();
    const test::ExerciseResult result = test::exerciseFxRack();
    qInfo("%ld callbacks with all %d FX slots running, %llu heap calls inside them",
          result.callbacks, kFxSlots,
          static_cast<unsigned long long>(test::AllocationTrap::violations()));
    QVERIFY2(result.ok, result.message.c_str());
    QVERIFY(result.callbacks > 400);
    QVERIFY2(test::AllocationTrap::violations() == 0, test::AllocationTrap::report().c_str());
}

QTEST_GUILESS_MAIN(TestFxRack)
#include "tst_fxrack.moc"
