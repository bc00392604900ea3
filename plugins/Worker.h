#pragma once
// The host side of the LV2 worker extension for one instance. run() (the
// audio thread) schedules work: the message is copied into a lock-free queue
// and a semaphore wakes this worker's thread, which calls the plugin's work().
// The semaphore is POSIX's: sem_post is the wake real-time code may call
// (RealtimeSanitizer accepts it); std::counting_semaphore::release makes a
// raw futex syscall, which it rightly flags.
// work()'s responses travel back through a second queue and are delivered to
// work_response() at the start of the next run, followed by end_run() after
// it. Neither side of the audio thread allocates, locks or waits; a message
// that does not fit (too large, or the queue full) is refused with
// LV2_WORKER_ERR_NO_SPACE, as the extension allows.

#include "rt/SpscQueue.h"

#include <lv2/worker/worker.h>
#include <semaphore.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>

namespace stagedesk::plugins {

// Largest message a plugin may schedule or respond with, in bytes.
constexpr std::uint32_t kMaxWorkerMessageBytes = 1024;

class Worker {
public:
    Worker();
    ~Worker(); // stops the thread (after the instance is deactivated)
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // The feature given to instantiate(); valid from construction.
    LV2_Worker_Schedule* scheduleFeature() { return &m_schedule; }
    // Once the instance exists: starts the thread that calls its work().
    void start(LV2_Handle instance, const LV2_Worker_Interface* interface);

    // Audio thread, around the instance's run().
    void rt_deliverResponses() noexcept;
    void rt_endRun() noexcept;

private:
    struct Message {
        std::uint32_t size;
        std::byte data[kMaxWorkerMessageBytes];
    };
    using Queue = rt::SpscQueue<Message>;

    static LV2_Worker_Status push(Queue& queue, std::uint32_t size, const void* data) noexcept;
    void run();

    Queue m_requests;  // run() -> worker thread
    Queue m_responses; // worker thread -> next run()
    LV2_Worker_Schedule m_schedule;
    LV2_Handle m_instance = nullptr;
    const LV2_Worker_Interface* m_interface = nullptr;
    sem_t m_wake;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace stagedesk::plugins
