// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Time-stamped things that happened to a bond, for the timeline and the notifications: failovers
// (from the kernel's failover event), links going down or up, slaves joining or leaving, option
// changes (found by comparing successive states of the bond).
#pragma once

#include "BondTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace bm::gui {

class BondBackend;

struct BondEvent {
    enum class Kind {
        Failover,
        LinkDown,
        LinkGoingDown,
        LinkUp,
        LinkGoingBack,
        SlaveAdded,
        SlaveRemoved,
        OptionsChanged,
        BondCreated,
        BondDeleted
    };
    // UTC: a local time costs a time-zone lookup on every comparison (in a storm, thousands);
    // it is turned into local time only where it is shown.
    QDateTime when;
    QString bond;
    Kind kind = Kind::OptionsChanged;
    QString slave; // the slave concerned, or the new active one for a failover
    QString text;  // one translated sentence, without the bond's name
};

class BondEvents
{
    Q_DECLARE_TR_FUNCTIONS(BondEvents)
public:
    // What changed from before to after, as events at `when` (failovers come from the kernel's
    // own event, see failover()).
    static QList<BondEvent> diff(const BondInfo &before, const BondInfo &after, const QDateTime &when);
    // "eth0 went down, eth1 is now active" when the old slave's link is down in `bond`.
    static BondEvent failover(const BondInfo &bond, const QString &oldActive, const QString &newActive,
                              const QDateTime &when);
};

// Records the events of every bond of a backend, in order, and tells listeners about each.
class EventLog : public QObject
{
    Q_OBJECT
public:
    explicit EventLog(BondBackend *backend, QObject *parent = nullptr);

    QList<BondEvent> events(const QString &bond) const { return m_events.value(bond); }

Q_SIGNALS:
    void eventAdded(const bm::gui::BondEvent &event);

private:
    void record(const BondEvent &event);
    void snapshotAll();
    bool oldSlaveFailed(const QString &bond) const;
    void recordFailover(const QString &bond);

    BondBackend *m_backend;
    QHash<QString, BondInfo> m_last;
    QHash<QString, QList<BondEvent>> m_events;
    // Failovers waiting for the old slave's link state (see the failover connection).
    struct Pending {
        QString oldActive, newActive;
        QDateTime when;
    };
    QHash<QString, Pending> m_pending;
    QTimer m_wording;
    static constexpr int WordingWaitMs = 250;
    static constexpr int MaxPerBond = 500;
};

} // namespace bm::gui
