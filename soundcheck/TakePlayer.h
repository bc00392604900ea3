#pragma once
// Virtual-soundcheck playback: a take's tracks played sample-aligned into the
// channels they were recorded from. A disk reader thread of its own keeps a
// ring of a couple of seconds full ahead of the engine's playback tap. The
// transport: play from a frame (locate = play from another frame), stop, and
// loop a range. Which channels hear the playback is the console's switch
// (Param::PlaybackOn, Param::RoutSwitch), not the player's.

#include "Engine.h"
#include "TakeFolder.h"
#include "soundcheck/FrameRing.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace stagedesk::soundcheck {

class TakePlayer {
public:
    explicit TakePlayer(engine::Engine& engine, double ringSeconds = 2);
    ~TakePlayer();
    TakePlayer(const TakePlayer&) = delete;
    TakePlayer& operator=(const TakePlayer&) = delete;

    // Control thread.
    bool open(const TakeInfo& take, std::string& error);
    // Loop [start, end) while playing; end <= start: no loop.
    void setLoop(std::uint64_t start, std::uint64_t end);
    // Fills the ring from 'frame' and starts the engine's tap at its next block.
    bool play(std::uint64_t frame, std::string& error);
    // Asks the audio thread to stop at its next block (stop() then returns at once).
    void requestStop();
    // Stops playing; waits for the audio thread's next block.
    void stop();
    bool playing() const { return m_reader.joinable(); }
    std::uint64_t underruns() const { return m_engine.soundcheck().player().underruns(); }
    // Bytes per second the disk reader read while it was reading (its last run).
    double throughputBytesPerSecond() const { return m_throughput.load(); }
    const TakeInfo& take() const { return m_take; }

private:
    void closeFiles();
    // Reads up to 'frames' from m_position (wrapping at the loop's end) into
    // the ring; returns the frames read (0 at the end of the take).
    std::size_t fill(std::size_t frames);
    void run();

    engine::Engine& m_engine;
    double m_ringSeconds;
    TakeInfo m_take;
    std::vector<void*> m_files; // SNDFILE*
    std::vector<std::vector<float>> m_track;
    std::unique_ptr<engine::soundcheck::FrameRing> m_ring;
    std::uint64_t m_position = 0; // next frame to read (reader thread while playing)
    std::uint64_t m_loopStart = 0, m_loopEnd = 0;
    std::thread m_reader;
    std::atomic<bool> m_stopReader{false};
    std::atomic<double> m_throughput{0};
};

} // namespace stagedesk::soundcheck
