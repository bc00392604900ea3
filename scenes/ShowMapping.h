#pragma once
// Fitting a show to a console of another size: each show channel and bus goes
// to the console channel or bus that an explicit map names, or is left out.
// Without a map a show of another size is refused, never half loaded.

#include "ShowDocument.h"
#include "ShowError.h"

#include <optional>
#include <variant>
#include <vector>

namespace stagedesk::scenes {

struct ShowLoadOptions {
    // The size of the console the show goes to; what is not given is the
    // show's own. Both unset: the show is taken at its own size.
    std::optional<int> inputs;
    std::optional<int> buses;
    // Index: show channel (0-based); value: console channel (0-based) or -1
    // to leave it out. Show channels past the end of the map are left out.
    std::optional<std::vector<int>> channelMap;
    std::optional<std::vector<int>> busMap; // the same for mix buses
};

// The console size that 'options' asks for, given the show's own.
ConsoleSize targetSize(ConsoleSize show, const ShowLoadOptions& options);

// The show on a console of 'console' size. The show unchanged when the sizes
// agree and there is no map; refused when they differ and the map that would
// bridge them is missing, or when a map is not one (a target out of range,
// two show strips on one console strip).
std::variant<ShowDocument, ShowError> mapShow(const ShowDocument& show, ConsoleSize console,
                                              const ShowLoadOptions& options);

} // namespace stagedesk::scenes
