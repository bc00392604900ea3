#include "ChannelMap.h"

#include <QStringList>

namespace stagedesk::app {

std::optional<std::vector<int>> parseChannelMap(const QString& option, const QString& text,
                                                const QString& what, QString& error) {
    std::vector<int> map;
    for (const QString& raw : text.split(QLatin1Char(','))) {
        const QString item = raw.trimmed();
        if (item == QLatin1String("-")) {
            map.push_back(-1);
            continue;
        }
        const QStringList ends = item.split(QLatin1Char('-'));
        bool okFirst = false, okLast = ends.size() == 1;
        const int first = ends.value(0).toInt(&okFirst);
        const int last = ends.size() == 2 ? ends[1].toInt(&okLast) : first;
        if (ends.size() > 2 || !okFirst || !okLast || first < 1 || last < first || last > 1024) {
            error = QStringLiteral("--%1: '%2' is not a %3 (1..1024), a range like 3-8, or '-'")
                        .arg(option, item, what);
            return std::nullopt;
        }
        for (int ch = first; ch <= last; ++ch)
            map.push_back(ch - 1);
    }
    return map;
}

QString formatChannelMap(const std::vector<int>& map) {
    QStringList items;
    for (std::size_t i = 0; i < map.size();) {
        if (map[i] < 0) {
            items << QStringLiteral("-");
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < map.size() && map[end] == map[end - 1] + 1)
            ++end;
        const int first = map[i] + 1, last = map[end - 1] + 1;
        items << (first == last ? QString::number(first)
                                : QStringLiteral("%1-%2").arg(first).arg(last));
        i = end;
    }
    return items.join(QLatin1Char(','));
}

} // namespace stagedesk::app
