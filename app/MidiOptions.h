#pragma once
// The command-line options of the MIDI surfaces, parsed apart from the rest
// of the command line: --midi-in, --midi-out, --mcu.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace stagedesk::app {

struct MidiOptions {
    QString input; // part of a port name; empty = none
    QString output;
    bool mackie = false; // drive the pair as a Mackie Control
};

QList<QCommandLineOption> midiCommandLineOptions();
// Empty, or one error naming the option.
QString parseMidiOptions(const QCommandLineParser& parser, MidiOptions& options);

} // namespace stagedesk::app
