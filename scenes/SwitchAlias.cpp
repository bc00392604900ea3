#include "SwitchAlias.h"

#include <cmath>

namespace stagedesk::scenes {

double SwitchAlias::valueFrom(const std::function<double(SwitchId)>& switchValue) const {
    double mask = 0;
    for (const auto& [bitOrCode, id] : switches) {
        const bool on = switchValue(id) >= 0.5;
        if (kind == Kind::OneOf && on)
            return bitOrCode;
        if (on)
            mask += double(std::int64_t(1) << bitOrCode);
    }
    return kind == Kind::OneOf ? -1 : mask;
}

bool SwitchAlias::switchValuesFor(double value,
                                  std::vector<std::pair<SwitchId, double>>& out) const {
    const auto v = std::int64_t(std::llround(value));
    if (kind == Kind::BitMask) {
        std::int64_t known = 0;
        for (const auto& [bit, id] : switches) {
            known |= std::int64_t(1) << bit;
            out.emplace_back(id, (v >> bit) & 1 ? 1.0 : 0.0);
        }
        return (v & ~known) == 0;
    }
    bool found = v == -1;
    for (const auto& [code, id] : switches)
        found = found || code == v;
    if (!found)
        return false;
    for (const auto& [code, id] : switches)
        out.emplace_back(id, code == v ? 1.0 : 0.0);
    return true;
}

} // namespace stagedesk::scenes
