#pragma once
// The Qt application object stagedesk needs: a QGuiApplication when it shows
// the console screen, a QCoreApplication when it runs headless (--headless,
// check-show, --help, --list-devices, or no display to show on). Decided
// from argv because the object must exist before the command line is parsed.

#include <QCoreApplication>

#include <memory>

namespace stagedesk::ui {

struct Application {
    std::unique_ptr<QCoreApplication> app;
    bool screen = false;
    // Why there is no screen although --headless was not given (no display).
    QString note;
};

Application makeApplication(int& argc, char** argv);

} // namespace stagedesk::ui
