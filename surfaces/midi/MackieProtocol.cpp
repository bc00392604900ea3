#include "MackieProtocol.h"

#include <algorithm>
#include <cmath>

namespace stagedesk::surfaces::midi::mackie {

Short fader(int channel, double normalized) {
    const int v = int(std::lround(std::clamp(normalized, 0.0, 1.0) * 16383.0));
    return {std::uint8_t(0xE0 | (channel & 0x0F)), std::uint8_t(v & 0x7F),
            std::uint8_t((v >> 7) & 0x7F)};
}

double faderPosition(const ShortMessage& pitchBend) {
    return double(pitchBend.data1 | (pitchBend.data2 << 7)) / 16383.0;
}

Short led(std::uint8_t note, bool on) {
    return {0x90, note, std::uint8_t(on ? 0x7F : 0x00)};
}

int vpotTicks(std::uint8_t value) {
    const int ticks = value & 0x3F;
    return (value & 0x40) ? -ticks : ticks;
}

std::uint8_t panRing(double normalized) {
    // Positions 1..11 with 6 in the middle; mode 1 lights from the centre out.
    const int position = 1 + int(std::lround(std::clamp(normalized, 0.0, 1.0) * 10.0));
    return std::uint8_t(0x10 | position);
}

std::uint8_t levelRing(double normalized) {
    const int position = int(std::lround(std::clamp(normalized, 0.0, 1.0) * 11.0));
    return std::uint8_t(0x20 | position);
}

Short ring(int strip, std::uint8_t value) {
    return {0xB0, std::uint8_t(kRing + strip), std::uint8_t(value & 0x7F)};
}

QByteArray lcdCell(const QString& text) {
    QByteArray cell(kLcdCellChars, ' ');
    int at = 0;
    for (const QChar c : text) {
        if (at == kLcdCellChars - 1)
            break;
        const char16_t u = c.unicode();
        cell[at++] = (u >= 0x20 && u < 0x7F) ? char(u) : '?';
    }
    return cell;
}

std::vector<std::uint8_t> lcd(std::uint8_t deviceId, int offset, const QByteArray& chars) {
    std::vector<std::uint8_t> bytes{0xF0, 0x00, 0x00, 0x66, deviceId, 0x12, std::uint8_t(offset)};
    for (const char c : chars)
        bytes.push_back(std::uint8_t(c) & 0x7F);
    bytes.push_back(0xF7);
    return bytes;
}

std::array<std::uint8_t, 2> meter(int strip, float peakLinear) {
    int level = 0;
    if (peakLinear > 0) {
        const double db = 20.0 * std::log10(double(peakLinear));
        level = std::clamp(int(std::floor((db + 60.0) / 5.0)), 0, 12);
    }
    return {0xD0, std::uint8_t((strip << 4) | level)};
}

std::array<std::uint8_t, 2> meterClip(int strip) {
    return {0xD0, std::uint8_t((strip << 4) | 0x0E)};
}

} // namespace stagedesk::surfaces::midi::mackie
