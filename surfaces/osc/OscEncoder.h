#pragma once
// Builds the datagrams Stagedesk sends (replies, pushes, meters) with
// liblo's message API; the server sends them from its own socket so that
// replies come from the port the client talks to, as an X32's do.

#include "OscDatagram.h"

#include <QByteArray>

#include <string_view>
#include <vector>

namespace stagedesk::surfaces::osc {

QByteArray encodeMessage(std::string_view address, const std::vector<OscArgument>& arguments);

} // namespace stagedesk::surfaces::osc
