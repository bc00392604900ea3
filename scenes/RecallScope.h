#pragma once
// Which parameters a scene recall may touch (its scope) and which it must
// never touch (the console's recall safes), by strip and by section.

#include "ParameterRegistry.h"

#include <bitset>
#include <vector>

namespace stagedesk::scenes {

using SectionSet = std::bitset<std::size_t(Section::Count)>;

// A set of strips: channels and buses by number, main, DCAs, the global
// parameters (mute groups), and the FX returns by number (each with the FX
// slot that feeds it). A stereo link belongs to the first channel of its
// pair, in the routing section.
struct StripSet {
    std::vector<bool> channels;
    std::vector<bool> buses;
    bool main = false;
    bool dcas = false;
    bool global = false;
    std::vector<bool> fxReturns; // engine::kFxSlots of them

    static StripSet all(ConsoleSize size);
    static StripSet none(ConsoleSize size);
    bool contains(const ParameterDescriptor& d) const;
    bool operator==(const StripSet&) const = default;
};

struct RecallScope {
    SectionSet sections;
    StripSet strips;

    static RecallScope everything(ConsoleSize size);
    bool includes(const ParameterDescriptor& d) const {
        return sections.test(std::size_t(d.section)) && strips.contains(d);
    }
    bool operator==(const RecallScope&) const = default;
};

struct RecallSafes {
    SectionSet sections; // a safe section is safe on every strip
    StripSet strips;     // a safe strip is safe in every section

    static RecallSafes nothing(ConsoleSize size);
    bool protects(const ParameterDescriptor& d) const {
        return sections.test(std::size_t(d.section)) || strips.contains(d);
    }
    bool operator==(const RecallSafes&) const = default;
};

} // namespace stagedesk::scenes
