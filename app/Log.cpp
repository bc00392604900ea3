#include "Log.h"

#include <cstdio>
#include <string>

namespace stagedesk::app {

namespace {

void writeLine(std::string_view prefix, std::string_view message) {
    std::string line = "stagedesk: ";
    line += prefix;
    line += message;
    line += '\n';
    // One write per line, so that lines from different threads do not mix.
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

} // namespace

void logLine(std::string_view message) {
    writeLine({}, message);
}

void logWarning(std::string_view message) {
    writeLine("WARNING: ", message);
}

} // namespace stagedesk::app
