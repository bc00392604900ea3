#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace stagedesk::scenes {

QByteArray jsonScalarText(const QJsonValue& value) {
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

void JsonWriter::newline() {
    m_out += '\n';
    m_out += QByteArray(qsizetype(m_levels.size()) * 2, ' ');
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_levels.empty())
        return;
    if (!m_levels.back().first)
        m_out += ',';
    m_levels.back().first = false;
    newline();
}

void JsonWriter::key(const QString& key) {
    beforeValue();
    m_out += jsonScalarText(key) + ": ";
    m_afterKey = true;
}

void JsonWriter::beginObject() {
    beforeValue();
    m_out += '{';
    m_levels.push_back({});
}

void JsonWriter::endObject() {
    const bool empty = m_levels.back().first;
    m_levels.pop_back();
    if (!empty)
        newline();
    m_out += '}';
}

void JsonWriter::beginArray() {
    beforeValue();
    m_out += '[';
    m_levels.push_back({});
}

void JsonWriter::endArray() {
    endObject();
    m_out.back() = ']';
}

void JsonWriter::value(const QJsonValue& v) {
    if (v.isObject()) {
        beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            key(it.key());
            value(it.value());
        }
        endObject();
    } else if (v.isArray()) {
        beginArray();
        for (const QJsonValue& element : v.toArray())
            value(element);
        endArray();
    } else {
        beforeValue();
        m_out += jsonScalarText(v);
    }
}

void JsonWriter::inlineArray(const QJsonArray& values) {
    beforeValue();
    m_out += '[';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_out += ", ";
        m_out += jsonScalarText(values[i]);
    }
    m_out += ']';
}

QByteArray JsonWriter::take() {
    m_out += '\n';
    return std::exchange(m_out, {});
}

} // namespace stagedesk::scenes
