#include "PluginsView.h"

#include "Console.h"
#include "FxReturnsModel.h"
#include "InsertHost.h"
#include "PluginControlsModel.h"
#include "StatusModel.h"
#include "StripInsertsModel.h"

namespace stagedesk::ui {

namespace {

// The FX slots the address space has ("/fx/1" ...).
QStringList fxSlotAddresses(const scenes::ParameterRegistry& registry) {
    QStringList addresses;
    for (int k = 0; k < engine::kFxSlots; ++k) {
        const QString prefix = registry.fxSlotPrefix(k);
        if (registry.find(prefix + QStringLiteral("/plugin")) != scenes::kNoParam)
            addresses << prefix;
    }
    return addresses;
}

// The controls follow the selected slot, and its plugin as it loads.
void follow(PluginSlotsModel* slotModel, PluginControlsModel* controls) {
    QObject::connect(slotModel, &PluginSlotsModel::selectedChanged, controls,
                     [slotModel, controls] { controls->setSlot(slotModel->selectedSlot()); });
    controls->setSlot(slotModel->selectedSlot());
}

} // namespace

PluginsView::PluginsView(Console& console, QObject* parent)
    : QObject(parent), m_console(console),
      m_inserts(new StripInsertsModel(console, m_catalogue, this)),
      m_insertControls(new PluginControlsModel(console, m_catalogue, this)),
      m_fxSlots(new PluginSlotsModel(console, m_catalogue, this)),
      m_fxControls(new PluginControlsModel(console, m_catalogue, this)),
      m_fxReturns(new FxReturnsModel(console, this)) {
    m_fxSlots->setSlots(fxSlotAddresses(console.registry()), 2);
    follow(m_inserts, m_insertControls);
    follow(m_fxSlots, m_fxControls);
}

void PluginsView::attach(app::InsertHost* host, plugins::PluginWorld* world) {
    m_catalogue.load(world);
    m_inserts->setHost(host);
    m_fxSlots->setHost(host);
    if (host) {
        connect(host, &app::InsertHost::statusMessage, m_console.status(), &StatusModel::showAlert);
        // A plugin built or gone: its controls came or went with it.
        connect(host, &app::InsertHost::slotStatusChanged, this, &PluginsView::addressSpaceChanged);
    }
    addressSpaceChanged();
}

bool PluginsView::hasFxRack() const {
    return m_fxSlots->count() > 0;
}

void PluginsView::parameterChanged(scenes::ParamId id) {
    m_inserts->parameterChanged(id);
    m_insertControls->parameterChanged(id);
    m_fxSlots->parameterChanged(id);
    m_fxControls->parameterChanged(id);
    m_fxReturns->parameterChanged(id);
}

void PluginsView::applyMeters(const engine::MeterSnapshot& meters, double nowSeconds) {
    m_fxReturns->applyMeters(meters, nowSeconds);
}

void PluginsView::refresh() {
    m_inserts->refresh();
    m_fxSlots->refresh();
    m_fxReturns->refresh();
    addressSpaceChanged();
}

void PluginsView::addressSpaceChanged() {
    m_insertControls->reload();
    m_fxControls->reload();
}

} // namespace stagedesk::ui
