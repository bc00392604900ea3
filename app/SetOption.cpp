#include "SetOption.h"

#include "ShowValidation.h"

namespace stagedesk::app {

using namespace stagedesk::scenes;

namespace {

std::variant<ParameterValue, QString> parseValue(const ParameterDescriptor& d,
                                                 const QString& text) {
    const QString t = text.trimmed().toLower();
    switch (d.taper) {
    case Taper::String:
        return ParameterValue(text);
    case Taper::Bool:
        if (t == QLatin1String("on") || t == QLatin1String("true") || t == QLatin1String("1"))
            return ParameterValue(1.0);
        if (t == QLatin1String("off") || t == QLatin1String("false") || t == QLatin1String("0"))
            return ParameterValue(0.0);
        return QStringLiteral("'%1' is not on or off").arg(text);
    case Taper::Enum:
        for (qsizetype i = 0; i < d.enumNames.size(); ++i)
            if (d.enumNames[i].toLower() == t)
                return ParameterValue(double(i));
        return QStringLiteral("'%1' is not one of %2").arg(text, d.enumNames.join(", "));
    default:
        break;
    }
    if (d.taper == Taper::Fader && t == QLatin1String("-inf"))
        return ParameterValue(kFaderOffDb);
    bool ok = false;
    const double number = t.toDouble(&ok);
    if (!ok)
        return QStringLiteral("'%1' is not a number").arg(text);
    return ParameterValue(number);
}

} // namespace

std::variant<Assignment, QString> parseSetOption(const QString& text,
                                                 const ParameterRegistry& registry) {
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    const QString address = text.left(equals).trimmed();
    const auto refuse = [&](const QString& why) {
        return QStringLiteral("--set %1: %2").arg(text, why);
    };
    if (equals < 0)
        return refuse(QStringLiteral("expected ADDRESS=VALUE"));
    const ParamId id = registry.find(address);
    if (id == kNoParam)
        return refuse(QStringLiteral("no parameter %1 on a console of %2 inputs and %3 buses")
                          .arg(address)
                          .arg(registry.size().inputs)
                          .arg(registry.size().buses));
    const ParameterDescriptor& d = registry.at(id);
    auto value = parseValue(d, text.mid(equals + 1));
    if (const QString* problem = std::get_if<QString>(&value))
        return refuse(*problem);
    if (const auto problem = checkValue(d, std::get<ParameterValue>(value)))
        return refuse(*problem);
    return Assignment{id, std::get<ParameterValue>(value)};
}

} // namespace stagedesk::app
