#include "Console.h"

#include "ChannelModel.h"
#include "ConsoleSession.h"
#include "LineCheckModel.h"
#include "PluginsView.h"
#include "SceneModel.h"
#include "Setup.h"
#include "SoundcheckParams.h"
#include "SoundcheckView.h"
#include "StatusModel.h"
#include "StripInsertsModel.h"
#include "StripModel.h"

#include <QDateTime>

namespace stagedesk::ui {

using scenes::ParamId;

Console::Console(app::ConsoleSession& session, app::AudioHost* audio, QString showPath,
                 app::SoundcheckDesk* soundcheck, QObject* parent)
    : QObject(parent), m_session(session), m_state(session.state()),
      m_source(m_state.addSource(QStringLiteral("screen"), this)),
      m_strips(new StripModel(*this, this)), m_channel(new ChannelModel(*this, this)),
      m_scenes(new SceneModel(*this, session.sceneList(), this)),
      m_status(new StatusModel(session, audio, std::move(showPath), this)),
      m_setup(new Setup(*this, audio, this)),
      m_soundcheck(new SoundcheckView(*this, soundcheck, this)),
      m_plugins(new PluginsView(*this, this)) {
    connect(m_status, &StatusModel::showLoaded, this, &Console::refreshAll);
    setLiveMeters(true);
}

Console::~Console() {
    m_state.removeSource(m_source);
}

void Console::setLiveMeters(bool live) {
    if (m_meterConnection)
        disconnect(m_meterConnection);
    if (!live)
        return;
    scenes::MeterHub& hub = m_session.meters();
    m_meterConnection = connect(&hub, &scenes::MeterHub::updated, this, [this, &hub] {
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        m_strips->applyMeters(hub.latest(), now);
        m_channel->applyMeters(hub.latest());
        m_plugins->applyMeters(hub.latest(), now);
    });
}

void Console::setSelectedChannel(int channel) {
    channel = std::clamp(channel, 0, inputCount() - 1);
    if (channel == m_selected)
        return;
    m_selected = channel;
    m_channel->setChannel(channel);
    m_plugins->inserts()->setChannel(channel);
    m_strips->selectionChanged();
    emit selectedChannelChanged();
}

QVariantList Console::faderScale() const {
    QVariantList marks;
    for (const double db : {10.0, 5.0, 0.0, -5.0, -10.0, -20.0, -30.0, -40.0, -50.0, -60.0}) {
        const QString label = db > 0 ? QStringLiteral("+%1").arg(db) : QString::number(db);
        marks.push_back(
            QVariantMap{{"label", label}, {"position", scenes::faderDbToNormalized(db)}});
    }
    marks.push_back(QVariantMap{{"label", QStringLiteral("-∞")}, {"position", 0.0}});
    return marks;
}

QStringList Console::busNames() const {
    QStringList names;
    for (int b = 0; b < busCount(); ++b) {
        const QString name =
            m_state.text(registry().find(registry().busPrefix(b) + "/config/name"));
        names.push_back(name.isEmpty() ? QStringLiteral("Bus %1").arg(b + 1) : name);
    }
    return names;
}

scenes::ChangeResult Console::set(ParamId id, const scenes::ParameterValue& value) {
    const scenes::ChangeResult result = m_state.set(id, value, m_source);
    if (result.status == scenes::ChangeResult::Status::Applied ||
        result.status == scenes::ChangeResult::Status::Clamped) {
        dispatch(id);
        if (const ParamId twin = linkedTwin(id); twin != scenes::kNoParam)
            dispatch(twin);
        emit changedFromScreen(id);
    }
    return result;
}

scenes::ChangeResult Console::setNormalized(ParamId id, double normalized) {
    if (id == scenes::kNoParam)
        return {};
    return set(id, registry().at(id).fromNormalized(normalized));
}

void Console::refreshAll() {
    m_strips->refresh();
    m_channel->refresh();
    m_scenes->refresh();
    m_soundcheck->params()->refresh();
    m_soundcheck->lineCheck()->namesChanged();
    m_plugins->refresh();
    emit busNamesChanged();
}

void Console::parameterChanged(ParamId id, const scenes::ParameterValue&, scenes::SourceId) {
    dispatch(id);
}

// Plugin controls came or went with a plugin: the lists of them again.
void Console::addressSpaceChanged() {
    m_plugins->addressSpaceChanged();
}

void Console::dispatch(ParamId id) {
    m_strips->parameterChanged(id);
    m_channel->parameterChanged(id);
    m_soundcheck->params()->parameterChanged(id);
    m_plugins->parameterChanged(id);
    const scenes::ParameterDescriptor& d = registry().at(id);
    if (d.strip == scenes::StripKind::Bus && d.section == scenes::Section::Names)
        emit busNamesChanged();
    if (d.strip == scenes::StripKind::Channel && d.section == scenes::Section::Names)
        m_soundcheck->lineCheck()->namesChanged();
}

// The partner of a channel parameter when its pair is stereo-linked: the
// state mirrors the value there too, without telling this source.
ParamId Console::linkedTwin(ParamId id) const {
    const scenes::ParameterDescriptor& d = registry().at(id);
    if (d.strip != scenes::StripKind::Channel)
        return scenes::kNoParam;
    const ParamId link = registry().channelLinkParam(d.stripIndex);
    if (link == scenes::kNoParam || link == id || m_state.number(link) < 0.5)
        return scenes::kNoParam;
    const QString prefix = registry().channelPrefix(d.stripIndex);
    if (!d.address.startsWith(prefix))
        return scenes::kNoParam;
    return registry().find(registry().channelPrefix(d.stripIndex ^ 1) +
                           d.address.mid(prefix.size()));
}

} // namespace stagedesk::ui
