// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondEvents.h"

#include "BondBackend.h"
#include "EventHistory.h"
#include "StatusText.h"

#include <QSet>

#include <climits>

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
    auto add = [&](BondEvent::Kind kind, const QString &slave, const QString &text, const QString &from = {},
                   const QString &to = {}) {
        out.append({when, after.name, kind, slave, text, from, to});
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
            add(BondEvent::Kind::LinkUp, s.name, tr("%1 link is up").arg(s.name),
                miiStatusName(old->miiStatus), miiStatusName(s.miiStatus));
            break;
        case MiiStatus::Down:
            add(BondEvent::Kind::LinkDown, s.name, tr("%1 link went down").arg(s.name),
                miiStatusName(old->miiStatus), miiStatusName(s.miiStatus));
            break;
        case MiiStatus::GoingDown:
            add(BondEvent::Kind::LinkGoingDown, s.name, tr("%1 link is going down").arg(s.name),
                miiStatusName(old->miiStatus), miiStatusName(s.miiStatus));
            break;
        case MiiStatus::GoingBack:
            add(BondEvent::Kind::LinkGoingBack, s.name, tr("%1 link is coming back").arg(s.name),
                miiStatusName(old->miiStatus), miiStatusName(s.miiStatus));
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
    BondEvent e {when, bond.name, BondEvent::Kind::Failover, newActive, QString(), oldActive, newActive};
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

SeenBond SeenBond::of(const BondInfo &bond)
{
    SeenBond seen;
    seen.activeSlave = bond.activeSlave();
    for (const SlaveInfo &s : bond.slaves) {
        if (s.linkFailureCount)
            seen.linkFailures.insert(s.name, *s.linkFailureCount);
    }
    return seen;
}

std::optional<BondEvent> BondEvents::whileAway(const SeenBond &seen, const BondInfo &now,
                                               const QDateTime &when)
{
    bool reset = false;
    QStringList failed;
    for (const SlaveInfo &s : now.slaves) {
        const auto before = seen.linkFailures.constFind(s.name);
        if (before == seen.linkFailures.cend() || !s.linkFailureCount)
            continue;
        const quint32 count = *s.linkFailureCount;
        // Fewer than before: the driver counts from zero again, the difference means nothing.
        if (count < *before)
            reset = true;
        else if (count == *before + 1)
            failed << tr("%1 failed once").arg(s.name);
        else if (count > *before)
            //: %1 a slave; always two or more times ("failed once" is its own text)
            failed << tr("%1 failed %n times", nullptr, int(qMin<quint32>(count - *before, INT_MAX)))
                              .arg(s.name);
    }
    const QString active = now.activeSlave();
    const bool moved = active != seen.activeSlave;
    if (!reset && failed.isEmpty() && !moved)
        return std::nullopt;

    BondEvent e {when, now.name, BondEvent::Kind::WhileAway, active, QString(), seen.activeSlave, active};
    if (reset || !failed.isEmpty()) {
        const QString what = reset ? tr("counters were reset (bond re-created or host restarted)")
                                   : failed.join(QStringLiteral(", "));
        if (!moved)
            //: %1 what happened: "eth0 failed 2 times, eth1 failed once" or "counters were reset (…)"
            e.text = tr("%1 while Bond Manager was not running").arg(what);
        else if (active.isEmpty())
            e.text = tr("%1 while Bond Manager was not running; no slave is active now").arg(what);
        else
            e.text = tr("%1 while Bond Manager was not running; %2 is now active").arg(what, active);
    } else if (active.isEmpty()) {
        e.text = tr("%1 stopped being active while Bond Manager was not running; no slave is active now")
                         .arg(seen.activeSlave);
    } else if (seen.activeSlave.isEmpty()) {
        e.text = tr("%1 became active while Bond Manager was not running").arg(active);
    } else {
        e.text = tr("%1 became active instead of %2 while Bond Manager was not running")
                         .arg(active, seen.activeSlave);
    }
    return e;
}

EventLog::EventLog(BondBackend *backend, QObject *parent)
    : EventLog(backend, new EventHistory(backend->historyKey()), parent)
{ }

EventLog::EventLog(BondBackend *backend, EventHistory *history, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_history(history)
{
    history->setParent(this);
    for (const BondEvent &e : history->events())
        addToBond(e);
    connect(backend, &BondBackend::reset, this, &EventLog::snapshotAll);
    connect(backend, &BondBackend::bondAdded, this, [this](const QString &name) {
        m_last.insert(name, m_backend->bond(name));
        record({QDateTime::currentDateTimeUtc(), name, BondEvent::Kind::BondCreated, QString(),
                BondEvents::tr("bond created"), QString(), QString()});
        updateSeen(name);
    });
    connect(backend, &BondBackend::bondRemoved, this, [this](const QString &name) {
        if (m_pending.contains(name))
            recordFailover(name);
        m_last.remove(name);
        record({QDateTime::currentDateTimeUtc(), name, BondEvent::Kind::BondDeleted, QString(),
                BondEvents::tr("bond deleted"), QString(), QString()});
        updateSeen(name);
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
        updateSeen(name);
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
    const bool connected = m_backend->state() == BondBackend::State::Connected
                           && m_backend->bondingAvailable();
    if (!connected)
        return; // the helper is away: what was seen last stays what the next start compares with
    if (m_awayChecked) {
        m_seen.clear();
        for (const QString &name : names)
            m_seen.insert(name, SeenBond::of(m_last.value(name)));
        m_history->setSeen(m_seen);
    } else {
        // The first full read of the bonds. Queued: whoever announces changedWhileAway() is
        // connected by then, also when the backend had its bonds before this log existed.
        m_awayChecked = true;
        QMetaObject::invokeMethod(this, &EventLog::checkWhileAway, Qt::QueuedConnection);
    }
}

void EventLog::checkWhileAway()
{
    const QHash<QString, SeenBond> &lastSeen = m_history->lastSeen();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<BondEvent> found;
    const QStringList names = m_backend->bondNames();
    for (const QString &name : names) {
        const BondInfo bond = m_backend->bond(name);
        m_seen.insert(name, SeenBond::of(bond));
        const auto seen = lastSeen.constFind(name);
        if (seen == lastSeen.cend())
            continue;
        if (std::optional<BondEvent> e = BondEvents::whileAway(*seen, bond, now)) {
            record(*e);
            found << *e;
        }
    }
    m_history->setSeen(m_seen);
    if (!found.isEmpty())
        Q_EMIT changedWhileAway(found);
}

void EventLog::updateSeen(const QString &bond)
{
    if (!m_awayChecked)
        return;
    const BondInfo info = m_backend->bond(bond);
    if (info.name != bond) {
        if (m_seen.remove(bond) == 0)
            return;
    } else {
        SeenBond now = SeenBond::of(info);
        auto it = m_seen.find(bond);
        if (it != m_seen.end() && *it == now)
            return;
        m_seen.insert(bond, std::move(now));
    }
    m_history->setSeen(m_seen);
}

const QList<BondEvent> &EventLog::allEvents() const
{
    return m_history->events();
}

QString EventLog::hostName() const
{
    return m_history->hostKey().isEmpty() ? m_backend->hostLabel() : m_history->hostKey();
}

void EventLog::record(const BondEvent &event)
{
    m_history->append(event);
    addToBond(event);
    Q_EMIT eventAdded(event);
}

void EventLog::addToBond(const BondEvent &event)
{
    QList<BondEvent> &list = m_events[event.bond];
    list.append(event);
    // Trimmed in chunks, so a long storm costs one move per MaxPerBond / 4 events, not one each.
    if (list.size() > MaxPerBond + MaxPerBond / 4)
        list.remove(0, list.size() - MaxPerBond);
}

} // namespace bm::gui
