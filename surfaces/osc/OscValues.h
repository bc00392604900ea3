#pragma once
// Parameter values in the forms an X32 client sends and expects: normalized
// float for continuous values (faders, levels, frequencies, gains), int for
// on/off, enumerations and masks, string for names. The conversions are the
// descriptor's; this only picks the form.

#include "ConsoleState.h"
#include "OscDatagram.h"

namespace stagedesk::surfaces::osc {

// The type tag a parameter takes and answers with: 'f', 'i' or 's'.
char oscType(const scenes::ParameterDescriptor& d);
OscArgument toOsc(const scenes::ConsoleState& state, scenes::ParamId id);
// A SET: refused (nothing changes) when the argument has the wrong type.
scenes::ChangeResult applyOsc(scenes::ConsoleState& state, scenes::ParamId id,
                              const OscArgument& argument, scenes::SourceId source);

// The /node answer: "/ch/01/mix ON -10.0 ..." with every value under the
// prefix in address order, in X32 text syntax; empty if nothing is there.
QString nodeText(const scenes::ConsoleState& state, const QString& prefix);

} // namespace stagedesk::surfaces::osc
