#pragma once
// A polyline of normalized points (0..1 both ways, y down) scaled to the
// item: the EQ response and the transfer curves. Painting stays in C++ so
// that a 240-point curve is one path, not 240 QML items.

#include <QColor>
#include <QList>
#include <QPointF>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace stagedesk::ui {

class PlotItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QList<QPointF> points READ points WRITE setPoints NOTIFY pointsChanged)
    Q_PROPERTY(QColor colour MEMBER m_colour NOTIFY styleChanged)
    Q_PROPERTY(double lineWidth MEMBER m_lineWidth NOTIFY styleChanged)
    // When >= 0, the area between the curve and this y (normalized) is filled.
    Q_PROPERTY(double fillTo MEMBER m_fillTo NOTIFY styleChanged)

public:
    explicit PlotItem(QQuickItem* parent = nullptr);

    QList<QPointF> points() const { return m_points; }
    void setPoints(const QList<QPointF>& points);
    void paint(QPainter* painter) override;

signals:
    void pointsChanged();
    void styleChanged();

private:
    QList<QPointF> m_points;
    QColor m_colour = Qt::white;
    double m_lineWidth = 3;
    double m_fillTo = -1;
};

} // namespace stagedesk::ui
