#include "ShowPlugins.h"

#include "ShowFormat.h"
#include "ShowValueCodec.h"

#include <QJsonObject>

#include <cmath>

namespace stagedesk::scenes {

namespace {

// A key as an error path names it: a hostile one is not quoted whole.
JsonPath member(const JsonPath& path, const QString& key) {
    return path / (key.size() > kMaxShowStringLength ? key.left(40) + QStringLiteral("...") : key);
}

ShowError notA(const JsonPath& path, const QJsonValue& v, const char* what) {
    return {path, QStringLiteral("%1 is not %2").arg(describeJson(v), QLatin1String(what))};
}

std::optional<ShowError> unknownKeys(const QJsonObject& o, const JsonPath& path) {
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key() != QLatin1String("uri") && it.key() != QLatin1String("controls") &&
            it.key() != QLatin1String("lv2State"))
            return ShowError{member(path, it.key()),
                             QStringLiteral("unknown field (expected uri, controls, lv2State)")};
    return std::nullopt;
}

std::variant<SlotPluginState, ShowError> readSlot(const QJsonValue& v, const JsonPath& path) {
    if (!v.isObject())
        return notA(path, v, "an object");
    const QJsonObject o = v.toObject();
    if (auto error = unknownKeys(o, path))
        return *error;
    SlotPluginState slot;
    const QJsonValue uri = o.value(QLatin1String("uri"));
    if (uri.isUndefined())
        return ShowError{path, QStringLiteral("the \"uri\" field is missing")};
    if (!uri.isString())
        return notA(path / "uri", uri, "a text");
    slot.uri = uri.toString();
    if (const QJsonValue controls = o.value(QLatin1String("controls")); !controls.isUndefined()) {
        if (!controls.isObject())
            return notA(path / "controls", controls, "an object");
        const QJsonObject c = controls.toObject();
        for (auto it = c.begin(); it != c.end(); ++it) {
            if (!it.value().isDouble())
                return notA(member(path / "controls", it.key()), it.value(), "a number");
            slot.controls.emplace(it.key(), it.value().toDouble());
        }
    }
    if (const QJsonValue state = o.value(QLatin1String("lv2State")); !state.isUndefined()) {
        if (!state.isString())
            return notA(path / "lv2State", state, "a text");
        slot.lv2State = state.toString();
    }
    return slot;
}

std::optional<QString> tooLong(const QString& text, int limit) {
    if (text.size() <= limit)
        return std::nullopt;
    return QStringLiteral("a text of %1 characters is longer than the %2 allowed")
        .arg(text.size())
        .arg(limit);
}

std::optional<ShowError> checkSlot(const QString& key, const SlotPluginState& slot,
                                   const AddressValues& values, const QString& valuesName,
                                   const ParameterRegistry& registry, const JsonPath& path) {
    const QString pluginAddress = slotPluginAddress(key);
    if (key.size() > kMaxShowStringLength || registry.find(pluginAddress) == kNoParam)
        return ShowError{path, QStringLiteral("not an insert slot of this console (such as "
                                              "/ch/01/insert/1, /bus/01/insert/4, "
                                              "/main/st/insert/1, /fx/1)")};
    if (slot.uri.isEmpty())
        return ShowError{path / "uri", QStringLiteral("the plugin's URI is empty")};
    if (auto problem = tooLong(slot.uri, kMaxShowStringLength))
        return ShowError{path / "uri", *problem};
    const auto inSlot = values.find(pluginAddress);
    const QString slotUri = inSlot == values.end() ? QString()
                            : std::holds_alternative<QString>(inSlot->second)
                                ? std::get<QString>(inSlot->second)
                                : QString();
    if (slotUri != slot.uri)
        return ShowError{path / "uri", QStringLiteral("the state of a plugin that is not in the "
                                                      "slot (%1.%2 is \"%3\")")
                                           .arg(valuesName, pluginAddress, slotUri)};
    if (slot.controls.size() > std::size_t(kMaxPluginControls))
        return ShowError{path / "controls", QStringLiteral("%1 controls; a plugin has at most %2")
                                                .arg(slot.controls.size())
                                                .arg(kMaxPluginControls)};
    for (const auto& [symbol, value] : slot.controls) {
        const JsonPath at = member(path / "controls", symbol);
        if (auto problem = tooLong(symbol, kMaxShowStringLength))
            return ShowError{at, QStringLiteral("a symbol ") + *problem};
        if (!std::isfinite(value))
            return ShowError{at, QStringLiteral("the value is not a finite number")};
    }
    if (auto problem = tooLong(slot.lv2State, kMaxPluginStateLength))
        return ShowError{path / "lv2State", *problem};
    return std::nullopt;
}

} // namespace

SlotPluginStates pluginsStillInSlots(const SlotPluginStates& plugins, const AddressValues& state) {
    SlotPluginStates kept;
    for (const auto& [slot, plugin] : plugins)
        if (const auto it = state.find(slotPluginAddress(slot));
            it != state.end() && it->second == ParameterValue(plugin.uri))
            kept.emplace(slot, plugin);
    return kept;
}

QString slotPluginAddress(const QString& slot) {
    return slot + QStringLiteral("/plugin");
}

std::variant<SlotPluginStates, ShowError> readShowPlugins(const QJsonValue& v,
                                                          const JsonPath& path) {
    SlotPluginStates plugins;
    if (v.isUndefined())
        return plugins;
    if (!v.isObject())
        return notA(path, v, "an object");
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        auto slot = readSlot(it.value(), member(path, it.key()));
        if (auto* error = std::get_if<ShowError>(&slot))
            return *error;
        plugins.emplace(it.key(), std::get<SlotPluginState>(std::move(slot)));
    }
    return plugins;
}

void writeShowPlugins(JsonWriter& w, const SlotPluginStates& plugins) {
    w.beginObject();
    for (const auto& [key, slot] : plugins) {
        w.key(key);
        w.beginObject();
        w.key(QStringLiteral("uri"));
        w.value(slot.uri);
        w.key(QStringLiteral("controls"));
        w.beginObject();
        for (const auto& [symbol, value] : slot.controls) {
            w.key(symbol);
            w.value(value);
        }
        w.endObject();
        w.key(QStringLiteral("lv2State"));
        w.value(slot.lv2State);
        w.endObject();
    }
    w.endObject();
}

std::optional<ShowError> checkShowPlugins(const ShowDocument& show,
                                          const ParameterRegistry& registry) {
    return checkPluginStates(show.plugins, show.state, QStringLiteral("state"), registry,
                             JsonPath() / "plugins");
}

std::optional<ShowError> checkPluginStates(const SlotPluginStates& plugins,
                                           const AddressValues& values, const QString& valuesName,
                                           const ParameterRegistry& registry,
                                           const JsonPath& path) {
    for (const auto& [key, slot] : plugins)
        if (auto error = checkSlot(key, slot, values, valuesName, registry, member(path, key)))
            return error;
    return std::nullopt;
}

} // namespace stagedesk::scenes
