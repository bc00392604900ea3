#pragma once
// The command-line options of the OSC remote, parsed apart from the rest of
// the command line: --osc-port, --osc-bind, --osc-expiry-seconds, --no-osc.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

#include <optional>

namespace stagedesk::app {

struct OscOptions {
    bool enabled = true;
    std::optional<int> port;     // else the show's, else 10023
    std::optional<QString> bind; // else the show's, else every interface
    int expirySeconds = 10;      // /xremote, /subscribe, /meters
};

QList<QCommandLineOption> oscCommandLineOptions();
// Empty, or one error naming the option.
QString parseOscOptions(const QCommandLineParser& parser, OscOptions& options);

} // namespace stagedesk::app
