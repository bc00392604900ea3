#pragma once
// Whether a show can be loaded as it is: every address known to a console of
// its size, every value in its parameter's range, scene ids unique, cues
// naming scenes that exist, and the limits of ShowFormat.h. The reader uses
// it on each value as it goes; it also guards documents built in memory
// before they are saved.

#include "ShowDocument.h"
#include "ShowError.h"

#include <optional>

namespace stagedesk::scenes {

// Why a plain value does not fit the parameter, or nullopt.
// "15 is out of range (-90..10 dB)".
std::optional<QString> checkValue(const ParameterDescriptor& d, const ParameterValue& value);

// The parameter's range as a message quotes it: "-90..10 dB".
QString describeRange(const ParameterDescriptor& d);

// Messages that the reader gives before it has a whole document.
QString noSuchParameter(ConsoleSize size);
std::optional<QString> checkSceneCount(std::size_t count);
std::optional<QString> checkCueCount(std::size_t count);

// The first problem of the document, checked against a registry of the
// document's own console size.
std::optional<ShowError> validateShow(const ShowDocument& show, const ParameterRegistry& registry);

} // namespace stagedesk::scenes
