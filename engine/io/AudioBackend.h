#pragma once
// A source of audio callbacks for the engine: a sound card through RtAudio,
// or the internal clock when there is none.

#include <string>

namespace stagedesk::engine {

class AudioBackend {
public:
    virtual ~AudioBackend() = default;
    // Starts calling the engine. On failure returns false and says why.
    virtual bool start(std::string& error) = 0;
    virtual void stop() = 0;
    virtual bool running() const = 0;
    // One line for the log and the status bar, e.g. "JACK 'system' 48000 Hz, 64 frames".
    virtual std::string description() const = 0;
    virtual double sampleRate() const = 0;
    virtual int framesPerBlock() const = 0;
};

} // namespace stagedesk::engine
