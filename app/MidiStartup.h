#pragma once
// Starts the MIDI surface of a running console from the command line (or,
// without MIDI options, from the ports the show remembers): the device ports
// by name, and on them the Mackie Control (--mcu) or else the generic MIDI
// mappings of the show's "midi" slot. The ports in use are written back into
// that slot, so that the show opens them again next time.

#include "MackieSurface.h"
#include "MidiDevice.h"
#include "MidiMapSurface.h"
#include "MidiOptions.h"

#include <memory>
#include <optional>
#include <vector>

namespace stagedesk::app {

class ConsoleSession;

// What runs while the console runs: the device and the surface on it (and
// the devices of a Mackie Control's extenders).
class MidiSurfaces {
public:
    MidiSurfaces(ConsoleSession& session, const MidiOptions& options,
                 surfaces::midi::MidiApi api = surfaces::midi::defaultMidiApi());

    surfaces::midi::MidiDevice& device() { return m_device; }
    // The Mackie Control (null for generic MIDI): the MCU and its extenders.
    surfaces::midi::MackieSurface* mackie() { return m_mackie.get(); }
    // The extenders' devices, in the order of --mcu-xt.
    surfaces::midi::MidiDevice& extender(int index) { return *m_extenders[std::size_t(index)]; }
    // The generic MIDI surface (null when the pair is a Mackie Control): its
    // mappings go back into the session's "midi" slot as they change.
    surfaces::midi::MidiMapSurface* map() { return m_map.get(); }

private:
    // The show's "midi" slot: the mappings (if any) and the ports.
    void rememberInShow(ConsoleSession& session, QJsonObject slot) const;

    MidiOptions m_options;
    surfaces::midi::MidiDevice m_device;
    std::vector<std::unique_ptr<surfaces::midi::MidiDevice>> m_extenders; // outlive the surface
    std::unique_ptr<surfaces::midi::MackieSurface> m_mackie;
    std::unique_ptr<surfaces::midi::MidiMapSurface> m_map;
};

// Null when no MIDI port was asked for, on the command line or in the show.
// 'api': by default the one defaultMidiApi() finds, probed only when a port
// is to be opened.
std::unique_ptr<MidiSurfaces> startMidi(ConsoleSession& session, const MidiOptions& options,
                                        std::optional<surfaces::midi::MidiApi> api = std::nullopt);
// The show no longer opens MIDI ports (the engineer closed them).
void forgetMidiPorts(ConsoleSession& session);

} // namespace stagedesk::app
