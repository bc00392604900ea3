#include "OscOptions.h"

#include <QHostAddress>

namespace stagedesk::app {

namespace {
constexpr int kMaxExpirySeconds = 3600;
}

QList<QCommandLineOption> oscCommandLineOptions() {
    return {
        {QStringLiteral("osc-port"),
         QStringLiteral("UDP port of the OSC remote (X32 protocol), 1..65535. Default: the "
                        "show's, else 10023."),
         QStringLiteral("N")},
        {QStringLiteral("osc-bind"),
         QStringLiteral("Address of the interface the OSC remote listens on (0.0.0.0 = all). "
                        "Default: the show's, else all."),
         QStringLiteral("ADDR")},
        {QStringLiteral("osc-expiry-seconds"),
         QStringLiteral("How long /xremote, /subscribe and /meters last without renewal, 1..%1 "
                        "s. Default: 10, as on the X32.")
             .arg(kMaxExpirySeconds),
         QStringLiteral("s"), QStringLiteral("10")},
        {QStringLiteral("no-osc"), QStringLiteral("Do not start the OSC remote.")},
    };
}

QString parseOscOptions(const QCommandLineParser& parser, OscOptions& options) {
    options.enabled = !parser.isSet(QStringLiteral("no-osc"));
    bool ok = false;
    if (parser.isSet(QStringLiteral("osc-port"))) {
        const QString text = parser.value(QStringLiteral("osc-port"));
        const int port = text.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return QStringLiteral("--osc-port: '%1' is not a port (1..65535)").arg(text);
        options.port = port;
    }
    if (parser.isSet(QStringLiteral("osc-bind"))) {
        const QString text = parser.value(QStringLiteral("osc-bind"));
        if (QHostAddress(text).isNull())
            return QStringLiteral("--osc-bind: '%1' is not an IP address").arg(text);
        options.bind = text;
    }
    const QString expiry = parser.value(QStringLiteral("osc-expiry-seconds"));
    const int seconds = expiry.toInt(&ok);
    if (!ok || seconds < 1 || seconds > kMaxExpirySeconds)
        return QStringLiteral("--osc-expiry-seconds: '%1' is not 1..%2")
            .arg(expiry)
            .arg(kMaxExpirySeconds);
    options.expirySeconds = seconds;
    return {};
}

} // namespace stagedesk::app
