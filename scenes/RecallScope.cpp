#include "RecallScope.h"

namespace stagedesk::scenes {

StripSet StripSet::all(ConsoleSize size) {
    return {std::vector<bool>(std::size_t(size.inputs), true),
            std::vector<bool>(std::size_t(size.buses), true), true, true, true};
}

StripSet StripSet::none(ConsoleSize size) {
    return {std::vector<bool>(std::size_t(size.inputs), false),
            std::vector<bool>(std::size_t(size.buses), false), false, false, false};
}

bool StripSet::contains(const ParameterDescriptor& d) const {
    const auto in = [&](const std::vector<bool>& set) {
        return d.stripIndex >= 0 && std::size_t(d.stripIndex) < set.size() &&
               set[std::size_t(d.stripIndex)];
    };
    switch (d.strip) {
    case StripKind::Channel:
        return in(channels);
    case StripKind::Bus:
        return in(buses);
    case StripKind::Main:
        return main;
    case StripKind::Dca:
        return dcas;
    case StripKind::MuteGroup:
    case StripKind::Global:
        return global;
    }
    return false;
}

RecallScope RecallScope::everything(ConsoleSize size) {
    // Every section but the soundcheck's (see Section).
    return {SectionSet().set().reset(std::size_t(Section::Soundcheck)), StripSet::all(size)};
}

RecallSafes RecallSafes::nothing(ConsoleSize size) {
    return {SectionSet(), StripSet::none(size)};
}

} // namespace stagedesk::scenes
