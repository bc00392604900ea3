#include "OscStartup.h"

#include "ConsoleSession.h"
#include "Log.h"
#include "OscServer.h"

namespace stagedesk::app {

using namespace stagedesk::surfaces::osc;

std::unique_ptr<OscServer> startOsc(ConsoleSession& session, const OscOptions& options) {
    if (!options.enabled)
        return nullptr;
    auto parsed =
        OscSettings::fromJson(session.snapshot().osc, session.state().registry().size().buses);
    if (const QString* error = std::get_if<QString>(&parsed)) {
        logWarning(("OSC remote not started: the show's " + *error).toStdString());
        return nullptr;
    }
    OscSettings settings = std::get<OscSettings>(std::move(parsed));
    if (options.port)
        settings.port = *options.port;
    if (options.bind)
        settings.bind = QHostAddress(*options.bind);
    OscServerTiming timing;
    timing.expiryMs = options.expirySeconds * 1000;

    auto server = std::make_unique<OscServer>(session.state(), &session.sceneList(),
                                              &session.meters(), settings, timing);
    QString error;
    if (!server->start(&error)) {
        logWarning(error.toStdString() + "; running without the OSC remote");
        return nullptr;
    }
    // Rules edited at run time go into the show (its own port and bind stay).
    QObject::connect(server.get(), &OscServer::settingsChanged, [&session, s = server.get()] {
        QJsonObject slot = session.osc();
        s->settings().writeRules(slot);
        session.setOsc(slot);
    });
    logLine(QStringLiteral("OSC remote (X32 protocol) on %1:%2; access: %3%4")
                .arg(settings.bind.toString())
                .arg(server->port())
                .arg(settings.describe().join(QStringLiteral("; ")),
                     settings.defaults ? QStringLiteral(" (the show has no OSC rules: the "
                                                        "defaults)")
                                       : QString())
                .toStdString());
    return server;
}

} // namespace stagedesk::app
