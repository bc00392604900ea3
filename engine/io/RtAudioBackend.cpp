#include "RtAudioBackend.h"
#include "RealtimeThread.h"

#include <RtAudio.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace stagedesk::engine {

namespace {

RtAudio::Api apiByName(const std::string& name) {
    if (name.empty())
        return RtAudio::UNSPECIFIED;
    if (name == "pulse")
        return RtAudio::LINUX_PULSE;
    return RtAudio::getCompiledApiByName(name);
}

int callback(void* output, void* input, unsigned frames, double, RtAudioStreamStatus status,
             void* self) {
    return static_cast<RtAudioBackend*>(self)->rt_callback(output, input, frames, status);
}

// Finds a device by number or by part of its name; -1 if none.
int findDevice(RtAudio& audio, const std::string& wanted, bool needInputs) {
    const unsigned count = audio.getDeviceCount();
    if (wanted.empty()) {
        const unsigned def =
            needInputs ? audio.getDefaultInputDevice() : audio.getDefaultOutputDevice();
        return def < count ? static_cast<int>(def) : -1;
    }
    // unsigned char: isdigit of a negative char (UTF-8 names) is undefined.
    const auto isDigit = [](unsigned char c) { return std::isdigit(c) != 0; };
    if (std::all_of(wanted.begin(), wanted.end(), isDigit)) {
        // No stoul: a number too long for it would throw out of start().
        unsigned long id = 0;
        for (char c : wanted) {
            id = id * 10 + static_cast<unsigned long>(c - '0');
            if (id >= count)
                return -1;
        }
        return static_cast<int>(id);
    }
    for (unsigned i = 0; i < count; ++i) {
        const RtAudio::DeviceInfo info = audio.getDeviceInfo(i);
        if (info.probed && info.name.find(wanted) != std::string::npos)
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<int> identityMap(int size) {
    std::vector<int> map(size);
    for (int i = 0; i < size; ++i)
        map[i] = i;
    return map;
}

} // namespace

RtAudioBackend::RtAudioBackend(Engine& engine, RtAudioBackendConfig config)
    : m_engine(engine), m_config(std::move(config)) {}

RtAudioBackend::~RtAudioBackend() {
    stop();
}

std::vector<std::string> RtAudioBackend::compiledApis() {
    std::vector<RtAudio::Api> apis;
    RtAudio::getCompiledApi(apis);
    std::vector<std::string> names;
    for (auto api : apis)
        names.push_back(RtAudio::getApiName(api));
    return names;
}

std::vector<AudioDeviceDescription> RtAudioBackend::listDevices(const std::string& apiName) {
    std::vector<RtAudio::Api> apis;
    if (apiName.empty())
        RtAudio::getCompiledApi(apis);
    else
        apis.push_back(apiByName(apiName));
    std::vector<AudioDeviceDescription> devices;
    for (auto api : apis) {
        try {
            RtAudio audio(api);
            audio.showWarnings(false);
            for (unsigned i = 0; i < audio.getDeviceCount(); ++i) {
                const RtAudio::DeviceInfo info = audio.getDeviceInfo(i);
                if (!info.probed)
                    continue;
                devices.push_back({RtAudio::getApiName(api), static_cast<int>(i), info.name,
                                   static_cast<int>(info.inputChannels),
                                   static_cast<int>(info.outputChannels), info.isDefaultInput,
                                   info.isDefaultOutput, info.sampleRates});
            }
        } catch (const RtAudioError&) {
            // An API whose server is not running has no devices to list.
        }
    }
    return devices;
}

bool RtAudioBackend::start(std::string& error) {
    if (running())
        return true;
    try {
        const RtAudio::Api api = apiByName(m_config.api);
        if (!m_config.api.empty() && api == RtAudio::UNSPECIFIED) {
            error = "audio API '" + m_config.api + "' is not compiled into RtAudio";
            return false;
        }
        m_audio = std::make_unique<RtAudio>(api);
        m_audio->showWarnings(false);

        const int engineIns = m_engine.config().inputs;
        const int engineOuts = m_engine.outputChannels();
        const int outDevice = findDevice(*m_audio, m_config.device, false);
        const int inDevice = m_config.device.empty() ? findDevice(*m_audio, {}, true) : outDevice;
        if (outDevice < 0) {
            error = m_config.device.empty() ? "no audio output device"
                                            : "no audio device matches '" + m_config.device + "'";
            m_audio.reset();
            return false;
        }
        const RtAudio::DeviceInfo outInfo = m_audio->getDeviceInfo(outDevice);
        const RtAudio::DeviceInfo inInfo =
            inDevice >= 0 ? m_audio->getDeviceInfo(inDevice) : RtAudio::DeviceInfo{};

        std::vector<int> inMap =
            m_config.inputMap.empty() ? identityMap(engineIns) : m_config.inputMap;
        std::vector<int> outMap =
            m_config.outputMap.empty() ? identityMap(engineOuts) : m_config.outputMap;
        inMap.resize(engineIns, -1);
        outMap.resize(engineOuts, -1);
        const int maxIn = *std::max_element(inMap.begin(), inMap.end()) + 1;
        const int maxOut = *std::max_element(outMap.begin(), outMap.end()) + 1;
        m_deviceInputs = std::min<int>(maxIn, static_cast<int>(inInfo.inputChannels));
        m_deviceOutputs = std::min<int>(maxOut, static_cast<int>(outInfo.outputChannels));
        if (m_deviceOutputs < 1) {
            error = "audio device '" + outInfo.name + "' has no output channels";
            m_audio.reset();
            return false;
        }

        RtAudio::StreamParameters outParams{static_cast<unsigned>(outDevice),
                                            static_cast<unsigned>(m_deviceOutputs), 0};
        RtAudio::StreamParameters inParams{static_cast<unsigned>(inDevice),
                                           static_cast<unsigned>(m_deviceInputs), 0};
        RtAudio::StreamOptions options;
        options.flags =
            RTAUDIO_NONINTERLEAVED | RTAUDIO_MINIMIZE_LATENCY | RTAUDIO_SCHEDULE_REALTIME;
        if (!m_config.jackAutoConnect)
            options.flags |= RTAUDIO_JACK_DONT_CONNECT;
        options.streamName = m_config.clientName;
        options.priority = kAudioThreadPriority;

        // Pointer tables sized before the stream starts: the callback only
        // fills them in.
        m_inPtrs.assign(engineIns, nullptr);
        m_outPtrs.assign(engineOuts, nullptr);
        m_config.inputMap = inMap;
        m_config.outputMap = outMap;
        m_unmappedOutputs.clear();
        for (int ch = 0; ch < m_deviceOutputs; ++ch)
            if (std::find(outMap.begin(), outMap.end(), ch) == outMap.end())
                m_unmappedOutputs.push_back(ch);

        unsigned frames = static_cast<unsigned>(m_config.framesPerBlock);
        m_audio->openStream(&outParams, m_deviceInputs > 0 ? &inParams : nullptr, RTAUDIO_FLOAT32,
                            static_cast<unsigned>(m_config.sampleRate), &frames, &callback, this,
                            &options);
        m_frames = static_cast<int>(frames);
        m_config.sampleRate = m_audio->getStreamSampleRate();
        m_audio->startStream();
        m_description = RtAudio::getApiName(m_audio->getCurrentApi()) + " '" + outInfo.name + "' " +
                        std::to_string(static_cast<int>(m_config.sampleRate)) + " Hz, " +
                        std::to_string(m_frames) + " frames, " + std::to_string(m_deviceInputs) +
                        " in / " + std::to_string(m_deviceOutputs) + " out";
        return true;
    } catch (const RtAudioError& e) {
        error = e.getMessage();
        m_audio.reset();
        return false;
    }
}

void RtAudioBackend::stop() {
    if (!m_audio)
        return;
    try {
        if (m_audio->isStreamRunning())
            m_audio->stopStream();
        if (m_audio->isStreamOpen())
            m_audio->closeStream();
    } catch (const RtAudioError&) {
        // The device may already be gone; there is nothing left to stop.
    }
    m_audio.reset();
}

bool RtAudioBackend::running() const {
    return m_audio && m_audio->isStreamRunning();
}

int RtAudioBackend::rt_callback(void* output, void* input, unsigned frames,
                                unsigned status) noexcept {
    if (status & (RTAUDIO_INPUT_OVERFLOW | RTAUDIO_OUTPUT_UNDERFLOW))
        m_engine.rt_reportXrun();
    float* out = static_cast<float*>(output);
    const float* in = static_cast<const float*>(input);
    const std::size_t stride = frames;
    for (std::size_t i = 0; i < m_inPtrs.size(); ++i) {
        const int ch = m_config.inputMap[i];
        m_inPtrs[i] = in && ch >= 0 && ch < m_deviceInputs ? in + ch * stride : nullptr;
    }
    for (std::size_t o = 0; o < m_outPtrs.size(); ++o) {
        const int ch = m_config.outputMap[o];
        m_outPtrs[o] = ch >= 0 && ch < m_deviceOutputs ? out + ch * stride : nullptr;
    }
    for (int ch : m_unmappedOutputs)
        std::memset(out + ch * stride, 0, sizeof(float) * stride);
    m_engine.rt_process(m_inPtrs.data(), static_cast<int>(m_inPtrs.size()), m_outPtrs.data(),
                        static_cast<int>(m_outPtrs.size()), static_cast<int>(frames));
    return 0;
}

} // namespace stagedesk::engine
