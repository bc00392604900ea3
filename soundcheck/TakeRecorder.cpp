#include "TakeRecorder.h"

#include <sndfile.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>

namespace stagedesk::soundcheck {

namespace fs = std::filesystem;
using engine::soundcheck::FrameRing;

namespace {
constexpr std::size_t kChunkFrames = 8192;

SNDFILE* file(void* f) {
    return static_cast<SNDFILE*>(f);
}

void setBroadcastInfo(SNDFILE* f, const std::string& name, std::uint64_t timeReference) {
    SF_BROADCAST_INFO bext{};
    std::strncpy(bext.description, name.c_str(), sizeof bext.description);
    std::strncpy(bext.originator, "Stagedesk", sizeof bext.originator);
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(bext.origination_date, sizeof bext.origination_date, "%Y-%m-%d", &local);
    std::strftime(bext.origination_time, sizeof bext.origination_time, "%H:%M:%S", &local);
    bext.time_reference_low = std::uint32_t(timeReference & 0xffffffffu);
    bext.time_reference_high = std::uint32_t(timeReference >> 32);
    bext.version = 1;
    sf_command(f, SFC_SET_BROADCAST_INFO, &bext, sizeof bext);
}
} // namespace

TakeRecorder::TakeRecorder(engine::Engine& engine) : m_engine(engine) {}

TakeRecorder::~TakeRecorder() {
    if (!m_thread.joinable())
        return;
    // An engine that no longer runs never acknowledges the stop: then the
    // disk thread is told to give up and the ring is left to the engine.
    auto& tap = m_engine.soundcheck().recorder();
    tap.requestStop();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!tap.stopped() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (tap.stopped()) {
        stop();
        return;
    }
    m_abandon = true;
    m_thread.join();
    (void)m_ring.release();
}

bool TakeRecorder::start(const TakeOptions& options, std::string& error) {
    if (m_thread.joinable()) {
        error = "a take is already recording";
        return false;
    }
    const int inputs = m_engine.config().inputs;
    if (options.channels.empty() || int(options.channels.size()) > inputs) {
        error = "a take records 1.." + std::to_string(inputs) + " channels";
        return false;
    }
    engine::soundcheck::RecordRouting routing;
    routing.tracks = int(options.channels.size());
    routing.point = options.point;
    for (std::size_t t = 0; t < options.channels.size(); ++t) {
        if (options.channels[t] < 0 || options.channels[t] >= inputs) {
            error = "no channel " + std::to_string(options.channels[t] + 1);
            return false;
        }
        routing.channelOfTrack[t] = std::uint16_t(options.channels[t]);
    }
    std::error_code ec;
    fs::create_directories(options.folder, ec);
    if (ec) {
        error = "cannot create " + options.folder.string() + ": " + ec.message();
        return false;
    }

    m_options = options;
    m_files.clear();
    m_track.assign(options.channels.size(), std::vector<float>(kChunkFrames));
    for (std::size_t t = 0; t < options.channels.size(); ++t) {
        const std::string name = t < options.names.size() ? options.names[t] : "";
        const fs::path path = options.folder / trackFileName(options.channels[t], name);
        SF_INFO info{};
        info.samplerate = int(m_engine.config().sampleRate);
        info.channels = 1;
        info.format = SF_FORMAT_RF64 | SF_FORMAT_FLOAT;
        SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
        if (!f) {
            error = "cannot write " + path.string() + ": " + sf_strerror(nullptr);
            for (void* open : m_files)
                sf_close(file(open));
            m_files.clear();
            return false;
        }
        // Plain WAV (which every tool reads) until the file passes 4 GB.
        sf_command(f, SFC_RF64_AUTO_DOWNGRADE, nullptr, SF_TRUE);
        m_files.push_back(f);
    }

    const auto capacity =
        std::size_t(std::max(1.0, options.ringSeconds) * m_engine.config().sampleRate);
    m_ring = std::make_unique<FrameRing>(routing.tracks, capacity);
    m_markers.clear();
    m_framesWritten = 0;
    m_ended = false;
    m_failed = false;
    {
        std::lock_guard lock(m_messageLock);
        m_message.clear();
    }
    auto& tap = m_engine.soundcheck().recorder();
    if (!tap.start(*m_ring, routing)) {
        error = "the engine's record tap is busy";
        for (void* open : m_files)
            sf_close(file(open));
        m_files.clear();
        return false;
    }
    m_thread = std::thread([this] { run(); });
    return true;
}

void TakeRecorder::addMarker(const std::string& label) {
    std::lock_guard lock(m_messageLock);
    m_markers.push_back({m_framesWritten.load() + (m_ring ? m_ring->readableFrames() : 0), label});
}

std::string TakeRecorder::message() const {
    std::lock_guard lock(m_messageLock);
    return m_message;
}

void TakeRecorder::fail(const std::string& why) {
    {
        std::lock_guard lock(m_messageLock);
        m_message = why;
    }
    m_failed = true;
    m_engine.soundcheck().recorder().requestStop();
}

bool TakeRecorder::writeChunk(std::size_t frames) {
    const std::size_t tracks = m_files.size();
    for (std::size_t i = 0; i < frames; ++i) {
        const float* frame = m_ring->frameToRead(i);
        for (std::size_t t = 0; t < tracks; ++t)
            m_track[t][i] = frame[t];
    }
    for (std::size_t t = 0; t < tracks; ++t)
        if (sf_writef_float(file(m_files[t]), m_track[t].data(), sf_count_t(frames)) !=
            sf_count_t(frames))
            return false;
    return true;
}

// The disk thread. It polls the ring every few milliseconds: the audio thread
// may not wake anyone, and a ring of seconds makes the latency irrelevant.
void TakeRecorder::run() {
    auto& tap = m_engine.soundcheck().recorder();
    bool headersSet = false;
    std::uint64_t bytes = 0;
    std::chrono::steady_clock::duration busy{};
    for (;;) {
        const bool stopped = tap.stopped(); // before reading: then every frame is visible
        const std::size_t available = std::min(m_ring->readableFrames(), kChunkFrames);
        if (available == 0) {
            if (stopped || m_abandon)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        if (!headersSet) { // the start sample is known once frames arrive
            for (std::size_t t = 0; t < m_files.size(); ++t)
                setBroadcastInfo(file(m_files[t]),
                                 t < m_options.names.size() ? m_options.names[t] : "",
                                 tap.startSample());
            headersSet = true;
        }
        if (!m_failed) {
            const auto t0 = std::chrono::steady_clock::now();
            if (writeChunk(available)) {
                m_framesWritten += available;
                bytes += available * m_files.size() * sizeof(float);
            } else {
                fail("disk full: the take stopped after " +
                     std::to_string(double(m_framesWritten) / m_engine.config().sampleRate) +
                     " s (" + sf_strerror(file(m_files.front())) + ")");
            }
            busy += std::chrono::steady_clock::now() - t0;
        }
        m_ring->release(available); // after a failure: drained unwritten until the tap stops
        if (!m_failed && tap.droppedFrames() > 0)
            fail("the disk fell behind by more than " + std::to_string(m_options.ringSeconds) +
                 " s: " + std::to_string(tap.droppedFrames()) + " frames lost; take stopped");
        if (m_options.afterChunk)
            m_options.afterChunk(m_framesWritten);
    }
    const double seconds = std::chrono::duration<double>(busy).count();
    m_throughput = seconds > 0 ? double(bytes) / seconds : 0.0;
    // Every file the same length, the one all tracks reached, and closed:
    // the header then holds the true size, even on a full disk.
    const auto frames = sf_count_t(m_framesWritten.load());
    for (void* f : m_files) {
        sf_count_t keep = frames;
        sf_command(file(f), SFC_FILE_TRUNCATE, &keep, sizeof keep);
        sf_close(file(f));
    }
    m_files.clear();
    m_ended = true;
}

void TakeRecorder::requestStop() {
    m_engine.soundcheck().recorder().requestStop();
}

TakeInfo TakeRecorder::stop() {
    auto& tap = m_engine.soundcheck().recorder();
    tap.requestStop();
    if (m_thread.joinable())
        m_thread.join();
    tap.reset();
    m_ring.reset();
    {
        std::lock_guard lock(m_messageLock);
        writeMarkers(m_options.folder, m_markers);
    }
    TakeInfo take;
    std::string error;
    readTake(m_options.folder, take, error);
    return take;
}

} // namespace stagedesk::soundcheck
