#pragma once
// One Mackie Control unit of a MackieSurface on its own MIDI device: an MCU
// (SysEx device id 0x14: 8 strips, the master fader and the global buttons)
// or an extender (MCU XT, 0x15: 8 strips only). It turns what the device
// sends into changes through its surface and shows its own 8 strips of the
// surface's bank: motor faders, LEDs, V-Pot rings, LCD and meters. When its
// device (re)connects it resends its own state, not the other units'.

#include "MackieProtocol.h"
#include "MidiDevice.h"

#include "ParameterRegistry.h"

#include <QObject>

#include <array>
#include <cstdint>

namespace stagedesk::surfaces::midi {

class MackieSurface;

// What a strip's controls stand for now (the surface's flip and V-Pot mode
// decide which parameter that is).
enum class StripRole { Fader, VPot, Mute, Solo, RecArm, Name };

class MackieUnit : public QObject {
    Q_OBJECT
public:
    enum class Kind { Main, Extender };

    // firstStrip: the surface strip (0-based) of this unit's strip 1.
    MackieUnit(MackieSurface& surface, MidiDevice& device, Kind kind, int firstStrip);
    ~MackieUnit() override;

    // The whole state of this unit (on connect, banking, flip).
    void resendAll();
    // The select LEDs (and the others of each strip) after a selection.
    void resendStripLeds();
    // 'id' changed from another source; strip is this unit's (0..7).
    void stripParameterChanged(int strip, scenes::ParamId id);
    void masterChanged();
    void sendMeter(int strip, float peakLinear, bool newClip);
    // After banking a held fader belongs to another channel.
    void forgetTouches() { m_touched = {}; }

private:
    static constexpr int kMasterStrip = mackie::kStrips;

    std::uint8_t deviceId() const; // of its LCD SysEx

    void handle(const ReceivedMessage& received);
    void handleButton(std::uint8_t note);
    void moveFader(int strip, double position);
    void turnVPot(int strip, int ticks);

    int channelOf(int strip) const;
    scenes::ParamId param(int strip, StripRole role) const;
    scenes::ParamId faderParam(int strip) const; // kMasterStrip = master
    void sendFader(int strip);
    void sendStripLeds(int strip);
    void sendRing(int strip);
    void sendName(int strip);
    void sendValue(int strip, scenes::ParamId shown);
    void sendGlobalLeds();
    void sendShort(const mackie::Short& bytes);

    MackieSurface& m_surface;
    MidiDevice& m_device;
    Kind m_kind;
    int m_firstStrip;
    std::array<bool, kMasterStrip + 1> m_touched{};
};

} // namespace stagedesk::surfaces::midi
