#pragma once
// The plugins on screen, as Console hands them to the QML: the insert slots
// of the channel page's channel and the controls of its selected slot, the
// FX rack's slots and the controls of the selected one, and the FX return
// strips. attach() gives them the insert host and the installed plugins
// (stagedesk does once both exist; without it the slots show what the model
// names, as "not hosted").

#include "PluginCatalogue.h"

#include "ConsoleState.h"
#include "Meters.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::app {
class InsertHost;
}
namespace stagedesk::plugins {
class PluginWorld;
}

namespace stagedesk::ui {

class Console;
class FxReturnsModel;
class PluginControlsModel;
class PluginSlotsModel;
class StripInsertsModel;

class PluginsView : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_MOC_INCLUDE("FxReturnsModel.h")
    Q_MOC_INCLUDE("PluginControlsModel.h")
    Q_MOC_INCLUDE("PluginSlotsModel.h")
    Q_MOC_INCLUDE("StripInsertsModel.h")
    Q_PROPERTY(stagedesk::ui::StripInsertsModel* inserts READ inserts CONSTANT)
    Q_PROPERTY(stagedesk::ui::PluginControlsModel* insertControls READ insertControls CONSTANT)
    Q_PROPERTY(stagedesk::ui::PluginSlotsModel* fxSlots READ fxSlots CONSTANT)
    Q_PROPERTY(stagedesk::ui::PluginControlsModel* fxControls READ fxControls CONSTANT)
    Q_PROPERTY(stagedesk::ui::FxReturnsModel* fxReturns READ fxReturns CONSTANT)
    // The console has an FX rack in its address space.
    Q_PROPERTY(bool hasFxRack READ hasFxRack CONSTANT)

public:
    PluginsView(Console& console, QObject* parent);

    // Either may be null (world: --no-plugins). The host's messages go to
    // the status bar.
    void attach(app::InsertHost* host, plugins::PluginWorld* world);

    StripInsertsModel* inserts() const { return m_inserts; }
    PluginControlsModel* insertControls() const { return m_insertControls; }
    PluginSlotsModel* fxSlots() const { return m_fxSlots; }
    PluginControlsModel* fxControls() const { return m_fxControls; }
    FxReturnsModel* fxReturns() const { return m_fxReturns; }
    bool hasFxRack() const;

    void parameterChanged(scenes::ParamId id);
    void applyMeters(const engine::MeterSnapshot& meters, double nowSeconds);
    void refresh();
    // Plugin parameters came or went: the controls lists again.
    void addressSpaceChanged();

private:
    Console& m_console;
    PluginCatalogue m_catalogue;
    StripInsertsModel* m_inserts;
    PluginControlsModel* m_insertControls;
    PluginSlotsModel* m_fxSlots;
    PluginControlsModel* m_fxControls;
    FxReturnsModel* m_fxReturns;
};

} // namespace stagedesk::ui
