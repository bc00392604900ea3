#pragma once
// The channel page's view of the selected input: any of its parameters by
// address suffix ("/preamp/trim"), the EQ response and dynamics transfer
// curves, band and threshold handles, sends, DCA and mute-group membership,
// name and colour. 'revision' moves on every change of the channel, so that
// QML bindings written "channel.revision, channel.normalized(...)" follow.

#include "ConsoleState.h"
#include "Meters.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::ui {

class Console;

class ChannelModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Console")
    Q_PROPERTY(int channel READ channel NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
    Q_PROPERTY(QString label READ label NOTIFY changed)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY changed)
    Q_PROPERTY(int colourIndex READ colourIndex WRITE setColourIndex NOTIFY changed)
    Q_PROPERTY(QColor colour READ colour NOTIFY changed)
    // The channel hears its playback track (PlaybackMark.h): marked in the header.
    Q_PROPERTY(bool onPlayback READ onPlayback NOTIFY changed)
    Q_PROPERTY(QList<QColor> colours READ colours CONSTANT)
    Q_PROPERTY(QList<QPointF> eqCurve READ eqCurve NOTIFY changed)
    Q_PROPERTY(QList<QPointF> gateCurve READ gateCurve NOTIFY changed)
    Q_PROPERTY(QList<QPointF> compCurve READ compCurve NOTIFY changed)
    Q_PROPERTY(QVariantList eqGrid READ eqGrid CONSTANT)
    Q_PROPERTY(int bandCount READ bandCount CONSTANT)
    Q_PROPERTY(int dcaCount READ dcaCount CONSTANT)
    Q_PROPERTY(int muteGroupCount READ muteGroupCount CONSTANT)
    // Gain reduction now, 0..1 of the GR meter's scale.
    Q_PROPERTY(double gateGr READ gateGr NOTIFY metersChanged)
    Q_PROPERTY(double compGr READ compGr NOTIFY metersChanged)

public:
    ChannelModel(Console& console, QObject* parent);

    int channel() const { return m_channel; }
    void setChannel(int channel);
    int revision() const { return m_revision; }
    QString label() const;
    QString name() const;
    void setName(const QString& name);
    int colourIndex() const;
    void setColourIndex(int index);
    QColor colour() const;
    bool onPlayback() const;
    QList<QColor> colours() const;
    QList<QPointF> eqCurve() const { return m_eqCurve; }
    QList<QPointF> gateCurve() const { return m_gateCurve; }
    QList<QPointF> compCurve() const { return m_compCurve; }
    QVariantList eqGrid() const;
    int bandCount() const;
    int dcaCount() const;
    int muteGroupCount() const;
    double gateGr() const { return m_gateGr; }
    double compGr() const { return m_compGr; }

    // Any parameter of the channel by its address after the channel prefix.
    Q_INVOKABLE double normalized(const QString& suffix) const;
    Q_INVOKABLE void setNormalized(const QString& suffix, double normalized);
    Q_INVOKABLE double value(const QString& suffix) const;
    Q_INVOKABLE void setValue(const QString& suffix, double value);
    Q_INVOKABLE QString display(const QString& suffix) const;
    Q_INVOKABLE bool isOn(const QString& suffix) const;
    Q_INVOKABLE void toggle(const QString& suffix);
    // A choice parameter (EQ band type): the next (step 1) or previous
    // (step -1) of its choices, wrapping round.
    Q_INVOKABLE void stepChoice(const QString& suffix, int step);

    // EQ band b (0-based): its handle on the plot, and a drag of it (x sets
    // the frequency, y the gain).
    Q_INVOKABLE QPointF bandPoint(int band) const;
    Q_INVOKABLE void moveBand(int band, double x, double y);
    // "gate" or "dyn": the threshold handle's x on the transfer plot, and a drag.
    Q_INVOKABLE double thresholdX(const QString& section) const;
    Q_INVOKABLE void setThresholdX(const QString& section, double x);

    Q_INVOKABLE QString sendSuffix(int bus) const;
    Q_INVOKABLE bool inDca(int dca) const;
    Q_INVOKABLE void toggleDca(int dca);
    Q_INVOKABLE bool inMuteGroup(int group) const;
    Q_INVOKABLE void toggleMuteGroup(int group);

    void parameterChanged(scenes::ParamId id);
    void applyMeters(const engine::MeterSnapshot& meters);
    void refresh();

signals:
    void changed();
    void metersChanged();

private:
    scenes::ParamId idOf(const QString& suffix) const;
    void toggleBit(const QString& suffix, int bit);
    void recompute();

    Console& m_console;
    int m_channel = 0;
    int m_revision = 0;
    QList<QPointF> m_eqCurve, m_gateCurve, m_compCurve;
    double m_gateGr = 0, m_compGr = 0;
};

} // namespace stagedesk::ui
