#include "PluginCatalogue.h"

#include "PluginWorld.h"
#include "PortLayout.h"

#include <QVariantMap>

#include <algorithm>

namespace stagedesk::ui {

void PluginCatalogue::load(plugins::PluginWorld* world) {
    m_plugins.clear();
    if (world)
        m_plugins = world->plugins();
}

const plugins::PluginInfo* PluginCatalogue::find(const QString& uri) const {
    const std::string key = uri.toStdString();
    const auto it = std::lower_bound(
        m_plugins.begin(), m_plugins.end(), key,
        [](const plugins::PluginInfo& p, const std::string& u) { return p.uri < u; });
    return it != m_plugins.end() && it->uri == key ? &*it : nullptr;
}

QString PluginCatalogue::nameOf(const QString& uri) const {
    const plugins::PluginInfo* info = find(uri);
    return info ? QString::fromStdString(info->name) : uri;
}

bool PluginCatalogue::fits(const plugins::PluginInfo& info, int slotChannels) {
    if (!info.unsupported.empty() || plugins::portLayout(info, slotChannels).instances == 0)
        return false;
    return slotChannels == 2 || (info.audioInputs.size() == 1 && info.audioOutputs.size() == 1);
}

QVariantList PluginCatalogue::choices(int slotChannels) const {
    std::vector<const plugins::PluginInfo*> fitting;
    for (const plugins::PluginInfo& info : m_plugins)
        if (fits(info, slotChannels))
            fitting.push_back(&info);
    std::stable_sort(fitting.begin(), fitting.end(), [](const auto* a, const auto* b) {
        return QString::fromStdString(a->name).compare(QString::fromStdString(b->name),
                                                       Qt::CaseInsensitive) < 0;
    });
    QVariantList list;
    for (const plugins::PluginInfo* info : fitting) {
        QString detail = QStringLiteral("%1 in %2 out")
                             .arg(info->audioInputs.size())
                             .arg(info->audioOutputs.size());
        if (info->latencyPort)
            detail += QStringLiteral(" · reports latency");
        if (info->followsTempo)
            detail += QStringLiteral(" · tempo");
        list.push_back(QVariantMap{{"uri", QString::fromStdString(info->uri)},
                                   {"name", QString::fromStdString(info->name)},
                                   {"detail", detail}});
    }
    return list;
}

} // namespace stagedesk::ui
