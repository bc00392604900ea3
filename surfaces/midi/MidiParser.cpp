#include "MidiParser.h"

namespace stagedesk::surfaces::midi {

int dataBytesFor(std::uint8_t status) {
    switch (status & 0xF0) {
    case 0xC0:
    case 0xD0:
        return 1;
    case 0xF0:
        break;
    default:
        return 2;
    }
    switch (status) {
    case 0xF1: // MTC quarter frame
    case 0xF3: // song select
        return 1;
    case 0xF2: // song position
        return 2;
    default:
        return 0;
    }
}

void MidiParser::abandonSysex() {
    m_dropped += m_sysexSize;
    m_inSysex = false;
    m_sysexOverflow = false;
    m_sysexSize = 0;
}

MidiParser::Result MidiParser::push(std::uint8_t byte) {
    if (byte >= 0xF8) {
        // Real-time bytes may sit anywhere, even inside a SysEx or between a
        // status and its data; they disturb nothing. F9 and FD are undefined.
        if (byte == 0xF9 || byte == 0xFD) {
            ++m_dropped;
            return Result::None;
        }
        m_message = {byte, 0, 0, 1};
        return Result::Short;
    }
    if (byte == 0xF7) {
        if (!m_inSysex) {
            ++m_dropped;
            return Result::None;
        }
        if (m_sysexOverflow) {
            abandonSysex();
            ++m_dropped;
            return Result::None;
        }
        m_sysex[m_sysexSize++] = byte;
        m_inSysex = false;
        return Result::Sysex;
    }
    if (byte & 0x80) {
        // Any other status ends an unfinished message or SysEx, which is lost.
        if (m_inSysex)
            abandonSysex();
        if (m_have > 0)
            m_dropped += std::uint64_t(m_have) + 1;
        m_have = 0;
        m_running = 0;
        if (byte == 0xF0) {
            m_inSysex = true;
            m_sysexSize = 0;
            m_sysex[m_sysexSize++] = byte;
            return Result::None;
        }
        if (byte == 0xF4 || byte == 0xF5) { // undefined system common
            ++m_dropped;
            return Result::None;
        }
        if (dataBytesFor(byte) == 0) { // tune request
            m_message = {byte, 0, 0, 1};
            return Result::Short;
        }
        m_running = byte;
        return Result::None;
    }
    // A data byte.
    if (m_inSysex) {
        if (m_sysexSize + 1 >= m_sysex.size())
            m_sysexOverflow = true; // keep counting until F7, then drop it all
        else
            m_sysex[m_sysexSize++] = byte;
        if (m_sysexOverflow)
            ++m_dropped;
        return Result::None;
    }
    if (m_running == 0) {
        ++m_dropped;
        return Result::None;
    }
    m_data[m_have++] = byte;
    const int needed = dataBytesFor(m_running);
    if (m_have < needed)
        return Result::None;
    m_message = {m_running, m_data[0], needed == 2 ? m_data[1] : std::uint8_t(0),
                 std::uint8_t(needed + 1)};
    m_have = 0;
    // Running status applies to channel messages only.
    if (m_running >= 0xF0)
        m_running = 0;
    return Result::Short;
}

} // namespace stagedesk::surfaces::midi
