#include "CommandLine.h"

#include "ChannelMap.h"
#include "ConsoleSize.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <charconv>
#include <optional>
#include <string>
#include <tuple>

namespace stagedesk::app {

namespace {

const char* const kDescription =
    "Stagedesk, a live mixing console: runs the mixing engine on an audio interface\n"
    "(ALSA, JACK or PulseAudio through RtAudio), or on its internal clock when no\n"
    "device can be opened, so that the console keeps working without sound.\n"
    "It opens the touchscreen console on the display, or runs headless with\n"
    "--headless (or when there is no display); stop it with Ctrl+C, SIGINT or\n"
    "SIGTERM.\n"
    "\n"
    "  stagedesk check-show FILE   checks a show file and prints what is wrong\n"
    "                              (exit 1) or a one-line summary (exit 0)";

const char* const kEpilog = R"(
Audio:
  Without --audio-api, RtAudio picks the first API that has a device (JACK if
  a server runs, then ALSA, then PulseAudio). If the device cannot be opened,
  stagedesk says why on stderr and runs on its internal clock at the chosen
  rate and block size; it does the same, with a warning, when the API or
  device asked for on the command line fails.

Real time:
  stagedesk locks its memory (mlockall) and runs the audio thread with
  real-time priority. If either is refused it says so and runs anyway; to
  allow both, add the user to the 'audio' group and give that group
  'rtprio 95' and 'memlock unlimited' in /etc/security/limits.d/ (a systemd
  service: LimitRTPRIO=95, LimitMEMLOCK=infinity). After the audio starts it
  says which of its threads run with real-time priority. Through PipeWire,
  the server's own threads need rtkit. --check-system checks all of this.

Shows:
  stagedesk starts with the show of --show FILE, or with the demo show (a
  small band on 32 inputs and 16 buses) when there is none. The console takes
  the show's size unless --inputs or --buses say otherwise; a show of another
  size is then refused unless --show-channel-map / --show-bus-map say where
  its channels and buses go (same syntax as --input-map; '-' leaves one out).

  The running show is autosaved, atomically, every --autosave-seconds when
  something changed: to FILE.autosave next to the show (or, when that folder
  cannot be written, and for the demo show, to
  $XDG_STATE_HOME/stagedesk/, by default ~/.local/state/stagedesk/). When the
  autosave is newer than the show file at start, stagedesk loads it instead
  and says so: after a crash or a kill -9 the console comes back as it was,
  at most one autosave interval old. The show file itself is never written
  by the autosave.

  --set ADDRESS=VALUE sets one parameter after the show is loaded (repeat it
  for more): a number in the parameter's unit (dB, Hz, ms; -inf for a fader
  off), on/off for switches, a name for choices (PEQ, RD, PreFader) or a
  text for names. For example --set /ch/01/mix/fader=-5 --set
  /ch/01/config/name=Kick. It counts as a change: the next autosave has it.

Status:
  Every 10 seconds stagedesk prints one line on stderr: blocks processed,
  xruns, and the mean and maximum time of the audio callback as a percentage
  of the block period (frames / rate).

Environment:
  STAGEDESK_AUDIO_DEBUG=1  let the ALSA library print its own messages while
                           devices are probed (they are silenced otherwise)

Exit status:
  0  stopped by SIGINT or SIGTERM, or --help, --version, --list-devices,
     --list-plugins;
     check-show: the show is good; --check-system: nothing FAILed
  1  could not start (no audio, not even the internal clock; a show that
     cannot be loaded); check-show: the show is refused; --check-system:
     something FAILed
  2  bad command line, or a --set that does not fit its parameter

Examples:
  stagedesk --headless
  stagedesk --headless --show ~/shows/tour.json
  stagedesk check-show ~/shows/tour.json
  stagedesk --check-system
  stagedesk --list-devices --audio-api alsa
  stagedesk --headless --audio-api jack --inputs 24 --buses 8
  stagedesk --headless --audio-api alsa --device 'USB Audio' --rate 48000 --frames 128
)";

// A whole number in [low, high], or an error naming the option.
std::optional<int> parseInt(const QString& option, const QString& text, int low, int high,
                            QString& error) {
    const std::string s = text.trimmed().toStdString();
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    const bool whole = !s.empty() && ec == std::errc() && end == s.data() + s.size();
    if (!whole || value < low || value > high) {
        const QString range = QStringLiteral("%1..%2").arg(low).arg(high);
        if (whole || ec == std::errc::result_out_of_range)
            error = QStringLiteral("--%1: %2 is out of range (%3)").arg(option, text, range);
        else
            error = QStringLiteral("--%1: '%2' is not a whole number (expected %3)")
                        .arg(option, text, range);
        return std::nullopt;
    }
    return value;
}

QString withHint(const QString& error) {
    return error + QStringLiteral("; see 'stagedesk --help'");
}

} // namespace

CommandLine parseCommandLine(const QStringList& arguments) {
    using engine::kMaxBuses;
    using engine::kMaxInputs;

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kDescription));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);

    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version and exit."));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QStringLiteral("Run without a screen: the engine, the remote surfaces, and the "
                       "status on stderr (the default when there is no display)."));
    const QCommandLineOption audioApi(
        QStringLiteral("audio-api"),
        QStringLiteral("Audio API: alsa, jack or pulse. Default: the first that has a device."),
        QStringLiteral("api"));
    const QCommandLineOption device(
        QStringLiteral("device"),
        QStringLiteral("Audio device, by number (see --list-devices) or by part of its name. "
                       "Default: the API's default device."),
        QStringLiteral("name|N"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("Sample rate in Hz, %1..%2. Default: 48000.")
                                      .arg(kMinSampleRate)
                                      .arg(kMaxSampleRate),
                                  QStringLiteral("Hz"), QStringLiteral("48000"));
    const QCommandLineOption frames(
        QStringLiteral("frames"),
        QStringLiteral("Frames per audio block, %1..%2. Default: 64 (1.3 ms at 48 kHz). JACK "
                       "uses the server's block size.")
            .arg(kMinFrames)
            .arg(kMaxFrames),
        QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption inputs(
        QStringLiteral("inputs"),
        QStringLiteral("Input channels of the console, 1..%1. Default: the show's (32 for the "
                       "demo show).")
            .arg(kMaxInputs),
        QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption buses(
        QStringLiteral("buses"),
        QStringLiteral("Mix buses, 0..%1. Default: the show's (16 for the demo show). Outputs "
                       "are main L, main R, then one per bus.")
            .arg(kMaxBuses),
        QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption listDevices(
        QStringLiteral("list-devices"),
        QStringLiteral("List the audio devices of every API (or of --audio-api) with their "
                       "numbers, channels and sample rates, and exit."));
    const QCommandLineOption listPlugins(
        QStringLiteral("list-plugins"),
        QStringLiteral("List the installed LV2 plugins (from LV2_PATH when it is set) with "
                       "their audio inputs and outputs, control ports, ranges and latency "
                       "port, and exit."));
    const QCommandLineOption checkSystem(
        QStringLiteral("check-system"),
        QStringLiteral("Check what a live machine needs (CPU governor, real-time priority and "
                       "memory lock limits, the audio group, audio devices, the JACK or "
                       "PipeWire server, the kernel's preemption), print OK, WARN or FAIL with "
                       "the fix for each, and exit: 1 if anything FAILed, else 0."));
    const QCommandLineOption internalClock(
        QStringLiteral("internal-clock"),
        QStringLiteral("Do not open an audio device: run the engine on the internal clock "
                       "(no sound) at --rate and --frames."));

    const QCommandLineOption inputMap(
        QStringLiteral("input-map"),
        QStringLiteral("Device input channel of each console input, 1-based, in order: a list "
                       "like 1,2,9-16 ('-' = not connected). Default: input N reads channel N."),
        QStringLiteral("list"));
    const QCommandLineOption outputMap(
        QStringLiteral("output-map"),
        QStringLiteral("Device output channel of each console output (main L, main R, bus 1, "
                       "bus 2, ...), same syntax. Default: in order."),
        QStringLiteral("list"));
    const QCommandLineOption noJackConnect(
        QStringLiteral("no-jack-connect"),
        QStringLiteral("With JACK, leave stagedesk's ports unconnected (default: connect them "
                       "to the system ports in order)."));

    const QCommandLineOption show(
        QStringLiteral("show"),
        QStringLiteral("Start with this show file. Default: the demo show. See 'Shows' below."),
        QStringLiteral("FILE"));
    const QCommandLineOption autosave(
        QStringLiteral("autosave-seconds"),
        QStringLiteral("Autosave the running show this often when it changed, 1..%1 s. "
                       "Default: 5.")
            .arg(kMaxAutosaveSeconds),
        QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption set(
        QStringLiteral("set"),
        QStringLiteral("Set a parameter after the show is loaded, e.g. /ch/01/mix/fader=-5. "
                       "Repeatable."),
        QStringLiteral("ADDRESS=VALUE"));
    const QCommandLineOption showChannelMap(
        QStringLiteral("show-channel-map"),
        QStringLiteral("Console channel of each channel of a show of another size, 1-based, in "
                       "order, like 1-16,-,17 ('-' = leave out)."),
        QStringLiteral("list"));
    const QCommandLineOption showBusMap(
        QStringLiteral("show-bus-map"),
        QStringLiteral("Console bus of each mix bus of a show of another size, same syntax."),
        QStringLiteral("list"));

    parser.addOptions({help,      version,       headless,    audioApi,       device,
                       rate,      frames,        inputs,      buses,          inputMap,
                       outputMap, noJackConnect, listDevices, checkSystem,    internalClock,
                       show,      autosave,      set,         showChannelMap, showBusMap});
    parser.addOption(listPlugins);
    const QCommandLineOption noPlugins(
        QStringLiteral("no-plugins"),
        QStringLiteral("Safe mode: build no LV2 plugin; every insert slot passes audio dry and "
                       "keeps its saved plugin state for the next save."));
    parser.addOption(noPlugins);
    parser.addOptions(oscCommandLineOptions());
    parser.addOptions(midiCommandLineOptions());
    parser.addOptions(soundcheckCommandLineOptions());

    CommandLine result;
    auto fail = [&result](const QString& error) {
        result.action = CommandLine::Action::Error;
        result.error = withHint(error);
        return result;
    };

    if (!parser.parse(arguments)) {
        QString error = parser.errorText();
        if (error.endsWith(QLatin1Char('.')))
            error.chop(1);
        if (!error.isEmpty())
            error[0] = error[0].toLower();
        return fail(error);
    }
    if (parser.isSet(help)) {
        result.action = CommandLine::Action::ShowHelp;
        // Qt names the program as it was called; the manual page wants its name.
        QString text = parser.helpText();
        text.replace(0, text.indexOf(QLatin1Char('\n')),
                     QStringLiteral("Usage: stagedesk [options]\n       stagedesk check-show "
                                    "FILE"));
        result.text = text + QString::fromUtf8(kEpilog);
        return result;
    }
    if (parser.isSet(version)) {
        result.action = CommandLine::Action::ShowVersion;
        result.text = QStringLiteral("stagedesk %1\n").arg(QStringLiteral(STAGEDESK_VERSION));
        return result;
    }
    if (parser.isSet(listPlugins)) {
        result.action = CommandLine::Action::ListPlugins;
        return result;
    }
    if (parser.isSet(checkSystem)) {
        result.action = CommandLine::Action::CheckSystem;
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.constFirst() == QLatin1String("check-show")) {
        if (positional.size() != 2)
            return fail(positional.size() < 2
                            ? QStringLiteral("check-show: needs the show file to check")
                            : QStringLiteral("check-show: unexpected argument '%1' (one file at "
                                             "a time)")
                                  .arg(positional[2]));
        result.action = CommandLine::Action::CheckShow;
        result.options.showFile = positional[1];
        return result;
    }
    if (!positional.isEmpty())
        return fail(QStringLiteral("unexpected argument '%1'").arg(positional.constFirst()));

    Options& o = result.options;
    o.headless = parser.isSet(headless);
    o.listDevices = parser.isSet(listDevices);
    o.internalClock = parser.isSet(internalClock);
    o.jackConnect = !parser.isSet(noJackConnect);
    o.plugins = !parser.isSet(noPlugins);

    if (parser.isSet(audioApi)) {
        o.audioApi = parser.value(audioApi).trimmed().toLower();
        if (o.audioApi != QLatin1String("alsa") && o.audioApi != QLatin1String("jack") &&
            o.audioApi != QLatin1String("pulse"))
            return fail(QStringLiteral("--audio-api: '%1' is not one of alsa, jack, pulse")
                            .arg(parser.value(audioApi)));
    }
    if (parser.isSet(device)) {
        o.device = parser.value(device);
        if (o.device.trimmed().isEmpty())
            return fail(QStringLiteral("--device: needs a device number or name"));
    }

    QString error;
    const auto r =
        parseInt(QStringLiteral("rate"), parser.value(rate), kMinSampleRate, kMaxSampleRate, error);
    if (!r)
        return fail(error);
    const auto f =
        parseInt(QStringLiteral("frames"), parser.value(frames), kMinFrames, kMaxFrames, error);
    if (!f)
        return fail(error);
    const auto i = parseInt(QStringLiteral("inputs"), parser.value(inputs), 1, kMaxInputs, error);
    if (!i)
        return fail(error);
    const auto b = parseInt(QStringLiteral("buses"), parser.value(buses), 0, kMaxBuses, error);
    if (!b)
        return fail(error);
    QString mapError;
    for (auto [option, target] :
         {std::pair{&inputMap, &o.inputMap}, std::pair{&outputMap, &o.outputMap}}) {
        if (!parser.isSet(*option))
            continue;
        const auto map = parseChannelMap(option->names().constFirst(), parser.value(*option),
                                         QStringLiteral("device channel"), mapError);
        if (!map)
            return fail(mapError);
        *target = *map;
    }
    for (auto [option, target, what] :
         {std::tuple{&showChannelMap, &o.showChannelMap, "console channel"},
          std::tuple{&showBusMap, &o.showBusMap, "console bus"}}) {
        if (!parser.isSet(*option))
            continue;
        const auto map = parseChannelMap(option->names().constFirst(), parser.value(*option),
                                         QLatin1String(what), mapError);
        if (!map)
            return fail(mapError);
        *target = *map;
    }

    if (parser.isSet(show)) {
        o.showFile = parser.value(show);
        if (o.showFile.trimmed().isEmpty())
            return fail(QStringLiteral("--show: needs a show file"));
    }
    const auto a = parseInt(QStringLiteral("autosave-seconds"), parser.value(autosave), 1,
                            kMaxAutosaveSeconds, error);
    if (!a)
        return fail(error);
    o.autosaveSeconds = *a;
    if (const QString oscError = parseOscOptions(parser, o.osc); !oscError.isEmpty())
        return fail(oscError);
    if (const QString midiError = parseMidiOptions(parser, o.midi); !midiError.isEmpty())
        return fail(midiError);
    if (const QString scError = parseSoundcheckOptions(parser, o.soundcheck); !scError.isEmpty())
        return fail(scError);
    for (const QString& assignment : parser.values(set)) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals < 1 || !assignment.startsWith(QLatin1Char('/')))
            return fail(QStringLiteral("--set: '%1' is not ADDRESS=VALUE (like "
                                       "/ch/01/mix/fader=-5)")
                            .arg(assignment));
        o.sets << assignment;
    }
    o.sampleRate = *r;
    o.framesPerBlock = *f;
    o.inputs = *i;
    o.buses = *b;
    o.inputsGiven = parser.isSet(inputs);
    o.busesGiven = parser.isSet(buses);

    if (o.internalClock && (!o.audioApi.isEmpty() || !o.device.isEmpty()) && !o.listDevices)
        return fail(QStringLiteral("--internal-clock: cannot be combined with --audio-api or "
                                   "--device"));

    result.action = o.listDevices ? CommandLine::Action::ListDevices : CommandLine::Action::Run;
    return result;
}

} // namespace stagedesk::app
