#include "ShowMapping.h"

#include "ShowPlugins.h"

#include <QRegularExpression>

namespace stagedesk::scenes {

namespace {

QString describeSize(ConsoleSize s) {
    return QStringLiteral("%1 inputs and %2 buses").arg(s.inputs).arg(s.buses);
}

// The map for one kind of strip, checked: identity when none is given.
std::optional<QString> effectiveMap(const std::optional<std::vector<int>>& given, int from, int to,
                                    const char* what, const char* plural, std::vector<int>& out) {
    out.assign(std::size_t(from), -1);
    if (!given) {
        for (int i = 0; i < from; ++i)
            out[std::size_t(i)] = i;
        return std::nullopt;
    }
    if (int(given->size()) > from)
        return QStringLiteral("the %1 map has %2 entries, the show only %3 %4")
            .arg(QLatin1String(what))
            .arg(given->size())
            .arg(from)
            .arg(QLatin1String(plural));
    std::vector<int> usedBy(std::size_t(to), -1);
    for (std::size_t i = 0; i < given->size(); ++i) {
        const int target = (*given)[i];
        if (target < -1 || target >= to)
            return QStringLiteral("the %1 map sends show %1 %2 to %3, which this console does "
                                  "not have (1..%4)")
                .arg(QLatin1String(what))
                .arg(i + 1)
                .arg(target + 1)
                .arg(to);
        if (target < 0)
            continue;
        if (usedBy[std::size_t(target)] >= 0)
            return QStringLiteral("the %1 map sends show %2 %3 and %4 both to %5")
                .arg(QLatin1String(what), QLatin1String(plural))
                .arg(usedBy[std::size_t(target)] + 1)
                .arg(i + 1)
                .arg(target + 1);
        usedBy[std::size_t(target)] = int(i);
        out[i] = target;
    }
    return std::nullopt;
}

class Mapper {
public:
    Mapper(ConsoleSize console, std::vector<int> channels, std::vector<int> buses)
        : m_registry(console), m_channels(std::move(channels)), m_buses(std::move(buses)) {}

    // The address on the console, or empty when its strip is left out.
    QString address(const QString& showAddress) const;
    AddressValues values(const AddressValues& values) const;
    ParameterValue value(const QString& address, const ParameterValue& v) const;
    SlotPluginStates plugins(const SlotPluginStates& plugins) const;
    StripSet strips(const StripSet& strips) const;

private:
    int mapped(const std::vector<int>& map, const QString& number) const {
        const int index = number.toInt() - 1;
        return index >= 0 && index < int(map.size()) ? map[std::size_t(index)] : -1;
    }

    ParameterRegistry m_registry;
    std::vector<int> m_channels, m_buses;
};

QString Mapper::address(const QString& a) const {
    static const QRegularExpression channel(QStringLiteral("^/ch/(\\d+)(/.*)$"));
    static const QRegularExpression send(QStringLiteral("^/mix/(\\d+)(/.*)$"));
    static const QRegularExpression bus(QStringLiteral("^/bus/(\\d+)(/.*)$"));
    static const QRegularExpression link(QStringLiteral("^/config/chlink/(\\d+)-(\\d+)$"));
    static const QRegularExpression fxReturn(QStringLiteral("^(/fxrtn/\\d+)(/.*)$"));
    // A channel's or an FX return's send follows its bus.
    const auto mappedSend = [&](QString rest) -> QString {
        if (const auto s = send.match(rest); s.hasMatch()) {
            const int b = mapped(m_buses, s.captured(1));
            if (b < 0)
                return {};
            rest = QStringLiteral("/mix/%1").arg(b + 1, 2, 10, QLatin1Char('0')) + s.captured(2);
        }
        return rest;
    };
    QString result = a;
    if (const auto m = channel.match(a); m.hasMatch()) {
        const int ch = mapped(m_channels, m.captured(1));
        const QString rest = mappedSend(m.captured(2));
        if (ch < 0 || rest.isEmpty())
            return {};
        result = m_registry.channelPrefix(ch) + rest;
    } else if (const auto m = fxReturn.match(a); m.hasMatch()) {
        const QString rest = mappedSend(m.captured(2));
        if (rest.isEmpty())
            return {};
        result = m.captured(1) + rest;
    } else if (const auto m = bus.match(a); m.hasMatch()) {
        const int b = mapped(m_buses, m.captured(1));
        if (b < 0)
            return {};
        result = m_registry.busPrefix(b) + m.captured(2);
    } else if (const auto m = link.match(a); m.hasMatch()) {
        // A link survives only if the pair lands on a pair.
        const int first = mapped(m_channels, m.captured(1));
        const int second = mapped(m_channels, m.captured(2));
        if (first < 0 || first % 2 != 0 || second != first + 1)
            return {};
        result = QStringLiteral("/config/chlink/%1-%2").arg(first + 1).arg(second + 1);
    }
    return m_registry.find(result) == kNoParam ? QString() : result;
}

AddressValues Mapper::values(const AddressValues& values) const {
    AddressValues out;
    for (const auto& [a, v] : values)
        if (const QString mappedAddress = address(a); !mappedAddress.isEmpty())
            out.emplace(mappedAddress, value(a, v));
    return out;
}

// An FX slot's source names a bus (1-based, 0 = OFF): it follows its bus,
// or is OFF when the bus is left out.
ParameterValue Mapper::value(const QString& address, const ParameterValue& v) const {
    static const QRegularExpression source(QStringLiteral("^/fx/\\d+/source$"));
    const double* bus = std::get_if<double>(&v);
    if (!bus || *bus < 1 || !source.match(address).hasMatch())
        return v;
    return double(mapped(m_buses, QString::number(int(*bus))) + 1);
}

// A slot goes where its /plugin parameter goes.
SlotPluginStates Mapper::plugins(const SlotPluginStates& plugins) const {
    SlotPluginStates out;
    for (const auto& [slot, state] : plugins)
        if (const QString mappedAddress = address(slotPluginAddress(slot));
            !mappedAddress.isEmpty())
            out.emplace(mappedAddress.chopped(slotPluginAddress({}).size()), state);
    return out;
}

// Console strips that no show strip lands on are outside every set.
StripSet Mapper::strips(const StripSet& strips) const {
    StripSet out = strips;
    const ConsoleSize size = m_registry.size();
    out.channels.assign(std::size_t(size.inputs), false);
    out.buses.assign(std::size_t(size.buses), false);
    for (std::size_t i = 0; i < m_channels.size() && i < strips.channels.size(); ++i)
        if (m_channels[i] >= 0)
            out.channels[std::size_t(m_channels[i])] = strips.channels[i];
    for (std::size_t i = 0; i < m_buses.size() && i < strips.buses.size(); ++i)
        if (m_buses[i] >= 0)
            out.buses[std::size_t(m_buses[i])] = strips.buses[i];
    return out;
}

} // namespace

ConsoleSize targetSize(ConsoleSize show, const ShowLoadOptions& options) {
    return {options.inputs.value_or(show.inputs), options.buses.value_or(show.buses)};
}

std::variant<ShowDocument, ShowError> mapShow(const ShowDocument& show, ConsoleSize console,
                                              const ShowLoadOptions& options) {
    if (show.console == console && !options.channelMap && !options.busMap)
        return show;
    const JsonPath where = JsonPath() / "console";
    const bool inputsDiffer = show.console.inputs != console.inputs;
    const bool busesDiffer = show.console.buses != console.buses;
    if ((inputsDiffer && !options.channelMap) || (busesDiffer && !options.busMap)) {
        QStringList needed;
        if (inputsDiffer && !options.channelMap)
            needed << QStringLiteral("a channel map");
        if (busesDiffer && !options.busMap)
            needed << QStringLiteral("a bus map");
        return ShowError{where,
                         QStringLiteral("the show is for a console of %1, this console has %2: "
                                        "load it with %3, or start a console of its size")
                             .arg(describeSize(show.console), describeSize(console),
                                  needed.join(QStringLiteral(" and ")))};
    }
    std::vector<int> channels, buses;
    if (auto problem = effectiveMap(options.channelMap, show.console.inputs, console.inputs,
                                    "channel", "channels", channels))
        return ShowError{where, *problem};
    if (auto problem =
            effectiveMap(options.busMap, show.console.buses, console.buses, "bus", "buses", buses))
        return ShowError{where, *problem};

    const Mapper mapper(console, std::move(channels), std::move(buses));
    ShowDocument out = show;
    out.console = console;
    out.state = mapper.values(show.state);
    out.plugins = mapper.plugins(show.plugins);
    for (ShowScene& scene : out.scenes) {
        scene.values = mapper.values(scene.values);
        scene.plugins = mapper.plugins(scene.plugins);
        scene.scope.strips = mapper.strips(scene.scope.strips);
    }
    out.safes.strips = mapper.strips(show.safes.strips);
    return out;
}

} // namespace stagedesk::scenes
