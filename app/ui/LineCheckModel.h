#pragma once
// The line check: every input in a list with signal present, level, peak,
// clip and a polarity-flip hint, from the engine's line-check tap (its
// statistics over quarter-second windows), so that a stage's patch can be
// checked in a minute. The tap measures only while the check is on.

#include <QAbstractListModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace stagedesk::engine {
class Engine;
}

namespace stagedesk::ui {

class Console;

class LineCheckModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool on READ on WRITE setOn NOTIFY onChanged)
    Q_PROPERTY(int withSignal READ withSignal NOTIFY measured) // inputs with signal now

public:
    static constexpr int kIntervalMs = 250;  // the tap's window
    static constexpr double kSignalDb = -60; // RMS above this: signal present
    static constexpr double kFloorDb = -90;  // the level bar's bottom
    // Correlation with the next input below this: the pair looks flipped.
    static constexpr double kFlipCorrelation = -0.5;

    enum Role {
        LabelRole = Qt::UserRole + 1, // "CH 01"
        NameRole,
        SignalRole,    // bool
        LevelDbRole,   // RMS, dBFS
        LevelRole,     // 0..1 of the bar
        LevelTextRole, // "-23.0 dB" or "—"
        PeakDbRole,
        ClipRole, // clipped since the check went on
        FlipRole, // polarity looks opposite to the next input's
    };

    LineCheckModel(Console& console, engine::Engine* engine, QObject* parent);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool available() const { return m_engine != nullptr; }
    bool on() const { return m_on; }
    void setOn(bool on);
    int withSignal() const;

    // A name changed on the console (the list shows channel names).
    void namesChanged();

signals:
    void onChanged();
    void measured();

private:
    struct Line {
        double rmsDb = -144, peakDb = -144;
        bool clip = false, flip = false;
    };
    void poll();

    Console& m_console;
    engine::Engine* m_engine;
    bool m_on = false;
    bool m_sent = false; // the engine has heard the current m_on
    std::vector<Line> m_lines;
    QTimer m_timer;
};

} // namespace stagedesk::ui
