#pragma once
// Where a value sits in a JSON document: "scenes[3].values./ch/01/mix/fader".
// Error messages name it, and JsonLocator turns it into a line number.

#include <QList>
#include <QString>

namespace stagedesk::scenes {

class JsonPath {
public:
    struct Item {
        QString key;    // object member, when index < 0
        int index = -1; // array element
        bool operator==(const Item&) const = default;
    };

    JsonPath() = default;
    JsonPath operator/(const QString& key) const;
    JsonPath operator/(const char* key) const { return *this / QString::fromUtf8(key); }
    JsonPath operator/(int index) const;

    const QList<Item>& items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }
    QString toString() const;
    bool operator==(const JsonPath&) const = default;

private:
    QList<Item> m_items;
};

} // namespace stagedesk::scenes
