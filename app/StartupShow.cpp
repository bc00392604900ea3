#include "StartupShow.h"

#include "CheckShow.h"
#include "Log.h"
#include "ShowFile.h"
#include "ShowPaths.h"

#include <QDateTime>
#include <QFileInfo>

namespace stagedesk::app {

namespace {

scenes::ShowLoadOptions loadOptions(const Options& o) {
    scenes::ShowLoadOptions load;
    if (o.inputsGiven)
        load.inputs = o.inputs;
    if (o.busesGiven)
        load.buses = o.buses;
    load.channelMap = o.showChannelMap;
    load.busMap = o.showBusMap;
    return load;
}

bool newer(const QString& a, const QString& b) {
    const QFileInfo fa(a), fb(b);
    return fa.isFile() && (!fb.exists() || fa.lastModified() > fb.lastModified());
}

void logLoaded(const QString& what, const scenes::ShowDocument& show) {
    logLine(("show: " + what + QStringLiteral(": ") + showSummary(show)).toStdString());
}

} // namespace

std::optional<StartupShow> chooseStartupShow(const Options& options) {
    const scenes::ShowLoadOptions load = loadOptions(options);
    const QString showFile = options.showFile.isEmpty() ? demoShowPath() : options.showFile;
    StartupShow startup;
    startup.autosavePath = autosavePathFor(options.showFile);
    const auto emptyConsole = [&] {
        startup.show.console = {options.inputs, options.buses};
        startup.show.safes = scenes::RecallSafes::nothing(startup.show.console);
        return startup;
    };

    if (newer(startup.autosavePath, showFile)) {
        scenes::ShowReadResult read = scenes::readShowFile(startup.autosavePath, load);
        if (read.ok()) {
            logLoaded(QStringLiteral("loaded the autosave %1, saved %2, newer than %3")
                          .arg(startup.autosavePath,
                               QFileInfo(startup.autosavePath)
                                   .lastModified()
                                   .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")),
                               showFile.isEmpty() ? QStringLiteral("the empty console") : showFile),
                      *read.show);
            startup.show = std::move(*read.show);
            return startup;
        }
        logWarning(
            ("the autosave cannot be loaded, so it is ignored: " + read.error).toStdString());
    }

    if (showFile.isEmpty()) {
        logWarning("the demo show is not installed; starting with an empty console");
        return emptyConsole();
    }
    scenes::ShowReadResult read = scenes::readShowFile(showFile, load);
    if (!read.ok()) {
        if (!options.showFile.isEmpty()) {
            logLine(("cannot start with this show: " + read.error).toStdString());
            if (options.inputsGiven || options.busesGiven)
                logLine("(--show-channel-map and --show-bus-map say where the show's channels and "
                        "buses go on a console of another size; without --inputs and --buses the "
                        "console takes the show's size)");
            return std::nullopt;
        }
        // The demo is for 32 inputs and 16 buses; another size starts empty.
        logLine(("the demo show does not fit: " + read.error + "; starting with an empty console")
                    .toStdString());
        return emptyConsole();
    }
    logLoaded(options.showFile.isEmpty() ? QStringLiteral("the demo show %1").arg(showFile)
                                         : showFile,
              *read.show);
    startup.show = std::move(*read.show);
    return startup;
}

} // namespace stagedesk::app
