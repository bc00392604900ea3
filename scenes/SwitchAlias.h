#pragma once
// An X32 address that is another view of several of Stagedesk's own
// switches: the talkback's /config/talk/A/destmap (a bit mask of buses) over
// /config/talk/dest/NN, and the oscillator's /config/osc/dest (one
// destination) over /config/osc/dest/NN and /config/osc/dest/st. The
// switches are the one truth: the alias's value is computed from them, and
// writing the alias writes them. Shows and scenes keep only the switches.

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace stagedesk::scenes {

struct SwitchAlias {
    enum class Kind : std::uint8_t {
        BitMask, // the sum of 1 << bit over the switches that are on
        OneOf,   // the code of the first switch that is on, -1 when none is
    };
    using SwitchId = int; // a ParamId
    Kind kind = Kind::BitMask;
    // The switches it shows, each with its bit (BitMask) or code (OneOf).
    std::vector<std::pair<int, SwitchId>> switches;

    // The alias's value, given the switches' values.
    double valueFrom(const std::function<double(SwitchId)>& switchValue) const;
    // The switch values (0/1) that make the alias read 'value', appended to
    // 'out'. False if part of 'value' has no switch here (a bit of a
    // destination this desk does not have: the rest is still set; a code of
    // one: nothing is).
    bool switchValuesFor(double value, std::vector<std::pair<SwitchId, double>>& out) const;
};

} // namespace stagedesk::scenes
