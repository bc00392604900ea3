#pragma once
// The insert slots of the channel page's channel, with the delay they add:
// the latency of the channel's inserts (its path) and the delay the engine
// adds to its input to align it with the slowest channel (delay
// compensation), as of the engine's last block, read again every
// kLatencyPollMs.

#include "PluginSlotsModel.h"

#include <QTimer>

namespace stagedesk::ui {

class StripInsertsModel : public PluginSlotsModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(int pathLatency READ pathLatency NOTIFY delaysChanged)
    Q_PROPERTY(int alignmentDelay READ alignmentDelay NOTIFY delaysChanged)
    // The engine's rate, to show samples as milliseconds.
    Q_PROPERTY(double sampleRate READ sampleRate CONSTANT)

public:
    static constexpr int kLatencyPollMs = 250;

    StripInsertsModel(Console& console, const PluginCatalogue& catalogue, QObject* parent);

    void setChannel(int channel);
    int pathLatency() const { return m_pathLatency; }
    int alignmentDelay() const { return m_alignmentDelay; }
    double sampleRate() const;

signals:
    void delaysChanged();

private:
    void readDelays();

    int m_channel = 0;
    int m_pathLatency = 0, m_alignmentDelay = 0;
    QTimer m_poll;
};

} // namespace stagedesk::ui
