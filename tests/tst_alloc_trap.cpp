// The audio callback never touches the heap. The allocation trap
// (support/AllocationTrap) replaces every allocation function of this
// program and counts each call made on a thread that is inside
// Engine::rt_process; every path of the callback is driven
// (support/EngineExercise) and the count must stay zero.
//
// Not part of the RealtimeSanitizer build, which intercepts malloc itself.

#include "support/AllocationTrap.h"
#include "support/EngineExercise.h"

#include "rt/AudioThread.h"

#include <QtTest>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

using namespace stagedesk;
using stagedesk::test::AllocationTrap;
using Kind = AllocationTrap::Kind;

namespace {
// Where the positive controls put their pointers, so that the compiler can
// neither prove them unused nor drop the allocation.
void* volatile g_sink = nullptr;
} // namespace

class TestAllocTrap : public QObject {
    Q_OBJECT

private slots:
    void init();
    void trapIsInstalled();
    void trapCatchesEveryKindInsideTheCallback();
    void trapIgnoresOtherThreadsAndOutsideTheCallback();
    void callbackNeverAllocates_data();
    void callbackNeverAllocates();
};

void TestAllocTrap::init() {
    AllocationTrap::reset();
}

void TestAllocTrap::trapIsInstalled() {
    // The replacements are in use: this allocation went through them.
    const std::uint64_t before = AllocationTrap::callsSeen();
    auto* p = new std::vector<int>(100);
    g_sink = p;
    delete p;
    QVERIFY(AllocationTrap::callsSeen() >= before + 2);
    QCOMPARE(AllocationTrap::violations(), std::uint64_t(0));
}

// Positive control: inside an AudioThreadScope (what rt_process opens) every
// kind of heap call is caught, including one made inside the C library.
void TestAllocTrap::trapCatchesEveryKindInsideTheCallback() {
    QVERIFY(!rt::isInAudioCallback());
    bool inside = false;
    {
        rt::AudioThreadScope callback;
        inside = rt::isInAudioCallback();
        int* n = new int(42);
        g_sink = n;
        delete n;
        int* a = new int[8];
        g_sink = a;
        delete[] a;
        void* m = std::malloc(64);
        g_sink = m;
        m = std::realloc(m, 128);
        g_sink = m;
        std::free(m);
        void* c = std::calloc(4, 16);
        g_sink = c;
        std::free(c);
        void* al = std::aligned_alloc(64, 128);
        g_sink = al;
        std::free(al);
        void* pm = nullptr;
        if (posix_memalign(&pm, 64, 128) == 0)
            g_sink = pm;
        std::free(pm);
        char* dup = strdup("inside libc"); // malloc called by the C library
        g_sink = dup;
        std::free(dup);
        std::free(nullptr); // a no-op, not a violation
    }
    QVERIFY(inside);
    QVERIFY(!rt::isInAudioCallback());
    const std::string report = AllocationTrap::report();
    QVERIFY2(AllocationTrap::violations(Kind::OperatorNew) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::OperatorDelete) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::OperatorNewArray) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::OperatorDeleteArray) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::Malloc) == 2, report.c_str()); // malloc, strdup
    QVERIFY2(AllocationTrap::violations(Kind::Realloc) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::Calloc) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::AlignedAlloc) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::PosixMemalign) == 1, report.c_str());
    QVERIFY2(AllocationTrap::violations(Kind::Free) == 5, report.c_str());
    QCOMPARE(AllocationTrap::violations(), std::uint64_t(15));
    qInfo("positive control, as a violation would be reported:\n%s", report.c_str());
    // The first violation's call stack was recorded.
    QVERIFY2(report.find("#1 operator new called from:") != std::string::npos, report.c_str());
    AllocationTrap::reset();
    QCOMPARE(AllocationTrap::violations(), std::uint64_t(0));
}

void TestAllocTrap::trapIgnoresOtherThreadsAndOutsideTheCallback() {
    // Another thread allocating while this one is inside the callback.
    std::atomic<int> stage{0};
    std::thread other([&] {
        while (stage.load() != 1)
            std::this_thread::yield();
        void* p = std::malloc(32);
        g_sink = p;
        std::free(p);
        stage = 2;
    });
    std::uint64_t whileTheOtherAllocated = 0;
    bool innerRestored = false;
    {
        rt::AudioThreadScope callback;
        stage = 1;
        while (stage.load() != 2) {
        }
        whileTheOtherAllocated = AllocationTrap::violations();
        { rt::AudioThreadScope nested; }
        innerRestored = rt::isInAudioCallback(); // a nested scope restores the outer state
    }
    other.join();
    QCOMPARE(whileTheOtherAllocated, std::uint64_t(0));
    QVERIFY(innerRestored);
    // And outside any callback nothing counts.
    void* p = std::malloc(32);
    g_sink = p;
    std::free(p);
    QCOMPARE(AllocationTrap::violations(), std::uint64_t(0));
}

void TestAllocTrap::callbackNeverAllocates_data() {
    QTest::addColumn<int>("index");
    const auto& all = test::allExercises();
    for (std::size_t i = 0; i < all.size(); ++i)
        QTest::newRow(all[i].name) << static_cast<int>(i);
}

void TestAllocTrap::callbackNeverAllocates() {
    QFETCH(int, index);
    const test::Exercise& exercise = test::allExercises()[static_cast<std::size_t>(index)];
    AllocationTrap::reset();
    const test::ExerciseResult result = exercise.run();
    const std::uint64_t violations = AllocationTrap::violations();
    const std::string report = AllocationTrap::report();
    qInfo("%s: %ld callbacks, %llu heap calls inside them", exercise.name, result.callbacks,
          static_cast<unsigned long long>(violations));
    QVERIFY2(result.ok, result.message.c_str());
    QVERIFY(result.callbacks > 0);
    QVERIFY2(violations == 0, report.c_str());
}

QTEST_GUILESS_MAIN(TestAllocTrap)
#include "tst_alloc_trap.moc"
