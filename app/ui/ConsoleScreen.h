#pragma once
// The touchscreen console: the QML scene over a Console, in its window.
// Made only when stagedesk runs with a screen (not --headless).

#include <QQmlApplicationEngine>

#include <memory>

class QQuickWindow;

namespace stagedesk::app {
class AudioHost;
class ConsoleSession;
struct SoundcheckDesk;
} // namespace stagedesk::app

namespace stagedesk::ui {

class Console;

class ConsoleScreen {
public:
    // 'audio' and 'soundcheck' may be null. The window is shown unless
    // 'show' is false (tests).
    ConsoleScreen(app::ConsoleSession& session, app::AudioHost* audio, const QString& showPath,
                  bool show = true, app::SoundcheckDesk* soundcheck = nullptr);
    ~ConsoleScreen();
    ConsoleScreen(const ConsoleScreen&) = delete;
    ConsoleScreen& operator=(const ConsoleScreen&) = delete;

    Console& console() { return *m_console; }
    // Null if the QML failed to load (the errors are logged).
    QQuickWindow* window() const;

private:
    std::unique_ptr<Console> m_console;
    QQmlApplicationEngine m_qml;
};

} // namespace stagedesk::ui
