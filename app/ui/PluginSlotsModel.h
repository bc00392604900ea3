#pragma once
// Plugin slots as the screen shows them: the insert slots of a strip, or the
// FX rack's slots, each by its address ("/ch/01/insert/1", "/fx/3"). For
// each slot: the plugin's name (or its URI when it is not installed), what
// the insert host reports (running, loading, missing, failed, plugins off,
// bypassed automatically and why), its latency, and the plugins that fit to
// choose from. The slot's own parameters (/on, /pos, /source, ...) are read
// and set by address (AddressModel). 'selected' is the slot whose plugin
// controls the page shows.

#include "AddressModel.h"
#include "PluginCatalogue.h"

#include <QStringList>
#include <QVariantList>

namespace stagedesk::app {
class InsertHost;
}

namespace stagedesk::ui {

class PluginSlotsModel : public AddressModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(QStringList slotAddresses READ slotAddresses NOTIFY slotsChanged)
    Q_PROPERTY(int count READ count NOTIFY slotsChanged)
    Q_PROPERTY(int selected READ selected WRITE setSelected NOTIFY selectedChanged)
    Q_PROPERTY(QString selectedSlot READ selectedSlot NOTIFY selectedChanged)
    // [{uri, name, detail}] of the installed plugins that fit these slots.
    Q_PROPERTY(QVariantList choices READ choices NOTIFY slotsChanged)
    // False without a plugin host (a console without plugins at all).
    Q_PROPERTY(bool hosted READ hosted NOTIFY slotsChanged)

public:
    PluginSlotsModel(Console& console, const PluginCatalogue& catalogue, QObject* parent);

    void setHost(app::InsertHost* host);
    // The slots shown and their channels (1: mono plugins only, 2: any).
    void setSlots(QStringList addresses, int channels);

    QStringList slotAddresses() const { return m_slots; }
    int count() const { return int(m_slots.size()); }
    int selected() const { return m_selected; }
    void setSelected(int slot);
    QString selectedSlot() const { return m_slots.value(m_selected); }
    QVariantList choices() const;
    bool hosted() const { return m_host != nullptr; }

    Q_INVOKABLE QString uri(int slot) const;
    // The plugin's name, its URI when it is not installed, "EMPTY".
    Q_INVOKABLE QString pluginName(int slot) const;
    // One word for the slot's state: "empty", "loading", "running",
    // "bypassed", "missing", "failed", "off" (--no-plugins).
    Q_INVOKABLE QString status(int slot) const;
    // The insert host's words for a problem (why it failed, why it was
    // bypassed automatically), or empty.
    Q_INVOKABLE QString problem(int slot) const;
    // Samples of delay the slot's plugin reports (also while bypassed).
    Q_INVOKABLE int latency(int slot) const;
    // Whether the slot's plugin follows the desk's tempo (a tempo delay):
    // the FX rack shows its tempo and TAP brighter.
    Q_INVOKABLE bool followsTempo(int slot) const;
    // Puts a plugin in the slot (the insert host builds it), or empties it.
    Q_INVOKABLE void choose(int slot, const QString& uri);
    Q_INVOKABLE void remove(int slot);

signals:
    void slotsChanged();
    void selectedChanged();

protected:
    bool concerns(const scenes::ParameterDescriptor& d) const override;

private:
    void slotStatusChanged(const QString& slot);

    const PluginCatalogue& m_catalogue;
    app::InsertHost* m_host = nullptr;
    QStringList m_slots;
    int m_channels = 1;
    int m_selected = 0;
};

} // namespace stagedesk::ui
