#pragma once
// The command line of stagedesk: parsed and validated into Options, or into
// what to print instead (help, version, one clear error).

#include "MidiOptions.h"
#include "OscOptions.h"
#include "SoundcheckOptions.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace stagedesk::app {

struct Options {
    bool headless = false;
    QString audioApi; // "alsa", "jack", "pulse"; empty = RtAudio's choice
    QString device;   // device number or part of its name; empty = default
    int sampleRate = 48000;
    int framesPerBlock = 64;
    int inputs = 32;
    int buses = 16;
    bool listDevices = false;
    bool internalClock = false;
    bool jackConnect = true; // connect JACK ports to the system ports in order
    // --no-plugins: no plugin is built; every insert slot passes audio dry
    // and keeps its saved state (a safe mode for a show that will not start).
    bool plugins = true;
    // 0-based device channels per engine input / output; empty = in order.
    std::vector<int> inputMap;
    std::vector<int> outputMap;
    // --inputs / --buses given: the console has that size whatever the show's.
    bool inputsGiven = false;
    bool busesGiven = false;

    QString showFile; // --show, or check-show's file; empty = the demo show
    int autosaveSeconds = 5;
    QStringList sets; // --set ADDRESS=VALUE, in order
    OscOptions osc;   // --osc-port, --osc-bind, ... (OscOptions.h)
    MidiOptions midi; // --midi-in, --midi-out, --mcu (MidiOptions.h)
    // --record-dir (SoundcheckOptions.h)
    SoundcheckOptions soundcheck;
    // --show-channel-map / --show-bus-map: 0-based console strip per show
    // strip (-1 = left out), for a show of another console size.
    std::optional<std::vector<int>> showChannelMap;
    std::optional<std::vector<int>> showBusMap;
};

// Accepted ranges, also quoted in --help and in the error messages.
constexpr int kMinSampleRate = 8000;
constexpr int kMaxSampleRate = 384000;
constexpr int kMinFrames = 16;
constexpr int kMaxFrames = 8192;
constexpr int kMaxAutosaveSeconds = 3600;

struct CommandLine {
    enum class Action {
        Run,
        ListDevices,
        ListPlugins,
        CheckShow,
        CheckSystem,
        ShowHelp,
        ShowVersion,
        Error
    };
    Action action = Action::Run;
    Options options;
    QString error; // Action::Error: one line, naming the option
    QString text;  // Action::ShowHelp / ShowVersion: what to print on stdout
};

// 'arguments' includes the program name first, as QCoreApplication::arguments().
CommandLine parseCommandLine(const QStringList& arguments);

// Exit status for a bad command line.
constexpr int kUsageExitCode = 2;

} // namespace stagedesk::app
