#pragma once
// The X32 /meters banks, filled from MeterHub's snapshot. Values are linear,
// 1.0 = 0 dBFS; gains (gate, compressor) are linear too, 1.0 = no reduction.
// The layouts are the X32's, sized for its 32 inputs and 16 buses (what a
// bigger console has past those is not in them; slots it lacks are 0):
//   /meters/0  70: 32 inputs, 8 aux, 8 fx returns, 16 buses, 6 matrices
//   /meters/1  96: 32 inputs, their 32 gate gains, their 32 compressor gains
//   /meters/2  49: 16 buses, 6 matrices, L, R, mono, 16 bus comp gains,
//                  6 matrix, main LR and mono comp gains
//   /meters/5  one per DCA: the loudest input that is a member of it
//   /meters/6   4: one input: level, gate gain, compressor gain, RMS level
// The blob is the X32's: a little-endian int count, then little-endian floats.

#include "ConsoleState.h"
#include "Meters.h"
#include "OscDatagram.h"

#include <optional>

namespace stagedesk::surfaces::osc {

// The bank number for "/meters/N", if Stagedesk has it.
std::optional<int> meterBank(const std::string& address);
std::vector<float> meterValues(int bank, int channel, const engine::MeterSnapshot& meters,
                               const scenes::ConsoleState& state);
OscBlob meterBlob(const std::vector<float>& values);

} // namespace stagedesk::surfaces::osc
