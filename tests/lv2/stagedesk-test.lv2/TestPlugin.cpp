// Stagedesk's test plugin (urn:stagedesk:plugins:test, ports in plugin.ttl):
// a mono pass-through that misbehaves on command, so that tests can prove the
// host's and the engine's reactions with numbers:
//  - mode 0 passes audio, 1 outputs NaN, 2 stalls 5 ms in every run;
//  - 'latency' delays the audio by that many samples and reports it on the
//    latency port;
//  - a new 'work' value is sent through the worker extension; work() answers
//    twice the value, which run() publishes on 'worked' with whether work()
//    ran on another thread than run().

#include <lv2/core/lv2.h>
#include <lv2/worker/worker.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <thread>
#include <vector>

namespace {

constexpr const char* kUri = "urn:stagedesk:plugins:test";
constexpr int kMaxLatency = 4096;    // the 'latency' port's maximum
constexpr int kDelayCapacity = 8192; // a power of two above kMaxLatency

enum Port : uint32_t {
    In,
    Out,
    Mode,
    Latency,
    LatencyOut,
    Work,
    Worked,
    WorkedOffThread,
    PortCount
};

// What run() sends to work() and work() answers: the value and the thread
// that ran run().
struct WorkMessage {
    float value;
    std::thread::id runThread;
};
struct WorkAnswer {
    float doubled;
    bool offThread;
};

struct TestPlugin {
    float* ports[PortCount] = {};
    const LV2_Worker_Schedule* schedule = nullptr;
    std::vector<float> delay = std::vector<float>(kDelayCapacity, 0.0f);
    uint32_t writePos = 0;
    float lastWork = 0.0f;
    float worked = 0.0f;
    float workedOffThread = 0.0f;
};

LV2_Handle instantiate(const LV2_Descriptor*, double, const char*,
                       const LV2_Feature* const* features) {
    auto* plugin = new (std::nothrow) TestPlugin;
    if (!plugin)
        return nullptr;
    for (int i = 0; features && features[i]; ++i)
        if (std::strcmp(features[i]->URI, LV2_WORKER__schedule) == 0)
            plugin->schedule = static_cast<const LV2_Worker_Schedule*>(features[i]->data);
    return plugin;
}

void connectPort(LV2_Handle instance, uint32_t port, void* data) {
    if (port < PortCount)
        static_cast<TestPlugin*>(instance)->ports[port] = static_cast<float*>(data);
}

void activate(LV2_Handle instance) {
    auto* p = static_cast<TestPlugin*>(instance);
    std::fill(p->delay.begin(), p->delay.end(), 0.0f);
    p->writePos = 0;
}

void run(LV2_Handle instance, uint32_t frames) {
    auto* p = static_cast<TestPlugin*>(instance);
    const int mode = static_cast<int>(std::lround(*p->ports[Mode]));
    const int latency =
        std::clamp(static_cast<int>(std::lround(*p->ports[Latency])), 0, kMaxLatency);
    const float* in = p->ports[In];
    float* out = p->ports[Out];
    for (uint32_t i = 0; i < frames; ++i) {
        p->delay[p->writePos] = in[i];
        out[i] = p->delay[(p->writePos - latency) & (kDelayCapacity - 1)];
        p->writePos = (p->writePos + 1) & (kDelayCapacity - 1);
    }
    if (mode == 1)
        for (uint32_t i = 0; i < frames; ++i)
            out[i] = std::numeric_limits<float>::quiet_NaN();
    if (mode == 2)
        std::this_thread::sleep_for(std::chrono::milliseconds(5)); // the stall is the point

    if (p->schedule && *p->ports[Work] != p->lastWork) {
        const WorkMessage message{*p->ports[Work], std::this_thread::get_id()};
        if (p->schedule->schedule_work(p->schedule->handle, sizeof message, &message) ==
            LV2_WORKER_SUCCESS)
            p->lastWork = message.value;
    }
    *p->ports[LatencyOut] = static_cast<float>(latency);
    *p->ports[Worked] = p->worked;
    *p->ports[WorkedOffThread] = p->workedOffThread;
}

void cleanup(LV2_Handle instance) {
    delete static_cast<TestPlugin*>(instance);
}

LV2_Worker_Status work(LV2_Handle, LV2_Worker_Respond_Function respond,
                       LV2_Worker_Respond_Handle handle, uint32_t size, const void* data) {
    if (size != sizeof(WorkMessage))
        return LV2_WORKER_ERR_UNKNOWN;
    WorkMessage message;
    std::memcpy(&message, data, sizeof message);
    const WorkAnswer answer{message.value * 2.0f, message.runThread != std::this_thread::get_id()};
    return respond(handle, sizeof answer, &answer);
}

LV2_Worker_Status workResponse(LV2_Handle instance, uint32_t size, const void* data) {
    if (size != sizeof(WorkAnswer))
        return LV2_WORKER_ERR_UNKNOWN;
    auto* p = static_cast<TestPlugin*>(instance);
    WorkAnswer answer;
    std::memcpy(&answer, data, sizeof answer);
    p->worked = answer.doubled;
    p->workedOffThread = answer.offThread ? 1.0f : 0.0f;
    return LV2_WORKER_SUCCESS;
}

const void* extensionData(const char* uri) {
    static const LV2_Worker_Interface worker{work, workResponse, nullptr};
    return std::strcmp(uri, LV2_WORKER__interface) == 0 ? &worker : nullptr;
}

const LV2_Descriptor kDescriptor{kUri, instantiate, connectPort, activate,
                                 run,  nullptr,     cleanup,     extensionData};

} // namespace

LV2_SYMBOL_EXPORT const LV2_Descriptor* lv2_descriptor(uint32_t index) {
    return index == 0 ? &kDescriptor : nullptr;
}
