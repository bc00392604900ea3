#include "SoundcheckOptions.h"

#include "ShowPaths.h"

#include <QDir>
#include <QFileInfo>

namespace stagedesk::app {

QList<QCommandLineOption> soundcheckCommandLineOptions() {
    return {QCommandLineOption(QStringLiteral("record-dir"),
                               QStringLiteral("Folder of the multitrack takes (default: 'takes' "
                                              "next to the show, else "
                                              "~/.local/share/stagedesk/takes)."),
                               QStringLiteral("DIR"))};
}

QString parseSoundcheckOptions(const QCommandLineParser& parser, SoundcheckOptions& options) {
    if (!parser.isSet(QStringLiteral("record-dir")))
        return {};
    const QString dir = parser.value(QStringLiteral("record-dir"));
    if (dir.isEmpty())
        return QStringLiteral("--record-dir needs a folder");
    options.recordDirectory = QDir::cleanPath(QDir::current().absoluteFilePath(dir));
    return {};
}

QString takeDirectory(const SoundcheckOptions& options, const QString& showFile) {
    if (!options.recordDirectory.isEmpty())
        return options.recordDirectory;
    if (!showFile.isEmpty() && showFile != demoShowPath())
        return QFileInfo(showFile).absoluteDir().filePath(QStringLiteral("takes"));
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base)) // the XDG rules
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/stagedesk/takes");
}

} // namespace stagedesk::app
