// scene_recall: how long a scene recall takes, from SceneList::recall() to
// the engine having applied its last change, on a 128-input, 16-bus console
// where the recall changes every parameter.
//
// The engine runs in real time on the internal clock (48 kHz, 64 frames), as
// it does without a sound card. Two scenes that differ in every parameter are
// recalled in turn, at varying moments within the block period. For each
// recall we print-aggregate:
//   model    time spent in recall(): building the transaction, validating,
//            storing, posting it to the engine queue and telling observers;
//   applied  time from the call until the engine's applied-command log shows
//            the transaction (polled), and the block that applied it counted
//            from the block that was next when recall() was called
//            (0 = the very next block).
// Then, offline on one thread, what the block that applies such a recall
// costs the audio thread against a block without changes.
// Plain text figures; no assertions.

#include "SceneList.h"
#include "support/ConsoleFill.h"

#include "Engine.h"
#include "io/InternalClockBackend.h"
#include "io/OfflineRenderer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

using namespace stagedesk;
using namespace stagedesk::scenes;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kInputs = 128;
constexpr int kBuses = 16;
constexpr double kRate = 48000;
constexpr int kFrames = 64;

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

void fill(ConsoleState& state, double fraction, const QString& tag) {
    const auto all = test::filledConsole(state.registry(), fraction, tag);
    state.applyTransaction(all, kInternalSource);
}

// Scenes 0 and 1 differ in every parameter; the console is left at scene 1.
void storeTwoOppositeScenes(ConsoleState& state, SceneList& scenes) {
    const RecallScope everything = RecallScope::everything(state.registry().size());
    fill(state, 0.8, "B");
    scenes.store(0, "B", everything);
    fill(state, 0.2, "A");
    scenes.store(1, "A", everything);
}

struct Figures {
    std::vector<double> values;
    void add(double v) { values.push_back(v); }
    double at(double q) {
        std::sort(values.begin(), values.end());
        return values[std::size_t(q * double(values.size() - 1) + 0.5)];
    }
    void print(const char* name, const char* unit) {
        double sum = 0;
        for (double v : values)
            sum += v;
        std::printf("  %-22s min %8.3f  median %8.3f  p95 %8.3f  max %8.3f  mean %8.3f %s\n", name,
                    at(0), at(0.5), at(0.95), at(1), sum / double(values.size()), unit);
    }
};

bool waitUntilIdle(engine::Engine& engine) {
    // The queue is empty once the applied count stops moving for a few blocks.
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    std::uint64_t last = ~0ull;
    while (Clock::now() < deadline) {
        const auto s = engine.stats();
        if (s.commandsApplied + s.commandsRejected == last)
            return true;
        last = s.commandsApplied + s.commandsRejected;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

// The audio thread's share: blocks that apply a whole recall against plain
// blocks, rendered offline on this thread.
void blockCost(ParameterRegistry& registry, int iterations) {
    engine::Engine engine(engine::EngineConfig{kInputs, kBuses, kRate});
    engine::OfflineRenderer renderer(engine, kFrames);
    ConsoleState state(registry, &engine);
    SceneList scenes(state);
    storeTwoOppositeScenes(state, scenes);
    for (int i = 0; i < 100; ++i)
        renderer.renderBlock();

    Figures plain, recalling;
    for (int i = 0; i < iterations; ++i) {
        scenes.recall(i % 2);
        auto t0 = Clock::now();
        renderer.renderBlock();
        recalling.add(1000.0 * ms(Clock::now() - t0));
        for (int b = 0; b < 20; ++b) {
            t0 = Clock::now();
            renderer.renderBlock();
            plain.add(1000.0 * ms(Clock::now() - t0));
        }
    }
    std::printf("audio thread, offline (block budget %.0f us):\n", 1e6 * kFrames / kRate);
    recalling.print("block with the recall", "us");
    plain.print("block without changes", "us");
}

} // namespace

int main(int argc, char** argv) {
    const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;

    ParameterRegistry registry({kInputs, kBuses});
    engine::Engine engine(engine::EngineConfig{kInputs, kBuses, kRate});
    engine::InternalClockBackend clock(engine, kRate, kFrames);
    ConsoleState state(registry, &engine);
    SceneList scenes(state);

    storeTwoOppositeScenes(state, scenes);

    // What a recall of "everything" reaches (the soundcheck section is never
    // in a scene's scope unless named).
    const RecallScope everything = RecallScope::everything(registry.size());
    int recalledParams = 0, engineParams = 0;
    for (const ParameterDescriptor& d : registry.all()) {
        if (!everything.includes(d))
            continue;
        ++recalledParams;
        engineParams += d.mapping != EngineMapping::None ? 1 : 0;
    }

    std::string error;
    if (!clock.start(error)) {
        std::fprintf(stderr, "scene_recall: cannot start the internal clock: %s\n", error.c_str());
        return 1;
    }
    if (!waitUntilIdle(engine)) {
        std::fprintf(stderr, "scene_recall: the engine did not take the initial state\n");
        return 1;
    }
    engine.drainAppliedLog([](const engine::AppliedRecord&) {});

    std::printf("scene_recall: %d inputs, %d buses, %d parameters (%d engine parameters)\n",
                kInputs, kBuses, recalledParams, engineParams);
    std::printf("engine: %s, block %.3f ms\n", clock.description().c_str(),
                1000.0 * kFrames / kRate);

    Figures model, applied, blocks;
    int split = 0, timeouts = 0;
    std::uint64_t lastCommands = 0;
    for (int i = 0; i < iterations; ++i) {
        // Land at different moments within the block period.
        std::this_thread::sleep_for(std::chrono::microseconds(3000 + (i * 379) % 1333));
        const std::uint64_t nextBlock = engine.stats().blocks;
        const auto t0 = Clock::now();
        scenes.recall(i % 2); // B, A, B, ...: every parameter changes
        const auto t1 = Clock::now();

        std::uint64_t commands = 0, appliedBlock = 0;
        int records = 0;
        auto t2 = t1;
        while (commands < std::uint64_t(engineParams) &&
               Clock::now() - t0 < std::chrono::seconds(2)) {
            engine.drainAppliedLog([&](const engine::AppliedRecord& r) {
                commands += r.commands;
                appliedBlock = r.block;
                ++records;
            });
            t2 = Clock::now();
        }
        if (commands < std::uint64_t(engineParams)) {
            ++timeouts;
            continue;
        }
        split += records > 1 ? 1 : 0;
        lastCommands = commands;
        model.add(ms(t1 - t0));
        applied.add(ms(t2 - t0));
        blocks.add(double(appliedBlock - nextBlock));
    }
    clock.stop();

    const auto s = engine.stats();
    std::printf("recalls: %d, each changing %d parameters (%llu engine commands in one "
                "transaction)\n",
                iterations, recalledParams, static_cast<unsigned long long>(lastCommands));
    if (!model.values.empty()) {
        model.print("model (recall call)", "ms");
        applied.print("until applied", "ms");
        blocks.print("until applied", "blocks after");
    }
    std::printf("recalls split over more than one block: %d; not applied within 2 s: %d\n", split,
                timeouts);
    std::printf("engine: %llu blocks, %llu xruns, %llu commands rejected, callback mean %.1f us, "
                "max %.1f us\n",
                static_cast<unsigned long long>(s.blocks), static_cast<unsigned long long>(s.xruns),
                static_cast<unsigned long long>(s.commandsRejected), s.meanCallbackUs,
                s.maxCallbackUs);
    blockCost(registry, std::min(iterations, 200));
    return 0;
}
