#pragma once
// The strips of the mixing page for the layer on screen: a bank of inputs,
// the mix buses, the DCAs or the main. With sends on fader, each input's
// fader and mute become its send level and send switch to one bus.
// Meter ticks change only the meter roles (one narrow dataChanged per tick).

#include "MeterBallistics.h"
#include "ParameterRegistry.h"

#include <QAbstractListModel>
#include <QColor>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace stagedesk::ui {

class Console;

class StripModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(Layer layer READ layer NOTIFY layerChanged)
    Q_PROPERTY(int bank READ bank NOTIFY layerChanged)
    Q_PROPERTY(int bankSize READ bankSize WRITE setBankSize NOTIFY banksChanged)
    Q_PROPERTY(int bankCount READ bankCount NOTIFY banksChanged)
    Q_PROPERTY(QStringList bankNames READ bankNames NOTIFY banksChanged)
    // -1: faders are faders; else the bus whose sends are on the faders.
    Q_PROPERTY(int sendsBus READ sendsBus NOTIFY layerChanged)

public:
    enum class Layer { Inputs, Buses, Dcas, Main };
    Q_ENUM(Layer)
    enum Role {
        LabelRole = Qt::UserRole + 1, // "CH 01", "BUS 03", "DCA 2", "MAIN"
        NameRole,
        ColourRole,
        FaderRole,     // 0..1 on the fader law
        FaderTextRole, // "-10.0 dB"
        OnRole,        // false = muted
        SoloRole,
        HasSoloRole,
        SelectedRole,
        HasMeterRole,
        MeterRole,    // 0..1 on the meter scale
        PeakHoldRole, // 0..1
        ClipRole,
        GateGrRole, // 0..1 of kGrFullScaleDb
        CompGrRole,
        PlaybackRole, // an input hearing its playback track (PlaybackMark.h)
    };
    Q_ENUM(Role)

    StripModel(Console& console, QObject* parent);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Layer layer() const { return m_layer; }
    int bank() const { return m_bank; }
    int bankSize() const { return m_bankSize; }
    void setBankSize(int size);
    int bankCount() const;
    QStringList bankNames() const;
    int sendsBus() const { return m_sendsBus; }

    Q_INVOKABLE void showLayer(stagedesk::ui::StripModel::Layer layer, int bank = 0);
    // bus -1 takes the sends off the faders.
    Q_INVOKABLE void setSendsOnFader(int bus);
    Q_INVOKABLE void setFader(int row, double normalized);
    Q_INVOKABLE void toggleMute(int row);
    Q_INVOKABLE void toggleSolo(int row);
    // Selects the channel of an input row (the channel page shows it).
    Q_INVOKABLE void select(int row);
    // The row of a parameter on screen, or -1 (for tests and surfaces).
    Q_INVOKABLE int rowOfChannel(int channel) const;

    void parameterChanged(scenes::ParamId id);
    void applyMeters(const engine::MeterSnapshot& meters, double nowSeconds);
    void selectionChanged();
    void refresh();

signals:
    void layerChanged();
    void banksChanged();

private:
    struct Row {
        scenes::StripKind kind;
        int index;
        scenes::ParamId fader, on, solo, name, colour;
        MeterBallistics meter;
        double gateGr = 0, compGr = 0;
    };
    void rebuild();
    Row makeRow(scenes::StripKind kind, int index) const;
    const engine::MeterPoint* meterOf(const Row& row, const engine::MeterSnapshot& m) const;

    Console& m_console;
    Layer m_layer = Layer::Inputs;
    int m_bank = 0;
    int m_bankSize = 16;
    int m_sendsBus = -1;
    std::vector<Row> m_rows;
    QHash<scenes::ParamId, std::pair<int, Role>> m_rowOf; // fader/on/solo/name/colour
};

} // namespace stagedesk::ui
