// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SignalBatch.h"

#include <QMutexLocker>

namespace bm {

namespace {

SignalEvent about(SignalEvent::Kind kind, const QString &bond)
{
    SignalEvent e;
    e.kind = kind;
    e.bond = bond;
    return e;
}

} // namespace

SignalEvent SignalEvent::bondAdded(const QString &bond)
{
    return about(Kind::BondAdded, bond);
}

SignalEvent SignalEvent::bondRemoved(const QString &bond)
{
    return about(Kind::BondRemoved, bond);
}

SignalEvent SignalEvent::bondChanged(const QString &bond, const BondInfo &info)
{
    SignalEvent e = about(Kind::BondChanged, bond);
    e.bondInfo = info;
    return e;
}

SignalEvent SignalEvent::slaveChanged(const QString &bond, const SlaveInfo &slave)
{
    SignalEvent e = about(Kind::SlaveChanged, bond);
    e.slave = slave;
    return e;
}

SignalEvent SignalEvent::failover(const QString &bond, const QString &oldActive, const QString &newActive,
                                  const QDateTime &when)
{
    SignalEvent e = about(Kind::Failover, bond);
    e.oldActive = oldActive;
    e.newActive = newActive;
    e.when = when;
    return e;
}

SignalEvent SignalEvent::barrierAt(std::function<void()> then)
{
    SignalEvent e;
    e.kind = Kind::Barrier;
    e.barrier = std::move(then);
    return e;
}

// Interface names cannot hold '/', so "bond/slave" cannot collide with another pair.
QString SignalBatch::keyOf(const SignalEvent &event)
{
    switch (event.kind) {
    case SignalEvent::Kind::BondChanged:
        return event.bond;
    case SignalEvent::Kind::SlaveChanged:
        return event.bond + QLatin1Char('/') + event.slave.name;
    default:
        return QString();
    }
}

bool SignalBatch::add(SignalEvent event)
{
    const QString key = keyOf(event);
    QMutexLocker lock(&m_mutex);
    const bool wasEmpty = m_slots.empty();
    if (!key.isEmpty()) {
        // The newer state goes last, not into the older one's place: it must land after any
        // failover that came between them, which would otherwise overwrite it.
        const auto older = m_latest.constFind(key);
        if (older != m_latest.cend()) {
            m_slots[*older].replaced = true;
            ++m_coalesced;
        }
        m_latest.insert(key, m_slots.size());
    }
    m_slots.push_back({std::move(event), false});
    return wasEmpty;
}

std::vector<SignalEvent> SignalBatch::take()
{
    std::vector<Slot> taken;
    {
        QMutexLocker lock(&m_mutex);
        taken.swap(m_slots);
        m_latest.clear();
    }
    std::vector<SignalEvent> events;
    events.reserve(taken.size());
    for (Slot &slot : taken)
        if (!slot.replaced)
            events.push_back(std::move(slot.event));
    return events;
}

quint64 SignalBatch::coalesced() const
{
    QMutexLocker lock(&m_mutex);
    return m_coalesced;
}

} // namespace bm
