// Every path of the audio callback under clang's RealtimeSanitizer.
//
// Engine::rt_process is marked STAGEDESK_NONBLOCKING. In the RTSan build
// (-DSTAGEDESK_RTSAN=ON, clang, -fsanitize=realtime) that makes it a
// real-time context: any allocation, free, lock, blocking system call or
// throw inside it, however deep, aborts this program with the offending call
// stack. The exercises (support/EngineExercise) drive every path of the
// callback and check their outcome; in the ordinary build they run as plain
// functional tests. The companion tests rtsan_negative_control and
// rtsan_engine_instrumented prove that the sanitizer is active in that build
// and that rt_process is instrumented.

#include "support/EngineExercise.h"

#include <QtTest>

#ifndef __has_feature
#define __has_feature(x) 0
#endif

using namespace stagedesk;

class TestRtsan : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void callbackIsRealtimeSafe_data();
    void callbackIsRealtimeSafe();
};

void TestRtsan::initTestCase() {
#if __has_feature(realtime_sanitizer)
    qInfo("RealtimeSanitizer build: a violation inside rt_process aborts this test");
#else
    qInfo("not a RealtimeSanitizer build: the exercises run as functional tests only");
#endif
}

void TestRtsan::callbackIsRealtimeSafe_data() {
    QTest::addColumn<int>("index");
    const auto& all = test::allExercises();
    for (std::size_t i = 0; i < all.size(); ++i)
        QTest::newRow(all[i].name) << static_cast<int>(i);
}

void TestRtsan::callbackIsRealtimeSafe() {
    QFETCH(int, index);
    const test::Exercise& exercise = test::allExercises()[static_cast<std::size_t>(index)];
    const test::ExerciseResult result = exercise.run();
    qInfo("%s: %ld callbacks", exercise.name, result.callbacks);
    QVERIFY2(result.ok, result.message.c_str());
    QVERIFY(result.callbacks > 0);
}

QTEST_GUILESS_MAIN(TestRtsan)
#include "tst_rtsan.moc"
