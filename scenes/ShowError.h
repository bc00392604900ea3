#pragma once
// One reason a show file is refused: the field, the line, what is wrong.

#include "JsonPath.h"

#include <QString>

namespace stagedesk::scenes {

struct ShowError {
    JsonPath path;
    QString message;
    int line = 0; // 0: not known yet (JsonLocator finds it from the path)

    // "show.json:42: scenes[3].values./ch/01/mix/fader: 15 is out of range
    // (-90..10 dB)"; the parts that are not known are left out.
    QString toString(const QString& fileName) const {
        QString text = fileName;
        if (line > 0)
            text += QStringLiteral(":%1").arg(line);
        if (!text.isEmpty())
            text += QStringLiteral(": ");
        if (!path.isEmpty())
            text += path.toString() + QStringLiteral(": ");
        return text + message;
    }
};

} // namespace stagedesk::scenes
