#pragma once
// Channel maps as people type them: "1,2,5-8,-" (1-based channels, ranges,
// '-' for none) <-> 0-based maps (-1 = none). The command line's
// --input-map, --output-map and the show maps, and the setup page's fields.

#include <QString>

#include <optional>
#include <vector>

namespace stagedesk::app {

// Nullopt and an error naming 'option' and the bad item; 'what' names a
// channel ("device channel").
std::optional<std::vector<int>> parseChannelMap(const QString& option, const QString& text,
                                                const QString& what, QString& error);
// The shortest text parseChannelMap reads back as 'map' (runs as ranges).
QString formatChannelMap(const std::vector<int>& map);

} // namespace stagedesk::app
