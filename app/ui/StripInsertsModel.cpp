#include "StripInsertsModel.h"

#include "Console.h"
#include "ConsoleSession.h"
#include "Engine.h"

namespace stagedesk::ui {

StripInsertsModel::StripInsertsModel(Console& console, const PluginCatalogue& catalogue,
                                     QObject* parent)
    : PluginSlotsModel(console, catalogue, parent) {
    setChannel(0);
    connect(&m_poll, &QTimer::timeout, this, &StripInsertsModel::readDelays);
    m_poll.start(kLatencyPollMs);
}

void StripInsertsModel::setChannel(int channel) {
    m_channel = channel;
    const QString prefix = m_console.registry().channelPrefix(channel);
    QStringList addresses;
    for (int k = 1; k <= engine::kInsertSlots; ++k)
        addresses << prefix + QStringLiteral("/insert/") + QString::number(k);
    setSlots(addresses, 1);
    readDelays();
}

double StripInsertsModel::sampleRate() const {
    const engine::Engine* engine = m_console.session().engine();
    return engine ? engine->config().sampleRate : 48000.0;
}

void StripInsertsModel::readDelays() {
    const engine::Engine* engine = m_console.session().engine();
    if (!engine)
        return;
    const int path = engine->insertLatency(engine::Target::Channel, m_channel);
    const int alignment = engine->alignmentDelay(m_channel);
    if (path == m_pathLatency && alignment == m_alignmentDelay)
        return;
    m_pathLatency = path;
    m_alignmentDelay = alignment;
    emit delaysChanged();
}

} // namespace stagedesk::ui
