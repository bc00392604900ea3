#pragma once
// A plain libjack client for the real-stream tests: output ports that play a
// sine (level and frequency set from the test thread through atomics) and
// input ports whose samples the process callback records, on request, into
// buffers allocated up front. The process callback never allocates, locks or
// waits; the test thread measures what was recorded.

#include <jack/jack.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace stagedesk::testing {

class JackTestClient {
public:
    struct Options {
        std::string clientName = "sdtest-client";
        std::string serverName; // empty = the default server
        int outputs = 1;
        int inputs = 2;
        double maxCaptureSeconds = 2.0; // capture buffer size, per input
        // When set, output o plays signal(o, k) at its k-th frame since
        // activation instead of the sine: a signal the test can recompute
        // sample for sample (bit-exact checks). Called on the process thread.
        float (*signal)(int output, std::uint64_t frame) = nullptr;
    };

    explicit JackTestClient(const Options& options);
    ~JackTestClient();
    JackTestClient(const JackTestClient&) = delete;
    JackTestClient& operator=(const JackTestClient&) = delete;

    bool ok() const { return m_client != nullptr && m_error.empty(); }
    const std::string& error() const { return m_error; }
    std::string name() const;
    int sampleRate() const { return m_sampleRate; }
    int bufferSize() const;

    // Full port names ("client:out_1", "client:in_1"), 0-based index.
    std::string outputPort(int index) const;
    std::string inputPort(int index) const;

    bool activate();
    bool connect(const std::string& source, const std::string& destination);
    bool disconnect(const std::string& source, const std::string& destination);
    // Ports on the server whose names match the regular expression.
    std::vector<std::string> ports(const std::string& pattern, unsigned long flags = 0) const;

    // Any thread: output `index` plays a sine of `dbfs` peak level (0 dBFS =
    // amplitude 1). The change takes effect at the next process cycle.
    void setSine(int index, double frequencyHz, double dbfs);
    void setSilent(int index);

    // Test thread: records the next `frames` frames of every input and waits
    // for them (false on timeout or if frames exceeds the capacity).
    bool capture(int frames, std::chrono::milliseconds timeout);
    // The last capture of input `index` (valid until the next capture()).
    std::span<const float> captured(int index) const;

    std::uint64_t cycles() const { return m_cycles.load(std::memory_order_relaxed); }
    // Test thread: waits until this client has run process cycles for
    // 'frames' more frames (audio time, whatever the dummy driver's timer
    // does with wall time); false if JACK stopped running cycles.
    bool waitFrames(int frames, std::chrono::milliseconds timeout);
    // Frames played since activation (the k of Options::signal).
    std::uint64_t framesPlayed() const { return m_framesPlayed.load(std::memory_order_relaxed); }
    std::uint64_t xruns() const { return m_xruns.load(std::memory_order_relaxed); }

private:
    static int processThunk(jack_nframes_t frames, void* self);
    static int xrunThunk(void* self);
    int process(jack_nframes_t frames) noexcept;

    enum CaptureState : int { Idle, Requested, Recording, Done };

    std::string m_error;
    jack_client_t* m_client = nullptr;
    int m_sampleRate = 0;
    bool m_active = false;

    std::vector<jack_port_t*> m_outPorts;
    std::vector<jack_port_t*> m_inPorts;

    // Generator: per output, written by any thread, read by the callback.
    std::unique_ptr<std::atomic<float>[]> m_amplitude;
    std::unique_ptr<std::atomic<double>[]> m_phaseIncrement;
    std::vector<double> m_phase; // callback only
    float (*m_signal)(int, std::uint64_t) = nullptr;
    std::atomic<std::uint64_t> m_framesPlayed{0};

    // Capture: the test thread owns the buffers in Idle/Done, the callback
    // in Requested/Recording; m_captureState hands them over.
    std::vector<std::vector<float>> m_buffers;
    std::size_t m_capacity = 0;
    std::size_t m_captureFrames = 0;
    std::size_t m_captured = 0; // callback only
    std::atomic<int> m_captureState{Idle};

    std::atomic<std::uint64_t> m_cycles{0};
    std::atomic<std::uint64_t> m_xruns{0};
};

// Level helpers for the test thread.
double rmsOf(std::span<const float> samples);
double dbfsOf(double linear); // 20 log10, floored at -400
double rmsDbfs(std::span<const float> samples);

} // namespace stagedesk::testing
