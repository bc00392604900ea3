#include "CheckShow.h"

#include "PluginWorld.h"
#include "ShowFile.h"
#include "ShowPlugins.h"

#include <cstdio>
#include <optional>

namespace stagedesk::app {

QString showSummary(const scenes::ShowDocument& show) {
    return QStringLiteral("\"%1\", %2 inputs, %3 buses, %4 scenes, %5 cues")
        .arg(show.name)
        .arg(show.console.inputs)
        .arg(show.console.buses)
        .arg(show.scenes.size())
        .arg(show.cues.size());
}

QStringList missingPlugins(const scenes::ShowDocument& show) {
    const QString slotSuffix = scenes::slotPluginAddress({});
    std::optional<plugins::PluginWorld> world; // discovery only when a slot names a plugin
    QStringList missing;
    for (const auto& [address, value] : show.state) {
        const QString* uri = std::get_if<QString>(&value);
        if (!address.endsWith(slotSuffix) || !uri || uri->isEmpty())
            continue;
        if (!world)
            world.emplace();
        if (!world->find(uri->toStdString()))
            missing << QStringLiteral("%1: %2 is not installed (the slot will pass audio dry)")
                           .arg(address.chopped(slotSuffix.size()), *uri);
    }
    return missing;
}

int checkShow(const QString& path) {
    const scenes::ShowReadResult read = scenes::readShowFile(path);
    if (!read.ok()) {
        std::fprintf(stderr, "%s\n", read.error.toUtf8().constData());
        return 1;
    }
    std::printf("%s: %s\n", path.toUtf8().constData(),
                showSummary(*read.show).toUtf8().constData());
    for (const QString& missing : missingPlugins(*read.show))
        std::printf("%s\n", missing.toUtf8().constData());
    return 0;
}

} // namespace stagedesk::app
