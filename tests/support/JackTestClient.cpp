#include "JackTestClient.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numbers>
#include <thread>

namespace stagedesk::testing {

JackTestClient::JackTestClient(const Options& options) {
    int flags = JackNoStartServer | JackUseExactName;
    if (!options.serverName.empty())
        flags |= JackServerName;
    jack_status_t status{};
    m_client =
        options.serverName.empty()
            ? jack_client_open(options.clientName.c_str(), static_cast<jack_options_t>(flags),
                               &status)
            : jack_client_open(options.clientName.c_str(), static_cast<jack_options_t>(flags),
                               &status, options.serverName.c_str());
    if (!m_client) {
        m_error = "jack_client_open('" + options.clientName + "') failed, status 0x" + [&] {
            char hex[16];
            std::snprintf(hex, sizeof hex, "%x", static_cast<unsigned>(status));
            return std::string(hex);
        }();
        return;
    }
    m_sampleRate = static_cast<int>(jack_get_sample_rate(m_client));
    m_signal = options.signal;

    const int outs = std::max(0, options.outputs);
    const int ins = std::max(0, options.inputs);
    m_amplitude = std::make_unique<std::atomic<float>[]>(static_cast<std::size_t>(outs));
    m_phaseIncrement = std::make_unique<std::atomic<double>[]>(static_cast<std::size_t>(outs));
    m_phase.assign(static_cast<std::size_t>(outs), 0.0);
    for (int i = 0; i < outs; ++i) {
        m_amplitude[i].store(0.0f);
        m_phaseIncrement[i].store(0.0);
        const std::string port = "out_" + std::to_string(i + 1);
        jack_port_t* p = jack_port_register(m_client, port.c_str(), JACK_DEFAULT_AUDIO_TYPE,
                                            JackPortIsOutput, 0);
        if (!p) {
            m_error = "cannot register port " + port;
            return;
        }
        m_outPorts.push_back(p);
    }
    m_capacity = static_cast<std::size_t>(std::ceil(options.maxCaptureSeconds * m_sampleRate));
    for (int i = 0; i < ins; ++i) {
        const std::string port = "in_" + std::to_string(i + 1);
        jack_port_t* p =
            jack_port_register(m_client, port.c_str(), JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        if (!p) {
            m_error = "cannot register port " + port;
            return;
        }
        m_inPorts.push_back(p);
        m_buffers.emplace_back(m_capacity, 0.0f);
    }
    jack_set_process_callback(m_client, &JackTestClient::processThunk, this);
    jack_set_xrun_callback(m_client, &JackTestClient::xrunThunk, this);
}

JackTestClient::~JackTestClient() {
    if (!m_client)
        return;
    if (m_active)
        jack_deactivate(m_client);
    jack_client_close(m_client);
}

std::string JackTestClient::name() const {
    return m_client ? std::string(jack_get_client_name(m_client)) : std::string();
}

int JackTestClient::bufferSize() const {
    return m_client ? static_cast<int>(jack_get_buffer_size(m_client)) : 0;
}

std::string JackTestClient::outputPort(int index) const {
    return index >= 0 && index < static_cast<int>(m_outPorts.size())
               ? std::string(jack_port_name(m_outPorts[index]))
               : std::string();
}

std::string JackTestClient::inputPort(int index) const {
    return index >= 0 && index < static_cast<int>(m_inPorts.size())
               ? std::string(jack_port_name(m_inPorts[index]))
               : std::string();
}

bool JackTestClient::activate() {
    if (!ok())
        return false;
    if (!m_active && jack_activate(m_client) == 0)
        m_active = true;
    return m_active;
}

bool JackTestClient::connect(const std::string& source, const std::string& destination) {
    if (!m_client)
        return false;
    const int r = jack_connect(m_client, source.c_str(), destination.c_str());
    return r == 0 || r == EEXIST;
}

bool JackTestClient::disconnect(const std::string& source, const std::string& destination) {
    return m_client && jack_disconnect(m_client, source.c_str(), destination.c_str()) == 0;
}

std::vector<std::string> JackTestClient::ports(const std::string& pattern,
                                               unsigned long flags) const {
    std::vector<std::string> names;
    if (!m_client)
        return names;
    if (const char** list = jack_get_ports(m_client, pattern.c_str(), nullptr, flags)) {
        for (const char** p = list; *p; ++p)
            names.emplace_back(*p);
        jack_free(list);
    }
    return names;
}

void JackTestClient::setSine(int index, double frequencyHz, double dbfs) {
    if (index < 0 || index >= static_cast<int>(m_outPorts.size()))
        return;
    const double increment = 2.0 * std::numbers::pi * frequencyHz / m_sampleRate;
    m_phaseIncrement[index].store(increment, std::memory_order_relaxed);
    m_amplitude[index].store(static_cast<float>(std::pow(10.0, dbfs / 20.0)),
                             std::memory_order_relaxed);
}

void JackTestClient::setSilent(int index) {
    if (index >= 0 && index < static_cast<int>(m_outPorts.size()))
        m_amplitude[index].store(0.0f, std::memory_order_relaxed);
}

bool JackTestClient::capture(int frames, std::chrono::milliseconds timeout) {
    if (!m_active || frames <= 0 || static_cast<std::size_t>(frames) > m_capacity)
        return false;
    // Idle or Done: the buffers are ours; hand them to the callback.
    m_captureFrames = static_cast<std::size_t>(frames);
    m_captureState.store(Requested, std::memory_order_release);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_captureState.load(std::memory_order_acquire) != Done) {
        if (std::chrono::steady_clock::now() > deadline) {
            // Take the buffers back unless the callback is mid-way; if it
            // is, wait for it to finish (it always does while running).
            int expected = Requested;
            if (m_captureState.compare_exchange_strong(expected, Idle, std::memory_order_acq_rel))
                return false;
            while (m_captureState.load(std::memory_order_acquire) != Done &&
                   std::chrono::steady_clock::now() < deadline + std::chrono::seconds(5))
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

bool JackTestClient::waitFrames(int frames, std::chrono::milliseconds timeout) {
    const int period = std::max(1, bufferSize());
    const std::uint64_t target =
        cycles() + static_cast<std::uint64_t>((frames + period - 1) / period);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (cycles() < target && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return cycles() >= target;
}

std::span<const float> JackTestClient::captured(int index) const {
    if (index < 0 || index >= static_cast<int>(m_buffers.size()) ||
        m_captureState.load(std::memory_order_acquire) != Done)
        return {};
    return {m_buffers[index].data(), m_captureFrames};
}

int JackTestClient::processThunk(jack_nframes_t frames, void* self) {
    return static_cast<JackTestClient*>(self)->process(frames);
}

int JackTestClient::xrunThunk(void* self) {
    static_cast<JackTestClient*>(self)->m_xruns.fetch_add(1, std::memory_order_relaxed);
    return 0;
}

int JackTestClient::process(jack_nframes_t frames) noexcept {
    constexpr double twoPi = 2.0 * std::numbers::pi;
    const std::uint64_t first = m_framesPlayed.load(std::memory_order_relaxed);
    for (std::size_t o = 0; o < m_outPorts.size(); ++o) {
        auto* out = static_cast<float*>(jack_port_get_buffer(m_outPorts[o], frames));
        if (m_signal) {
            for (jack_nframes_t i = 0; i < frames; ++i)
                out[i] = m_signal(static_cast<int>(o), first + i);
            continue;
        }
        const float amplitude = m_amplitude[o].load(std::memory_order_relaxed);
        const double increment = m_phaseIncrement[o].load(std::memory_order_relaxed);
        double phase = m_phase[o];
        for (jack_nframes_t i = 0; i < frames; ++i) {
            out[i] = amplitude * static_cast<float>(std::sin(phase));
            phase += increment;
            if (phase >= twoPi)
                phase -= twoPi;
        }
        m_phase[o] = phase;
    }

    int state = m_captureState.load(std::memory_order_acquire);
    if (state == Requested) {
        m_captured = 0;
        state = Recording;
        m_captureState.store(Recording, std::memory_order_relaxed);
    }
    if (state == Recording) {
        const std::size_t n = std::min<std::size_t>(frames, m_captureFrames - m_captured);
        for (std::size_t i = 0; i < m_inPorts.size(); ++i) {
            const auto* in = static_cast<const float*>(jack_port_get_buffer(m_inPorts[i], frames));
            std::memcpy(m_buffers[i].data() + m_captured, in, n * sizeof(float));
        }
        m_captured += n;
        if (m_captured == m_captureFrames)
            m_captureState.store(Done, std::memory_order_release);
    }
    m_framesPlayed.store(first + frames, std::memory_order_relaxed);
    m_cycles.fetch_add(1, std::memory_order_relaxed);
    return 0;
}

double rmsOf(std::span<const float> samples) {
    if (samples.empty())
        return 0.0;
    double sum = 0.0;
    for (float s : samples)
        sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(samples.size()));
}

double dbfsOf(double linear) {
    return linear > 1e-20 ? 20.0 * std::log10(linear) : -400.0;
}

double rmsDbfs(std::span<const float> samples) {
    return dbfsOf(rmsOf(samples));
}

} // namespace stagedesk::testing
