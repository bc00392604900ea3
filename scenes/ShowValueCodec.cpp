#include "ShowValueCodec.h"

#include "JsonWriter.h"

namespace stagedesk::scenes {

QJsonValue valueToJson(const ParameterDescriptor& d, const ParameterValue& value) {
    if (const auto* text = std::get_if<QString>(&value))
        return *text;
    const double number = std::get<double>(value);
    switch (d.taper) {
    case Taper::Bool:
        return number >= 0.5;
    case Taper::Enum:
        return d.enumNames.value(int(number));
    default:
        return number;
    }
}

std::variant<ParameterValue, QString> valueFromJson(const ParameterDescriptor& d,
                                                    const QJsonValue& json) {
    switch (d.taper) {
    case Taper::String:
        if (json.isString())
            return ParameterValue(json.toString());
        return QStringLiteral("%1 is not a text").arg(describeJson(json));
    case Taper::Bool:
        if (json.isBool())
            return ParameterValue(json.toBool() ? 1.0 : 0.0);
        return QStringLiteral("%1 is not true or false").arg(describeJson(json));
    case Taper::Enum:
        if (json.isString()) {
            const qsizetype index = d.enumNames.indexOf(json.toString());
            if (index >= 0)
                return ParameterValue(double(index));
        }
        return QStringLiteral("%1 is not one of %2")
            .arg(describeJson(json), d.enumNames.join(QStringLiteral(", ")));
    default:
        if (json.isDouble())
            return ParameterValue(json.toDouble());
        return QStringLiteral("%1 is not a number%2")
            .arg(describeJson(json),
                 d.unit.isEmpty() ? QString() : QStringLiteral(" (") + d.unit + QLatin1Char(')'));
    }
}

QString describeJson(const QJsonValue& json) {
    switch (json.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return json.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::fromUtf8(jsonScalarText(json));
    case QJsonValue::String: {
        const QString s = json.toString();
        return QLatin1Char('"') + (s.size() > 24 ? s.left(24) + QStringLiteral("...") : s) +
               QLatin1Char('"');
    }
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace stagedesk::scenes
