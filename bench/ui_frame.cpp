// ui_frame: the frame time of the mixing page with 64 input strips on one
// bank and every meter moving at 30 Hz, rendered offscreen at 1920x1080.
// Prints frames rendered, and the mean and p99 time from the start of a
// frame's synchronisation to its swap (the screen's cost per frame).
//
//   QT_QPA_PLATFORM=offscreen build/bench/ui_frame [--seconds 5]

#include "Console.h"
#include "ConsoleScreen.h"
#include "ConsoleSession.h"
#include "StripModel.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace stagedesk;

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    double seconds = 5;
    const QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--seconds")); i > 0 && i + 1 < args.size())
        seconds = args[i + 1].toDouble();

    scenes::ShowDocument show;
    show.name = QStringLiteral("ui_frame");
    show.console = {64, 16};
    show.safes = scenes::RecallSafes::nothing(show.console);
    for (int ch = 1; ch <= 64; ++ch) {
        const QString p = QStringLiteral("/ch/%1").arg(ch, 2, 10, QLatin1Char('0'));
        show.state[p + "/config/name"] = QStringLiteral("Input %1").arg(ch);
        show.state[p + "/mix/fader"] = -10.0;
    }
    app::ConsoleSession session(show, nullptr);
    ui::ConsoleScreen screen(session, nullptr, QString());
    QQuickWindow* window = screen.window();
    if (!window)
        return 1;
    window->resize(1920, 1080);
    QCoreApplication::processEvents(); // settle the layout before the bank changes
    ui::Console& console = screen.console();
    console.strips()->setBankSize(64);
    QCoreApplication::processEvents();
    console.setLiveMeters(false);

    // Meters of a band playing: every channel moves on every tick.
    engine::MeterSnapshot meters;
    meters.channels.resize(64);
    meters.buses.resize(16);
    QElapsedTimer clock;
    clock.start();
    QTimer meterTimer;
    QObject::connect(&meterTimer, &QTimer::timeout, [&] {
        const double t = clock.elapsed() / 1000.0;
        for (int ch = 0; ch < 64; ++ch) {
            const double db = -30 + 25 * std::sin(t * 3 + ch * 0.7);
            meters.channels[std::size_t(ch)].peak = float(std::pow(10.0, db / 20));
            meters.channels[std::size_t(ch)].compReductionDb = float(std::max(0.0, db + 15) / 2);
        }
        console.strips()->applyMeters(meters, t);
    });
    meterTimer.start(33);

    std::vector<double> frameMs;
    QElapsedTimer frame;
    QObject::connect(
        window, &QQuickWindow::beforeSynchronizing, window, [&] { frame.start(); },
        Qt::DirectConnection);
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] { frameMs.push_back(frame.nsecsElapsed() / 1e6); }, Qt::DirectConnection);
    QTimer::singleShot(int(seconds * 1000), &application, &QCoreApplication::quit);
    QGuiApplication::exec();

    if (frameMs.empty()) {
        std::puts("ui_frame: no frames rendered");
        return 1;
    }
    std::vector<double> sorted = frameMs;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (const double ms : frameMs)
        sum += ms;
    const double p99 = sorted[std::min(sorted.size() - 1, std::size_t(sorted.size() * 0.99))];
    std::printf("ui_frame: 64 input strips, meters at 30 Hz, 1920x1080 offscreen, %.1f s\n",
                seconds);
    std::printf(
        "frames rendered %zu (%.1f fps), frame time mean %.2f ms, p99 %.2f ms, worst %.2f ms\n",
        frameMs.size(), frameMs.size() / seconds, sum / frameMs.size(), p99, sorted.back());
    return 0;
}
