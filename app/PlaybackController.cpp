#include "PlaybackController.h"

namespace stagedesk::app {

bool PlaybackController::open(const QString& takeFolder, QString& error) {
    soundcheck::TakeInfo take;
    std::string why;
    if (!soundcheck::readTake(takeFolder.toStdString(), take, why) || !m_player.open(take, why)) {
        error = QString::fromStdString(why);
        return false;
    }
    m_position = 0;
    return true;
}

bool PlaybackController::locate(std::uint64_t frame, QString& error) {
    std::string why;
    m_position = frame;
    if (!m_player.play(frame, why)) {
        error = QString::fromStdString(why);
        return false;
    }
    return true;
}

void PlaybackController::stop() {
    m_player.stop();
}

} // namespace stagedesk::app
