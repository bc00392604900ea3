#pragma once
// A byte-stream MIDI parser: running status, System Exclusive, real-time
// bytes in the middle of anything, and junk (data bytes without a status,
// stray F7, a SysEx cut short by a status byte or longer than the buffer)
// dropped and counted, never passed on. One parser per input port; it never
// allocates, so it may run on the MIDI driver's thread.

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace stagedesk::surfaces::midi {

// A complete short message (channel voice, system common or real-time).
struct ShortMessage {
    std::uint8_t status = 0;
    std::uint8_t data1 = 0;
    std::uint8_t data2 = 0;
    std::uint8_t size = 0; // 1..3 bytes

    int channel() const { return status & 0x0F; }
    int kind() const { return status & 0xF0; } // 0x80 .. 0xE0 for channel messages
    bool operator==(const ShortMessage&) const = default;
};

// Bytes that follow a status byte (0 for one-byte messages).
int dataBytesFor(std::uint8_t status);

class MidiParser {
public:
    static constexpr std::size_t kMaxSysex = 512;

    enum class Result { None, Short, Sysex };

    // Feeds one byte. Short: message() holds a complete message. Sysex:
    // sysex() holds a complete F0 ... F7 message until the next push().
    Result push(std::uint8_t byte);

    const ShortMessage& message() const { return m_message; }
    std::span<const std::uint8_t> sysex() const { return {m_sysex.data(), m_sysexSize}; }
    // Bytes dropped as malformed since construction.
    std::uint64_t dropped() const { return m_dropped; }

private:
    void abandonSysex();

    ShortMessage m_message;
    std::uint8_t m_running = 0; // status that data bytes belong to; 0 = none
    std::uint8_t m_data[2] = {};
    int m_have = 0;
    bool m_inSysex = false;
    bool m_sysexOverflow = false;
    std::array<std::uint8_t, kMaxSysex> m_sysex{};
    std::size_t m_sysexSize = 0;
    std::uint64_t m_dropped = 0;
};

} // namespace stagedesk::surfaces::midi
