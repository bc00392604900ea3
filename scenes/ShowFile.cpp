#include "ShowFile.h"

#include "AtomicFile.h"
#include "JsonLimits.h"
#include "JsonLocator.h"
#include "ShowConsole.h"
#include "ShowFormat.h"
#include "ShowJsonReader.h"
#include "ShowJsonWriter.h"
#include "ShowValidation.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace stagedesk::scenes {

namespace {

ShowReadResult refused(const QString& fileName, const QString& message) {
    return {std::nullopt, fileName + QStringLiteral(": ") + message};
}

ShowReadResult refused(const QString& fileName, ShowError error, const QByteArray& text) {
    if (error.line == 0)
        error.line = JsonLocator(text).line(error.path);
    return {std::nullopt, error.toString(fileName)};
}

QString mebibytes(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

} // namespace

ShowReadResult readShowText(const QByteArray& raw, const QString& fileName,
                            const ShowLoadOptions& options) {
    if (raw.size() > kMaxShowFileBytes)
        return refused(fileName, QStringLiteral("the file is larger than %1, the most a show "
                                                "file may be")
                                     .arg(mebibytes(kMaxShowFileBytes)));
    // A byte order mark is not JSON, but editors write one; it holds no line.
    const QByteArray text = raw.startsWith("\xEF\xBB\xBF") ? raw.mid(3) : raw;
    if (text.trimmed().isEmpty())
        return refused(fileName, QStringLiteral("the file is empty"));

    if (auto error = checkJsonStructure(text, kMaxJsonDepth))
        return refused(fileName, *error, text);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // An error at the very end belongs to the last line that holds anything.
        qsizetype lastByte = text.size() - 1;
        while (lastByte > 0 && QChar::isSpace(uchar(text[lastByte])))
            --lastByte;
        const bool truncated = parseError.offset > lastByte ||
                               parseError.error == QJsonParseError::UnterminatedObject ||
                               parseError.error == QJsonParseError::UnterminatedArray ||
                               parseError.error == QJsonParseError::UnterminatedString;
        return {std::nullopt,
                QStringLiteral("%1:%2: not valid JSON: %3%4")
                    .arg(fileName)
                    .arg(JsonLocator::lineOfOffset(
                        text, std::min<qsizetype>(parseError.offset, lastByte)))
                    .arg(parseError.errorString(),
                         truncated ? QStringLiteral(" (is the file cut short?)") : QString())};
    }
    if (!json.isObject())
        return refused(fileName,
                       ShowError{{},
                                 QStringLiteral("not a Stagedesk show: the file "
                                                "holds a JSON array, not an object"),
                                 1},
                       text);
    // The plugins' texts have their own limits (ShowPlugins.h): a plugin's
    // state is longer than any other text.
    QJsonObject withoutPlugins = json.object();
    withoutPlugins.remove(QLatin1String("plugins"));
    if (auto error = checkJsonStrings(withoutPlugins, kMaxShowStringLength))
        return refused(fileName, *error, text);

    auto read = readShowJson(json.object());
    if (auto* error = std::get_if<ShowError>(&read))
        return refused(fileName, *error, text);
    const ShowDocument& show = std::get<ShowDocument>(read);
    auto mapped = mapShow(show, targetSize(show.console, options), options);
    if (auto* error = std::get_if<ShowError>(&mapped))
        return refused(fileName, *error, text);
    return {std::get<ShowDocument>(std::move(mapped)), {}};
}

ShowReadResult readShowFile(const QString& path, const ShowLoadOptions& options) {
    const QFileInfo info(path);
    if (info.isDir())
        return refused(path, QStringLiteral("is a directory, not a show file"));
    if (info.size() > kMaxShowFileBytes)
        return refused(path, QStringLiteral("the file is %1; a show file is at most %2")
                                 .arg(mebibytes(info.size()), mebibytes(kMaxShowFileBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(path, QStringLiteral("cannot read it: %1").arg(file.errorString()));
    // At most one byte past the limit, whatever the file claims its size is.
    const QByteArray text = file.read(kMaxShowFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return refused(path, QStringLiteral("cannot read it: %1").arg(file.errorString()));
    return readShowText(text, path, options);
}

QString loadShowFile(const QString& path, ConsoleState& state, SceneList& scenes,
                     const ShowLoadOptions& options, ShowDocument* loaded) {
    ShowLoadOptions fit = options;
    fit.inputs = state.registry().size().inputs;
    fit.buses = state.registry().size().buses;
    ShowReadResult read = readShowFile(path, fit);
    if (!read.ok())
        return read.error;
    if (!applyShow(*read.show, state, scenes))
        return path + QStringLiteral(": does not fit this console"); // mapShow prevents it
    if (loaded)
        *loaded = std::move(*read.show);
    return {};
}

QString saveShowFile(const QString& path, const ShowDocument& show,
                     const ParameterRegistry& registry, bool keepBackup) {
    if (auto error = validateShow(show, registry))
        return QStringLiteral("%1: not saved, the show is not valid: %2")
            .arg(path, error->toString(QString()));
    return writeFileAtomically(path, writeShowJson(show, registry), {keepBackup});
}

} // namespace stagedesk::scenes
