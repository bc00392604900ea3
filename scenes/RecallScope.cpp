#include "RecallScope.h"

#include "ConsoleSize.h"

namespace stagedesk::scenes {

namespace {
StripSet everyStrip(ConsoleSize size, bool in) {
    StripSet set;
    set.channels.assign(std::size_t(size.inputs), in);
    set.buses.assign(std::size_t(size.buses), in);
    set.main = set.dcas = set.global = in;
    set.fxReturns.assign(std::size_t(engine::kFxSlots), in);
    return set;
}
} // namespace

StripSet StripSet::all(ConsoleSize size) {
    return everyStrip(size, true);
}

StripSet StripSet::none(ConsoleSize size) {
    return everyStrip(size, false);
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
    case StripKind::FxReturn:
        return in(fxReturns);
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
