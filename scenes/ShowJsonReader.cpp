#include "ShowJsonReader.h"

#include "ConsoleSize.h"
#include "ShowFormat.h"
#include "ShowPlugins.h"
#include "ShowValidation.h"
#include "ShowValueCodec.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace stagedesk::scenes {

namespace {

using Keys = std::initializer_list<const char*>;

class Reader {
public:
    std::variant<ShowDocument, ShowError> read(const QJsonObject& root);

private:
    bool fail(const JsonPath& path, const QString& message) {
        if (!m_error)
            m_error = ShowError{path, message};
        return false;
    }
    bool onlyKeys(const QJsonObject& object, const JsonPath& path, Keys keys);
    bool object(const QJsonValue& v, const JsonPath& path, QJsonObject& out);
    bool array(const QJsonValue& v, const JsonPath& path, QJsonArray& out);
    bool integer(const QJsonValue& v, const JsonPath& path, int lo, int hi, int& out);
    bool number(const QJsonValue& v, const JsonPath& path, double lo, double hi, const char* unit,
                double& out);
    bool string(const QJsonValue& v, const JsonPath& path, QString& out);
    bool boolean(const QJsonValue& v, const JsonPath& path, bool& out);

    bool header(const QJsonObject& root);
    bool console(const QJsonValue& v, ConsoleSize& out);
    bool values(const QJsonValue& v, const JsonPath& path, AddressValues& out);
    bool sections(const QJsonValue& v, const JsonPath& path, bool all, SectionSet& out);
    bool stripList(const QJsonValue& v, const JsonPath& path, bool all, int count,
                   std::vector<bool>& out);
    bool strips(const QJsonObject& o, const JsonPath& path, bool all, StripSet& out);
    bool scene(const QJsonValue& v, const JsonPath& path, ShowScene& out);
    bool cue(const QJsonValue& v, const JsonPath& path, Cue& out);
    bool safes(const QJsonValue& v, RecallSafes& out);

    std::unique_ptr<ParameterRegistry> m_registry;
    std::optional<ShowError> m_error;
};

bool Reader::onlyKeys(const QJsonObject& object, const JsonPath& path, Keys keys) {
    for (auto it = object.begin(); it != object.end(); ++it)
        if (std::none_of(keys.begin(), keys.end(),
                         [&](const char* k) { return it.key() == QLatin1String(k); })) {
            QStringList known;
            for (const char* k : keys)
                known << QString::fromLatin1(k);
            return fail(path / it.key(),
                        QStringLiteral("unknown field (expected %1)").arg(known.join(", ")));
        }
    return true;
}

bool Reader::object(const QJsonValue& v, const JsonPath& path, QJsonObject& out) {
    if (!v.isObject())
        return fail(path, QStringLiteral("%1 is not an object").arg(describeJson(v)));
    out = v.toObject();
    return true;
}

bool Reader::array(const QJsonValue& v, const JsonPath& path, QJsonArray& out) {
    if (!v.isArray())
        return fail(path, QStringLiteral("%1 is not an array").arg(describeJson(v)));
    out = v.toArray();
    return true;
}

bool Reader::integer(const QJsonValue& v, const JsonPath& path, int lo, int hi, int& out) {
    if (!v.isDouble())
        return fail(path, QStringLiteral("%1 is not a number").arg(describeJson(v)));
    const double d = v.toDouble();
    if (d != std::round(d))
        return fail(path, QStringLiteral("%1 is not a whole number").arg(describeJson(v)));
    if (d < lo || d > hi)
        return fail(
            path,
            QStringLiteral("%1 is out of range (%2..%3)").arg(describeJson(v)).arg(lo).arg(hi));
    out = int(d);
    return true;
}

bool Reader::number(const QJsonValue& v, const JsonPath& path, double lo, double hi,
                    const char* unit, double& out) {
    if (!v.isDouble())
        return fail(path, QStringLiteral("%1 is not a number").arg(describeJson(v)));
    out = v.toDouble();
    if (!(out >= lo && out <= hi))
        return fail(path, QStringLiteral("%1 is out of range (%2..%3 %4)")
                              .arg(describeJson(v))
                              .arg(lo)
                              .arg(hi)
                              .arg(QLatin1String(unit)));
    return true;
}

bool Reader::string(const QJsonValue& v, const JsonPath& path, QString& out) {
    if (!v.isString())
        return fail(path, QStringLiteral("%1 is not a text").arg(describeJson(v)));
    out = v.toString();
    return true;
}

bool Reader::boolean(const QJsonValue& v, const JsonPath& path, bool& out) {
    if (!v.isBool())
        return fail(path, QStringLiteral("%1 is not true or false").arg(describeJson(v)));
    out = v.toBool();
    return true;
}

bool Reader::header(const QJsonObject& root) {
    const JsonPath top;
    const QJsonValue format = root.value(QLatin1String("format"));
    if (format.isUndefined())
        return fail(top, QStringLiteral("not a Stagedesk show: the \"format\" field is missing"));
    if (format != QLatin1String(kShowFormatName))
        return fail(top / "format", QStringLiteral("%1 is not \"%2\": not a Stagedesk show")
                                        .arg(describeJson(format), QLatin1String(kShowFormatName)));
    const QJsonValue version = root.value(QLatin1String("schemaVersion"));
    if (version.isUndefined())
        return fail(top, QStringLiteral("the \"schemaVersion\" field is missing"));
    int v = 0;
    if (!integer(version, top / "schemaVersion", 1, std::numeric_limits<int>::max(), v))
        return false;
    if (v > kShowSchemaVersion)
        return fail(top / "schemaVersion",
                    QStringLiteral("the show is of schema version %1, newer than this stagedesk "
                                   "reads (%2): open it with a newer stagedesk")
                        .arg(v)
                        .arg(kShowSchemaVersion));
    return true;
}

bool Reader::console(const QJsonValue& v, ConsoleSize& out) {
    const JsonPath path = JsonPath() / "console";
    if (v.isUndefined())
        return fail(JsonPath(), QStringLiteral("the \"console\" field is missing"));
    QJsonObject o;
    if (!object(v, path, o) || !onlyKeys(o, path, {"inputs", "buses"}))
        return false;
    for (const char* key : {"inputs", "buses"})
        if (!o.contains(QLatin1String(key)))
            return fail(path, QStringLiteral("the \"%1\" field is missing").arg(key));
    return integer(o.value(QLatin1String("inputs")), path / "inputs", 1, engine::kMaxInputs,
                   out.inputs) &&
           integer(o.value(QLatin1String("buses")), path / "buses", 0, engine::kMaxBuses,
                   out.buses);
}

bool Reader::values(const QJsonValue& v, const JsonPath& path, AddressValues& out) {
    if (v.isUndefined())
        return true;
    QJsonObject o;
    if (!object(v, path, o))
        return false;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const JsonPath at = path / it.key();
        const ParamId id = m_registry->find(it.key());
        if (id == kNoParam)
            return fail(at, noSuchParameter(m_registry->size()));
        const ParameterDescriptor& d = m_registry->at(id);
        auto value = valueFromJson(d, it.value());
        if (const QString* problem = std::get_if<QString>(&value))
            return fail(at, *problem);
        if (const auto problem = checkValue(d, std::get<ParameterValue>(value)))
            return fail(at, *problem);
        out.emplace(it.key(), std::get<ParameterValue>(std::move(value)));
    }
    return true;
}

bool Reader::sections(const QJsonValue& v, const JsonPath& path, bool all, SectionSet& out) {
    // "All" is RecallScope::everything()'s: every section but the soundcheck's.
    out = all ? SectionSet().set().reset(std::size_t(Section::Soundcheck)) : SectionSet();
    if (v.isUndefined())
        return true;
    QJsonArray a;
    if (!array(v, path, a))
        return false;
    out.reset();
    QStringList names;
    for (int s = 0; s < int(Section::Count); ++s)
        names << QString::fromLatin1(sectionName(Section(s)));
    for (qsizetype i = 0; i < a.size(); ++i) {
        const qsizetype s = a[i].isString() ? names.indexOf(a[i].toString()) : -1;
        if (s < 0)
            return fail(path / int(i), QStringLiteral("%1 is not a section (%2)")
                                           .arg(describeJson(a[i]), names.join(", ")));
        out.set(std::size_t(s));
    }
    return true;
}

bool Reader::stripList(const QJsonValue& v, const JsonPath& path, bool all, int count,
                       std::vector<bool>& out) {
    out.assign(std::size_t(count), all);
    if (v.isUndefined())
        return true;
    if (v == QLatin1String("all")) {
        out.assign(std::size_t(count), true);
        return true;
    }
    QJsonArray a;
    if (!v.isArray())
        return fail(
            path,
            QStringLiteral("%1 is neither \"all\" nor an array of numbers").arg(describeJson(v)));
    a = v.toArray();
    out.assign(std::size_t(count), false);
    for (qsizetype i = 0; i < a.size(); ++i) {
        int n = 0;
        if (!integer(a[i], path / int(i), 1, count, n))
            return false;
        out[std::size_t(n - 1)] = true;
    }
    return true;
}

bool Reader::strips(const QJsonObject& o, const JsonPath& path, bool all, StripSet& out) {
    const ConsoleSize size = m_registry->size();
    if (!stripList(o.value(QLatin1String("channels")), path / "channels", all, size.inputs,
                   out.channels) ||
        !stripList(o.value(QLatin1String("buses")), path / "buses", all, size.buses, out.buses) ||
        !stripList(o.value(QLatin1String("fxReturns")), path / "fxReturns", all, engine::kFxSlots,
                   out.fxReturns))
        return false;
    for (auto [key, flag] : {std::pair{"main", &out.main}, std::pair{"dcas", &out.dcas},
                             std::pair{"global", &out.global}}) {
        *flag = all;
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && !boolean(v, path / key, *flag))
            return false;
    }
    return true;
}

bool Reader::scene(const QJsonValue& v, const JsonPath& path, ShowScene& out) {
    QJsonObject o;
    if (!object(v, path, o) || !onlyKeys(o, path,
                                         {"id", "name", "notes", "fade", "scope", "values",
                                          "midiProgram", "osc", "plugins"}))
        return false;
    if (!o.contains(QLatin1String("id")))
        return fail(path, QStringLiteral("the \"id\" field is missing"));
    if (!integer(o.value(QLatin1String("id")), path / "id", 1, std::numeric_limits<int>::max(),
                 out.id))
        return false;
    for (auto [key, target] : {std::pair{"name", &out.name}, std::pair{"notes", &out.notes}})
        if (const QJsonValue t = o.value(QLatin1String(key));
            !t.isUndefined() && !string(t, path / key, *target))
            return false;
    if (const QJsonValue fade = o.value(QLatin1String("fade"));
        !fade.isUndefined() &&
        !number(fade, path / "fade", 0, kMaxFadeSeconds, "s", out.fadeSeconds))
        return false;

    const QJsonValue scope = o.value(QLatin1String("scope"));
    QJsonObject s;
    if (!scope.isUndefined() &&
        (!object(scope, path / "scope", s) ||
         !onlyKeys(s, path / "scope",
                   {"sections", "channels", "buses", "main", "dcas", "global", "fxReturns"})))
        return false;
    if (!sections(s.value(QLatin1String("sections")), path / "scope" / "sections", true,
                  out.scope.sections) ||
        !strips(s, path / "scope", true, out.scope.strips))
        return false;

    if (const QJsonValue program = o.value(QLatin1String("midiProgram"));
        !program.isUndefined() && !program.isNull()) {
        int p = 0;
        if (!integer(program, path / "midiProgram", 0, 127, p))
            return false;
        out.midiProgram = p;
    }
    if (const QJsonValue osc = o.value(QLatin1String("osc")); !osc.isUndefined()) {
        QJsonArray a;
        if (!array(osc, path / "osc", a))
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            QString message;
            if (!string(a[i], path / "osc" / int(i), message))
                return false;
            out.oscMessages << message;
        }
    }
    auto plugins = readShowPlugins(o.value(QLatin1String("plugins")), path / "plugins");
    if (const auto* error = std::get_if<ShowError>(&plugins))
        return fail(error->path, error->message);
    out.plugins = std::get<SlotPluginStates>(std::move(plugins));
    return values(o.value(QLatin1String("values")), path / "values", out.values);
}

bool Reader::cue(const QJsonValue& v, const JsonPath& path, Cue& out) {
    QJsonObject o;
    if (!object(v, path, o) || !onlyKeys(o, path, {"scene", "label"}))
        return false;
    if (!o.contains(QLatin1String("scene")))
        return fail(path, QStringLiteral("the \"scene\" field is missing"));
    if (!integer(o.value(QLatin1String("scene")), path / "scene", 1,
                 std::numeric_limits<int>::max(), out.sceneId))
        return false;
    const QJsonValue label = o.value(QLatin1String("label"));
    return label.isUndefined() || string(label, path / "label", out.label);
}

bool Reader::safes(const QJsonValue& v, RecallSafes& out) {
    const JsonPath path = JsonPath() / "safes";
    QJsonObject o;
    if (!v.isUndefined() &&
        (!object(v, path, o) ||
         !onlyKeys(o, path,
                   {"sections", "channels", "buses", "main", "dcas", "global", "fxReturns"})))
        return false;
    return sections(o.value(QLatin1String("sections")), path / "sections", false, out.sections) &&
           strips(o, path, false, out.strips);
}

std::variant<ShowDocument, ShowError> Reader::read(const QJsonObject& root) {
    ShowDocument show;
    const JsonPath top;
    // The version first: a newer file is refused for that, not for fields this
    // version does not know.
    if (!header(root) ||
        !onlyKeys(root, top,
                  {"format", "schemaVersion", "name", "console", "state", "scenes", "cues",
                   "cuePosition", "safes", "midi", "osc", "plugins"}) ||
        !console(root.value(QLatin1String("console")), show.console))
        return *m_error;
    m_registry = std::make_unique<ParameterRegistry>(show.console);

    if (const QJsonValue name = root.value(QLatin1String("name"));
        !name.isUndefined() && !string(name, top / "name", show.name))
        return *m_error;
    if (!values(root.value(QLatin1String("state")), top / "state", show.state))
        return *m_error;

    QJsonArray scenes, cues;
    if (const QJsonValue v = root.value(QLatin1String("scenes"));
        !v.isUndefined() && !array(v, top / "scenes", scenes))
        return *m_error;
    // Counted before reading: a hostile file need not be read whole.
    if (const auto problem = checkSceneCount(std::size_t(scenes.size())))
        return ShowError{top / "scenes", *problem};
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        ShowScene s;
        if (!scene(scenes[i], top / "scenes" / int(i), s))
            return *m_error;
        show.scenes.push_back(std::move(s));
    }

    if (const QJsonValue v = root.value(QLatin1String("cues"));
        !v.isUndefined() && !array(v, top / "cues", cues))
        return *m_error;
    if (const auto problem = checkCueCount(std::size_t(cues.size())))
        return ShowError{top / "cues", *problem};
    for (qsizetype i = 0; i < cues.size(); ++i) {
        Cue c;
        if (!cue(cues[i], top / "cues" / int(i), c))
            return *m_error;
        show.cues.push_back(std::move(c));
    }
    if (const QJsonValue v = root.value(QLatin1String("cuePosition"));
        !v.isUndefined() && !integer(v, top / "cuePosition", 0, int(cues.size()), show.cuePosition))
        return *m_error;

    if (!safes(root.value(QLatin1String("safes")), show.safes))
        return *m_error;
    for (auto [key, slot] : {std::pair{"midi", &show.midi}, std::pair{"osc", &show.osc}})
        if (const QJsonValue v = root.value(QLatin1String(key));
            !v.isUndefined() && !object(v, top / key, *slot))
            return *m_error;
    auto plugins = readShowPlugins(root.value(QLatin1String("plugins")), top / "plugins");
    if (auto* error = std::get_if<ShowError>(&plugins))
        return *error;
    show.plugins = std::get<SlotPluginStates>(std::move(plugins));

    // What spans fields: unique scene ids, cues naming scenes that exist.
    if (auto error = validateShow(show, *m_registry))
        return *error;
    return show;
}

} // namespace

std::variant<ShowDocument, ShowError> readShowJson(const QJsonObject& root) {
    return Reader().read(root);
}

} // namespace stagedesk::scenes
