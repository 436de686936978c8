// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondEvents.h"

#include "BondBackend.h"
#include "StatusText.h"

#include <QSet>

namespace bm::gui {

namespace {

const SlaveInfo *findSlave(const BondInfo &bond, const QString &name)
{
    for (const SlaveInfo &s : bond.slaves) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace

QList<BondEvent> BondEvents::diff(const BondInfo &before, const BondInfo &after, const QDateTime &when)
{
    QList<BondEvent> out;
    auto add = [&](BondEvent::Kind kind, const QString &slave, const QString &text) {
        out.append({when, after.name, kind, slave, text});
    };

    for (const SlaveInfo &s : after.slaves) {
        const SlaveInfo *old = findSlave(before, s.name);
        if (!old) {
            add(BondEvent::Kind::SlaveAdded, s.name, tr("%1 joined the bond").arg(s.name));
            continue;
        }
        if (old->miiStatus == s.miiStatus)
            continue;
        switch (s.miiStatus) {
        case MiiStatus::Up:
            add(BondEvent::Kind::LinkUp, s.name, tr("%1 link is up").arg(s.name));
            break;
        case MiiStatus::Down:
            add(BondEvent::Kind::LinkDown, s.name, tr("%1 link went down").arg(s.name));
            break;
        case MiiStatus::GoingDown:
            add(BondEvent::Kind::LinkGoingDown, s.name, tr("%1 link is going down").arg(s.name));
            break;
        case MiiStatus::GoingBack:
            add(BondEvent::Kind::LinkGoingBack, s.name, tr("%1 link is coming back").arg(s.name));
            break;
        case MiiStatus::Unknown:
            break;
        }
    }
    for (const SlaveInfo &s : before.slaves) {
        if (!findSlave(after, s.name))
            add(BondEvent::Kind::SlaveRemoved, s.name, tr("%1 left the bond").arg(s.name));
    }

    // Link events change slaves, not options: most diffs end here.
    if (before.options == after.options)
        return out;

    // The active slave is the kernel's own failover event; primary counts as an option change.
    QStringList changed;
    QSet<QString> keys;
    for (auto it = before.options.cbegin(); it != before.options.cend(); ++it)
        keys.insert(it.key());
    for (auto it = after.options.cbegin(); it != after.options.cend(); ++it)
        keys.insert(it.key());
    for (const QString &key : std::as_const(keys)) {
        if (key == QLatin1String("active_slave"))
            continue;
        if (before.options.value(key) != after.options.value(key))
            changed << key;
    }
    if (!changed.isEmpty()) {
        changed.sort();
        QStringList parts;
        for (const QString &key : std::as_const(changed)) {
            const QVariant v = after.options.value(key);
            const QString value = v.typeId() == QMetaType::QStringList
                                          ? v.toStringList().join(QStringLiteral(","))
                                          : v.toString();
            parts << (v.isValid() ? QStringLiteral("%1=%2").arg(key, value.isEmpty() ? tr("none") : value)
                                  : tr("%1 unset").arg(key));
        }
        add(BondEvent::Kind::OptionsChanged, QString(),
            tr("options changed: %1").arg(parts.join(QStringLiteral(", "))));
    }
    return out;
}

BondEvent BondEvents::failover(const BondInfo &bond, const QString &oldActive, const QString &newActive,
                               const QDateTime &when)
{
    BondEvent e {when, bond.name, BondEvent::Kind::Failover, newActive, QString()};
    const SlaveInfo *old = findSlave(bond, oldActive);
    const bool oldFailed = old && old->miiStatus != MiiStatus::Up;
    if (newActive.isEmpty())
        e.text = oldActive.isEmpty() ? tr("no slave is active")
                                     : tr("%1 went down, no slave is active").arg(oldActive);
    else if (oldActive.isEmpty())
        e.text = tr("%1 is now active").arg(newActive);
    else if (oldFailed)
        e.text = tr("%1 went down, %2 is now active").arg(oldActive, newActive);
    else
        e.text = tr("%1 is now active instead of %2").arg(newActive, oldActive);
    return e;
}

EventLog::EventLog(BondBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    connect(backend, &BondBackend::reset, this, &EventLog::snapshotAll);
    connect(backend, &BondBackend::bondAdded, this, [this](const QString &name) {
        m_last.insert(name, m_backend->bond(name));
        record({QDateTime::currentDateTimeUtc(), name, BondEvent::Kind::BondCreated, QString(),
                BondEvents::tr("bond created")});
    });
    connect(backend, &BondBackend::bondRemoved, this, [this](const QString &name) {
        if (m_pending.contains(name))
            recordFailover(name);
        m_last.remove(name);
        record({QDateTime::currentDateTimeUtc(), name, BondEvent::Kind::BondDeleted, QString(),
                BondEvents::tr("bond deleted")});
    });
    connect(backend, &BondBackend::bondChanged, this, [this](const QString &name) {
        const BondInfo now = m_backend->bond(name);
        const auto last = m_last.constFind(name);
        if (last != m_last.constEnd()) {
            const QList<BondEvent> events = BondEvents::diff(*last, now, QDateTime::currentDateTimeUtc());
            for (const BondEvent &e : events)
                record(e);
        }
        m_last.insert(name, now);
        if (m_pending.contains(name) && oldSlaveFailed(name))
            recordFailover(name);
    });
    connect(backend, &BondBackend::failover, this,
            [this](const QString &bond, const QString &oldActive, const QString &newActive,
                   const QDateTime &when) {
                m_pending.insert(bond, {oldActive, newActive, when});
                // Worded by what became of the old slave: the helper sends the Failover first and
                // the slaves' link states a few milliseconds after it.
                if (oldSlaveFailed(bond))
                    recordFailover(bond);
                else if (!m_wording.isActive()) // not pushed back by later failovers
                    m_wording.start();
            });
    m_wording.setSingleShot(true);
    m_wording.setInterval(WordingWaitMs);
    connect(&m_wording, &QTimer::timeout, this, [this] {
        const QStringList bonds = m_pending.keys();
        for (const QString &bond : bonds)
            recordFailover(bond);
    });
    snapshotAll();
}

bool EventLog::oldSlaveFailed(const QString &bond) const
{
    const auto pending = m_pending.constFind(bond);
    if (pending == m_pending.cend())
        return false;
    const BondInfo info = m_backend->bond(bond);
    for (const SlaveInfo &s : info.slaves)
        if (s.name == pending->oldActive)
            return s.miiStatus != MiiStatus::Up;
    // Released or gone: no later state will tell more.
    return true;
}

void EventLog::recordFailover(const QString &bond)
{
    const Pending p = m_pending.take(bond);
    record(BondEvents::failover(m_backend->bond(bond), p.oldActive, p.newActive, p.when));
}

void EventLog::snapshotAll()
{
    // After a reconnect the new state is the baseline: what happened while away is not known.
    m_last.clear();
    const QStringList names = m_backend->bondNames();
    for (const QString &name : names)
        m_last.insert(name, m_backend->bond(name));
}

void EventLog::record(const BondEvent &event)
{
    QList<BondEvent> &list = m_events[event.bond];
    list.append(event);
    // Trimmed in chunks, so a long storm costs one move per MaxPerBond / 4 events, not one each.
    if (list.size() > MaxPerBond + MaxPerBond / 4)
        list.remove(0, list.size() - MaxPerBond);
    Q_EMIT eventAdded(event);
}

} // namespace bm::gui
