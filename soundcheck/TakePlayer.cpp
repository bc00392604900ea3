#include "TakePlayer.h"

#include <sndfile.h>

#include <algorithm>
#include <chrono>

namespace stagedesk::soundcheck {

namespace {
constexpr std::size_t kChunkFrames = 4096;
SNDFILE* file(void* f) {
    return static_cast<SNDFILE*>(f);
}
} // namespace

TakePlayer::TakePlayer(engine::Engine& engine, double ringSeconds)
    : m_engine(engine), m_ringSeconds(ringSeconds) {}

TakePlayer::~TakePlayer() {
    stop();
    closeFiles();
}

void TakePlayer::closeFiles() {
    for (void* f : m_files)
        sf_close(file(f));
    m_files.clear();
}

bool TakePlayer::open(const TakeInfo& take, std::string& error) {
    stop();
    closeFiles();
    if (take.tracks.empty() || int(take.tracks.size()) > m_engine.config().inputs) {
        error = "the take has no track, or more than the console's inputs";
        return false;
    }
    for (const TrackInfo& track : take.tracks) {
        SF_INFO info{};
        SNDFILE* f = sf_open(track.file.c_str(), SFM_READ, &info);
        if (!f || info.channels != 1 || track.channel >= m_engine.config().inputs) {
            error = "cannot play " + track.file.string() + ": " +
                    (f ? "not a mono track of this console" : sf_strerror(nullptr));
            if (f)
                sf_close(f);
            closeFiles();
            return false;
        }
        m_files.push_back(f);
    }
    m_take = take;
    m_track.assign(take.tracks.size(), std::vector<float>(kChunkFrames));
    m_ring.reset(); // sized for this take at play()
    return true;
}

void TakePlayer::setLoop(std::uint64_t start, std::uint64_t end) {
    m_loopStart = start;
    m_loopEnd = std::min(end, m_take.frames);
}

std::size_t TakePlayer::fill(std::size_t frames) {
    const bool loop = m_loopEnd > m_loopStart;
    const std::uint64_t end = loop ? m_loopEnd : m_take.frames;
    if (loop && m_position >= end) {
        m_position = m_loopStart;
        for (void* f : m_files)
            sf_seek(file(f), sf_count_t(m_position), SEEK_SET);
    }
    const auto n = std::size_t(
        std::min<std::uint64_t>({frames, kChunkFrames, end - std::min(end, m_position)}));
    if (n == 0)
        return 0;
    for (std::size_t t = 0; t < m_files.size(); ++t) {
        const sf_count_t got = sf_readf_float(file(m_files[t]), m_track[t].data(), sf_count_t(n));
        std::fill(m_track[t].begin() + std::max<sf_count_t>(got, 0), m_track[t].begin() + n, 0.0f);
    }
    for (std::size_t i = 0; i < n; ++i) {
        float* frame = m_ring->frameToWrite(i);
        for (std::size_t t = 0; t < m_files.size(); ++t)
            frame[t] = m_track[t][i];
    }
    m_ring->publish(n);
    m_position += n;
    return n;
}

bool TakePlayer::play(std::uint64_t frame, std::string& error) {
    stop();
    if (m_files.empty()) {
        error = "no take is open";
        return false;
    }
    if (!m_ring)
        m_ring = std::make_unique<engine::soundcheck::FrameRing>(
            int(m_take.tracks.size()), std::size_t(m_ringSeconds * m_engine.config().sampleRate));
    m_position = std::min(frame, m_take.frames);
    for (void* f : m_files)
        sf_seek(file(f), sf_count_t(m_position), SEEK_SET);
    m_ring->clear();
    while (m_ring->writableFrames() > 0 && fill(m_ring->writableFrames()) > 0) {
    }
    engine::soundcheck::PlaybackRouting routing;
    routing.tracks = int(m_take.tracks.size());
    for (std::size_t t = 0; t < m_take.tracks.size(); ++t)
        routing.channelOfTrack[t] = std::uint16_t(m_take.tracks[t].channel);
    auto& tap = m_engine.soundcheck().player();
    tap.finishAfter(m_loopEnd > m_loopStart ? ~std::uint64_t(0) : m_take.frames - m_position);
    if (!tap.start(*m_ring, routing)) {
        error = "the engine's playback tap is busy";
        return false;
    }
    m_stopReader = false;
    m_reader = std::thread([this] { run(); });
    return true;
}

// The reader polls like the recorder's writer: the audio thread wakes nobody.
void TakePlayer::run() {
    std::uint64_t frames = 0;
    std::chrono::steady_clock::duration busy{};
    while (!m_stopReader.load()) {
        const std::size_t room = m_ring->writableFrames();
        std::size_t read = 0;
        if (room >= kChunkFrames / 2) {
            const auto t0 = std::chrono::steady_clock::now();
            read = fill(room);
            busy += std::chrono::steady_clock::now() - t0;
            frames += read;
        }
        if (read == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    const double seconds = std::chrono::duration<double>(busy).count();
    m_throughput = seconds > 0 ? double(frames * m_files.size() * sizeof(float)) / seconds : 0.0;
}

void TakePlayer::requestStop() {
    m_engine.soundcheck().player().requestStop();
}

void TakePlayer::stop() {
    if (!m_reader.joinable())
        return;
    auto& tap = m_engine.soundcheck().player();
    tap.requestStop();
    m_stopReader = true;
    m_reader.join();
    // The audio thread lets go of the ring at its next block. An engine that
    // no longer runs never does: then the ring is left to it, not freed.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!tap.stopped() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!tap.stopped()) {
        (void)m_ring.release();
        return;
    }
    tap.reset();
}

} // namespace stagedesk::soundcheck
