#pragma once
// One generic MIDI mapping: a control of a MIDI device bound to a parameter
// address, and its form in the show file's "midi" slot (SHOW-FORMAT.md).

#include <QJsonObject>
#include <QString>

#include <optional>

namespace stagedesk::surfaces::midi {

struct MidiBinding {
    enum class Kind { Cc, Cc14, Nrpn, NoteToggle, NoteMomentary, PitchBend };
    Kind kind = Kind::Cc;
    int channel = 0;       // 0..15 (the file says 1..16)
    int number = 0;        // CC 0..127 (14-bit: the MSB's, 0..31), note, NRPN 0..16383
    bool relative = false; // Cc only: two's-complement increments (1 = +1, 127 = -1)
    QString address;
    bool operator==(const MidiBinding&) const = default;
};

QJsonObject toJson(const MidiBinding& binding);
// Nullopt and a message naming the field when the object is not a binding.
std::optional<MidiBinding> bindingFromJson(const QJsonObject& object, QString& error);

} // namespace stagedesk::surfaces::midi
