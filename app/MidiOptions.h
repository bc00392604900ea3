#pragma once
// The command-line options of the MIDI surfaces, parsed apart from the rest
// of the command line: --midi-in, --midi-out, --mcu, and the Mackie
// extenders --mcu-xt (repeatable) and --mcu-position.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace stagedesk::app {

struct MidiOptions {
    QString input; // part of a port name; empty = none
    QString output;
    bool mackie = false; // drive the pair as a Mackie Control
    // Mackie extenders, left to right: each the part of a name that both its
    // input and its output port contain.
    QStringList extenders;
    int mainPosition = 1; // the MCU's place among the units, 1 = leftmost
};

QList<QCommandLineOption> midiCommandLineOptions();
// Empty, or one error naming the option.
QString parseMidiOptions(const QCommandLineParser& parser, MidiOptions& options);

// The ports as the show remembers them, in its "midi" slot under "ports":
// {"in", "out", "mcu", "extenders", "mcuPosition"}. Reading gives empty, or
// one error naming the field (midi.ports.in: ...), and changes nothing then.
QJsonObject midiPortsToJson(const MidiOptions& options);
QString midiPortsFromJson(const QJsonObject& ports, MidiOptions& options);

} // namespace stagedesk::app
