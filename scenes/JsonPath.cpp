#include "JsonPath.h"

namespace stagedesk::scenes {

JsonPath JsonPath::operator/(const QString& key) const {
    JsonPath p = *this;
    p.m_items.append({key, -1});
    return p;
}

JsonPath JsonPath::operator/(int index) const {
    JsonPath p = *this;
    p.m_items.append({QString(), index});
    return p;
}

QString JsonPath::toString() const {
    QString text;
    for (const Item& item : m_items) {
        if (item.index >= 0) {
            text += QStringLiteral("[%1]").arg(item.index);
        } else {
            if (!text.isEmpty())
                text += QLatin1Char('.');
            text += item.key;
        }
    }
    return text;
}

} // namespace stagedesk::scenes
