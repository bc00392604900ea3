#pragma once
// A Mackie Control surface as the engineer sees it: an MCU (X-Touch in MC
// mode, ...) and any number of extenders (MCU XT) side by side, each a
// MackieUnit with 8 strips on its own MIDI device. The units share one bank:
// strips continue from unit to unit in the order they were added (MCU 1-8
// then XT 9-16, or the XT first), bank left/right moves all of them by the
// total strip count and channel left/right by one. Flip, the V-Pot
// assignment, the send bus and the selected channel are the surface's too;
// the master fader is on the MCU. The surface runs on the control thread
// against ConsoleState, as one source: what any of its units changes is not
// echoed back to it, everything else moves the motors, LEDs, rings and LCD of
// the unit that shows it.

#include "MackieUnit.h"

#include "ConsoleState.h"
#include "MeterHub.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace stagedesk::surfaces::midi {

class MackieSurface : public QObject, public scenes::ConsoleObserver {
    Q_OBJECT
public:
    static constexpr int kMeterIntervalMs = 100; // MCU meters fall by themselves in ~300 ms
    static constexpr double kVPotStep = 0.01;    // normalized travel per V-Pot tick

    enum class VPotMode { Pan, Send };

    // A surface without units yet: add them left to right with addUnit().
    // meters may be null (no meters are sent then).
    MackieSurface(scenes::ConsoleState& state, scenes::MeterHub* meters, QObject* parent = nullptr);
    // The usual desk: one MCU on 'device'.
    MackieSurface(scenes::ConsoleState& state, MidiDevice& device, scenes::MeterHub* meters,
                  QObject* parent = nullptr);
    ~MackieSurface() override;

    // A unit right of those added before: its strips follow theirs.
    void addUnit(MidiDevice& device, MackieUnit::Kind kind);
    int stripCount() const { return int(m_units.size()) * mackie::kStrips; }

    // First channel (0-based) on the first strip of the first unit.
    int bankOffset() const { return m_offset; }
    bool flipped() const { return m_flip; }
    VPotMode vpotMode() const { return m_vpotMode; }
    int sendBus() const { return m_sendBus; }          // 0-based, flip and V-Pot send mode
    int selectedChannel() const { return m_selected; } // -1 = none

    // For the units. A strip is numbered across the whole surface (0 is the
    // first unit's first strip); -1 / kNoParam past the last input.
    scenes::ConsoleState& state() { return m_state; }
    scenes::SourceId source() const { return m_source; }
    int channelOf(int strip) const;
    scenes::ParamId stripParam(int strip, StripRole role) const;
    scenes::ParamId masterFader() const;

    // What the units' buttons change for all of them (bank, channel, flip
    // and assignment are the MCU's; select is on every strip).
    void moveBank(int strips); // bank: +-stripCount(), channel: +-1
    void toggleFlip();
    void assignPan();
    void assignSend(); // again: the next mix bus
    void toggleSelect(int channel);

    // Every unit sends every fader, LED, ring and LCD cell.
    void resendAll();

    void parameterChanged(scenes::ParamId id, const scenes::ParameterValue& value,
                          scenes::SourceId source) override;

private:
    int clampedBank(int offset) const;
    void setBank(int offset);
    void sendMeters();

    scenes::ConsoleState& m_state;
    scenes::MeterHub* m_meters;
    scenes::SourceId m_source;
    std::vector<std::unique_ptr<MackieUnit>> m_units; // left to right
    int m_offset = 0;
    bool m_flip = false;
    VPotMode m_vpotMode = VPotMode::Pan;
    int m_sendBus = 0;
    int m_selected = -1;
    std::vector<std::uint32_t> m_clipsSeen; // per channel, for the clip LED
    QTimer m_meterTimer;
};

} // namespace stagedesk::surfaces::midi
