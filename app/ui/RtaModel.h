#pragma once
// The real-time analyser on screen: switches the engine's RTA tap to a
// source (a channel, a bus or main), drains it at the screen's pace through
// RtaAnalyzer (FFTW, off the audio thread) and turns the spectrum into plot
// points: the 1/3-octave bars and the FFT line on the EQ plot's log axis
// (ResponseCurves' eqX), and the peak frequency as numbers. While the
// channel page shows (followSelected) and the RTA is on, the source is the
// selected channel, so that its EQ curve has the live spectrum behind it.

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace stagedesk::engine {
class Engine;
}
namespace stagedesk::soundcheck {
class RtaAnalyzer;
}

namespace stagedesk::ui {

class Console;

class RtaModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool on READ on WRITE setOn NOTIFY sourceChanged)
    // 1 = channel, 2 = bus, 3 = main (engine::soundcheck::RtaSourceKind).
    Q_PROPERTY(int sourceKind READ sourceKind NOTIFY sourceChanged)
    Q_PROPERTY(int sourceIndex READ sourceIndex NOTIFY sourceChanged)
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY sourceChanged)
    Q_PROPERTY(bool followSelected READ followSelected WRITE setFollowSelected NOTIFY sourceChanged)
    // Plot points, x on the EQ plot's log axis, y 0 (0 dBFS) .. 1 (floor).
    Q_PROPERTY(QList<QPointF> spectrum READ spectrum NOTIFY spectrumChanged)
    Q_PROPERTY(QList<QPointF> bands READ bands NOTIFY spectrumChanged)
    Q_PROPERTY(double bandWidth READ bandWidth CONSTANT) // one 1/3 octave on the x axis
    Q_PROPERTY(double peakHz READ peakHz NOTIFY spectrumChanged)
    Q_PROPERTY(double peakBandHz READ peakBandHz NOTIFY spectrumChanged)
    Q_PROPERTY(QString peakText READ peakText NOTIFY spectrumChanged)
    Q_PROPERTY(double binHz READ binHz CONSTANT)
    // Mean GUI-thread time per analysis (drain, FFT, plot points), µs.
    Q_PROPERTY(double analysisMicros READ analysisMicros NOTIFY spectrumChanged)
    Q_PROPERTY(int analyses READ analyses NOTIFY spectrumChanged)

public:
    static constexpr int kIntervalMs = 33; // the screen's pace
    static constexpr double kFloorDb = -96;
    static constexpr int kLinePoints = 320;

    RtaModel(Console& console, engine::Engine* engine, QObject* parent);
    ~RtaModel() override;

    bool available() const { return m_analyzer != nullptr; }
    bool on() const { return m_on; }
    void setOn(bool on);
    int sourceKind() const;
    int sourceIndex() const;
    QString sourceText() const;
    bool followSelected() const { return m_follow; }
    void setFollowSelected(bool follow);
    QList<QPointF> spectrum() const { return m_spectrum; }
    QList<QPointF> bands() const { return m_bands; }
    double bandWidth() const;
    double peakHz() const { return m_peakHz; }
    double peakBandHz() const { return m_peakBandHz; }
    QString peakText() const;
    double binHz() const;
    double analysisMicros() const { return m_analyses ? m_analysisNs / 1e3 / m_analyses : 0.0; }
    int analyses() const { return m_analyses; }

    // kind 1..3 as sourceKind; index: channel or bus (0-based).
    Q_INVOKABLE void setSource(int kind, int index = 0);
    // The next or previous channel or bus, wrapping round.
    Q_INVOKABLE void stepSource(int step);

signals:
    void sourceChanged();
    void spectrumChanged();

private:
    void sendSource();
    void postSource();
    void poll();
    void makePoints();
    static double levelY(double db);

    Console& m_console;
    engine::Engine* m_engine;
    std::unique_ptr<soundcheck::RtaAnalyzer> m_analyzer;
    bool m_on = false, m_follow = false;
    int m_kind = 3, m_index = 0; // chosen on the soundcheck page: main
    int m_sentKind = -1, m_sentIndex = -1;
    QList<QPointF> m_spectrum, m_bands;
    double m_peakHz = 0, m_peakBandHz = 0, m_peakDb = -144;
    qint64 m_analysisNs = 0;
    int m_analyses = 0;
    QTimer m_timer;
};

} // namespace stagedesk::ui
