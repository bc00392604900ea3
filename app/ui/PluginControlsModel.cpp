#include "PluginControlsModel.h"

#include "Console.h"

#include <QVariantMap>

#include <algorithm>

namespace stagedesk::ui {

namespace {

QString kindOf(const scenes::ParameterDescriptor& d) {
    switch (d.taper) {
    case scenes::Taper::Bool:
        return QStringLiteral("toggle");
    case scenes::Taper::Enum:
        return QStringLiteral("choice");
    default:
        return QStringLiteral("slider");
    }
}

} // namespace

PluginControlsModel::PluginControlsModel(Console& console, const PluginCatalogue& catalogue,
                                         QObject* parent)
    : AddressModel(console, parent), m_catalogue(catalogue) {}

void PluginControlsModel::setSlot(const QString& slot) {
    m_slot = slot;
    reload();
}

void PluginControlsModel::reload() {
    const QString prefix = m_slot + QStringLiteral("/par/");
    const plugins::PluginInfo* info = m_catalogue.find(text(m_slot + QStringLiteral("/plugin")));
    struct Control {
        std::uint32_t port;
        QVariantMap entry;
    };
    std::vector<Control> found;
    const scenes::ParameterRegistry& registry = m_console.registry();
    for (const scenes::ParamId id : registry.subtree(m_slot + QStringLiteral("/par"))) {
        const scenes::ParameterDescriptor& d = registry.at(id);
        const QString symbol = d.address.mid(prefix.size());
        const plugins::ControlPortInfo* port = info ? info->control(symbol.toStdString()) : nullptr;
        found.push_back({port ? port->index : ~std::uint32_t(0),
                         QVariantMap{{"address", d.address},
                                     {"name", port ? QString::fromStdString(port->name) : symbol},
                                     {"kind", kindOf(d)}}});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Control& a, const Control& b) { return a.port < b.port; });
    m_controls.clear();
    for (Control& c : found)
        m_controls.push_back(std::move(c.entry));
    emit controlsChanged();
    refresh();
}

bool PluginControlsModel::concerns(const scenes::ParameterDescriptor& d) const {
    return !m_slot.isEmpty() && d.address.startsWith(m_slot + QLatin1Char('/'));
}

} // namespace stagedesk::ui
