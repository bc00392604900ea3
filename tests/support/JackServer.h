#pragma once
// A private JACK server for the real-stream tests: `jackd -n <name> -d dummy`
// as a child process, with no sound card behind it. While it lives, the
// process environment points JACK_DEFAULT_SERVER at it (so that RtAudio,
// which opens the default server, finds it) and sets
// JACK_NO_AUDIO_RESERVATION=1; both are restored when it goes.

#include <string>
#include <sys/types.h>

namespace stagedesk::testing {

class JackServer {
public:
    struct Options {
        int sampleRate = 48000;
        int period = 64;
        int captureChannels = 8;  // dummy "system:capture_N" ports
        int playbackChannels = 8; // dummy "system:playback_N" ports
        int startTimeoutMs = 10000;
        // jackd -S: each cycle's whole graph finishes before the next cycle
        // starts. In JACK's own default, asynchronous mode, a client that is
        // late on a loaded machine can still be writing a period while the
        // next client reads it: audio arrives stale or half written and MIDI
        // events of that cycle are lost, which no exact test can allow.
        // Benchmarks that measure what a user's server does turn it off.
        bool synchronous = true;
    };

    JackServer();
    explicit JackServer(const Options& options);
    // Terminates the server (SIGTERM, then SIGKILL after a grace period) and
    // reaps it; restores the environment.
    ~JackServer();
    JackServer(const JackServer&) = delete;
    JackServer& operator=(const JackServer&) = delete;

    // True once the server accepts clients.
    bool ok() const { return m_ok; }
    // Why it is not ok (empty when it is).
    const std::string& error() const { return m_error; }
    // The private server name ("sdtest-<pid>-<counter>").
    const std::string& name() const { return m_name; }
    pid_t pid() const { return m_pid; }
    // Milliseconds from fork until the first client could connect.
    int startupMs() const { return m_startupMs; }

private:
    void start();
    void stopChild();

    Options m_options;
    std::string m_name;
    pid_t m_pid = -1;
    bool m_ok = false;
    std::string m_error;
    int m_startupMs = 0;

    struct SavedEnv {
        bool wasSet = false;
        std::string value;
    };
    SavedEnv m_savedDefaultServer, m_savedNoReservation;
};

} // namespace stagedesk::testing
