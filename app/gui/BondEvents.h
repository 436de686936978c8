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

#include <optional>

namespace bm::gui {

class BondBackend;
class EventHistory;

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
        BondDeleted,
        // Found at start by comparing with what was last seen (BondEvents::whileAway()).
        WhileAway
    };
    // UTC: a local time costs a time-zone lookup on every comparison (in a storm, thousands);
    // it is turned into local time only where it is shown.
    QDateTime when;
    QString bond;
    Kind kind = Kind::OptionsChanged;
    QString slave; // the slave concerned, or the new active one for a failover
    QString text;  // one translated sentence, without the bond's name
    // What changed: the old and new active slave of a failover, the old and new link state of a
    // link change (miiStatusName() spelling); empty when not one value.
    QString from;
    QString to;
};

// What a later start compares with (BondEvents::whileAway()): the bond's active slave and each
// slave's link failure count as last seen.
struct SeenBond {
    QString activeSlave;
    QHash<QString, quint32> linkFailures;

    static SeenBond of(const BondInfo &bond);
    friend bool operator==(const SeenBond &a, const SeenBond &b)
    {
        return a.activeSlave == b.activeSlave && a.linkFailures == b.linkFailures;
    }
    friend bool operator!=(const SeenBond &a, const SeenBond &b) { return !(a == b); }
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
    // One event saying what moved between `seen` and `now` while the app was not running (link
    // failures, a counter reset, another active slave), or none when nothing did.
    static std::optional<BondEvent> whileAway(const SeenBond &seen, const BondInfo &now,
                                              const QDateTime &when);
};

// Records the events of every bond of a backend, in order, and tells listeners about each.
class EventLog : public QObject
{
    Q_OBJECT
public:
    // Keeps the events in the backend's history (historyKey()), in memory when it has none.
    explicit EventLog(BondBackend *backend, QObject *parent = nullptr);
    // Keeps them in this history (taken over; tests give one in a temporary directory).
    EventLog(BondBackend *backend, EventHistory *history, QObject *parent = nullptr);

    // The newest events of one bond, oldest first.
    QList<BondEvent> events(const QString &bond) const { return m_events.value(bond); }
    // Every bond's events kept, oldest first, those of earlier runs included.
    const QList<BondEvent> &allEvents() const;
    EventHistory *history() const { return m_history; }
    // For exports: the history's host key, or the backend's label when it keeps none.
    QString hostName() const;

Q_SIGNALS:
    void eventAdded(const bm::gui::BondEvent &event);
    // At start, the events saying what moved while the app was not running (already added),
    // at most one per bond, to be announced together.
    void changedWhileAway(const QList<bm::gui::BondEvent> &events);

private:
    void record(const BondEvent &event);
    void addToBond(const BondEvent &event);
    void snapshotAll();
    void checkWhileAway();
    void updateSeen(const QString &bond);
    bool oldSlaveFailed(const QString &bond) const;
    void recordFailover(const QString &bond);

    BondBackend *m_backend;
    EventHistory *m_history;
    // Whether this run compared with the last one yet; the seen state is kept only after that.
    bool m_awayChecked = false;
    QHash<QString, SeenBond> m_seen;
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
