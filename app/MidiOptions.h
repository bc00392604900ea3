#pragma once
// The command-line options of the MIDI surfaces, parsed apart from the rest
// of the command line: --midi-in, --midi-out, --mcu, and the Mackie
// extenders --mcu-xt (repeatable) and --mcu-position.

#include <QCommandLineOption>
#include <QCommandLineParser>
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

} // namespace stagedesk::app
