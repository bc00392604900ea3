#include "Worker.h"

#include <cerrno>
#include <cstring>

namespace stagedesk::plugins {

namespace {
constexpr std::size_t kQueueMessages = 32;
}

Worker::Worker()
    : m_requests(kQueueMessages),
      m_responses(kQueueMessages), m_schedule{this, [](LV2_Worker_Schedule_Handle self,
                                                       std::uint32_t size, const void* data) {
                                                  auto* worker = static_cast<Worker*>(self);
                                                  const LV2_Worker_Status status =
                                                      push(worker->m_requests, size, data);
                                                  if (status == LV2_WORKER_SUCCESS)
                                                      sem_post(&worker->m_wake); // never waits
                                                  return status;
                                              }} {
    sem_init(&m_wake, 0, 0);
}

Worker::~Worker() {
    if (m_thread.joinable()) {
        m_stopping.store(true, std::memory_order_relaxed);
        sem_post(&m_wake);
        m_thread.join();
    }
    sem_destroy(&m_wake);
}

void Worker::start(LV2_Handle instance, const LV2_Worker_Interface* interface) {
    m_instance = instance;
    m_interface = interface;
    m_thread = std::thread([this] { run(); });
}

LV2_Worker_Status Worker::push(Queue& queue, std::uint32_t size, const void* data) noexcept {
    if (size > kMaxWorkerMessageBytes)
        return LV2_WORKER_ERR_NO_SPACE;
    Message message;
    message.size = size;
    std::memcpy(message.data, data, size);
    return queue.tryPush(message) ? LV2_WORKER_SUCCESS : LV2_WORKER_ERR_NO_SPACE;
}

void Worker::run() {
    const auto respond = [](LV2_Worker_Respond_Handle self, std::uint32_t size, const void* data) {
        return push(static_cast<Worker*>(self)->m_responses, size, data);
    };
    for (;;) {
        while (sem_wait(&m_wake) != 0 && errno == EINTR) {
        }
        if (m_stopping.load(std::memory_order_relaxed))
            return;
        m_requests.consumeAll([&](const Message& m) {
            m_interface->work(m_instance, respond, this, m.size, m.data);
        });
    }
}

void Worker::rt_deliverResponses() noexcept {
    if (!m_interface)
        return;
    m_responses.consumeAll(
        [this](const Message& m) { m_interface->work_response(m_instance, m.size, m.data); });
}

void Worker::rt_endRun() noexcept {
    if (m_interface && m_interface->end_run)
        m_interface->end_run(m_instance);
}

} // namespace stagedesk::plugins
