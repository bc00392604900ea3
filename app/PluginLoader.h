#pragma once
// Builds plugin inserts on a thread of its own, so that the control thread
// never waits for lilv: instantiating a plugin can take long (a reverb
// allocating its buffers, a plugin reading files, PluginWorld's lock held by
// another user). Jobs run in order; results are collected on the control
// thread, which 'ready' (called on the loader thread) only has to wake.

#include "PluginInsert.h"
#include "PluginState.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace stagedesk::app {

class PluginLoader {
public:
    struct Job {
        int slot = 0;                           // the caller's, handed back with the result
        std::uint64_t generation = 0;           // likewise: tells a stale result from the newest
        plugins::PluginInsert::Request request; // its 'state' is set from 'state' below
        std::optional<plugins::PluginState> state;
    };
    struct Result {
        int slot = 0;
        std::uint64_t generation = 0;
        std::string uri;
        plugins::PluginInsert::Created created;
    };

    PluginLoader(plugins::PluginWorld& world, std::function<void()> ready);
    // Finishes the job in hand and drops the others.
    ~PluginLoader();
    PluginLoader(const PluginLoader&) = delete;
    PluginLoader& operator=(const PluginLoader&) = delete;

    void submit(Job job);
    std::vector<Result> takeResults();

private:
    void run();

    plugins::PluginWorld& m_world;
    std::function<void()> m_ready;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    std::vector<Result> m_results;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once the rest exists
};

} // namespace stagedesk::app
