#pragma once
// One parameter value as the show file spells it: numbers in the parameter's
// unit (dB, Hz, ms, %; a fader's -90 is -inf), true/false for switches, the
// name for enumerations ("PEQ", "RD", "PreFader"), a string for names.

#include "ConsoleState.h"

#include <QJsonValue>

#include <variant>

namespace stagedesk::scenes {

QJsonValue valueToJson(const ParameterDescriptor& d, const ParameterValue& value);

// The value, or why the JSON value is not one of this parameter (type and
// enumeration names only; ShowValidation checks ranges).
std::variant<ParameterValue, QString> valueFromJson(const ParameterDescriptor& d,
                                                    const QJsonValue& json);

// A JSON value as an error message quotes it: 15, "loud", true, an object.
QString describeJson(const QJsonValue& json);

} // namespace stagedesk::scenes
