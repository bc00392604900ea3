#pragma once
// Every parameter of a console at one normalized travel (texts: tag + id).
// 0.2 and 0.8 differ in every parameter, so a recall between two such states
// changes everything. What no show or scene keeps is left out: aliases (views
// of other parameters) follow, and a button (/fx/K/tap) is not a setting.
// Shared by the scene tests and bench/scene_recall.

#include "ConsoleState.h"

#include <vector>

namespace stagedesk::test {

inline std::vector<scenes::Assignment> filledConsole(const scenes::ParameterRegistry& registry,
                                                     double fraction, const QString& tag) {
    std::vector<scenes::Assignment> all;
    for (scenes::ParamId id = 0; id < registry.count(); ++id) {
        const scenes::ParameterDescriptor& d = registry.at(id);
        if (!d.isStored())
            continue;
        if (d.isText())
            all.push_back({id, (tag + QString::number(id)).left(d.maxLength)});
        else
            all.push_back({id, d.fromNormalized(fraction)});
    }
    return all;
}

} // namespace stagedesk::test
