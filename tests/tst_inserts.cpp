// Insert slots of the engine (engine/inserts/), offline with processors of
// known behaviour: exact levels through a slot on channels, buses and main,
// before or after the EQ, cross-faded bypass, insertion and removal, the
// hand-back of removed processors, automatic bypass of NaN output and of
// overruns, reordering, delay compensation to the sample, and refusals.

#include "support/OfflineRig.h"
#include "support/TestInserts.h"

#include <QtTest>

#include <cmath>
#include <memory>

using namespace stagedesk;
using namespace stagedesk::engine;
using stagedesk::test::OfflineRig;
using stagedesk::test::Signal;

namespace {
constexpr int kRate = 48000;
constexpr double kInDb = -20;
// Samples of the 10 ms cross-fade at 48 kHz.
constexpr int kCrossfade = 480;

// Channel 0 at 0 dB, centre, into main.
void setUnity(OfflineRig& rig) {
    rig.setChannel(0, Param::Fader, 0);
}
// The gain from a sine's peak at a centred channel's input to an output,
// less the centre pan's -3.01 dB (rmsDb of a sine is 3.01 dB under its peak).
double gainDb(const Signal& out) {
    return test::sineRmsDb(out, 1000) - (kInDb - 3.0103) + 3.0103;
}
double mainGainDb(OfflineRig& rig, int ch = 0) {
    return gainDb(rig.run(ch, test::sine(1000, kInDb, kRate / 4))[kMainLeftOutput]);
}
bool insert(OfflineRig& rig, Target target, int index, int slot,
            std::unique_ptr<InsertProcessor> p) {
    return rig.engine().postInsert(target, index, slot, p);
}
int drainRetired(Engine& e) {
    return int(e.drainRetiredInserts([](std::unique_ptr<InsertProcessor>) {}));
}
} // namespace

class TestInserts : public QObject {
    Q_OBJECT

private slots:
    void gainThroughChannelBusAndMainSlots();
    void beforeOrAfterTheEq();
    void bypassCrossFadesOverTenMilliseconds();
    void removalFadesOutAndHandsTheProcessorBack();
    void replacementRetiresTheOldProcessor();
    void nanOutputIsBypassedAndReported();
    void overrunsAreBypassedAndReported();
    void swapReordersSlots();
    void delayCompensationAlignsChannels();
    void bypassedSlotKeepsItsLatency();
    void refusesWhatDoesNotFit();
    void engineFreesWhatItHolds();
};

void TestInserts::gainThroughChannelBusAndMainSlots() {
    OfflineRig rig;
    setUnity(rig);
    rig.setChannel(0, Param::SendLevel, 0, 1);
    const double before = mainGainDb(rig);
    QVERIFY2(std::fabs(before) < 0.01, qPrintable(QString::number(before)));

    QVERIFY(insert(rig, Target::Channel, 0, 0, std::make_unique<test::GainInsert>(nullptr, 1, -6)));
    QVERIFY(insert(rig, Target::Bus, 1, 2, std::make_unique<test::GainInsert>(nullptr, 1, -3)));
    QVERIFY(insert(rig, Target::Main, 0, 3, std::make_unique<test::GainInsert>(nullptr, 2, -1.5)));
    rig.run(0, test::sine(1000, kInDb, kRate / 10)); // past the fade-in
    const auto out = rig.run(0, test::sine(1000, kInDb, kRate / 4));
    const double left = gainDb(out[kMainLeftOutput]);
    const double right = gainDb(out[kMainRightOutput]);
    const double bus = gainDb(out[busOutput(1)]) - 3.0103; // a send is not panned
    QVERIFY2(std::fabs(left - (-7.5)) < 0.01, qPrintable(QString::number(left)));
    QVERIFY2(std::fabs(right - left) < 0.001, qPrintable(QString::number(right)));
    // The channel's -6 dB reaches its post-fader send too, the bus adds -3.
    QVERIFY2(std::fabs(bus - (-9.0)) < 0.01, qPrintable(QString::number(bus)));
}

void TestInserts::beforeOrAfterTheEq() {
    OfflineRig rig;
    setUnity(rig);
    rig.setChannel(0, Param::EqBandFreq, 1000, 1);
    rig.setChannel(0, Param::EqBandGain, 12, 1);
    auto probe = std::make_unique<test::ProbeInsert>(nullptr, 1);
    test::ProbeInsert* seen = probe.get();
    QVERIFY(insert(rig, Target::Channel, 0, 0, std::move(probe)));
    rig.setChannel(0, Param::InsertPosition, 0, 0); // before the EQ
    rig.run(0, test::sine(1000, kInDb, kRate / 4));
    QVERIFY2(std::fabs(20 * std::log10(seen->peak.load()) - kInDb) < 0.05,
             qPrintable(QString::number(seen->peak.load())));

    rig.setChannel(0, Param::InsertPosition, 1, 0); // after it: +12 dB
    seen->peak.store(0);
    rig.run(0, test::sine(1000, kInDb, kRate / 4));
    QVERIFY2(std::fabs(20 * std::log10(seen->peak.load()) - (kInDb + 12)) < 0.05,
             qPrintable(QString::number(20 * std::log10(seen->peak.load()))));
}

void TestInserts::bypassCrossFadesOverTenMilliseconds() {
    OfflineRig rig;
    setUnity(rig);
    rig.setChannel(0, Param::Pan, -1); // hard left: main L = input
    QVERIFY(insert(rig, Target::Channel, 0, 0,
                   std::make_unique<test::GainInsert>(nullptr, 1, -200))); // silence
    const Signal dc = test::constant(-6, kRate / 10);
    QVERIFY(test::peakDb(rig.run(0, dc)[kMainLeftOutput], 100) < -120);

    rig.setChannel(0, Param::InsertOn, 0, 0); // bypass: back to the dry signal
    const Signal out = rig.run(0, dc)[kMainLeftOutput];
    const float full = dc[0];
    float biggestStep = 0;
    int firstFull = -1;
    for (int i = 1; i < int(out.size()); ++i) {
        biggestStep = std::max(biggestStep, std::fabs(out[i] - out[i - 1]));
        if (firstFull < 0 && std::fabs(out[i] - full) < 1e-6f)
            firstFull = i;
    }
    // A straight line from silence to full over 480 samples: no step larger
    // than one 480th of the level, and full level after 10 ms.
    QVERIFY2(biggestStep <= full / kCrossfade * 1.01f, qPrintable(QString::number(biggestStep)));
    QVERIFY2(firstFull >= kCrossfade - 1 && firstFull <= kCrossfade + 64,
             qPrintable(QString::number(firstFull)));

    rig.setChannel(0, Param::InsertOn, 1, 0); // and back in, as smoothly
    const Signal back = rig.run(0, dc)[kMainLeftOutput];
    float step = 0;
    for (int i = 1; i < int(back.size()); ++i)
        step = std::max(step, std::fabs(back[i] - back[i - 1]));
    QVERIFY2(step <= full / kCrossfade * 1.01f, qPrintable(QString::number(step)));
    QVERIFY(test::peakDb(back, 100) < -120);
}

void TestInserts::removalFadesOutAndHandsTheProcessorBack() {
    OfflineRig rig;
    setUnity(rig);
    rig.setChannel(0, Param::Pan, -1);
    test::InsertCounters counters;
    QVERIFY(
        insert(rig, Target::Channel, 0, 1, std::make_unique<test::GainInsert>(&counters, 1, -200)));
    const Signal dc = test::constant(-6, kRate / 10);
    rig.run(0, dc);
    QVERIFY(counters.runs.load() > 0);

    std::unique_ptr<InsertProcessor> none;
    QVERIFY(rig.engine().postInsert(Target::Channel, 0, 1, none));
    const Signal out = rig.run(0, dc)[kMainLeftOutput];
    float step = 0;
    for (int i = 1; i < int(out.size()); ++i)
        step = std::max(step, std::fabs(out[i] - out[i - 1]));
    QVERIFY2(step <= dc[0] / kCrossfade * 1.01f, qPrintable(QString::number(step)));
    QCOMPARE(out.back(), dc[0]);

    // Handed back to this thread, not freed by the audio thread.
    QCOMPARE(counters.destroyed.load(), 0);
    const long runs = counters.runs.load();
    rig.run(0, dc);
    QCOMPARE(counters.runs.load(), runs); // no longer run
    QCOMPARE(drainRetired(rig.engine()), 1);
    QCOMPARE(counters.destroyed.load(), 1);
}

void TestInserts::replacementRetiresTheOldProcessor() {
    OfflineRig rig;
    setUnity(rig);
    test::InsertCounters first, second;
    QVERIFY(insert(rig, Target::Channel, 0, 0, std::make_unique<test::GainInsert>(&first, 1, -6)));
    rig.run(0, test::sine(1000, kInDb, kRate / 10));
    QVERIFY(
        insert(rig, Target::Channel, 0, 0, std::make_unique<test::GainInsert>(&second, 1, -12)));
    rig.run(0, test::sine(1000, kInDb, kRate / 10));
    QCOMPARE(drainRetired(rig.engine()), 1);
    QCOMPARE(first.destroyed.load(), 1);
    QCOMPARE(second.destroyed.load(), 0);
    const double gain = mainGainDb(rig);
    QVERIFY2(std::fabs(gain + 12) < 0.01, qPrintable(QString::number(gain)));
}

void TestInserts::nanOutputIsBypassedAndReported() {
    OfflineRig rig;
    setUnity(rig);
    rig.setChannel(3, Param::Fader, 0);
    auto owned = std::make_unique<test::NanInsert>(nullptr, 1);
    test::NanInsert* nan = owned.get();
    QVERIFY(insert(rig, Target::Channel, 3, 2, std::move(owned)));
    const Signal tone = test::sine(1000, kInDb, kRate / 4);
    rig.run(3, tone);

    nan->broken = true;
    const auto out = rig.run(3, tone);
    for (float x : out[kMainLeftOutput])
        QVERIFY(std::isfinite(x));
    // The dry signal goes on at its level.
    const double gain = gainDb(out[kMainLeftOutput]);
    QVERIFY2(std::fabs(gain) < 0.01, qPrintable(QString::number(gain)));
    std::vector<InsertFault> faults;
    rig.engine().drainInsertFaults([&](const InsertFault& f) { faults.push_back(f); });
    QCOMPARE(faults.size(), std::size_t(1));
    QCOMPARE(faults[0].target, Target::Channel);
    QCOMPARE(int(faults[0].index), 3);
    QCOMPARE(int(faults[0].slot), 2);
    QCOMPARE(faults[0].kind, InsertFaultKind::NonFiniteOutput);

    // Re-enabled once repaired: processed again, no new fault.
    nan->broken = false;
    rig.setChannel(3, Param::InsertOn, 1, 2);
    rig.run(3, tone);
    QCOMPARE(rig.engine().drainInsertFaults([](const InsertFault&) {}), std::size_t(0));
}

void TestInserts::overrunsAreBypassedAndReported() {
    OfflineRig rig;
    setUnity(rig);
    test::InsertCounters counters;
    // 2 ms per run of 64 frames (1.33 ms of audio): far over its share.
    QVERIFY(
        insert(rig, Target::Channel, 0, 0,
               std::make_unique<test::StallInsert>(&counters, 1, std::chrono::microseconds(2000))));
    rig.run(0, test::sine(1000, kInDb, 64 * 40));
    std::vector<InsertFault> faults;
    rig.engine().drainInsertFaults([&](const InsertFault& f) { faults.push_back(f); });
    QCOMPARE(faults.size(), std::size_t(1));
    QCOMPARE(faults[0].kind, InsertFaultKind::Overrun);
    // Bypassed after the limit of 8 overruns and its 10 ms fade-out: about
    // 8 + 8 runs, not 40.
    QVERIFY2(counters.runs.load() <= 8 + 9, qPrintable(QString::number(counters.runs.load())));
    const double gain = mainGainDb(rig);
    QVERIFY2(std::fabs(gain) < 0.01, qPrintable(QString::number(gain)));
}

void TestInserts::swapReordersSlots() {
    OfflineRig rig;
    setUnity(rig);
    auto probe = std::make_unique<test::ProbeInsert>(nullptr, 1);
    test::ProbeInsert* seen = probe.get();
    QVERIFY(insert(rig, Target::Channel, 0, 0, std::make_unique<test::GainInsert>(nullptr, 1, -6)));
    QVERIFY(insert(rig, Target::Channel, 0, 1, std::move(probe)));
    rig.run(0, test::sine(1000, kInDb, kRate / 10));
    seen->peak.store(0);
    rig.run(0, test::sine(1000, kInDb, kRate / 10));
    QVERIFY(std::fabs(20 * std::log10(seen->peak.load()) - (kInDb - 6)) < 0.05);

    rig.setChannel(0, Param::InsertSwap, 0, 1); // probe first, then the gain
    rig.run(0, test::sine(1000, kInDb, 64));
    seen->peak.store(0);
    rig.run(0, test::sine(1000, kInDb, kRate / 10));
    QVERIFY(std::fabs(20 * std::log10(seen->peak.load()) - kInDb) < 0.05);
}

// Channel 0 has an insert that delays by 100 samples, channel 1 none: an
// impulse fed into both at once reaches main (0 hard left, 1 hard right) on
// the same sample.
void TestInserts::delayCompensationAlignsChannels() {
    OfflineRig rig;
    for (int ch : {0, 1}) {
        rig.setChannel(ch, Param::Fader, 0);
        rig.setChannel(ch, Param::Pan, ch == 0 ? -1 : 1);
    }
    QVERIFY(
        insert(rig, Target::Channel, 0, 0, std::make_unique<test::GainInsert>(nullptr, 1, 0, 100)));
    std::vector<Signal> in(4, Signal(kRate / 10, 0.0f));
    rig.run(in, kRate / 10);
    QCOMPARE(rig.engine().insertLatency(Target::Channel, 0), 100);
    QCOMPARE(rig.engine().alignmentDelay(0), 0);
    QCOMPARE(rig.engine().alignmentDelay(1), 100);

    in[0][1000] = in[1][1000] = 0.5f;
    const auto out = rig.run(in, kRate / 10);
    auto where = [](const Signal& s) {
        return int(std::max_element(s.begin(), s.end(),
                                    [](float a, float b) { return std::fabs(a) < std::fabs(b); }) -
                   s.begin());
    };
    QCOMPARE(where(out[kMainLeftOutput]), 1100);
    QCOMPARE(where(out[kMainRightOutput]), 1100);
    QCOMPARE(out[kMainLeftOutput][1100], 0.5f);
    QCOMPARE(out[kMainRightOutput][1100], 0.5f);
}

void TestInserts::bypassedSlotKeepsItsLatency() {
    OfflineRig rig;
    setUnity(rig);
    rig.setChannel(0, Param::Pan, -1);
    QVERIFY(
        insert(rig, Target::Channel, 0, 0, std::make_unique<test::GainInsert>(nullptr, 1, -6, 37)));
    rig.setChannel(0, Param::InsertOn, 0, 0);
    Signal in(kRate / 10, 0.0f);
    rig.run(0, in);
    in[500] = 1.0f;
    const Signal out = rig.run(0, in)[kMainLeftOutput];
    QCOMPARE(out[537], 1.0f); // dry, and still 37 samples late
    QCOMPARE(rig.engine().insertLatency(Target::Channel, 0), 37);
}

void TestInserts::refusesWhatDoesNotFit() {
    OfflineRig rig;
    Engine& e = rig.engine();
    auto refused = [&](Target t, int index, int slot, std::unique_ptr<InsertProcessor> p) {
        InsertProcessor* raw = p.get();
        const bool ok = e.postInsert(t, index, slot, p);
        return !ok && p.get() == raw; // still the caller's
    };
    QVERIFY(refused(Target::Channel, 0, 0, std::make_unique<test::GainInsert>(nullptr, 2, 0)));
    QVERIFY(refused(Target::Main, 0, 0, std::make_unique<test::GainInsert>(nullptr, 1, 0)));
    QVERIFY(refused(Target::Channel, 4, 0, std::make_unique<test::GainInsert>(nullptr, 1, 0)));
    QVERIFY(
        refused(Target::Bus, 0, kInsertSlots, std::make_unique<test::GainInsert>(nullptr, 1, 0)));
    QVERIFY(refused(Target::Dca, 0, 0, std::make_unique<test::GainInsert>(nullptr, 1, 0)));
    QVERIFY(refused(Target::Channel, 0, 0,
                    std::make_unique<test::GainInsert>(nullptr, 1, 0, kMaxInsertLatency + 1)));
    QVERIFY(insert(rig, Target::Channel, 0, 0,
                   std::make_unique<test::GainInsert>(nullptr, 1, 0, kMaxInsertLatency)));
}

void TestInserts::engineFreesWhatItHolds() {
    test::InsertCounters counters;
    {
        OfflineRig rig;
        QVERIFY(insert(rig, Target::Channel, 0, 0,
                       std::make_unique<test::GainInsert>(&counters, 1, 0))); // running
        rig.run(0, Signal(256, 0.0f));
        QVERIFY(insert(rig, Target::Channel, 1, 0,
                       std::make_unique<test::GainInsert>(&counters, 1, 0))); // still queued
    }
    QCOMPARE(counters.destroyed.load(), 2);
}

QTEST_GUILESS_MAIN(TestInserts)
#include "tst_inserts.moc"
