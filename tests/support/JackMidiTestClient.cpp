#include "JackMidiTestClient.h"

#include <jack/midiport.h>

#include <algorithm>
#include <cstring>

namespace stagedesk::testing {

JackMidiTestClient::JackMidiTestClient(const std::string& clientName) {
    jack_status_t status{};
    m_client = jack_client_open(clientName.c_str(),
                                static_cast<jack_options_t>(JackNoStartServer | JackUseExactName),
                                &status);
    if (!m_client) {
        m_error = "jack_client_open('" + clientName + "') failed, status " + std::to_string(status);
        return;
    }
    m_out = jack_port_register(m_client, "out", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
    m_in = jack_port_register(m_client, "in", JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
    if (!m_out || !m_in) {
        m_error = "cannot register the MIDI ports";
        return;
    }
    m_toSend = jack_ringbuffer_create(1 << 16);
    m_slots.resize(kMaxRecords);
    jack_set_process_callback(m_client, &JackMidiTestClient::processThunk, this);
    if (jack_activate(m_client) != 0)
        m_error = "jack_activate failed";
}

JackMidiTestClient::~JackMidiTestClient() {
    if (m_client) {
        jack_deactivate(m_client);
        jack_client_close(m_client);
    }
    if (m_toSend)
        jack_ringbuffer_free(m_toSend);
}

std::string JackMidiTestClient::outPort() const {
    return jack_port_name(m_out);
}
std::string JackMidiTestClient::inPort() const {
    return jack_port_name(m_in);
}

bool JackMidiTestClient::send(std::span<const std::uint8_t> bytes) {
    const auto size = static_cast<std::uint16_t>(bytes.size());
    if (!m_toSend || bytes.empty() || jack_ringbuffer_write_space(m_toSend) < sizeof size + size)
        return false;
    // The callback takes a record only once its size and all its bytes are
    // readable, so the two writes need no ordering of their own.
    jack_ringbuffer_write(m_toSend, reinterpret_cast<const char*>(&size), sizeof size);
    jack_ringbuffer_write(m_toSend, reinterpret_cast<const char*>(bytes.data()), size);
    return true;
}

std::vector<JackMidiTestClient::Record> JackMidiTestClient::received(std::size_t from) const {
    const std::size_t count = receivedCount();
    std::vector<Record> out;
    for (std::size_t i = from; i < count; ++i) {
        const Slot& s = m_slots[i];
        out.push_back({s.timeUs, std::vector<std::uint8_t>(s.bytes, s.bytes + s.size)});
    }
    return out;
}

int JackMidiTestClient::processThunk(jack_nframes_t frames, void* self) {
    return static_cast<JackMidiTestClient*>(self)->process(frames);
}

int JackMidiTestClient::process(jack_nframes_t frames) noexcept {
    const std::uint64_t now = jack_get_time();

    void* inBuffer = jack_port_get_buffer(m_in, frames);
    const std::uint32_t events = jack_midi_get_event_count(inBuffer);
    std::size_t recorded = m_recorded.load(std::memory_order_relaxed);
    for (std::uint32_t i = 0; i < events && recorded < kMaxRecords; ++i) {
        jack_midi_event_t event;
        if (jack_midi_event_get(&event, inBuffer, i) != 0)
            continue;
        Slot& slot = m_slots[recorded++];
        slot.timeUs = now;
        slot.size = static_cast<std::uint16_t>(std::min(event.size, kMaxEventBytes));
        std::memcpy(slot.bytes, event.buffer, slot.size);
    }
    // Publishes the slots written above to the test thread.
    m_recorded.store(recorded, std::memory_order_release);

    void* outBuffer = jack_port_get_buffer(m_out, frames);
    jack_midi_clear_buffer(outBuffer);
    std::uint16_t size = 0;
    while (jack_ringbuffer_peek(m_toSend, reinterpret_cast<char*>(&size), sizeof size) ==
               sizeof size &&
           jack_ringbuffer_read_space(m_toSend) >= sizeof size + size) {
        jack_ringbuffer_read_advance(m_toSend, sizeof size);
        if (jack_midi_data_t* data = jack_midi_event_reserve(outBuffer, 0, size))
            jack_ringbuffer_read(m_toSend, reinterpret_cast<char*>(data), size);
        else
            jack_ringbuffer_read_advance(m_toSend, size);
    }
    return 0;
}

bool JackMidiTestClient::portsConnected() const {
    return m_out && m_in && jack_port_connected(m_out) > 0 && jack_port_connected(m_in) > 0;
}

} // namespace stagedesk::testing
