#include "MidiBinding.h"

#include <QJsonValue>

#include <array>

namespace stagedesk::surfaces::midi {

namespace {

constexpr std::array<std::pair<MidiBinding::Kind, const char*>, 6> kKindNames{{
    {MidiBinding::Kind::Cc, "cc"},
    {MidiBinding::Kind::Cc14, "cc14"},
    {MidiBinding::Kind::Nrpn, "nrpn"},
    {MidiBinding::Kind::NoteToggle, "note-toggle"},
    {MidiBinding::Kind::NoteMomentary, "note-momentary"},
    {MidiBinding::Kind::PitchBend, "pitchbend"},
}};

int maxNumber(MidiBinding::Kind kind) {
    switch (kind) {
    case MidiBinding::Kind::Cc14:
        return 31;
    case MidiBinding::Kind::Nrpn:
        return 16383;
    case MidiBinding::Kind::PitchBend:
        return 0;
    default:
        return 127;
    }
}

} // namespace

QJsonObject toJson(const MidiBinding& b) {
    QJsonObject o{{"address", b.address}, {"channel", b.channel + 1}};
    for (const auto& [kind, name] : kKindNames)
        if (kind == b.kind)
            o.insert("type", QLatin1String(name));
    if (b.kind != MidiBinding::Kind::PitchBend)
        o.insert("number", b.number);
    if (b.relative)
        o.insert("relative", true);
    return o;
}

std::optional<MidiBinding> bindingFromJson(const QJsonObject& o, QString& error) {
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList known{"address", "type", "channel", "number", "relative"};
        if (!known.contains(it.key())) {
            error = QStringLiteral("%1: unknown field").arg(it.key());
            return std::nullopt;
        }
    }
    MidiBinding b;
    b.address = o.value("address").toString();
    if (!b.address.startsWith(QLatin1Char('/'))) {
        error = QStringLiteral("address: an address like \"/ch/01/mix/fader\" is needed");
        return std::nullopt;
    }
    const QString type = o.value("type").toString();
    bool found = false;
    for (const auto& [kind, name] : kKindNames)
        if (type == QLatin1String(name)) {
            b.kind = kind;
            found = true;
        }
    if (!found) {
        error = QStringLiteral("type: \"%1\" is not one of cc, cc14, nrpn, note-toggle, "
                               "note-momentary, pitchbend")
                    .arg(type);
        return std::nullopt;
    }
    const QJsonValue channel = o.value("channel");
    if (!channel.isDouble() || channel.toDouble() != channel.toInt() || channel.toInt() < 1 ||
        channel.toInt() > 16) {
        error = QStringLiteral("channel: a whole number 1..16 is needed");
        return std::nullopt;
    }
    b.channel = channel.toInt() - 1;
    const int max = maxNumber(b.kind);
    if (max > 0) {
        const QJsonValue number = o.value("number");
        if (!number.isDouble() || number.toDouble() != number.toInt() || number.toInt() < 0 ||
            number.toInt() > max) {
            error = QStringLiteral("number: a whole number 0..%1 is needed").arg(max);
            return std::nullopt;
        }
        b.number = number.toInt();
    } else if (o.contains("number")) {
        error = QStringLiteral("number: a pitch bend has none");
        return std::nullopt;
    }
    const QJsonValue relative = o.value("relative");
    if (!relative.isUndefined() && !relative.isBool()) {
        error = QStringLiteral("relative: true or false");
        return std::nullopt;
    }
    b.relative = relative.toBool(false);
    if (b.relative && b.kind != MidiBinding::Kind::Cc) {
        error = QStringLiteral("relative: only a cc can be relative");
        return std::nullopt;
    }
    return b;
}

} // namespace stagedesk::surfaces::midi
