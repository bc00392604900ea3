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
        {QStringLiteral("mcu-xt"),
         QStringLiteral("With --mcu: a Mackie Control extender on the MIDI ports whose names "
                        "contain NAME, 8 more strips; repeat it for each, left to right."),
         QStringLiteral("NAME")},
        {QStringLiteral("mcu-position"),
         QStringLiteral("With --mcu-xt: the place of the MCU among the units, counted from the "
                        "left (default 1: the extenders' strips follow the MCU's)."),
         QStringLiteral("N")},
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
    for (const QString& value : parser.values(QStringLiteral("mcu-xt"))) {
        if (!options.mackie)
            return QStringLiteral("--mcu-xt: needs --mcu (an extender sits beside an MCU)");
        if (value.trimmed().isEmpty())
            return QStringLiteral("--mcu-xt: the port name is empty");
        options.extenders.append(value.trimmed());
    }
    if (parser.isSet(QStringLiteral("mcu-position"))) {
        bool ok = false;
        const int units = int(options.extenders.size()) + 1;
        options.mainPosition = parser.value(QStringLiteral("mcu-position")).toInt(&ok);
        if (!ok || options.mainPosition < 1 || options.mainPosition > units)
            return QStringLiteral("--mcu-position: a number 1..%1 is needed (the MCU and its "
                                  "extenders)")
                .arg(units);
    }
    return {};
}

} // namespace stagedesk::app
