#pragma once
// Virtual-soundcheck playback as the control thread drives it: open a take,
// play, stop, locate, loop. Which channels hear it is the console model's
// business (/ch/NN/config/playback, /config/routing/routswitch).

#include "TakePlayer.h"

#include <QString>

#include <cstdint>

namespace stagedesk::app {

class PlaybackController {
public:
    explicit PlaybackController(engine::Engine& engine) : m_player(engine) {}

    bool open(const QString& takeFolder, QString& error);
    bool play(QString& error) { return locate(m_position, error); }
    // Plays from 'frame' (playing or not).
    bool locate(std::uint64_t frame, QString& error);
    void stop();
    // [start, end) in frames; end <= start: no loop. Takes effect at the next play/locate.
    void setLoop(std::uint64_t start, std::uint64_t end) { m_player.setLoop(start, end); }
    bool playing() const { return m_player.playing(); }
    std::uint64_t underruns() const { return m_player.underruns(); }
    const soundcheck::TakeInfo& take() const { return m_player.take(); }

private:
    soundcheck::TakePlayer m_player;
    std::uint64_t m_position = 0;
};

} // namespace stagedesk::app
