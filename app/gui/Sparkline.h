// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A small two-line chart of recent receive and transmit rates. Lines are drawn in palette roles
// (Highlight / Text) and distinguished by style too, so they read in dark themes and without colour.
#pragma once

#include <QList>
#include <QWidget>

namespace bm::gui {

class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);

    // Rates in bytes per second; the oldest sample drops off once the chart is full.
    void addSample(double rxBytesPerSec, double txBytesPerSec);
    void clear();
    int sampleCount() const { return int(m_rx.size()); }
    double lastRx() const { return m_rx.isEmpty() ? 0 : m_rx.last(); }
    double lastTx() const { return m_tx.isEmpty() ? 0 : m_tx.last(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static QString formatRate(double bytesPerSec);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateToolTip();

    QList<double> m_rx;
    QList<double> m_tx;
    static constexpr int MaxSamples = 60;
};

} // namespace bm::gui
