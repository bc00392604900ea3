#include "PlotItem.h"

#include <QPainter>
#include <QPainterPath>

namespace stagedesk::ui {

PlotItem::PlotItem(QQuickItem* parent) : QQuickPaintedItem(parent) {
    setAntialiasing(true);
    connect(this, &PlotItem::styleChanged, this, [this] { update(); });
}

void PlotItem::setPoints(const QList<QPointF>& points) {
    if (points == m_points)
        return;
    m_points = points;
    update();
    emit pointsChanged();
}

void PlotItem::paint(QPainter* painter) {
    if (m_points.size() < 2)
        return;
    const double w = width(), h = height();
    QPainterPath path;
    path.moveTo(m_points.front().x() * w, m_points.front().y() * h);
    for (const QPointF& p : m_points)
        path.lineTo(p.x() * w, p.y() * h);
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_fillTo >= 0) {
        QPainterPath area = path;
        area.lineTo(m_points.back().x() * w, m_fillTo * h);
        area.lineTo(m_points.front().x() * w, m_fillTo * h);
        area.closeSubpath();
        QColor fill = m_colour;
        fill.setAlphaF(0.18f);
        painter->fillPath(area, fill);
    }
    painter->setPen(QPen(m_colour, m_lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->drawPath(path);
}

} // namespace stagedesk::ui
