#include "ShowValidation.h"

#include "ConsoleSize.h"
#include "ShowFormat.h"
#include "ShowPlugins.h"
#include "ShowValueCodec.h"

#include <QHash>

#include <cmath>

namespace stagedesk::scenes {

namespace {

QString describeNumber(double v) {
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return describeJson(v);
}

std::optional<QString> tooLong(const QString& text) {
    if (text.size() <= kMaxShowStringLength)
        return std::nullopt;
    return QStringLiteral("a text of %1 characters is longer than the %2 allowed")
        .arg(text.size())
        .arg(kMaxShowStringLength);
}

class Validator {
public:
    explicit Validator(const ParameterRegistry& registry) : m_registry(registry) {}
    std::optional<ShowError> run(const ShowDocument& show);

private:
    bool fail(const JsonPath& path, const QString& message) {
        if (!m_error)
            m_error = ShowError{path, message};
        return false;
    }
    bool text(const QString& value, const JsonPath& path) {
        const auto problem = tooLong(value);
        return !problem || fail(path, *problem);
    }
    bool values(const AddressValues& values, const JsonPath& path);
    bool strips(const StripSet& strips, const JsonPath& path);
    bool scene(const ShowScene& scene, const JsonPath& path);

    const ParameterRegistry& m_registry;
    std::optional<ShowError> m_error;
};

bool Validator::values(const AddressValues& values, const JsonPath& path) {
    for (const auto& [address, value] : values) {
        const ParamId id = m_registry.find(address);
        if (id == kNoParam)
            return fail(path / address, noSuchParameter(m_registry.size()));
        if (const auto problem = checkValue(m_registry.at(id), value))
            return fail(path / address, *problem);
    }
    return true;
}

bool Validator::strips(const StripSet& strips, const JsonPath& path) {
    const ConsoleSize size = m_registry.size();
    if (int(strips.channels.size()) != size.inputs || int(strips.buses.size()) != size.buses)
        return fail(path, QStringLiteral("covers %1 channels and %2 buses on a console of %3 and "
                                         "%4")
                              .arg(strips.channels.size())
                              .arg(strips.buses.size())
                              .arg(size.inputs)
                              .arg(size.buses));
    if (int(strips.fxReturns.size()) != engine::kFxSlots)
        return fail(path, QStringLiteral("covers %1 FX returns on a console of %2")
                              .arg(strips.fxReturns.size())
                              .arg(engine::kFxSlots));
    return true;
}

bool Validator::scene(const ShowScene& scene, const JsonPath& path) {
    if (scene.id < 1)
        return fail(path / "id", QStringLiteral("%1 is not a scene id (1 or more)").arg(scene.id));
    if (!text(scene.name, path / "name") || !text(scene.notes, path / "notes"))
        return false;
    if (!(scene.fadeSeconds >= 0 && scene.fadeSeconds <= kMaxFadeSeconds))
        return fail(path / "fade", QStringLiteral("%1 is out of range (0..%2 s)")
                                       .arg(describeNumber(scene.fadeSeconds))
                                       .arg(kMaxFadeSeconds));
    if (!strips(scene.scope.strips, path / "scope"))
        return false;
    if (scene.midiProgram && (*scene.midiProgram < 0 || *scene.midiProgram > 127))
        return fail(path / "midiProgram",
                    QStringLiteral("%1 is out of range (0..127)").arg(*scene.midiProgram));
    if (scene.oscMessages.size() > kMaxSceneOscMessages)
        return fail(path / "osc", QStringLiteral("%1 messages; a scene fires at most %2")
                                      .arg(scene.oscMessages.size())
                                      .arg(kMaxSceneOscMessages));
    for (qsizetype i = 0; i < scene.oscMessages.size(); ++i)
        if (!text(scene.oscMessages[i], path / "osc" / int(i)))
            return false;
    if (!values(scene.values, path / "values"))
        return false;
    const auto plugins = checkPluginStates(scene.plugins, scene.values, QStringLiteral("values"),
                                           m_registry, path / "plugins");
    return !plugins || fail(plugins->path, plugins->message);
}

std::optional<ShowError> Validator::run(const ShowDocument& show) {
    const ConsoleSize size = m_registry.size();
    if (!(show.console == size))
        fail(JsonPath() / "console", QStringLiteral("the show is for %1 inputs and %2 buses, "
                                                    "checked against %3 and %4")
                                         .arg(show.console.inputs)
                                         .arg(show.console.buses)
                                         .arg(size.inputs)
                                         .arg(size.buses));
    if (show.console.inputs < 1 || show.console.inputs > engine::kMaxInputs)
        fail(JsonPath() / "console" / "inputs", QStringLiteral("%1 is out of range (1..%2)")
                                                    .arg(show.console.inputs)
                                                    .arg(engine::kMaxInputs));
    if (show.console.buses < 0 || show.console.buses > engine::kMaxBuses)
        fail(JsonPath() / "console" / "buses", QStringLiteral("%1 is out of range (0..%2)")
                                                   .arg(show.console.buses)
                                                   .arg(engine::kMaxBuses));
    if (m_error)
        return m_error;
    if (!text(show.name, JsonPath() / "name") || !values(show.state, JsonPath() / "state"))
        return m_error;

    const JsonPath scenes = JsonPath() / "scenes";
    if (const auto problem = checkSceneCount(show.scenes.size()))
        fail(scenes, *problem);
    QHash<int, int> indexOfId;
    for (std::size_t i = 0; i < show.scenes.size() && !m_error; ++i) {
        const ShowScene& s = show.scenes[i];
        const JsonPath path = scenes / int(i);
        if (!scene(s, path))
            break;
        if (const auto it = indexOfId.constFind(s.id); it != indexOfId.cend())
            fail(path / "id",
                 QStringLiteral("id %1 is taken by scenes[%2] already").arg(s.id).arg(*it));
        indexOfId.insert(s.id, int(i));
    }
    if (m_error)
        return m_error;

    const JsonPath cues = JsonPath() / "cues";
    if (const auto problem = checkCueCount(show.cues.size()))
        return ShowError{cues, *problem};
    for (std::size_t i = 0; i < show.cues.size() && !m_error; ++i) {
        const Cue& cue = show.cues[i];
        if (!indexOfId.contains(cue.sceneId))
            fail(cues / int(i) / "scene", QStringLiteral("no scene has id %1").arg(cue.sceneId));
        else
            text(cue.label, cues / int(i) / "label");
    }
    if (m_error)
        return m_error;
    if (show.cuePosition < 0 || std::size_t(show.cuePosition) > show.cues.size())
        return ShowError{JsonPath() / "cuePosition",
                         QStringLiteral("%1 is out of range (0..%2, the number of cues)")
                             .arg(show.cuePosition)
                             .arg(show.cues.size())};
    if (!strips(show.safes.strips, JsonPath() / "safes"))
        return m_error;
    return checkShowPlugins(show, m_registry);
}

} // namespace

QString noSuchParameter(ConsoleSize size) {
    return QStringLiteral("no such parameter on a console of %1 inputs and %2 buses")
        .arg(size.inputs)
        .arg(size.buses);
}

std::optional<QString> checkSceneCount(std::size_t count) {
    if (count <= std::size_t(kMaxScenes))
        return std::nullopt;
    return QStringLiteral("%1 scenes; a show holds at most %2").arg(count).arg(kMaxScenes);
}

std::optional<QString> checkCueCount(std::size_t count) {
    if (count <= std::size_t(kMaxCues))
        return std::nullopt;
    return QStringLiteral("%1 cues; a cue list holds at most %2").arg(count).arg(kMaxCues);
}

QString describeRange(const ParameterDescriptor& d) {
    const double lo = std::min(d.min, d.max), hi = std::max(d.min, d.max);
    QString range = QString::number(lo) + QStringLiteral("..") + QString::number(hi);
    if (!d.unit.isEmpty())
        range += QLatin1Char(' ') + d.unit;
    return range;
}

std::optional<QString> checkValue(const ParameterDescriptor& d, const ParameterValue& value) {
    if (d.isText()) {
        const QString* text = std::get_if<QString>(&value);
        if (!text)
            return QStringLiteral("%1 is not a text").arg(describeNumber(std::get<double>(value)));
        if (text->size() > d.maxLength)
            return QStringLiteral("%1 is longer than %2 characters")
                .arg(describeJson(*text))
                .arg(d.maxLength);
        return std::nullopt;
    }
    const double* number = std::get_if<double>(&value);
    if (!number)
        return QStringLiteral("%1 is not a number").arg(describeJson(std::get<QString>(value)));
    const double lo = std::min(d.min, d.max), hi = std::max(d.min, d.max);
    if (!(*number >= lo && *number <= hi)) // NaN fails here too
        return QStringLiteral("%1 is out of range (%2)")
            .arg(describeNumber(*number), describeRange(d));
    if (d.isDiscrete() && *number != std::round(*number))
        return QStringLiteral("%1 is not a whole number (%2)")
            .arg(describeNumber(*number), describeRange(d));
    return std::nullopt;
}

std::optional<ShowError> validateShow(const ShowDocument& show, const ParameterRegistry& registry) {
    return Validator(registry).run(show);
}

} // namespace stagedesk::scenes
