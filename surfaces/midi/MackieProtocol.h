#pragma once
// The Mackie Control Universal protocol, as bytes: note numbers of the
// buttons and LEDs, fader pitch bends, V-Pot deltas and LED rings, the
// scribble-strip SysEx and the meters. No console logic here.

#include "MidiParser.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace stagedesk::surfaces::midi::mackie {

constexpr int kStrips = 8;        // per unit
constexpr int kMasterChannel = 8; // pitch bend channel of the master fader (MIDI ch 9)
constexpr int kLcdCellChars = 7;  // per strip and row
constexpr int kLcdRowChars = kStrips * kLcdCellChars;
constexpr std::uint8_t kMainDeviceId = 0x14; // MCU; extenders are 0x15
constexpr std::uint8_t kExtenderDeviceId = 0x15;

// Notes: buttons in (velocity 127 pressed, 0 released), LEDs out.
constexpr std::uint8_t kRecArm = 0x00, kSolo = 0x08, kMute = 0x10, kSelect = 0x18;
constexpr std::uint8_t kAssignSend = 0x29, kAssignPan = 0x2A;
constexpr std::uint8_t kBankLeft = 0x2E, kBankRight = 0x2F;
constexpr std::uint8_t kChannelLeft = 0x30, kChannelRight = 0x31, kFlip = 0x32;
constexpr std::uint8_t kTouch = 0x68, kMasterTouch = 0x70;
// Control changes: V-Pot turns in, LED rings out.
constexpr std::uint8_t kVPot = 0x10, kRing = 0x30;

using Short = std::array<std::uint8_t, 3>;

// Fader position 0..1 as a 14-bit pitch bend, and back.
Short fader(int channel, double normalized);
double faderPosition(const ShortMessage& pitchBend);

Short led(std::uint8_t note, bool on);

// A V-Pot turn: +n clockwise, -n counter-clockwise.
int vpotTicks(std::uint8_t value);
// Ring CC value: pan as a boost/cut ring around the centre, levels as a
// filling ring, both from a normalized 0..1 value.
std::uint8_t panRing(double normalized);
std::uint8_t levelRing(double normalized);
Short ring(int strip, std::uint8_t value);

// The 7 characters of one LCD cell: ASCII, cut or padded, the last one a
// space so that neighbouring cells stay apart.
QByteArray lcdCell(const QString& text);
// F0 00 00 66 <device> 12 <offset> <chars> F7; offset 0..55 top row, 56..111
// bottom row.
std::vector<std::uint8_t> lcd(std::uint8_t deviceId, int offset, const QByteArray& chars);

// Channel pressure: strip in the high nibble, 0..12 (-60..0 dBFS in 5 dB
// steps) in the low one; 0x0E lights the clip LED.
std::array<std::uint8_t, 2> meter(int strip, float peakLinear);
std::array<std::uint8_t, 2> meterClip(int strip);

} // namespace stagedesk::surfaces::midi::mackie
