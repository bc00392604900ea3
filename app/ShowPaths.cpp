#include "ShowPaths.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace stagedesk::app {

QString stateDirectory() {
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    // The XDG rules: a relative path is to be ignored.
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/stagedesk");
}

QString demoShowPath() {
    const QString installed = QCoreApplication::applicationDirPath() +
                              QStringLiteral("/../share/stagedesk/demo-show.json");
    for (const QString& candidate : {installed, QStringLiteral(STAGEDESK_DEMO_SHOW)})
        if (QFileInfo(candidate).isFile())
            return QFileInfo(candidate).absoluteFilePath();
    return {};
}

QString autosavePathFor(const QString& showFile) {
    if (showFile.isEmpty() || QFileInfo(showFile).absoluteFilePath() == demoShowPath())
        return stateDirectory() + QStringLiteral("/autosave.json");
    const QFileInfo info(showFile);
    if (QFileInfo(info.absolutePath()).isWritable())
        return showFile + QStringLiteral(".autosave");
    const QByteArray hash =
        QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(8);
    return stateDirectory() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('-') +
           QString::fromLatin1(hash) + QStringLiteral(".autosave.json");
}

} // namespace stagedesk::app
