#include "RecordController.h"

#include "ConsoleState.h"

#include <QDir>

namespace stagedesk::app {

RecordController::RecordController(engine::Engine& engine, const scenes::ConsoleState& state,
                                   QString directory)
    : m_state(state), m_directory(std::move(directory)), m_recorder(engine) {}

QString RecordController::nextTakeFolder() const {
    const QDir dir(m_directory);
    for (int n = 1;; ++n) {
        const QString name = QStringLiteral("take-%1").arg(n, 3, 10, QLatin1Char('0'));
        if (!dir.exists(name))
            return dir.filePath(name);
    }
}

bool RecordController::start(const std::vector<int>& channels,
                             engine::soundcheck::RecordPoint point, QString& error) {
    if (m_recorder.recording()) {
        error = QStringLiteral("a take is already being recorded");
        return false;
    }
    if (m_started)
        m_recorder.stop(); // the last take ended by itself: collect it
    if (!QDir().mkpath(m_directory)) {
        error = QStringLiteral("cannot create the take folder %1").arg(m_directory);
        return false;
    }
    const auto& registry = m_state.registry();
    soundcheck::TakeOptions options;
    options.folder = nextTakeFolder().toStdString();
    options.point = point;
    options.channels = channels;
    if (options.channels.empty())
        for (int ch = 0; ch < registry.size().inputs; ++ch)
            options.channels.push_back(ch);
    for (int ch : options.channels) {
        const scenes::ParamId name = registry.find(registry.channelPrefix(ch) + "/config/name");
        options.names.push_back(name == scenes::kNoParam ? std::string()
                                                         : m_state.text(name).toStdString());
    }
    std::string why;
    if (!m_recorder.start(options, why)) {
        error = QString::fromStdString(why);
        return false;
    }
    m_started = true;
    return true;
}

std::optional<soundcheck::TakeInfo> RecordController::stop() {
    if (!m_started)
        return std::nullopt;
    m_started = false;
    return m_recorder.stop();
}

QString RecordController::failure() const {
    return m_recorder.failed() ? QString::fromStdString(m_recorder.message()) : QString();
}

std::vector<soundcheck::TakeInfo> RecordController::takes() const {
    return soundcheck::listTakes(m_directory.toStdString());
}

} // namespace stagedesk::app
