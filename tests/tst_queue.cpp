// The lock-free building blocks and the engine's transaction guarantee:
// the SPSC queue (order, capacity, all-or-nothing batches, two threads), the
// triple buffer (whole snapshots only), and a 5,000-command batch pushed
// while the engine runs, seen by the audio thread all in one block or not at all.

#include "Engine.h"
#include "io/OfflineRenderer.h"
#include "rt/SpscQueue.h"
#include "rt/TripleBuffer.h"

#include <QtTest>

#include <array>
#include <atomic>
#include <thread>

using namespace stagedesk;
using namespace stagedesk::engine;

class TestQueue : public QObject {
    Q_OBJECT

private slots:
    void capacityIsReportedAndNeverExceeded();
    void batchIsAllOrNothing();
    void orderSurvivesWrapAround();
    void twoThreadsKeepEverySequenceNumber();
    void tripleBufferOnlyShowsWholeSnapshots();
    void engineQueueFullIsReportedNotBlocking();
    void batchIsAppliedInOneBlock();
};

void TestQueue::capacityIsReportedAndNeverExceeded() {
    rt::SpscQueue<int> q(100);
    QCOMPARE(q.capacity(), std::size_t(128));
    int pushed = 0;
    while (q.tryPush(pushed))
        ++pushed;
    QCOMPARE(pushed, 128);
    QCOMPARE(q.freeSpace(), std::size_t(0));
    int seen = 0;
    QCOMPARE(q.consumeAll([&](int v) { QCOMPARE(v, seen++); }), std::size_t(128));
    QCOMPARE(q.freeSpace(), std::size_t(128));
}

void TestQueue::batchIsAllOrNothing() {
    rt::SpscQueue<int> q(16);
    std::array<int, 10> batch{};
    QVERIFY(q.tryPushAll(batch));
    QVERIFY(!q.tryPushAll(batch)); // 6 free: refused whole
    QCOMPARE(q.freeSpace(), std::size_t(6));
    QCOMPARE(q.consumeAll([](int) {}), std::size_t(10));
    QVERIFY(q.tryPushAll(batch));
}

void TestQueue::orderSurvivesWrapAround() {
    rt::SpscQueue<int> q(8);
    int next = 0, expected = 0;
    for (int round = 0; round < 100; ++round) {
        const int n = 1 + round % 8;
        for (int i = 0; i < n; ++i)
            QVERIFY(q.tryPush(next++));
        q.consumeAll([&](int v) { QCOMPARE(v, expected++); });
    }
    QCOMPARE(expected, next);
}

void TestQueue::twoThreadsKeepEverySequenceNumber() {
    constexpr std::uint64_t kCount = 2'000'000;
    rt::SpscQueue<std::uint64_t> q(1024);
    std::thread producer([&] {
        for (std::uint64_t i = 0; i < kCount;)
            if (q.tryPush(i))
                ++i;
    });
    std::uint64_t expected = 0;
    bool inOrder = true;
    while (expected < kCount)
        q.consumeAll([&](std::uint64_t v) { inOrder = inOrder && v == expected++; });
    producer.join();
    QVERIFY(inOrder);
}

void TestQueue::tripleBufferOnlyShowsWholeSnapshots() {
    struct Snapshot {
        std::array<std::uint64_t, 64> values{};
    };
    rt::TripleBuffer<Snapshot> buffer{Snapshot{}};
    std::atomic<bool> done{false};
    std::thread writer([&] {
        for (std::uint64_t n = 1; n <= 500'000; ++n) {
            buffer.back().values.fill(n);
            buffer.publish();
        }
        done = true;
    });
    std::uint64_t last = 0, fresh = 0;
    bool whole = true, monotonic = true;
    while (!done.load()) {
        if (!buffer.update())
            continue;
        ++fresh;
        const auto& v = buffer.front().values;
        for (std::uint64_t x : v)
            whole = whole && x == v[0];
        monotonic = monotonic && v[0] > last;
        last = v[0];
    }
    writer.join();
    buffer.update();
    QVERIFY(whole);
    QVERIFY(monotonic);
    QVERIFY(fresh > 0);
    QCOMPARE(buffer.front().values[0], std::uint64_t(500'000));
}

void TestQueue::engineQueueFullIsReportedNotBlocking() {
    Engine engine(EngineConfig{8, 4, 48000, 1024});
    const Command c{Target::Channel, Param::Fader, 0, 0, -10};
    std::size_t accepted = 0;
    while (engine.post(c))
        ++accepted;
    QCOMPARE(accepted, engine.commandCapacity());
    std::vector<Command> batch(10, c);
    QVERIFY(!engine.postBatch(batch));
    OfflineRenderer renderer(engine, 64);
    renderer.renderBlock();
    QVERIFY(engine.postBatch(batch));
}

void TestQueue::batchIsAppliedInOneBlock() {
    // A 128-input console running flat out on its own thread; this thread is
    // the control thread and posts 60 batches of 5,000 distinct changes.
    constexpr int kBatch = 5000, kBatches = 60;
    Engine engine(EngineConfig{128, 16, 48000, 1 << 16});
    OfflineRenderer renderer(engine, 64);
    std::atomic<bool> running{true};
    std::thread audio([&] {
        while (running.load(std::memory_order_relaxed))
            renderer.renderBlock();
    });

    std::vector<Command> batch;
    for (int i = 0; i < kBatch; ++i)
        batch.push_back({Target::Channel, Param::SendLevel, std::uint16_t(i % 128),
                         std::uint16_t((i / 128) % 16), -float(i % 60)});
    std::uint64_t records = 0, applied = 0, splitBlocks = 0;
    auto drain = [&] {
        engine.drainAppliedLog([&](const AppliedRecord& r) {
            ++records;
            applied += r.commands;
            if (r.commands % kBatch != 0)
                ++splitBlocks;
        });
    };
    for (int b = 0; b < kBatches;) {
        if (engine.postBatch(batch))
            ++b;
        else
            std::this_thread::yield();
        drain();
    }
    while (applied < std::uint64_t(kBatch) * kBatches) {
        std::this_thread::yield();
        drain();
    }
    running = false;
    audio.join();
    QCOMPARE(splitBlocks, std::uint64_t(0));
    QCOMPARE(applied, std::uint64_t(kBatch) * kBatches);
    QVERIFY(records > 1); // the batches really were interleaved with blocks
    QCOMPARE(engine.stats().commandsApplied, std::uint64_t(kBatch) * kBatches);
}

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
