#pragma once
// The multitrack recorder's control and disk side. start() opens one file per
// channel and a ring sized for the disk's worst stall (ringSeconds), then has
// the engine's record tap copy the channels into it; a disk thread of its own
// writes the ring to the files. A full disk (a short write) ends the take by
// itself: the tap is stopped, every file is cut to the same length and
// closed valid, and message() says what happened. The audio never waits.

#include "Engine.h"
#include "TakeFolder.h"
#include "soundcheck/FrameRing.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stagedesk::soundcheck {

struct TakeOptions {
    std::filesystem::path folder;   // created; must not hold a take already
    std::vector<int> channels;      // 0-based
    std::vector<std::string> names; // one per channel, may be empty
    engine::soundcheck::RecordPoint point = engine::soundcheck::RecordPoint::PrePreamp;
    double ringSeconds = 10;
    // Tests: runs on the disk thread after each chunk is written (to stall it).
    std::function<void(std::uint64_t framesWritten)> afterChunk;
};

class TakeRecorder {
public:
    explicit TakeRecorder(engine::Engine& engine);
    ~TakeRecorder();
    TakeRecorder(const TakeRecorder&) = delete;
    TakeRecorder& operator=(const TakeRecorder&) = delete;

    // Control thread.
    bool start(const TakeOptions& options, std::string& error);
    // A marker at the frame being written now.
    void addMarker(const std::string& label);
    // Asks the audio thread to end the take at its next block.
    void requestStop();
    // Stops the take, waits for the disk thread to write everything and
    // close the files; returns the take as it is on disk.
    TakeInfo stop();
    bool recording() const { return m_thread.joinable() && !m_ended.load(); }
    // The take ended by itself (disk full, or lost frames): why.
    bool failed() const { return m_failed.load(); }
    std::string message() const;
    std::uint64_t framesWritten() const { return m_framesWritten.load(); }
    // Frames waiting in the ring for the disk, and the ring's size.
    std::size_t queuedFrames() const { return m_ring ? m_ring->readableFrames() : 0; }
    std::size_t ringFrames() const { return m_ring ? m_ring->capacityFrames() : 0; }
    // Bytes per second the disk thread wrote over its last take.
    double throughputBytesPerSecond() const { return m_throughput.load(); }

private:
    void run();
    bool writeChunk(std::size_t frames);
    void fail(const std::string& why);

    engine::Engine& m_engine;
    TakeOptions m_options;
    std::unique_ptr<engine::soundcheck::FrameRing> m_ring;
    std::vector<void*> m_files; // SNDFILE*
    std::vector<std::vector<float>> m_track;
    std::vector<Marker> m_markers;
    std::thread m_thread;
    std::atomic<bool> m_ended{false}, m_failed{false}, m_abandon{false};
    std::atomic<std::uint64_t> m_framesWritten{0};
    std::atomic<double> m_throughput{0};
    mutable std::mutex m_messageLock; // control and disk threads only
    std::string m_message;
};

} // namespace stagedesk::soundcheck
