#include "CheckShow.h"

#include "ShowFile.h"

#include <cstdio>

namespace stagedesk::app {

QString showSummary(const scenes::ShowDocument& show) {
    return QStringLiteral("\"%1\", %2 inputs, %3 buses, %4 scenes, %5 cues")
        .arg(show.name)
        .arg(show.console.inputs)
        .arg(show.console.buses)
        .arg(show.scenes.size())
        .arg(show.cues.size());
}

int checkShow(const QString& path) {
    const scenes::ShowReadResult read = scenes::readShowFile(path);
    if (!read.ok()) {
        std::fprintf(stderr, "%s\n", read.error.toUtf8().constData());
        return 1;
    }
    std::printf("%s: %s\n", path.toUtf8().constData(),
                showSummary(*read.show).toUtf8().constData());
    return 0;
}

} // namespace stagedesk::app
