// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace bm::gui {

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Traffic"));
    updateToolTip();
    // Rates exist only for interfaces of this machine; elsewhere an empty chart would mislead.
    setVisible(false);
}

void Sparkline::addSample(double rxBytesPerSec, double txBytesPerSec)
{
    m_rx.append(rxBytesPerSec);
    m_tx.append(txBytesPerSec);
    while (m_rx.size() > MaxSamples) {
        m_rx.removeFirst();
        m_tx.removeFirst();
    }
    setVisible(true);
    updateToolTip();
    update();
}

void Sparkline::clear()
{
    m_rx.clear();
    m_tx.clear();
    setVisible(false);
    updateToolTip();
    update();
}

QSize Sparkline::sizeHint() const
{
    return {160, 28};
}

QSize Sparkline::minimumSizeHint() const
{
    return {60, 20};
}

QString Sparkline::formatRate(double bytesPerSec)
{
    const double bits = bytesPerSec * 8;
    if (bits >= 1e9)
        return tr("%1 Gbit/s").arg(bits / 1e9, 0, 'f', 1);
    if (bits >= 1e6)
        return tr("%1 Mbit/s").arg(bits / 1e6, 0, 'f', 1);
    if (bits >= 1e3)
        return tr("%1 kbit/s").arg(bits / 1e3, 0, 'f', 0);
    return tr("%1 bit/s").arg(bits, 0, 'f', 0);
}

void Sparkline::updateToolTip()
{
    const QString text = m_rx.isEmpty() ? tr("No traffic measured yet")
                                        : tr("Received %1, sent %2 (solid: received, dashed: sent)")
                                                  .arg(formatRate(lastRx()), formatRate(lastTx()));
    setToolTip(text);
    setAccessibleDescription(text);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
    QColor frame = palette().color(QPalette::Mid);
    p.setPen(QPen(frame, 1));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_rx.size() < 2)
        return;

    const double peak = std::max({1.0, *std::max_element(m_rx.cbegin(), m_rx.cend()),
                                  *std::max_element(m_tx.cbegin(), m_tx.cend())});
    const double step = area.width() / (MaxSamples - 1);
    auto path = [&](const QList<double> &values) {
        QPainterPath line;
        const double x0 = area.right() - step * double(values.size() - 1);
        for (int i = 0; i < values.size(); ++i) {
            const QPointF pt(x0 + step * i, area.bottom() - area.height() * values.at(i) / peak);
            if (i == 0)
                line.moveTo(pt);
            else
                line.lineTo(pt);
        }
        return line;
    };
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    p.drawPath(path(m_rx));
    p.setPen(QPen(palette().color(QPalette::Text), 1.2, Qt::DashLine));
    p.drawPath(path(m_tx));
}

} // namespace bm::gui
