#include "ScreenApplication.h"

#include <QGuiApplication>

#include <cstdlib>
#include <cstring>

namespace stagedesk::ui {

namespace {

bool wantsScreen(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "check-show") == 0)
        return false;
    for (int i = 1; i < argc; ++i) {
        for (const char* noScreen :
             {"--headless", "--help", "-h", "--version", "-v", "--list-devices", "--check-system"})
            if (std::strcmp(argv[i], noScreen) == 0)
                return false;
    }
    return true;
}

bool haveDisplay() {
    for (const char* variable : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        const char* value = std::getenv(variable);
        if (value && *value)
            return true;
    }
    return false;
}

} // namespace

Application makeApplication(int& argc, char** argv) {
    Application result;
    result.screen = wantsScreen(argc, argv);
    if (result.screen && !haveDisplay()) {
        // QGuiApplication would abort; the console still runs for OSC and MIDI.
        result.screen = false;
        result.note = QStringLiteral("no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM "
                                     "unset): running headless");
    }
    if (result.screen)
        result.app = std::make_unique<QGuiApplication>(argc, argv);
    else
        result.app = std::make_unique<QCoreApplication>(argc, argv);
    return result;
}

} // namespace stagedesk::ui
