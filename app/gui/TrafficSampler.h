// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Receive/transmit rates of the interfaces a window shows, once a second, for the tiles'
// sparklines, and the errors and drops counted on them since. The counters come from a source:
// the local host's /sys/class/net/<if>/statistics (localSource()), or the helper's GetCounters of
// the bond shown, which serves --host and --lab alike. The helper only answers; the asking is
// done here, and only while the window is shown (not hidden, not minimised) and has interfaces
// to show: one question at a time, never another while one is on its way.
#pragma once

#include "LinkCounters.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTime>
#include <QTimer>

#include <functional>

class QWidget;

namespace bm::gui {

class TrafficSampler : public QObject
{
    Q_OBJECT
public:
    // Reads the counters of `names` and hands them to `done` (from the event loop or at once);
    // those it could not read are left out, and an empty answer is an answer too.
    using Source
            = std::function<void(const QStringList &names, std::function<void(const CountersByName &)> done)>;

    explicit TrafficSampler(QObject *parent = nullptr);

    void setInterfaces(const QStringList &names);
    void setEnabled(bool enabled);
    void setSource(Source source);
    // Samples only while `window` is shown and not minimised.
    void setWindow(QWidget *window);
    // Where the statistics folders of localSource() are (tests point it at a fixture).
    void setRoot(const QString &sysClassNet) { m_root = sysClassNet; }
    // /sys/class/net under setRoot(), read at once.
    Source localSource();
    // Whether the timer runs now (for tests).
    bool isSampling() const { return m_timer.isActive(); }

public Q_SLOTS:
    void sample();

Q_SIGNALS:
    void rates(const QString &interface, double rxBytesPerSec, double txBytesPerSec);
    // Errors (rx + tx) and drops (rx + tx) counted on the interface since `since`, its first
    // reading; emitted when either grew.
    void trouble(const QString &interface, quint64 errors, quint64 drops, const QTime &since);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void take(const CountersByName &counters);
    void update();

    struct Last {
        LinkCounters counters;
        qint64 msecs = 0;
    };
    struct First {
        LinkCounters counters;
        QTime when;
    };
    QString m_root = QStringLiteral("/sys/class/net");
    QStringList m_names;
    QHash<QString, Last> m_last;
    QHash<QString, First> m_first;
    QTimer m_timer;
    Source m_source;
    QPointer<QWidget> m_window;
    bool m_enabled = false;
    bool m_waiting = false;
    // Bumped whenever the interfaces change: a late answer for the ones before is dropped.
    quint64 m_generation = 0;
    QElapsedTimer m_clock;
};

} // namespace bm::gui
