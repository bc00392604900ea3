#pragma once
// One line on stderr, prefixed with the program name: the log of a headless
// console, read in a terminal or in the journal.

#include <string_view>

namespace stagedesk::app {

void logLine(std::string_view message);
// For what the user must not miss: the console runs, but not as asked.
void logWarning(std::string_view message);

} // namespace stagedesk::app
