#pragma once
// The command-line option of the multitrack recorder, parsed apart from the
// rest of the command line: --record-dir DIR.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace stagedesk::app {

struct SoundcheckOptions {
    QString recordDirectory; // empty: next to the show, else the user's data folder
};

QList<QCommandLineOption> soundcheckCommandLineOptions();
// Empty, or one error naming the option.
QString parseSoundcheckOptions(const QCommandLineParser& parser, SoundcheckOptions& options);
// Where takes go: --record-dir; else "<show's folder>/takes"; else (no show,
// or the demo) $XDG_DATA_HOME/stagedesk/takes (~/.local/share/stagedesk/takes).
QString takeDirectory(const SoundcheckOptions& options, const QString& showFile);

} // namespace stagedesk::app
