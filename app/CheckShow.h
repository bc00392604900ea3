#pragma once
// stagedesk check-show FILE: whether a show file would load, without
// starting a console.

#include "ShowDocument.h"

#include <QString>

namespace stagedesk::app {

// "\"Demo band\", 32 inputs, 16 buses, 5 scenes, 6 cues"
QString showSummary(const scenes::ShowDocument& show);

// Prints "FILE: " and the summary on stdout (exit status 0) or the one problem on stderr
// (exit status 1).
int checkShow(const QString& path);

} // namespace stagedesk::app
