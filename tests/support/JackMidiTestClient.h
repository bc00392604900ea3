#pragma once
// A plain libjack MIDI client for the MIDI surface tests: it plays a device
// (a Mackie Control, a fader box) with one MIDI output and one MIDI input
// port. Messages queued from the test thread go out from the process
// callback; every event that arrives is recorded with its JACK time into
// records allocated up front. The callback never allocates, locks or waits.

#include <jack/jack.h>
#include <jack/ringbuffer.h>

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace stagedesk::testing {

class JackMidiTestClient {
public:
    static constexpr std::size_t kMaxEventBytes = 128; // longer events are cut
    static constexpr std::size_t kMaxRecords = 32768;

    struct Record {
        std::uint64_t timeUs = 0; // jack_get_time() of the cycle it arrived in
        std::vector<std::uint8_t> bytes;
    };

    // Opens "clientName" on the default server (JACK_DEFAULT_SERVER) with
    // ports "out" (the device sends) and "in" (the device receives).
    explicit JackMidiTestClient(const std::string& clientName);
    ~JackMidiTestClient();
    JackMidiTestClient(const JackMidiTestClient&) = delete;
    JackMidiTestClient& operator=(const JackMidiTestClient&) = delete;

    bool ok() const { return m_client != nullptr && m_error.empty(); }
    const std::string& error() const { return m_error; }
    std::string outPort() const; // "client:out"
    std::string inPort() const;  // "client:in"
    // True once JACK has connected both ports to something: a message sent
    // before that is lost, so tests wait for it before they send.
    bool portsConnected() const;

    // Test thread: one MIDI event, sent in the next cycle (false if the
    // queue is full). Events queued together go out in the same cycle.
    bool send(std::span<const std::uint8_t> bytes);
    bool send(std::initializer_list<std::uint8_t> bytes) {
        return send({bytes.begin(), bytes.size()});
    }

    // Test thread: how many events have arrived, and copies of them.
    std::size_t receivedCount() const { return m_recorded.load(std::memory_order_acquire); }
    std::vector<Record> received(std::size_t from = 0) const;

    static std::uint64_t nowUs() { return jack_get_time(); }

private:
    static int processThunk(jack_nframes_t frames, void* self);
    int process(jack_nframes_t frames) noexcept;

    struct Slot {
        std::uint64_t timeUs;
        std::uint16_t size;
        std::uint8_t bytes[kMaxEventBytes];
    };

    std::string m_error;
    jack_client_t* m_client = nullptr;
    jack_port_t* m_out = nullptr;
    jack_port_t* m_in = nullptr;
    jack_ringbuffer_t* m_toSend = nullptr; // [u16 size][bytes] per event
    std::vector<Slot> m_slots;             // written by the callback only
    std::atomic<std::size_t> m_recorded{0};
};

} // namespace stagedesk::testing
