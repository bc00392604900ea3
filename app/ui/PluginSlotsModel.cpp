#include "PluginSlotsModel.h"

#include "Console.h"
#include "InsertHost.h"

namespace stagedesk::ui {

using Status = app::InsertHost::SlotStatus;

PluginSlotsModel::PluginSlotsModel(Console& console, const PluginCatalogue& catalogue,
                                   QObject* parent)
    : AddressModel(console, parent), m_catalogue(catalogue) {}

void PluginSlotsModel::setHost(app::InsertHost* host) {
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    m_host = host;
    if (m_host)
        connect(m_host, &app::InsertHost::slotStatusChanged, this,
                &PluginSlotsModel::slotStatusChanged);
    emit slotsChanged();
    refresh();
}

void PluginSlotsModel::setSlots(QStringList addresses, int channels) {
    const bool sameChannels = channels == m_channels;
    m_slots = std::move(addresses);
    m_channels = channels;
    if (!sameChannels || m_selected >= count())
        m_selected = 0;
    emit slotsChanged();
    emit selectedChanged();
    refresh();
}

void PluginSlotsModel::setSelected(int slot) {
    slot = std::clamp(slot, 0, std::max(0, count() - 1));
    if (slot == m_selected)
        return;
    m_selected = slot;
    emit selectedChanged();
}

QVariantList PluginSlotsModel::choices() const {
    return m_catalogue.choices(m_channels);
}

QString PluginSlotsModel::uri(int slot) const {
    return text(m_slots.value(slot) + QStringLiteral("/plugin"));
}

QString PluginSlotsModel::pluginName(int slot) const {
    const QString named = uri(slot);
    return named.isEmpty() ? QStringLiteral("EMPTY") : m_catalogue.nameOf(named);
}

QString PluginSlotsModel::status(int slot) const {
    if (uri(slot).isEmpty())
        return QStringLiteral("empty");
    if (!m_host)
        return QStringLiteral("not hosted");
    switch (m_host->status(m_slots.value(slot))) {
    case Status::Empty:
        return QStringLiteral("empty");
    case Status::Loading:
        return QStringLiteral("loading");
    case Status::Running:
        return isOn(m_slots.value(slot) + QStringLiteral("/on")) ? QStringLiteral("running")
                                                                 : QStringLiteral("bypassed");
    case Status::Missing:
        return QStringLiteral("missing");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Disabled:
        return QStringLiteral("off");
    }
    return {};
}

QString PluginSlotsModel::problem(int slot) const {
    if (!m_host)
        return {};
    const QString key = m_slots.value(slot);
    // An automatic bypass stays reported until the slot is turned on again.
    if (m_host->status(key) == Status::Running && isOn(key + QStringLiteral("/on")))
        return {};
    return m_host->problem(key);
}

int PluginSlotsModel::latency(int slot) const {
    return m_host ? m_host->latency(m_slots.value(slot)) : 0;
}

bool PluginSlotsModel::followsTempo(int slot) const {
    const plugins::PluginInfo* info = m_catalogue.find(uri(slot));
    return info && info->followsTempo;
}

void PluginSlotsModel::choose(int slot, const QString& uri) {
    setText(m_slots.value(slot) + QStringLiteral("/plugin"), uri);
}

void PluginSlotsModel::remove(int slot) {
    choose(slot, QString());
}

bool PluginSlotsModel::concerns(const scenes::ParameterDescriptor& d) const {
    for (const QString& slot : m_slots)
        if (d.address.startsWith(slot + QLatin1Char('/')))
            return true;
    return false;
}

void PluginSlotsModel::slotStatusChanged(const QString& slot) {
    if (m_slots.contains(slot))
        refresh();
}

} // namespace stagedesk::ui
