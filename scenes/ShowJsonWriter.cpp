#include "ShowJsonWriter.h"

#include "JsonWriter.h"
#include "ShowFormat.h"
#include "ShowPlugins.h"
#include "ShowValueCodec.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace stagedesk::scenes {

namespace {

void writeValues(JsonWriter& w, const AddressValues& values, const ParameterRegistry& registry) {
    std::vector<std::pair<ParamId, const AddressValues::value_type*>> ordered;
    ordered.reserve(values.size());
    for (const auto& entry : values) {
        const ParamId id = registry.find(entry.first);
        ordered.emplace_back(id == kNoParam ? std::numeric_limits<ParamId>::max() : id, &entry);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    w.beginObject();
    for (const auto& [id, entry] : ordered) {
        w.key(entry->first);
        if (id == std::numeric_limits<ParamId>::max())
            w.value(std::visit([](const auto& v) { return QJsonValue(v); }, entry->second));
        else
            w.value(valueToJson(registry.at(id), entry->second));
    }
    w.endObject();
}

// "all", or the 1-based numbers of the strips in the set.
void writeStripList(JsonWriter& w, const std::vector<bool>& set) {
    if (!set.empty() && std::all_of(set.begin(), set.end(), [](bool b) { return b; })) {
        w.value(QStringLiteral("all"));
        return;
    }
    QJsonArray numbers;
    for (std::size_t i = 0; i < set.size(); ++i)
        if (set[i])
            numbers.append(int(i + 1));
    w.inlineArray(numbers);
}

void writeSectionsAndStrips(JsonWriter& w, const SectionSet& sections, const StripSet& strips) {
    w.beginObject();
    QJsonArray names;
    for (int s = 0; s < int(Section::Count); ++s)
        if (sections.test(std::size_t(s)))
            names.append(QString::fromLatin1(sectionName(Section(s))));
    w.key(QStringLiteral("sections"));
    w.inlineArray(names);
    w.key(QStringLiteral("channels"));
    writeStripList(w, strips.channels);
    w.key(QStringLiteral("buses"));
    writeStripList(w, strips.buses);
    w.key(QStringLiteral("main"));
    w.value(strips.main);
    w.key(QStringLiteral("dcas"));
    w.value(strips.dcas);
    w.key(QStringLiteral("global"));
    w.value(strips.global);
    w.key(QStringLiteral("fxReturns"));
    writeStripList(w, strips.fxReturns);
    w.endObject();
}

void writeScene(JsonWriter& w, const ShowScene& scene, const ParameterRegistry& registry) {
    w.beginObject();
    w.key(QStringLiteral("id"));
    w.value(scene.id);
    w.key(QStringLiteral("name"));
    w.value(scene.name);
    w.key(QStringLiteral("notes"));
    w.value(scene.notes);
    w.key(QStringLiteral("fade"));
    w.value(scene.fadeSeconds);
    w.key(QStringLiteral("scope"));
    writeSectionsAndStrips(w, scene.scope.sections, scene.scope.strips);
    w.key(QStringLiteral("midiProgram"));
    w.value(scene.midiProgram ? QJsonValue(*scene.midiProgram) : QJsonValue());
    w.key(QStringLiteral("osc"));
    w.value(QJsonArray::fromStringList(scene.oscMessages));
    w.key(QStringLiteral("values"));
    writeValues(w, scene.values, registry);
    if (!scene.plugins.empty()) { // left out otherwise, as the show's
        w.key(QStringLiteral("plugins"));
        writeShowPlugins(w, scene.plugins);
    }
    w.endObject();
}

} // namespace

QByteArray writeShowJson(const ShowDocument& show, const ParameterRegistry& registry) {
    JsonWriter w;
    w.beginObject();
    w.key(QStringLiteral("format"));
    w.value(QLatin1String(kShowFormatName));
    w.key(QStringLiteral("schemaVersion"));
    w.value(kShowSchemaVersion);
    w.key(QStringLiteral("name"));
    w.value(show.name);
    w.key(QStringLiteral("console"));
    w.beginObject();
    w.key(QStringLiteral("inputs"));
    w.value(show.console.inputs);
    w.key(QStringLiteral("buses"));
    w.value(show.console.buses);
    w.endObject();
    w.key(QStringLiteral("state"));
    writeValues(w, show.state, registry);

    w.key(QStringLiteral("scenes"));
    w.beginArray();
    for (const ShowScene& scene : show.scenes)
        writeScene(w, scene, registry);
    w.endArray();

    w.key(QStringLiteral("cues"));
    w.beginArray();
    for (const Cue& cue : show.cues) {
        w.beginObject();
        w.key(QStringLiteral("scene"));
        w.value(cue.sceneId);
        w.key(QStringLiteral("label"));
        w.value(cue.label);
        w.endObject();
    }
    w.endArray();
    w.key(QStringLiteral("cuePosition"));
    w.value(show.cuePosition);
    w.key(QStringLiteral("safes"));
    writeSectionsAndStrips(w, show.safes.sections, show.safes.strips);
    w.key(QStringLiteral("midi"));
    w.value(show.midi);
    w.key(QStringLiteral("osc"));
    w.value(show.osc);
    if (!show.plugins.empty()) { // left out otherwise: shows without plugins read as before
        w.key(QStringLiteral("plugins"));
        writeShowPlugins(w, show.plugins);
    }
    w.endObject();
    return w.take();
}

} // namespace stagedesk::scenes
