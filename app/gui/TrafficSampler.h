// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Receive/transmit rates of local interfaces from /sys/class/net/<if>/statistics, once a second,
// for the tiles' sparklines. Counters are not bond state (the helper does not report them), so
// sampling them is the one periodic read; it runs only while the bonds are on this machine.
#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace bm::gui {

class TrafficSampler : public QObject
{
    Q_OBJECT
public:
    explicit TrafficSampler(QObject *parent = nullptr);

    void setInterfaces(const QStringList &names);
    void setEnabled(bool enabled);
    // Where the statistics folders are (tests point it at a fixture).
    void setRoot(const QString &sysClassNet) { m_root = sysClassNet; }

public Q_SLOTS:
    void sample();

Q_SIGNALS:
    void rates(const QString &interface, double rxBytesPerSec, double txBytesPerSec);

private:
    struct Last {
        quint64 rx = 0;
        quint64 tx = 0;
        qint64 msecs = 0;
    };
    QString m_root = QStringLiteral("/sys/class/net");
    QStringList m_names;
    QHash<QString, Last> m_last;
    QTimer m_timer;
};

} // namespace bm::gui
