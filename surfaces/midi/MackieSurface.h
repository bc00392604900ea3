#pragma once
// A Mackie Control (MCU, X-Touch in MC mode, ...) driving the console: 8
// channel strips from the bank position, the master fader on main LR. The
// surface logic runs on the control thread against ConsoleState, as one
// source: what the surface changes is not echoed back to it, everything
// else moves its motors, LEDs, rings and LCD.

#include "MidiDevice.h"

#include "ConsoleState.h"
#include "MeterHub.h"

#include <QObject>
#include <QTimer>

#include <array>
#include <vector>

namespace stagedesk::surfaces::midi {

class MackieSurface : public QObject, public scenes::ConsoleObserver {
    Q_OBJECT
public:
    static constexpr int kMeterIntervalMs = 100; // MCU meters fall by themselves in ~300 ms
    static constexpr double kVPotStep = 0.01;    // normalized travel per V-Pot tick

    enum class VPotMode { Pan, Send };

    // meters may be null (no meters are sent then).
    MackieSurface(scenes::ConsoleState& state, MidiDevice& device, scenes::MeterHub* meters,
                  QObject* parent = nullptr);
    ~MackieSurface() override;

    // First channel (0-based) on strip 1.
    int bankOffset() const { return m_offset; }
    bool flipped() const { return m_flip; }
    VPotMode vpotMode() const { return m_vpotMode; }
    int sendBus() const { return m_sendBus; }          // 0-based, flip and V-Pot send mode
    int selectedChannel() const { return m_selected; } // -1 = none

    // Sends every fader, LED, ring and LCD cell (on connect and banking).
    void resendAll();

    void parameterChanged(scenes::ParamId id, const scenes::ParameterValue& value,
                          scenes::SourceId source) override;

private:
    enum class Role { Fader, VPot, Mute, Solo, RecArm, Name };

    void handle(const ReceivedMessage& received);
    void handleButton(std::uint8_t note, bool pressed);
    void moveFader(int channel, double position);
    void turnVPot(int strip, int ticks);
    void setBank(int offset);
    void sendMeters();

    int channelOf(int strip) const; // -1 for a strip past the last input
    scenes::ParamId stripParam(int strip, Role role) const;
    scenes::ParamId masterFader() const;
    void sendFader(int strip); // strip kMasterStrip = master
    void sendStripLeds(int strip);
    void sendRing(int strip);
    void sendName(int strip);
    void sendValue(int strip, scenes::ParamId shown);
    void sendGlobalLeds();
    void sendShort(const std::array<std::uint8_t, 3>& bytes);

    static constexpr int kMasterStrip = 8;

    scenes::ConsoleState& m_state;
    MidiDevice& m_device;
    scenes::MeterHub* m_meters;
    scenes::SourceId m_source;
    int m_offset = 0;
    bool m_flip = false;
    VPotMode m_vpotMode = VPotMode::Pan;
    int m_sendBus = 0;
    int m_selected = -1;
    std::array<bool, 9> m_touched{};
    std::vector<std::uint32_t> m_clipsSeen; // per channel, for the clip LED
    QTimer m_meterTimer;
};

} // namespace stagedesk::surfaces::midi
