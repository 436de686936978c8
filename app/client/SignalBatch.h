// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's signals as they wait for a busy receiver: appended on the thread that unpacks them,
// taken all at once on the thread that applies them. A bond's or a slave's state replaces any
// older state of the same bond or slave still waiting, so a flap storm costs the receiver one
// state per bond and slave, not one per message; additions, removals and failovers are events in
// time and are all kept, in order. Thread-safe.
#pragma once

#include "BondTypes.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <vector>

namespace bm {

struct SignalEvent {
    enum class Kind { BondAdded, BondRemoved, BondChanged, SlaveChanged, Failover, Barrier };
    Kind kind = Kind::Barrier;
    QString bond;
    BondInfo bondInfo;             // BondChanged
    SlaveInfo slave;               // SlaveChanged
    QString oldActive, newActive;  // Failover
    QDateTime when;                // Failover
    std::function<void()> barrier; // Barrier: runs when the receiver gets this far

    static SignalEvent bondAdded(const QString &bond);
    static SignalEvent bondRemoved(const QString &bond);
    static SignalEvent bondChanged(const QString &bond, const BondInfo &info);
    static SignalEvent slaveChanged(const QString &bond, const SlaveInfo &slave);
    static SignalEvent failover(const QString &bond, const QString &oldActive, const QString &newActive,
                                const QDateTime &when);
    static SignalEvent barrierAt(std::function<void()> then);
};

class SignalBatch
{
public:
    // True when the batch was empty: the caller then schedules one delivery, which take()s
    // everything added until it runs.
    bool add(SignalEvent event);
    std::vector<SignalEvent> take();

    // Events replaced by newer state since construction (for tests and traces).
    quint64 coalesced() const;

private:
    static QString keyOf(const SignalEvent &event);

    mutable QMutex m_mutex;
    struct Slot {
        SignalEvent event;
        bool replaced = false; // left in place, so the indices in m_latest stay valid
    };
    std::vector<Slot> m_slots;
    QHash<QString, size_t> m_latest;
    quint64 m_coalesced = 0;
};

} // namespace bm
