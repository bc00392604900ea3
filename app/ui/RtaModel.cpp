#include "RtaModel.h"

#include "Console.h"
#include "Engine.h"
#include "ResponseCurves.h"
#include "RtaAnalyzer.h"

#include <cmath>

namespace stagedesk::ui {

using engine::soundcheck::RtaSourceKind;

RtaModel::RtaModel(Console& console, engine::Engine* engine, QObject* parent)
    : QObject(parent), m_console(console), m_engine(engine),
      m_analyzer(engine ? std::make_unique<soundcheck::RtaAnalyzer>(*engine) : nullptr) {
    connect(&m_timer, &QTimer::timeout, this, &RtaModel::poll);
    connect(&m_console, &Console::selectedChannelChanged, this, [this] {
        if (m_follow)
            sendSource();
    });
}

// The tap stops capturing for a reader that is gone.
RtaModel::~RtaModel() {
    if (m_engine && m_sentKind > int(RtaSourceKind::Off))
        m_engine->post({engine::Target::Soundcheck, engine::Param::RtaSource, 0,
                        std::uint16_t(RtaSourceKind::Off), 1.0f});
}

void RtaModel::setOn(bool on) {
    if (on == m_on || !available())
        return;
    m_on = on;
    if (on)
        m_timer.start(kIntervalMs);
    else
        m_timer.stop();
    sendSource();
}

void RtaModel::setFollowSelected(bool follow) {
    if (follow == m_follow)
        return;
    m_follow = follow;
    sendSource();
}

int RtaModel::sourceKind() const {
    return m_follow && m_on ? int(RtaSourceKind::Channel) : m_kind;
}

int RtaModel::sourceIndex() const {
    return m_follow && m_on ? m_console.selectedChannel() : m_index;
}

QString RtaModel::sourceText() const {
    const int index = sourceIndex();
    switch (RtaSourceKind(sourceKind())) {
    case RtaSourceKind::Channel: {
        const QString name = m_console.state().text(
            m_console.registry().find(m_console.registry().channelPrefix(index) + "/config/name"));
        return QStringLiteral("CH %1 %2").arg(index + 1, 2, 10, QLatin1Char('0')).arg(name);
    }
    case RtaSourceKind::Bus:
        return m_console.busNames().value(index);
    default:
        return QStringLiteral("MAIN L");
    }
}

void RtaModel::setSource(int kind, int index) {
    if (kind < int(RtaSourceKind::Channel) || kind > int(RtaSourceKind::Main))
        return;
    const int count = kind == int(RtaSourceKind::Channel) ? m_console.inputCount()
                      : kind == int(RtaSourceKind::Bus)   ? m_console.busCount()
                                                          : 1;
    m_kind = kind;
    m_index = std::clamp(index, 0, count - 1);
    sendSource();
}

void RtaModel::stepSource(int step) {
    const int count = m_kind == int(RtaSourceKind::Channel) ? m_console.inputCount()
                      : m_kind == int(RtaSourceKind::Bus)   ? m_console.busCount()
                                                            : 1;
    setSource(m_kind, ((m_index + step) % count + count) % count);
}

void RtaModel::sendSource() {
    emit sourceChanged();
    postSource();
}

// The tap follows what is chosen: off, the page's source, or the selected
// channel while the channel page shows. A full queue is tried again at the
// next poll (the timer runs while the RTA is on).
void RtaModel::postSource() {
    if (!m_engine)
        return;
    const int kind = m_on ? sourceKind() : int(RtaSourceKind::Off);
    const int index = m_on ? sourceIndex() : 0;
    if (kind == m_sentKind && index == m_sentIndex)
        return;
    const engine::Command select{engine::Target::Soundcheck, engine::Param::RtaSource,
                                 std::uint16_t(index), std::uint16_t(kind), 1.0f};
    if (m_engine->post(select)) {
        m_sentKind = kind;
        m_sentIndex = index;
    }
}

double RtaModel::binHz() const {
    return m_analyzer ? m_analyzer->spectrum().binHz : 0.0;
}

double RtaModel::bandWidth() const {
    return eqX(1000.0 * std::pow(2.0, 1.0 / 6.0)) - eqX(1000.0 * std::pow(2.0, -1.0 / 6.0));
}

double RtaModel::levelY(double db) {
    return std::clamp(db / kFloorDb, 0.0, 1.0);
}

QString RtaModel::peakText() const {
    if (m_analyses == 0)
        return QStringLiteral("—");
    const QString hz = m_peakHz >= 1000 ? QStringLiteral("%1 kHz").arg(m_peakHz / 1000, 0, 'f', 2)
                                        : QStringLiteral("%1 Hz").arg(m_peakHz, 0, 'f', 1);
    return QStringLiteral("%1   %2 dBFS").arg(hz).arg(m_peakDb, 0, 'f', 1);
}

void RtaModel::poll() {
    postSource();
    QElapsedTimer clock;
    clock.start();
    if (!m_analyzer->update())
        return;
    makePoints();
    m_analysisNs += clock.nsecsElapsed();
    ++m_analyses;
    emit spectrumChanged();
}

void RtaModel::makePoints() {
    const soundcheck::Spectrum& s = m_analyzer->spectrum();
    m_peakHz = s.peakHz;
    m_peakDb = s.peakDb;
    m_bands.clear();
    double loudest = -1e9;
    for (std::size_t k = 0; k < s.bandDb.size(); ++k) {
        m_bands.push_back({eqX(s.bandCentreHz[k]), levelY(s.bandDb[k])});
        if (s.bandDb[k] > loudest) {
            loudest = s.bandDb[k];
            m_peakBandHz = s.bandCentreHz[k];
        }
    }
    // One point per column of the log axis: the loudest bin under it (the
    // nearest bin where columns are narrower than a bin, at the low end).
    m_spectrum.clear();
    const auto lastBin = int(s.binDb.size()) - 1;
    for (int i = 0; i < kLinePoints; ++i) {
        const double x0 = double(i) / kLinePoints, x1 = double(i + 1) / kLinePoints;
        int from = int(std::lround(eqHz(x0) / s.binHz));
        const int to = std::max(from, int(std::lround(eqHz(x1) / s.binHz)) - 1);
        from = std::clamp(from, 1, lastBin);
        float db = -144;
        for (int b = from; b <= std::min(to, lastBin); ++b)
            db = std::max(db, s.binDb[std::size_t(b)]);
        m_spectrum.push_back({(x0 + x1) / 2, levelY(db)});
    }
}

} // namespace stagedesk::ui
