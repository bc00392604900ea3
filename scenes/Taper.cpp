#include "Taper.h"

#include <algorithm>

namespace stagedesk::scenes {

double faderNormalizedToDb(double n) {
    n = std::clamp(n, 0.0, 1.0);
    if (n >= 0.5)
        return n * 40.0 - 30.0;
    if (n >= 0.25)
        return n * 80.0 - 50.0;
    if (n >= 0.0625)
        return n * 160.0 - 70.0;
    if (n > 0.0)
        return n * 480.0 - 90.0;
    return kFaderOffDb;
}

double faderDbToNormalized(double db) {
    if (db <= kFaderOffDb)
        return 0.0;
    if (db < -60.0)
        return (db + 90.0) / 480.0;
    if (db < -30.0)
        return (db + 70.0) / 160.0;
    if (db < -10.0)
        return (db + 50.0) / 80.0;
    return std::min((db + 30.0) / 40.0, 1.0);
}

} // namespace stagedesk::scenes
