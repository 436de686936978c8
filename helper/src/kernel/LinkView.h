// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The links, with their addresses and the routes of the main table, as the kernel last reported
// them: the first dump, then every notification, and a re-dump on doubt (lost events). Reads answer from it after taking in whatever the kernel has
// queued (refresh()); writes check their requests against a fresh dump instead (ChangePlanner).
// What changes comes out as signals, in the order clients rely on: a Failover at once, then,
// gathered for a window (FlushMs, longer under a backlog until the notifications stop), the
// changed slaves and after them each changed bond with its new state, built from the view alone
// (no /proc read per event). Under a backlog the failovers are gathered too, every one kept in
// order, and lead their window's flush, which comes between backlogFlushStarted() and
// backlogFlushFinished(): the Service sends it as one D-Bus signal.
#pragma once

#include "KernelBackend.h"
#include "LinkTable.h"
#include "RouteTable.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

namespace bm::helper {

class LinkView : public QObject
{
    Q_OBJECT
public:
    explicit LinkView(KernelBackend *backend, QObject *parent = nullptr);

    // The most failovers one backlog flush carries: once a window has gathered that many they go
    // out at once, in a flush of their own, and the window goes on. A flush is one D-Bus message
    // (Service), built and marshalled whole; without a bound its size grew with the window and
    // the failover rate, and so did the heap the helper keeps after a storm (heaptrack: the
    // largest share of its peak was one ChangesGathered's failover maps). Failovers alone: the
    // window's maps still go once, at its end (a full flush each time cost the host's storm a
    // third more CPU per notification, in slave maps sent four times as often).
    static constexpr int MaxGatheredFailovers = 128;

    // Event subscription and the first dump; false when either failed.
    bool start();
    // Makes links() current for a read; false when the kernel could not be asked.
    bool refresh();
    const LinkTable &links() const { return m_links; }
    // The addresses of a link, in the kernel's order.
    QList<AddressInfo> addresses(int ifindex) const { return m_addresses.value(ifindex); }
    // A bond's addresses as its map carries them (BondState): link-local ones left out.
    QStringList bondAddresses(int ifindex) const;
    // Whether a default route of the main table goes out of the link (alone or as one path).
    bool hasDefaultRoute(int ifindex) const;
    // The routes of the main table that go out of the link.
    QList<RouteInfo> routes(int ifindex) const;
    // Only its default routes: what a bond's map needs (its gateways), at any table size.
    QList<RouteInfo> defaultRoutes(int ifindex) const { return m_routes.defaultsOut(ifindex); }
    // GetBond's map of a bond of links() (BondState), /proc read afresh and kept for the
    // bondChanged signals after it.
    QVariantMap bondState(const LinkInfo &bond);
    // The map bondChanged carries: the view's netlink state, with what only /proc has as the last
    // bondState() read it; nothing is read.
    QVariantMap knownBondState(const LinkInfo &bond) const;
    // ListCandidates' entries, one per link but the loopback, in the view's order.
    // Kept between calls until an event changes a link, an address or a default route: building
    // them per call from a few hundred links cost the helper milliseconds for the same answer.
    QList<CandidateInfo> candidates();

    // Flow control for a backlog (Service): while held, a window that ends is not flushed; its
    // changes go on gathering (the newest state of each link wins) and go out as one flush at
    // releaseFlushes(). Failovers still leave by their own ways (MaxGatheredFailovers, a bond
    // added or removed), and a failover at quiet times is never held.
    void holdFlushes() { m_held = true; }
    void releaseFlushes();

Q_SIGNALS:
    void bondAdded(const QString &name);
    void bondRemoved(const QString &name);
    void bondChanged(const QString &name, const QVariantMap &state);
    void slaveChanged(const QString &bond, const QString &slave, const QVariantMap &state);
    void failover(const QString &bond, const QString &oldActive, const QString &newActive,
                  qulonglong timestampUsec);
    // Around the signals of a flush that ends a long window (a backlog): its failovers, then its
    // slaveChanged, then its bondChanged; none of the others comes between the two.
    void backlogFlushStarted();
    void backlogFlushFinished();

private:
    void onLinkChanged(const LinkInfo &link);
    void onLinkRemoved(int ifindex, const QString &name);
    void onAddressChanged(const AddressInfo &address);
    void onAddressRemoved(const AddressInfo &address);
    void onRouteChanged(const RouteInfo &route);
    void onRouteRemoved(const RouteInfo &route);
    // Every address by ifindex, every route (RouteTable).
    void setAddresses(const QList<AddressInfo> &addresses);
    void setRoutes(const QList<RouteInfo> &routes);
    // Re-reads every link, address and route and turns the differences into signals; false when the dump failed, and
    // then the view is marked invalid and the re-read tried again by itself (retryResync).
    bool resync();
    void retryResync();
    // Queue the link for the next flush; the signals go out from flushChanges().
    void queueBondChanged(int bondIndex);
    void queueSlaveChanged(int slaveIndex);
    void scheduleFlush();
    // Whether the window running or about to start is a long one: notifications have not stopped
    // since a window grew (see scheduleFlush()).
    bool inLongWindow() const;
    // Whether it is long enough for its flush to be one message (GatherMs): a backlog.
    bool inBacklog() const;
    void flushChanges();
    // A window's end (its timer, or a quiet spell): a flush, unless flushes are held.
    void endWindow();
    // A flush now when failovers wait: a bond added or removed must not overtake them.
    void flushFailoversFirst();
    // A flush of the gathered failovers alone (MaxGatheredFailovers reached): the window, its
    // timer and its maps go on as they were.
    void flushGatheredFailovers();
    void forgetCandidates() { m_candidates.reset(); }

    KernelBackend *m_backend;
    LinkTable m_links;
    QHash<int, QList<AddressInfo>> m_addresses;
    RouteTable m_routes;
    bool m_valid = false;
    bool m_monitoring = false;
    bool m_resyncing = false;
    // Slaves and bonds whose slaveChanged / bondChanged is due at the next flush (see scheduleFlush).
    QList<int> m_dirtySlaves;
    QList<int> m_dirtyBonds;
    // The failovers of a long window, in the kernel's order, for its flush.
    struct PendingFailover {
        QString bond, oldActive, newActive;
        qulonglong timestampUsec = 0;
    };
    QList<PendingFailover> m_failovers;
    QTimer m_flush;
    // holdFlushes(): whether flushes wait, and whether a window has ended while they did.
    bool m_held = false;
    bool m_endedWhileHeld = false;
    // Link notifications taken in since the last flush: many mean a backlog, and the next window
    // is made longer (flushChanges()).
    int m_eventsInWindow = 0;
    QElapsedTimer m_sinceFlush;
    // While a long window runs, checks every FlushMs whether the notifications have stopped
    // (m_sinceEvent >= QuietMs), and then flushes at once.
    QTimer m_quiet;
    QElapsedTimer m_sinceEvent;
    // Each bond's /proc/net/bonding as bondState() last read it (BondState::parseProc).
    QHash<int, BondInfo> m_procRead;
    // A failed re-read is tried again after RetryFirstMs, doubling up to RetryMaxMs: a view left
    // stale after lost events would show wrong state for good, since nothing else re-reads it.
    QTimer m_retry;
    int m_retryMs = 0;
    // Each bond's active slave as of the last failover signal (or first sight): the "old" of the
    // next failover, unaffected by the plain RTM_NEWLINKs the kernel sends around one.
    QHash<int, QString> m_lastActive;
    // candidates() as last built; empty once anything they show may have changed.
    std::optional<QList<CandidateInfo>> m_candidates;
};

} // namespace bm::helper
