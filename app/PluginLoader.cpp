#include "PluginLoader.h"

#include <utility>

namespace stagedesk::app {

PluginLoader::PluginLoader(plugins::PluginWorld& world, std::function<void()> ready)
    : m_world(world), m_ready(std::move(ready)), m_thread([this] { run(); }) {}

PluginLoader::~PluginLoader() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void PluginLoader::submit(Job job) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

std::vector<PluginLoader::Result> PluginLoader::takeResults() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_results, {});
}

void PluginLoader::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
        if (m_stopping)
            return;
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        job.request.state = job.state ? &*job.state : nullptr;
        Result result{job.slot, job.generation, job.request.uri,
                      plugins::PluginInsert::create(m_world, job.request)};
        lock.lock();
        m_results.push_back(std::move(result));
        lock.unlock();
        m_ready();
        lock.lock();
    }
}

} // namespace stagedesk::app
