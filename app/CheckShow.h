#pragma once
// stagedesk check-show FILE: whether a show file would load, without
// starting a console.

#include "ShowDocument.h"

#include <QString>

namespace stagedesk::app {

// "\"Demo band\", 32 inputs, 16 buses, 5 scenes, 6 cues"
QString showSummary(const scenes::ShowDocument& show);

// The insert slots whose plugin is not installed, one line each:
// "/ch/01/insert/1: urn:x is not installed (the slot will pass audio dry)".
QStringList missingPlugins(const scenes::ShowDocument& show);

// Prints "FILE: " and the summary on stdout (exit status 0), then the missing
// plugins (the show loads without them); or the one problem on stderr (exit
// status 1).
int checkShow(const QString& path);

} // namespace stagedesk::app
