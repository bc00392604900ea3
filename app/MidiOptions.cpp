#include "MidiOptions.h"

namespace stagedesk::app {

QList<QCommandLineOption> midiCommandLineOptions() {
    return {
        {QStringLiteral("midi-in"),
         QStringLiteral("Connect the MIDI input port whose name contains NAME, now or when it "
                        "appears."),
         QStringLiteral("NAME")},
        {QStringLiteral("midi-out"),
         QStringLiteral("Connect the MIDI output port whose name contains NAME, now or when it "
                        "appears."),
         QStringLiteral("NAME")},
        {QStringLiteral("mcu"),
         QStringLiteral("Drive the --midi-in/--midi-out pair as a Mackie Control surface.")},
    };
}

QString parseMidiOptions(const QCommandLineParser& parser, MidiOptions& options) {
    for (auto [name, target] :
         {std::pair{"midi-in", &options.input}, std::pair{"midi-out", &options.output}}) {
        if (!parser.isSet(QLatin1String(name)))
            continue;
        *target = parser.value(QLatin1String(name)).trimmed();
        if (target->isEmpty())
            return QStringLiteral("--%1: the port name is empty").arg(QLatin1String(name));
    }
    options.mackie = parser.isSet(QStringLiteral("mcu"));
    if (options.mackie && (options.input.isEmpty() || options.output.isEmpty()))
        return QStringLiteral("--mcu: needs both --midi-in and --midi-out");
    return {};
}

} // namespace stagedesk::app
