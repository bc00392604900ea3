#include "MidiOptions.h"

#include <QJsonArray>

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

namespace {
constexpr int kMaxPortNameLength = 256;
constexpr int kMaxExtenders = 8;

bool portName(const QJsonValue& v, QString& out) {
    if (v.isUndefined())
        return true;
    if (!v.isString() || v.toString().size() > kMaxPortNameLength)
        return false;
    out = v.toString().trimmed();
    return true;
}
} // namespace

QJsonObject midiPortsToJson(const MidiOptions& options) {
    QJsonObject o{{"in", options.input}, {"out", options.output}, {"mcu", options.mackie}};
    if (!options.extenders.isEmpty()) {
        o.insert("extenders", QJsonArray::fromStringList(options.extenders));
        o.insert("mcuPosition", options.mainPosition);
    }
    return o;
}

QString midiPortsFromJson(const QJsonObject& ports, MidiOptions& options) {
    const auto fail = [](const char* field, const QString& why) {
        return QStringLiteral("midi.ports.%1: %2").arg(QLatin1String(field), why);
    };
    for (auto it = ports.begin(); it != ports.end(); ++it)
        if (!QStringList{"in", "out", "mcu", "extenders", "mcuPosition"}.contains(it.key()))
            return QStringLiteral("midi.ports.%1: unknown field").arg(it.key());
    const QString text =
        QStringLiteral("a port name of at most %1 characters is needed").arg(kMaxPortNameLength);
    MidiOptions read;
    if (!portName(ports.value("in"), read.input))
        return fail("in", text);
    if (!portName(ports.value("out"), read.output))
        return fail("out", text);
    const QJsonValue mcu = ports.value("mcu");
    if (!mcu.isUndefined() && !mcu.isBool())
        return fail("mcu", QStringLiteral("true or false"));
    read.mackie = mcu.toBool(false);
    if (read.mackie && (read.input.isEmpty() || read.output.isEmpty()))
        return fail("mcu", QStringLiteral("a Mackie Control needs both \"in\" and \"out\""));
    const QJsonArray extenders = ports.value("extenders").toArray();
    if (extenders.size() > kMaxExtenders || (!read.mackie && !extenders.isEmpty()))
        return fail("extenders",
                    QStringLiteral("at most %1, and only with \"mcu\": true").arg(kMaxExtenders));
    for (const QJsonValue& e : extenders) {
        QString name;
        if (!e.isString() || !portName(e, name) || name.isEmpty())
            return fail("extenders", text);
        read.extenders.append(name);
    }
    const int units = int(read.extenders.size()) + 1;
    read.mainPosition = ports.value("mcuPosition").toInt(1);
    if (read.mainPosition < 1 || read.mainPosition > units)
        return fail("mcuPosition", QStringLiteral("a number 1..%1 is needed").arg(units));
    options = read;
    return {};
}

} // namespace stagedesk::app
