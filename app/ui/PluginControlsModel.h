#pragma once
// The controls of the plugin in one slot, as parameters of the address
// space: every "<slot>/par/<symbol>" the registry lists under the slot
// (they come and go with the plugin), each with its name (the plugin's
// name for the port), and how the screen shows it: "slider", "toggle" or
// "choice". Values are read and set by address (AddressModel).

#include "AddressModel.h"
#include "PluginCatalogue.h"

#include <QVariantList>

namespace stagedesk::ui {

class PluginControlsModel : public AddressModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(QString slot READ slot NOTIFY controlsChanged)
    // [{address, name, kind}] in the plugin's port order.
    Q_PROPERTY(QVariantList controls READ controls NOTIFY controlsChanged)

public:
    PluginControlsModel(Console& console, const PluginCatalogue& catalogue, QObject* parent);

    QString slot() const { return m_slot; }
    void setSlot(const QString& slot);
    QVariantList controls() const { return m_controls; }
    // The slot's plugin or the address space changed: the list again.
    void reload();

signals:
    void controlsChanged();

protected:
    bool concerns(const scenes::ParameterDescriptor& d) const override;

private:
    const PluginCatalogue& m_catalogue;
    QString m_slot;
    QVariantList m_controls;
};

} // namespace stagedesk::ui
