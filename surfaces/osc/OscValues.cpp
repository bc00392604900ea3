#include "OscValues.h"

#include <cmath>

namespace stagedesk::surfaces::osc {

using namespace stagedesk::scenes;

char oscType(const ParameterDescriptor& d) {
    if (d.isText())
        return 's';
    return d.isDiscrete() ? 'i' : 'f';
}

OscArgument toOsc(const ConsoleState& state, ParamId id) {
    const ParameterDescriptor& d = state.registry().at(id);
    switch (oscType(d)) {
    case 's':
        return state.text(id).toStdString();
    case 'i':
        return std::int32_t(std::lround(state.number(id)));
    default:
        return float(state.normalized(id));
    }
}

ChangeResult applyOsc(ConsoleState& state, ParamId id, const OscArgument& argument,
                      SourceId source) {
    const ParameterDescriptor& d = state.registry().at(id);
    const char type = oscType(d);
    if (type == 's') {
        if (const auto* s = std::get_if<std::string>(&argument))
            return state.set(id, QString::fromUtf8(s->data(), qsizetype(s->size())), source);
    } else if (type == 'i') {
        if (const auto* i = std::get_if<std::int32_t>(&argument))
            return state.set(id, double(*i), source);
    } else if (const auto* f = std::get_if<float>(&argument)) {
        return state.setNormalized(id, double(*f), source);
    }
    return {ChangeResult::Status::Refused,
            QStringLiteral("%1 takes ,%2").arg(d.address).arg(QLatin1Char(type))};
}

namespace {

// One value as the X32 writes it in /node text.
QString nodeValue(const ConsoleState& state, ParamId id) {
    const ParameterDescriptor& d = state.registry().at(id);
    const double v = state.number(id);
    switch (d.taper) {
    case Taper::String:
        return QLatin1Char('"') + state.text(id) + QLatin1Char('"');
    case Taper::Bool:
        return v != 0 ? QStringLiteral("ON") : QStringLiteral("OFF");
    case Taper::Enum:
        return d.enumNames.value(int(std::lround(v)));
    case Taper::Int:
        return QString::number(std::lround(v));
    case Taper::Fader:
        return v <= kFaderOffDb ? QStringLiteral("-oo")
                                : QString::asprintf("%+.1f", v)
                                      .replace(QLatin1String("+0.0"), QLatin1String("0.0"));
    case Taper::Linear:
    case Taper::Log:
        break;
    }
    return QString::number(v, 'g', 4);
}

} // namespace

QString nodeText(const ConsoleState& state, const QString& prefix) {
    const std::vector<ParamId> ids = state.registry().subtree(prefix);
    if (ids.empty())
        return {};
    QString base = prefix.startsWith(QLatin1Char('/')) ? prefix : QLatin1Char('/') + prefix;
    while (base.size() > 1 && base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString line = base;
    for (const ParamId id : ids)
        line += QLatin1Char(' ') + nodeValue(state, id);
    return line + QLatin1Char('\n');
}

} // namespace stagedesk::surfaces::osc
