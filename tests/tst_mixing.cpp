// The mixing engine as a whole, offline: send tap points, buses, main
// assignment, DCAs, mute groups, smoothing of gains and mutes, and the
// engine's handling of invalid commands.

#include "support/OfflineRig.h"

#include <QtTest>

#include <cmath>

using namespace stagedesk;
using namespace stagedesk::engine;
using stagedesk::test::OfflineRig;
using stagedesk::test::Signal;

namespace {
constexpr int kSecond = 48000;
constexpr double kInDb = -20;
constexpr double kSilent = -120;

// Level of an output relative to the -20 dBFS 1 kHz sine fed into channel 0.
double levelDb(const Signal& out) {
    return test::sineRmsDb(out, 1000) - (kInDb - 3.0103);
}
std::vector<Signal> play(OfflineRig& rig) {
    return rig.run(0, test::sine(1000, kInDb, kSecond / 2));
}
} // namespace

class TestMixing : public QObject {
    Q_OBJECT

private slots:
    void sendTapPoints_data();
    void sendTapPoints();
    void sendsFollowMuteAndOnAndBus();
    void busHasItsOwnEqAndFader();
    void mainAssignmentAndSumming();
    void dcaOffsetsAndMutesMembers();
    void muteGroupsMuteMembersOnly();
    void faderMovesWithoutSteps();
    void muteRampsOverMilliseconds();
    void fadeFollowsTheLineInDb_data();
    void fadeFollowsTheLineInDb();
    void newFadeTakesOverMidway();
    void invalidCommandsAreCountedAndIgnored();
    void monitorFollowsMainWithoutSolo();
    void pflHearsTheChannelBeforeMuteAndFader();
    void aflHearsTheBusAfterItsFader();
    void soloSwitchesTheMonitorWithoutAClick();
};

void TestMixing::sendTapPoints_data() {
    QTest::addColumn<int>("tap");
    QTest::addColumn<double>("expectedDb");
    // Send -6 dB, EQ +12 dB at 1 kHz, fader -10 dB, send taken at:
    QTest::newRow("pre-EQ") << int(SendTap::PreEq) << -6.0;
    QTest::newRow("pre-fader") << int(SendTap::PreFader) << 6.0;
    QTest::newRow("post-fader") << int(SendTap::PostFader) << -4.0;
}

void TestMixing::sendTapPoints() {
    QFETCH(int, tap);
    QFETCH(double, expectedDb);
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, -10);
    rig.setChannel(0, Param::EqBandGain, 12, 1);
    rig.setChannel(0, Param::EqBandFreq, 1000, 1);
    rig.setChannel(0, Param::SendLevel, -6, 2);
    rig.setChannel(0, Param::SendTap, tap, 2);
    const auto out = play(rig);
    const double bus = levelDb(out[busOutput(2)]);
    QVERIFY2(std::fabs(bus - expectedDb) < 0.05, qPrintable(QString::number(bus)));
    QVERIFY(levelDb(out[busOutput(1)]) < kSilent);
    QVERIFY(levelDb(out[busOutput(3)]) < kSilent);
}

void TestMixing::sendsFollowMuteAndOnAndBus() {
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::SendLevel, 0, 0);
    rig.setChannel(0, Param::SendTap, int(SendTap::PreFader), 0);
    QVERIFY(std::fabs(levelDb(play(rig)[busOutput(0)])) < 0.05);
    rig.setChannel(0, Param::On, 0); // a muted channel is muted in its monitors too
    QVERIFY(levelDb(play(rig)[busOutput(0)]) < kSilent);
    rig.setChannel(0, Param::On, 1);
    rig.setChannel(0, Param::SendOn, 0, 0);
    QVERIFY(levelDb(play(rig)[busOutput(0)]) < kSilent);
    rig.setChannel(0, Param::SendOn, 1, 0);
    rig.set(Target::Bus, Param::On, 0, 0);
    QVERIFY(levelDb(play(rig)[busOutput(0)]) < kSilent);
    rig.set(Target::Bus, Param::On, 0, 1);
    rig.set(Target::Bus, Param::Fader, 0, -7.5f);
    QVERIFY(std::fabs(levelDb(play(rig)[busOutput(0)]) + 7.5) < 0.05);
}

void TestMixing::busHasItsOwnEqAndFader() {
    OfflineRig rig;
    rig.setChannel(0, Param::SendLevel, 0, 1);
    rig.setChannel(0, Param::SendTap, int(SendTap::PreFader), 1);
    rig.set(Target::Bus, Param::EqBandGain, 1, 6, 2);
    rig.set(Target::Bus, Param::EqBandFreq, 1, 1000, 2);
    rig.set(Target::Bus, Param::Fader, 1, -3);
    const auto out = play(rig);
    QVERIFY(std::fabs(levelDb(out[busOutput(1)]) - 3) < 0.05);
    QVERIFY(levelDb(out[kMainLeftOutput]) < kSilent); // channel fader is still -inf
}

void TestMixing::mainAssignmentAndSumming() {
    OfflineRig rig;
    const Signal s = test::sine(1000, kInDb, kSecond / 2);
    for (int ch = 0; ch < 2; ++ch) {
        rig.setChannel(ch, Param::Fader, 0);
        rig.setChannel(ch, Param::Pan, -1);
    }
    auto out = rig.run({s, s}, kSecond / 2);
    QVERIFY(std::fabs(test::sineRmsDb(out[kMainLeftOutput], 1000) - (kInDb - 3.0103 + 6.0206)) <
            0.05);
    rig.setChannel(1, Param::MainOn, 0);
    out = rig.run({s, s}, kSecond / 2);
    QVERIFY(std::fabs(test::sineRmsDb(out[kMainLeftOutput], 1000) - (kInDb - 3.0103)) < 0.05);
    rig.set(Target::Main, Param::On, 0, 0);
    out = rig.run({s, s}, kSecond / 2);
    QVERIFY(test::sineRmsDb(out[kMainLeftOutput], 1000) < -200);
}

void TestMixing::dcaOffsetsAndMutesMembers() {
    OfflineRig rig;
    const Signal s = test::sine(1000, kInDb, kSecond / 2);
    for (int ch = 0; ch < 2; ++ch) {
        rig.setChannel(ch, Param::Fader, -5);
        rig.setChannel(ch, Param::Pan, ch == 0 ? -1 : 1);
    }
    rig.setChannel(0, Param::DcaMask, 0b1); // DCA 1
    auto levels = [&] {
        const auto out = rig.run({s, s}, kSecond / 2);
        return std::pair{test::sineRmsDb(out[kMainLeftOutput], 1000) - kInDb + 3.0103,
                         test::sineRmsDb(out[kMainRightOutput], 1000) - kInDb + 3.0103};
    };
    rig.set(Target::Dca, Param::Fader, 0, -10);
    auto [member, other] = levels();
    QVERIFY2(std::fabs(member + 15) < 0.05, qPrintable(QString::number(member)));
    QVERIFY(std::fabs(other + 5) < 0.05);

    rig.setChannel(0, Param::DcaMask, 0b11); // DCAs 1 and 2 add up
    rig.set(Target::Dca, Param::Fader, 1, 4);
    std::tie(member, other) = levels();
    QVERIFY2(std::fabs(member + 11) < 0.05, qPrintable(QString::number(member)));

    rig.set(Target::Dca, Param::On, 1, 0); // DCA 2 muted
    std::tie(member, other) = levels();
    QVERIFY(member < kSilent);
    QVERIFY(std::fabs(other + 5) < 0.05);

    rig.set(Target::Dca, Param::On, 1, 1);
    rig.set(Target::Dca, Param::Fader, 0, -144); // a DCA at -inf silences its members
    std::tie(member, other) = levels();
    QVERIFY(member < kSilent);
}

void TestMixing::muteGroupsMuteMembersOnly() {
    OfflineRig rig;
    const Signal s = test::sine(1000, kInDb, kSecond / 2);
    for (int ch = 0; ch < 2; ++ch) {
        rig.setChannel(ch, Param::Fader, 0);
        rig.setChannel(ch, Param::Pan, ch == 0 ? -1 : 1);
    }
    rig.setChannel(0, Param::MuteGroupMask, 0b100); // group 3
    rig.set(Target::MuteGroup, Param::On, 2, 1);
    auto out = rig.run({s, s}, kSecond / 2);
    QVERIFY2(test::sineRmsDb(out[kMainLeftOutput], 1000) < -200,
             qPrintable(QString::number(test::sineRmsDb(out[kMainLeftOutput], 1000))));
    QVERIFY2(std::fabs(test::sineRmsDb(out[kMainRightOutput], 1000) - kInDb + 3.0103) < 0.05,
             qPrintable(QString::number(test::sineRmsDb(out[kMainRightOutput], 1000))));
    rig.set(Target::MuteGroup, Param::On, 1, 1); // another group: no effect on ch 1
    rig.set(Target::MuteGroup, Param::On, 2, 0);
    out = rig.run({s, s}, kSecond / 2);
    QVERIFY(std::fabs(test::sineRmsDb(out[kMainLeftOutput], 1000) - kInDb + 3.0103) < 0.05);
}

void TestMixing::faderMovesWithoutSteps() {
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Pan, -1);
    rig.run(0, test::constant(-6, kSecond / 10));
    rig.setChannel(0, Param::Fader, -40);
    const Signal out = rig.run(0, test::constant(-6, kSecond / 5))[kMainLeftOutput];
    float worstStep = 0;
    for (std::size_t i = 1; i < out.size(); ++i) {
        QVERIFY2(out[i] <= out[i - 1] + 1e-7f, "a falling fader never rises");
        worstStep = std::max(worstStep, out[i - 1] - out[i]);
    }
    // 0.5 -> 0.005 in steps no larger than 0.5% of full scale, and settled.
    QVERIFY2(worstStep < 0.005f, qPrintable(QString::number(worstStep)));
    QVERIFY(std::fabs(out.back() - 0.501187f * 0.01f) < 1e-5f);
}

void TestMixing::muteRampsOverMilliseconds() {
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Pan, -1);
    rig.run(0, test::constant(-6, kSecond / 10));
    rig.setChannel(0, Param::On, 0);
    const Signal out = rig.run(0, test::constant(-6, kSecond / 10))[kMainLeftOutput];
    // Not a jump: after 1 ms most of the signal is still there...
    QVERIFY2(out[47] > 0.25f, qPrintable(QString::number(out[47])));
    // ...and within 50 ms it is below -90 dBFS.
    QVERIFY2(std::fabs(out[2400]) < 3.2e-5f, qPrintable(QString::number(out[2400])));
    QCOMPARE(out.back(), 0.0f);
}

void TestMixing::fadeFollowsTheLineInDb_data() {
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("output");
    QTest::newRow("channel fader") << int(Target::Channel) << kMainLeftOutput;
    QTest::newRow("send level") << int(Target::Channel) << busOutput(1);
    QTest::newRow("bus fader") << int(Target::Bus) << busOutput(1);
    QTest::newRow("main fader") << int(Target::Main) << kMainLeftOutput;
    QTest::newRow("dca fader") << int(Target::Dca) << kMainLeftOutput;
}

void TestMixing::fadeFollowsTheLineInDb() {
    // 0 dB -> -40 dB over 1 s (100 centiseconds), on a steady input: the
    // output in dB is the straight line, sample for sample, then stays.
    QFETCH(int, target);
    QFETCH(int, output);
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Pan, -1);
    rig.setChannel(0, Param::SendLevel, 0, 1);
    rig.setChannel(0, Param::DcaMask, 1);
    rig.run(0, test::constant(-6, kSecond / 5));
    const bool send = QString(QTest::currentDataTag()) == "send level";
    Command fade{Target(target),
                 send ? Param::SendLevel : Param::Fader,
                 std::uint16_t(target == int(Target::Bus) ? 1 : 0),
                 std::uint16_t(send ? 1 : 0),
                 -40,
                 100};
    QVERIFY(rig.engine().post(fade));
    const Signal out = rig.run(0, test::constant(-6, kSecond * 3 / 2))[output];
    auto dbAt = [&](int i) { return 20 * std::log10(std::fabs(out[i]) / 0.501187); };
    for (double t : {0.1, 0.25, 0.5, 0.75, 0.9}) {
        const int i = int(t * kSecond);
        QVERIFY2(std::fabs(dbAt(i) - (-40 * t)) < 0.1,
                 qPrintable(QString("at %1 s: %2 dB").arg(t).arg(dbAt(i))));
    }
    QVERIFY(std::fabs(dbAt(kSecond) + 40) < 0.05);
    QVERIFY(std::fabs(dbAt(kSecond * 3 / 2 - 1) + 40) < 0.01);
    QCOMPARE(rig.engine().stats().commandsRejected, std::uint64_t(0));
}

void TestMixing::newFadeTakesOverMidway() {
    // Halfway down a fade to -40 dB (at -20), a new 0.5 s fade back to 0 dB
    // starts from where the level is: no jump, then the new line.
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Pan, -1);
    rig.run(0, test::constant(-6, kSecond / 5));
    rig.engine().post({Target::Channel, Param::Fader, 0, 0, -40, 100});
    const Signal first = rig.run(0, test::constant(-6, kSecond / 2))[kMainLeftOutput];
    rig.engine().post({Target::Channel, Param::Fader, 0, 0, 0, 50});
    const Signal second = rig.run(0, test::constant(-6, kSecond))[kMainLeftOutput];
    auto db = [](float x) { return 20 * std::log10(std::fabs(x) / 0.501187); };
    QVERIFY(std::fabs(db(first.back()) + 20) < 0.1);
    QVERIFY2(std::fabs(db(second[0]) - db(first.back())) < 0.05, "no jump at the takeover");
    QVERIFY(std::fabs(db(second[kSecond / 4]) + 10) < 0.1);
    QVERIFY(std::fabs(db(second.back())) < 0.01);
    // A plain change during a fade ends the fade at once (after smoothing).
    rig.engine().post({Target::Channel, Param::Fader, 0, 0, -40, 100});
    rig.run(0, test::constant(-6, kSecond / 10));
    rig.engine().post({Target::Channel, Param::Fader, 0, 0, -6, 0});
    const Signal third = rig.run(0, test::constant(-6, kSecond))[kMainLeftOutput];
    QVERIFY(std::fabs(db(third.back()) + 6) < 0.01);
}

void TestMixing::invalidCommandsAreCountedAndIgnored() {
    OfflineRig rig(4, 2);
    rig.setChannel(0, Param::Fader, 0);
    rig.setChannel(0, Param::Pan, -1);
    rig.set(Target::Channel, Param::Fader, 4, 0);   // no channel 5
    rig.set(Target::Bus, Param::Fader, 2, 0);       // no bus 3
    rig.set(Target::Dca, Param::Fader, 16, 0);      // no DCA 17
    rig.set(Target::MuteGroup, Param::Fader, 0, 0); // groups only switch
    rig.setChannel(0, Param::EqBandGain, 15, 4);    // no band 5
    rig.setChannel(0, Param::Fader, NAN);           // NaN: the bottom of the range
    rig.setChannel(1, Param::Trim, INFINITY);       // clamped to +18 dB
    const auto out = play(rig);
    const EngineStats s = rig.engine().stats();
    QCOMPARE(s.commandsRejected, 5u);
    QCOMPARE(s.commandsApplied, 4u);
    QVERIFY(levelDb(out[kMainLeftOutput]) < kSilent);
    for (float x : out[kMainLeftOutput])
        QVERIFY(std::isfinite(x));
}

void TestMixing::monitorFollowsMainWithoutSolo() {
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, -3);
    rig.setChannel(0, Param::Pan, -0.4f);
    const auto out = play(rig);
    const EngineConfig& c = rig.engine().config();
    QCOMPARE(int(out.size()), 4 + c.buses);
    QVERIFY(out[monitorOutput(c, 0)] == out[kMainLeftOutput]);
    QVERIFY(out[monitorOutput(c, 1)] == out[kMainRightOutput]);
    QVERIFY(levelDb(out[kMainLeftOutput]) > -6);
}

// Channel 0 (-20 dBFS sine) soloed while muted with its fader at -30 dB:
// the monitor hears it at its pre-fader level on both sides, and nothing of
// channel 1; main does not change.
void TestMixing::pflHearsTheChannelBeforeMuteAndFader() {
    OfflineRig rig;
    rig.setChannel(0, Param::Fader, -30);
    rig.setChannel(0, Param::On, 0);
    rig.setChannel(0, Param::Trim, 6);
    rig.setChannel(1, Param::Fader, 0);
    rig.setChannel(0, Param::Solo, 1);
    std::vector<Signal> in(4, Signal(kSecond / 2, 0.0f));
    in[0] = test::sine(1000, kInDb, kSecond / 2);
    in[1] = test::sine(3000, kInDb, kSecond / 2);
    const auto out = rig.run(in, kSecond / 2);
    const EngineConfig& c = rig.engine().config();
    for (int side : {0, 1}) {
        const Signal& m = out[monitorOutput(c, side)];
        const double pfl = levelDb(m); // not panned: trim +6 only
        QVERIFY2(std::fabs(pfl - 6) < 0.01, qPrintable(QString::number(pfl)));
        // Channel 0 alone, sample by sample (once the trim has settled).
        float error = 0;
        for (std::size_t i = m.size() / 2; i < m.size(); ++i)
            error = std::max(error, std::fabs(m[i] - 1.9952623f * in[0][i]));
        QVERIFY2(error < 1e-5f, qPrintable(QString::number(error)));
    }
    // Main: channel 1 alone (channel 0 muted), centre-panned.
    QVERIFY(std::fabs(test::sineRmsDb(out[kMainLeftOutput], 3000) - (kInDb - 6.0206)) < 0.05);
    QVERIFY(rig.engine().stats().commandsRejected == 0);
}

void TestMixing::aflHearsTheBusAfterItsFader() {
    OfflineRig rig;
    rig.setChannel(0, Param::SendLevel, 0, 2);
    rig.setChannel(0, Param::SendTap, int(SendTap::PreFader), 2);
    rig.set(Target::Bus, Param::Fader, 2, -8);
    rig.set(Target::Bus, Param::Solo, 2, 1);
    const auto out = play(rig);
    const double afl = levelDb(out[monitorOutput(rig.engine().config(), 0)]);
    QVERIFY2(std::fabs(afl - (-8)) < 0.01, qPrintable(QString::number(afl)));
    QVERIFY(!rig.set(Target::Main, Param::Solo, 0, 1) ||
            rig.engine().stats().commandsRejected == 0);
}

void TestMixing::soloSwitchesTheMonitorWithoutAClick() {
    OfflineRig rig;
    rig.setChannel(0, Param::Pan, -1);
    rig.setChannel(0, Param::Fader, -144); // main silent; PFL at full level
    const Signal dc = test::constant(-6, kSecond / 10);
    rig.run(0, dc);
    rig.setChannel(0, Param::Solo, 1);
    const Signal m = rig.run(0, dc)[monitorOutput(rig.engine().config(), 0)];
    float step = 0;
    for (std::size_t i = 1; i < m.size(); ++i)
        step = std::max(step, std::fabs(m[i] - m[i - 1]));
    // A 10 ms cross-fade from main to solo, shaped by the solo gain's own
    // 5 ms smoothing: no step bigger than a 5 ms straight line would make
    // (the switch without them is one step of the whole level).
    QVERIFY2(step <= dc[0] / 240, qPrintable(QString::number(step)));
    QVERIFY(std::fabs(m.back() - dc[0]) < 1e-5f);
    rig.setChannel(0, Param::Solo, 0);
    const Signal back = rig.run(0, dc)[monitorOutput(rig.engine().config(), 0)];
    QVERIFY(std::fabs(back.back()) < 1e-6f);
}

QTEST_GUILESS_MAIN(TestMixing)
#include "tst_mixing.moc"
