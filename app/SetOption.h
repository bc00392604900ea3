#pragma once
// --set ADDRESS=VALUE: one parameter value as a person types it on the
// command line, checked against the parameter like a show file's value.

#include "ConsoleState.h"

#include <QString>

#include <variant>

namespace stagedesk::app {

// VALUE: a number in the parameter's unit ("-5", "1200"), "-inf" for a fader
// off, on/off (or true/false, 1/0) for a switch, a name for a choice ("PEQ",
// "RD"; any case), or the text of a name. The assignment, or the message.
std::variant<scenes::Assignment, QString> parseSetOption(const QString& text,
                                                         const scenes::ParameterRegistry& registry);

} // namespace stagedesk::app
