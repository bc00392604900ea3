// stagedesk: parses the command line, loads the show (or checks one and
// exits), prepares the machine for real-time audio, starts the engine on a
// device or the internal clock, autosaves the running show, reports its
// status, and stops cleanly on SIGINT or SIGTERM.

#include "AudioHost.h"
#include "AudioLibraryNoise.h"
#include "AudioStartup.h"
#include "CheckShow.h"
#include "CommandLine.h"
#include "Console.h"
#include "ConsoleScreen.h"
#include "ConsoleSession.h"
#include "DeviceList.h"
#include "Engine.h"
#include "FxTapTempo.h"
#include "InsertHost.h"
#include "Log.h"
#include "MidiSetupModel.h"
#include "MidiStartup.h"
#include "OscServer.h"
#include "OscSetupModel.h"
#include "OscStartup.h"
#include "PluginList.h"
#include "PluginWorld.h"
#include "PluginsView.h"
#include "RealtimeSetup.h"
#include "ScreenApplication.h"
#include "Setup.h"
#include "SignalHandler.h"
#include "SoundcheckStartup.h"
#include "StartupShow.h"
#include "StatusModel.h"
#include "StatusReporter.h"
#include "SystemCheck.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

using namespace stagedesk;
using namespace stagedesk::app;

int main(int argc, char* argv[]) {
    // A QGuiApplication with the screen, a QCoreApplication headless.
    const ui::Application made = ui::makeApplication(argc, argv);
    QCoreApplication& application = *made.app;
    QCoreApplication::setApplicationName(QStringLiteral("stagedesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STAGEDESK_VERSION));

    const CommandLine commandLine = parseCommandLine(QCoreApplication::arguments());
    const Options& options = commandLine.options;
    switch (commandLine.action) {
    case CommandLine::Action::Error:
        logLine(commandLine.error.toStdString());
        return kUsageExitCode;
    case CommandLine::Action::ShowHelp:
    case CommandLine::Action::ShowVersion:
        std::fputs(commandLine.text.toUtf8().constData(), stdout);
        return 0;
    case CommandLine::Action::ListDevices:
        silenceAudioLibraryNoise();
        printDeviceList(options.audioApi.toStdString());
        return 0;
    case CommandLine::Action::ListPlugins:
        printPluginList();
        return 0;
    case CommandLine::Action::CheckShow:
        return checkShow(options.showFile);
    case CommandLine::Action::CheckSystem:
        return runSystemCheck();
    case CommandLine::Action::Run:
        break;
    }

    logLine("Stagedesk " STAGEDESK_VERSION);
    if (!made.note.isEmpty())
        logLine(made.note.toStdString());

    SignalHandler signalHandler;
    if (!signalHandler.error().isEmpty()) {
        logLine("cannot handle SIGINT/SIGTERM: " + signalHandler.error().toStdString());
        return 1;
    }

    // Headless, memory is locked now, with all that comes later; with the
    // screen, just before the screen is made (RealtimeSetup.h says why).
    if (!made.screen)
        if (const std::string refused = lockMemory(MemoryLock::CurrentAndFuture); !refused.empty())
            logLine(refused);
    if (const std::string refused = probeRealtimePriority(); !refused.empty())
        logLine(refused);

    const std::optional<StartupShow> startup = chooseStartupShow(options);
    if (!startup)
        return 1;
    // The console has the size of the show it runs (fitted to --inputs/--buses).
    Options sized = options;
    sized.inputs = startup->show.console.inputs;
    sized.buses = startup->show.console.buses;

    // The installed LV2 plugins (none with --no-plugins): made before the
    // engine, which may still hold plugins from it when it is destroyed.
    std::unique_ptr<plugins::PluginWorld> pluginWorld;
    if (options.plugins)
        pluginWorld = std::make_unique<plugins::PluginWorld>();
    silenceAudioLibraryNoise();
    engine::Engine engine(engineConfig(sized));
    logLine("console: " + std::to_string(sized.inputs) + " inputs, " + std::to_string(sized.buses) +
            " mix buses, " + std::to_string(engine.outputChannels()) +
            " outputs (main L/R, buses, monitor L/R)");

    ConsoleSession session(startup->show, &engine);
    session.startAutosave(startup->autosavePath, options.autosaveSeconds);
    // The LV2 plugins the show names in its insert slots.
    InsertHost inserts(session.state(), engine, pluginWorld.get(), session.loadedPlugins());
    session.attachInsertHost(&inserts);
    // Taps on /fx/K/tap set the FX slots' tempo.
    FxTapTempo tapTempo(session.state());
    // After the insert host: --set may name a plugin's controls
    // (/ch/01/insert/1/par/gain), which exist once its plugin is named.
    if (const QString error = session.applySets(options.sets); !error.isEmpty()) {
        logLine(error.toStdString());
        return kUsageExitCode;
    }

    AudioHost audio(engine, sized);
    if (!audio.start()) {
        logLine("no audio backend could be started; giving up");
        return 1;
    }
    if (const RealtimeThreads realtime = realtimeThreads(); realtime.count > 0)
        logLine("real time: " + realtime.description);
    else
        logWarning("no thread of stagedesk runs with real-time priority: the audio thread was "
                   "refused it (see above), or the audio server does not run in real time");
    session.state().sendAllToEngine();
    const auto soundcheck = startSoundcheck(session, engine, options.soundcheck, options.showFile);
    StatusReporter status(engine, audio);
    const auto osc = startOsc(session, options.osc);
    auto midi = startMidi(session, options.midi);
    std::unique_ptr<ui::ConsoleScreen> screen;
    if (made.screen) {
        if (const std::string refused = lockMemory(MemoryLock::CurrentOnly); !refused.empty())
            logLine(refused);
        screen = std::make_unique<ui::ConsoleScreen>(session, &audio, options.showFile, true,
                                                     soundcheck.get());
        if (osc) // the screen goes before the server: the reader never outlives it
            screen->console().status()->followRemoteClients([&osc] { return osc->clientCount(); });
        // The setup page shows the OSC clients and rules, and opens and
        // closes the MIDI ports (so it owns them from now on).
        screen->console().setup()->osc()->attach(osc.get());
        screen->console().setup()->midi()->adopt(std::move(midi));
        // The insert slots and FX rack on screen, with the installed plugins.
        screen->console().plugins()->attach(&inserts, pluginWorld.get());
    }

    QObject::connect(&signalHandler, &SignalHandler::received, &application, [](int signal) {
        logLine(std::string(SignalHandler::name(signal)) + " received; stopping");
        QCoreApplication::quit();
    });
    logLine("running; stop with Ctrl+C (SIGINT) or SIGTERM");

    const int exitCode = QCoreApplication::exec();
    audio.stop();
    session.finish();
    logLine("stopped");
    return exitCode;
}
