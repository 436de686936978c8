// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LinkView.h"

#include "BondState.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <utility>
#include <linux/if_link.h>
#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcEvents, "bm.helper.events", QtWarningMsg)

namespace bm::helper {

namespace {

// How long slaveChanged and bondChanged may trail the kernel's events. A failover comes as a burst
// of notifications a few milliseconds apart (the slave's carrier and MII status, the bond's
// failover, peer notification and IGMP events); building and sending the state maps takes long
// enough (milliseconds under emulation) that doing it between them made the Failover signal wait.
// Gathering them also bounds the signal rate in a flap storm: one map per changed bond per window.
constexpr int FlushMs = 10;
// Under a backlog (a flap storm: more than BacklogEvents link notifications in one window, where a
// failover brings a handful) the window doubles, up to MaxFlushMs, and falls back to FlushMs once
// a window is quiet again: each map sent costs the helper, the bus and every client more than the
// notifications it stands for (bm-bench's profile of the helper: two thirds of its storm CPU in
// its D-Bus thread, a message each), and only the newest state of each link is worth sending.
// A Failover is never merged: under a backlog it waits for its window's flush, which it leads,
// and the Service sends such a flush as one message (ChangesGathered). The 1000/s storm of
// bm-bench changes each of its 256 slaves every 256 ms: only a window longer than that merges
// SlaveChanged maps (160 ms sent one per change).
// A long window ends early once no notification has come for QuietMs, so the state after a
// storm is not held back for the rest of it, and a change after QuietMs without any starts a
// short one. QuietMs is well above the gaps within a storm (bm-bench's come in batches every
// 10 ms, later on a loaded machine), which must not end its windows.
constexpr int BacklogEvents = 16;
constexpr int MaxFlushMs = 1280;
constexpr int QuietMs = 100;
// A window this long means a backlog that has lasted: its flush is one message. A single busy
// write (a bond made with its slaves) doubles the window once at most, and its signals still go
// one by one, as at quiet times.
constexpr int GatherMs = 4 * FlushMs;
// The back-off of a failed re-read (see LinkView::m_retry).
constexpr int RetryFirstMs = 50;
constexpr int RetryMaxMs = 5000;

QString activeSlave(const LinkInfo &bond)
{
    return bond.bondOptions.value(QStringLiteral("active_slave")).toString();
}

} // namespace

LinkView::LinkView(KernelBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    connect(m_backend, &KernelBackend::linkChanged, this, &LinkView::onLinkChanged);
    connect(m_backend, &KernelBackend::linkRemoved, this, &LinkView::onLinkRemoved);
    connect(m_backend, &KernelBackend::addressChanged, this, &LinkView::onAddressChanged);
    connect(m_backend, &KernelBackend::addressRemoved, this, &LinkView::onAddressRemoved);
    connect(m_backend, &KernelBackend::routeChanged, this, &LinkView::onRouteChanged);
    connect(m_backend, &KernelBackend::routeRemoved, this, &LinkView::onRouteRemoved);
    connect(m_backend, &KernelBackend::resyncNeeded, this, [this] {
        qWarning("kernel link, address or route events were lost; re-reading them all");
        // Until a re-read succeeds, a read must not answer from what the events left.
        m_valid = false;
        resync();
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &LinkView::retryResync);
    m_flush.setSingleShot(true);
    m_flush.setInterval(FlushMs);
    connect(&m_flush, &QTimer::timeout, this, &LinkView::endWindow);
    m_quiet.setInterval(FlushMs);
    connect(&m_quiet, &QTimer::timeout, this, [this] {
        if (m_sinceEvent.isValid() && m_sinceEvent.elapsed() < QuietMs)
            return;
        m_flush.stop();
        endWindow();
    });
}

bool LinkView::start()
{
    m_monitoring = m_backend->startMonitoring();
    auto links = m_backend->dumpLinks();
    auto addresses = m_backend->dumpAddresses();
    auto routes = m_backend->dumpRoutes();
    if (!links || !addresses || !routes)
        return false;
    for (const LinkInfo &l : *links) {
        m_links.insert(l);
        if (l.isBond())
            m_lastActive.insert(l.ifindex, activeSlave(l));
    }
    setAddresses(*addresses);
    setRoutes(*routes);
    m_valid = true;
    return m_monitoring;
}

bool LinkView::refresh()
{
    if (m_monitoring && m_valid) {
        m_backend->drainEvents();
        return true;
    }
    // Without events (or without a first dump) nothing keeps the view: read the kernel now.
    return resync();
}

QVariantMap LinkView::bondState(const LinkInfo &bond)
{
    const std::optional<BondInfo> proc = BondState::parseProc(m_backend->procText(bond.name));
    if (proc)
        m_procRead.insert(bond.ifindex, *proc);
    else
        m_procRead.remove(bond.ifindex);
    return BondState::build(bond, m_links, bondAddresses(bond.ifindex), proc, BondState::Proc::Fresh);
}

QVariantMap LinkView::knownBondState(const LinkInfo &bond) const
{
    const auto read = m_procRead.constFind(bond.ifindex);
    return BondState::build(bond, m_links, bondAddresses(bond.ifindex),
                            read == m_procRead.cend() ? std::nullopt : std::optional<BondInfo>(*read),
                            BondState::Proc::Earlier);
}

QList<CandidateInfo> LinkView::candidates()
{
    if (m_candidates)
        return *m_candidates;
    QList<CandidateInfo> result;
    result.reserve(m_links.all().size());
    for (const LinkInfo *link : m_links.all()) {
        const LinkInfo &l = *link;
        if (l.loopback)
            continue;
        const LinkInfo *master = m_links.find(l.masterIndex);
        CandidateInfo c;
        c.name = l.name;
        c.ifindex = l.ifindex;
        c.kind = l.kind;
        c.adminUp = l.adminUp;
        c.carrier = l.carrier;
        c.mac = l.mac;
        c.master = master ? master->name : QString();
        for (const AddressInfo &a : m_addresses.value(l.ifindex))
            c.addresses << a.address;
        // Only the default routes: a link's other routes may be a routing daemon's full table.
        const QList<RouteInfo> defaults = m_routes.defaultsOut(l.ifindex);
        c.defaultRoute = !defaults.isEmpty();
        for (const RouteInfo &r : defaults) {
            if (r.family == AF_INET && r.ifindex == l.ifindex && !r.gateway.isEmpty()) {
                c.gateway = r.gateway;
                break;
            }
        }
        result << c;
    }
    m_candidates = result;
    return result;
}

bool LinkView::hasDefaultRoute(int ifindex) const
{
    return m_routes.hasDefaultOut(ifindex);
}

QList<RouteInfo> LinkView::routes(int ifindex) const
{
    return m_routes.routesOut(ifindex);
}

QStringList LinkView::bondAddresses(int ifindex) const
{
    QStringList result;
    for (const AddressInfo &a : m_addresses.value(ifindex))
        if (!a.isLinkLocal())
            result << a.address;
    return result;
}

void LinkView::setAddresses(const QList<AddressInfo> &addresses)
{
    forgetCandidates();
    QHash<int, QList<AddressInfo>> byLink;
    for (const AddressInfo &a : addresses)
        byLink[a.ifindex] << a;
    std::swap(m_addresses, byLink);
    // After a re-read: a bond whose addresses differ from what the events had left is announced.
    for (const LinkInfo *bond : m_links.bonds()) {
        QStringList before;
        for (const AddressInfo &a : byLink.value(bond->ifindex))
            if (!a.isLinkLocal())
                before << a.address;
        if (before != bondAddresses(bond->ifindex))
            queueBondChanged(bond->ifindex);
    }
}

void LinkView::setRoutes(const QList<RouteInfo> &routes)
{
    forgetCandidates();
    m_routes.clear();
    for (const RouteInfo &r : routes)
        m_routes.insert(r);
}

void LinkView::onAddressChanged(const AddressInfo &address)
{
    forgetCandidates();
    const QStringList before = bondAddresses(address.ifindex);
    QList<AddressInfo> &list = m_addresses[address.ifindex];
    const auto same = std::find_if(list.begin(), list.end(),
                                   [&](const AddressInfo &a) { return a.sameAddress(address); });
    if (same != list.end())
        *same = address;
    else
        list << address;
    const LinkInfo *link = m_links.find(address.ifindex);
    if (link && link->isBond() && before != bondAddresses(address.ifindex))
        queueBondChanged(address.ifindex);
}

void LinkView::onAddressRemoved(const AddressInfo &address)
{
    forgetCandidates();
    const QStringList before = bondAddresses(address.ifindex);
    const auto it = m_addresses.find(address.ifindex);
    if (it == m_addresses.end())
        return;
    it->removeIf([&](const AddressInfo &a) { return a.sameAddress(address); });
    if (it->isEmpty())
        m_addresses.erase(it);
    if (address.family == AF_INET) {
        // fib_del_ifaddr() -> fib_sync_down_addr(): routes whose source was that address go
        // without notification, unless another link still has the address.
        const QString bare = address.address.section(QLatin1Char('/'), 0, 0);
        bool still = false;
        for (const QList<AddressInfo> &list : std::as_const(m_addresses))
            for (const AddressInfo &a : list)
                still = still || (a.family == AF_INET && a.address.section(QLatin1Char('/'), 0, 0) == bare);
        if (!still)
            m_routes.removeIf(
                    -1, [&](const RouteInfo &r) { return r.family == AF_INET && r.preferredSource == bare; });
    }
    const LinkInfo *link = m_links.find(address.ifindex);
    if (link && link->isBond() && before != bondAddresses(address.ifindex))
        queueBondChanged(address.ifindex);
}

void LinkView::onRouteChanged(const RouteInfo &route)
{
    // A route replaces only routes to the same destination (RouteInfo::replacedBy): a default one
    // only default ones. The others do not show in candidates().
    if (route.isDefault())
        forgetCandidates();
    RouteInfo kept = route;
    kept.replace = false;
    if (route.replace)
        m_routes.removeIf(-1, [&](const RouteInfo &r) { return r.replacedBy(route); });
    m_routes.insert(kept);
}

void LinkView::onRouteRemoved(const RouteInfo &route)
{
    if (route.isDefault())
        forgetCandidates();
    m_routes.remove(route);
}

void LinkView::queueBondChanged(int bondIndex)
{
    if (!m_dirtyBonds.contains(bondIndex))
        m_dirtyBonds << bondIndex;
    scheduleFlush();
}

void LinkView::queueSlaveChanged(int slaveIndex)
{
    if (!m_dirtySlaves.contains(slaveIndex))
        m_dirtySlaves << slaveIndex;
    scheduleFlush();
}

bool LinkView::inLongWindow() const
{
    if (m_endedWhileHeld)
        return true;
    if (m_flush.interval() == FlushMs)
        return false;
    // A long window is over once a quiet spell has passed since its flush.
    return m_flush.isActive() || !m_sinceFlush.isValid()
           || m_sinceFlush.elapsed() <= std::min(m_flush.interval(), QuietMs);
}

bool LinkView::inBacklog() const
{
    return m_flush.interval() >= GatherMs && inLongWindow();
}

void LinkView::scheduleFlush()
{
    // Not restarted by later events: a change is announced at most one window after it, even
    // while events keep coming. After a quiet spell the window is the short one again. A window
    // that ended while flushes are held goes on until they are released.
    if (m_flush.isActive() || m_endedWhileHeld)
        return;
    if (!inLongWindow())
        m_flush.setInterval(FlushMs);
    m_flush.start();
    if (m_flush.interval() > FlushMs)
        m_quiet.start();
}

void LinkView::flushFailoversFirst()
{
    if (m_failovers.isEmpty())
        return;
    m_flush.stop();
    flushChanges();
}

void LinkView::endWindow()
{
    if (!m_held) {
        flushChanges();
        return;
    }
    m_quiet.stop();
    m_endedWhileHeld = true;
}

void LinkView::releaseFlushes()
{
    m_held = false;
    if (std::exchange(m_endedWhileHeld, false))
        flushChanges();
}

void LinkView::flushGatheredFailovers()
{
    const QList<PendingFailover> failovers = std::exchange(m_failovers, {});
    Q_EMIT backlogFlushStarted();
    for (const PendingFailover &f : failovers)
        Q_EMIT failover(f.bond, f.oldActive, f.newActive, f.timestampUsec);
    Q_EMIT backlogFlushFinished();
}

// Each signal carries the state as it is now (the latest of the gathered events); slaves first, so
// that a bondChanged still follows everything that happened before it. A long window's failovers
// lead, all of them, in order: each is an event in time, not a state a later one replaces.
void LinkView::flushChanges()
{
    m_quiet.stop();
    m_endedWhileHeld = false;
    const int events = std::exchange(m_eventsInWindow, 0);
    const int window = m_flush.interval();
    m_flush.setInterval(events > BacklogEvents ? std::min(2 * window, MaxFlushMs) : FlushMs);
    m_sinceFlush.start();
    const QList<PendingFailover> failovers = std::exchange(m_failovers, {});
    const QList<int> slaves = std::exchange(m_dirtySlaves, {});
    const QList<int> bonds = std::exchange(m_dirtyBonds, {});
    const bool backlog = (window >= GatherMs || !failovers.isEmpty())
                         && !(failovers.isEmpty() && slaves.isEmpty() && bonds.isEmpty());
    if (backlog)
        Q_EMIT backlogFlushStarted();
    for (const PendingFailover &f : failovers)
        Q_EMIT failover(f.bond, f.oldActive, f.newActive, f.timestampUsec);
    for (int slaveIndex : slaves) {
        const LinkInfo *link = m_links.find(slaveIndex);
        if (!link || !link->masterIndex || !link->slave)
            continue;
        const LinkInfo *master = m_links.find(link->masterIndex);
        if (!master || !master->isBond())
            continue;
        SlaveInfo now = *link->slave;
        now.name = link->name;
        Q_EMIT slaveChanged(master->name, link->name, now.toVariantMap());
    }
    for (int bondIndex : bonds) {
        const LinkInfo *bond = m_links.find(bondIndex);
        if (bond && bond->isBond())
            Q_EMIT bondChanged(bond->name, knownBondState(*bond));
    }
    if (backlog)
        Q_EMIT backlogFlushFinished();
}

void LinkView::onLinkChanged(const LinkInfo &link)
{
    if (lcEvents().isDebugEnabled())
        QMessageLogger(__FILE__, __LINE__, Q_FUNC_INFO, lcEvents().categoryName()).debug()
                << "link" << link.ifindex << link.name << "event" << link.event << "master"
                << link.masterIndex << "active" << activeSlave(link);
    if (m_flush.isActive() || m_endedWhileHeld)
        ++m_eventsInWindow;
    forgetCandidates();
    m_sinceEvent.start();
    const LinkInfo *previous = m_links.find(link.ifindex);
    const bool known = previous != nullptr;
    const LinkInfo old = known ? *previous : LinkInfo {};
    m_links.insert(link);
    // dev_close() -> fib_disable_ip() flushes the link's IPv4 routes without a notification
    // (IPv6 announces its own, and its addresses').
    if (known && old.adminUp && !link.adminUp)
        m_routes.removeIf(link.ifindex, [](const RouteInfo &r) { return r.family == AF_INET; });

    if (link.isBond()) {
        const QString active = activeSlave(link);
        if (!known || !old.isBond()) {
            flushFailoversFirst();
            Q_EMIT bondAdded(link.name);
            m_lastActive.insert(link.ifindex, active);
        } else {
            const QString lastActive = m_lastActive.value(link.ifindex);
            // After lost events (resync) the failover notification itself may be gone: a changed
            // active slave in the fresh dump is the kernel's word that one happened.
            if (link.event == IFLA_EVENT_BONDING_FAILOVER || (m_resyncing && lastActive != active)) {
                // First, ahead of the slave changes the kernel sent with it (gathered, they follow
                // within FlushMs): measured in the lab, sending those first held the Failover back
                // by about 8 ms under emulation, most of the helper's share of failover latency.
                // Under a backlog it leads its window's flush instead: a D-Bus message per
                // failover was most of what a flap storm cost the helper (bm-bench's profile).
                const qulonglong usec = qulonglong(QDateTime::currentMSecsSinceEpoch()) * 1000u;
                if (inBacklog()) {
                    m_failovers.append({link.name, lastActive, active, usec});
                    if (m_failovers.size() >= MaxGatheredFailovers)
                        flushGatheredFailovers();
                    scheduleFlush();
                } else {
                    Q_EMIT failover(link.name, lastActive, active, usec);
                }
                m_lastActive.insert(link.ifindex, active);
            } else if (lastActive.isEmpty()) {
                // A first active slave is no failover; remember it as the old one of the next.
                m_lastActive.insert(link.ifindex, active);
            }
        }
        if (!known || link.event != 0 || old.bondOptions != link.bondOptions || old.adminUp != link.adminUp
            || old.carrier != link.carrier || old.name != link.name || old.mtu != link.mtu)
            queueBondChanged(link.ifindex);
    } else if (known && old.isBond()) {
        flushFailoversFirst();
        Q_EMIT bondRemoved(old.name);
    }

    if (old.masterIndex != link.masterIndex) {
        if (old.masterIndex)
            queueBondChanged(old.masterIndex);
        if (link.masterIndex)
            queueBondChanged(link.masterIndex);
    }
    if (link.masterIndex && link.slave) {
        SlaveInfo now = *link.slave;
        now.name = link.name;
        SlaveInfo before = old.slave.value_or(SlaveInfo {});
        before.name = old.name;
        if (old.masterIndex != link.masterIndex || !old.slave || before != now)
            queueSlaveChanged(link.ifindex);
    }
}

void LinkView::onLinkRemoved(int ifindex, const QString &name)
{
    forgetCandidates();
    const LinkInfo *gone = m_links.find(ifindex);
    if (!gone)
        return;
    const LinkInfo old = *gone;
    m_links.remove(ifindex);
    m_lastActive.remove(ifindex);
    m_procRead.remove(ifindex);
    m_addresses.remove(ifindex);
    m_routes.removeIf(ifindex, [](const RouteInfo &) { return true; });
    if (old.isBond()) {
        flushFailoversFirst();
        Q_EMIT bondRemoved(name.isEmpty() ? old.name : name);
    } else if (old.masterIndex) {
        queueBondChanged(old.masterIndex);
    }
}

bool LinkView::resync()
{
    auto links = m_backend->dumpLinks();
    auto addresses = links ? m_backend->dumpAddresses() : std::nullopt;
    auto routes = addresses ? m_backend->dumpRoutes() : std::nullopt;
    if (!links || !addresses || !routes) {
        m_valid = false;
        m_retryMs = m_retryMs ? std::min(2 * m_retryMs, RetryMaxMs) : RetryFirstMs;
        qWarning("the kernel's links, addresses or routes could not be read; trying again in %d ms",
                 m_retryMs);
        m_retry.start(m_retryMs);
        return false;
    }
    m_retry.stop();
    m_retryMs = 0;
    m_valid = true;
    QSet<int> present;
    m_resyncing = true;
    for (const LinkInfo &l : *links) {
        present.insert(l.ifindex);
        onLinkChanged(l);
    }
    m_resyncing = false;
    const QList<int> known = m_links.ifindices();
    for (int ifindex : known)
        if (!present.contains(ifindex))
            onLinkRemoved(ifindex, QString());
    setAddresses(*addresses);
    setRoutes(*routes);
    return true;
}

void LinkView::retryResync()
{
    if (!m_valid)
        resync();
}

} // namespace bm::helper
