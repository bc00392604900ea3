#pragma once
// Indented JSON with the members in the order they are written (QJsonObject
// sorts them), one member per line, so that a show file reads top-down and
// an error's line number points at one value.

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace stagedesk::scenes {

// Qt's own spelling of a JSON scalar: shortest round-trip numbers, escapes.
QByteArray jsonScalarText(const QJsonValue& value);

class JsonWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // Inside an object: the next value's key.
    void key(const QString& key);
    // A scalar, or an object or array written whole (its keys sorted).
    void value(const QJsonValue& value);
    // An array of scalars on one line: [1, 2, 3].
    void inlineArray(const QJsonArray& values);

    QByteArray take();

private:
    void beforeValue();
    void newline();

    QByteArray m_out;
    struct Level {
        bool first = true;
    };
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace stagedesk::scenes
