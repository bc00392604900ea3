#pragma once
// The screen's way into the console: one source of ConsoleState ("screen"),
// the observer that hears every change made elsewhere (OSC, MIDI, scenes)
// and hands it to the view models, and the models the QML binds to.
// Everything here lives on the control thread, the Qt main thread.

#include "ConsoleState.h"

#include <QObject>
#include <QVariant>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::app {
class AudioHost;
class ConsoleSession;
struct SoundcheckDesk;
} // namespace stagedesk::app

namespace stagedesk::ui {

class ChannelModel;
class PluginsView;
class SceneModel;
class Setup;
class SoundcheckView;
class StatusModel;
class StripModel;

class Console : public QObject, public scenes::ConsoleObserver {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the program")
    Q_MOC_INCLUDE("ChannelModel.h")
    Q_MOC_INCLUDE("PluginsView.h")
    Q_MOC_INCLUDE("SceneModel.h")
    Q_MOC_INCLUDE("Setup.h")
    Q_MOC_INCLUDE("SoundcheckView.h")
    Q_MOC_INCLUDE("StatusModel.h")
    Q_MOC_INCLUDE("StripModel.h")
    Q_PROPERTY(stagedesk::ui::StripModel* strips READ strips CONSTANT)
    Q_PROPERTY(stagedesk::ui::ChannelModel* channel READ channel CONSTANT)
    Q_PROPERTY(stagedesk::ui::SceneModel* scenes READ scenes CONSTANT)
    Q_PROPERTY(stagedesk::ui::StatusModel* status READ status CONSTANT)
    Q_PROPERTY(stagedesk::ui::Setup* setup READ setup CONSTANT)
    Q_PROPERTY(stagedesk::ui::SoundcheckView* soundcheck READ soundcheck CONSTANT)
    Q_PROPERTY(stagedesk::ui::PluginsView* plugins READ plugins CONSTANT)
    Q_PROPERTY(int selectedChannel READ selectedChannel WRITE setSelectedChannel NOTIFY
                   selectedChannelChanged)
    Q_PROPERTY(int inputCount READ inputCount CONSTANT)
    Q_PROPERTY(int busCount READ busCount CONSTANT)
    // The fader's dB scale: [{label, position}] with position on the X32 law.
    Q_PROPERTY(QVariantList faderScale READ faderScale CONSTANT)
    // Bus names as the bus strips show them ("Mon 1", or "Bus 01").
    Q_PROPERTY(QStringList busNames READ busNames NOTIFY busNamesChanged)

public:
    // 'audio' may be null (tests, benchmarks): the status bar says so.
    // 'soundcheck' (recorder and player) may be null: nothing records.
    Console(app::ConsoleSession& session, app::AudioHost* audio, QString showPath,
            app::SoundcheckDesk* soundcheck = nullptr, QObject* parent = nullptr);
    ~Console() override;

    scenes::ConsoleState& state() { return m_state; }
    const scenes::ParameterRegistry& registry() const { return m_state.registry(); }
    app::ConsoleSession& session() { return m_session; }

    StripModel* strips() const { return m_strips; }
    ChannelModel* channel() const { return m_channel; }
    SceneModel* scenes() const { return m_scenes; }
    StatusModel* status() const { return m_status; }
    Setup* setup() const { return m_setup; }
    SoundcheckView* soundcheck() const { return m_soundcheck; }
    // Insert slots, plugin controls, the FX rack (PluginsView::attach).
    PluginsView* plugins() const { return m_plugins; }

    int selectedChannel() const { return m_selected; }
    void setSelectedChannel(int channel);
    int inputCount() const { return registry().size().inputs; }
    int busCount() const { return registry().size().buses; }
    QVariantList faderScale() const;
    QStringList busNames() const;

    // A change from the screen: applied, then shown on every model (the
    // state does not echo a change to its own source).
    scenes::ChangeResult set(scenes::ParamId id, const scenes::ParameterValue& value);
    scenes::ChangeResult setNormalized(scenes::ParamId id, double normalized);
    // Every model shows the state again (after a recall or a show load, which
    // the state reports per value, or a change of many values at once).
    void refreshAll();

    // Meters come from the session's MeterHub; a benchmark feeds its own.
    void setLiveMeters(bool live);

    void parameterChanged(scenes::ParamId id, const scenes::ParameterValue& value,
                          scenes::SourceId source) override;
    void addressSpaceChanged() override;

signals:
    void selectedChannelChanged();
    void busNamesChanged();
    // A parameter changed on the screen (MIDI learn picks its target so).
    void changedFromScreen(int id);

private:
    void dispatch(scenes::ParamId id);
    scenes::ParamId linkedTwin(scenes::ParamId id) const;

    app::ConsoleSession& m_session;
    scenes::ConsoleState& m_state;
    scenes::SourceId m_source;
    int m_selected = 0;
    StripModel* m_strips;
    ChannelModel* m_channel;
    SceneModel* m_scenes;
    StatusModel* m_status;
    Setup* m_setup;
    SoundcheckView* m_soundcheck;
    PluginsView* m_plugins;
    QMetaObject::Connection m_meterConnection;
};

} // namespace stagedesk::ui
