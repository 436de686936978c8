// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The bonds on the helper's machine, kept current from the helper's signals and re-read in full
// whenever the helper (re)appears on the bus, so views can bind to it and never poll.
//
//   auto *store = new BondStore(client, this);
//   connect(store, &BondStore::bondChanged, this, [=](const QString &name) {
//       tileFor(name)->show(*store->bond(name)); });
//
// After reset() everything may have changed: rebuild from names()/bond(). Between resets the
// incremental signals say what changed.
#pragma once

#include "BondTypes.h"
#include "HelperClient.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace bm {

class BondStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Loading,            // first read in progress
        Ready,              // bonds() is the helper's view, kept current
        HelperUnavailable,  // no helper answers; retried with back-off
        BondingUnavailable, // the helper answers but the kernel cannot do bonding
        ConnectionLost,     // the bus connection died (HelperLink); bonds() is the last known state
    };
    Q_ENUM(Status)

    // Starts the first read at once. client must outlive the store.
    explicit BondStore(HelperClient *client, QObject *parent = nullptr);

    HelperClient *client() const { return m_client; }
    // Set while the bonds are the last known state of a lost connection: from connectionLost()
    // until the first full read on the new connection is done.
    QDateTime lostAt() const { return m_lostAt; }
    bool isStale() const { return m_lostAt.isValid(); }
    Status status() const { return m_status; }
    // Why the store is not Ready, one sentence; empty when Ready.
    QString statusMessage() const { return m_statusMessage; }

    QStringList names() const { return m_bonds.keys(); } // sorted
    QList<BondInfo> bonds() const { return m_bonds.values(); }
    // nullptr when there is no such bond; valid until the next change to the store.
    const BondInfo *bond(const QString &name) const;

public Q_SLOTS:
    // Re-reads everything (also done on helper restart and after errors).
    void reload();
    // The connection died: keep the bonds as they were last known, ask nothing until setClient().
    void connectionLost(const QDateTime &when);
    // A new connection's client (HelperLink::reconnected): follow it and re-read everything.
    void setClient(bm::HelperClient *client);

Q_SIGNALS:
    void statusChanged(bm::BondStore::Status status);
    void reset();
    void bondAdded(const QString &name);
    void bondRemoved(const QString &name);
    void bondChanged(const QString &name); // also after slaveChanged and failover
    void slaveChanged(const QString &bond, const QString &slave);
    void failover(const QString &bond, const QString &oldActive, const QString &newActive,
                  const QDateTime &when);

private:
    void setStatus(Status status, const QString &message);
    void fail(const CallError &error);
    void finishLoad(quint64 generation);
    void refresh(const QString &name);
    void store(const BondInfo &info);
    void remove(const QString &name);

    void onBondAdded(const QString &name);
    void onBondRemoved(const QString &name);
    void onBondChanged(const QString &name, const BondInfo &info);
    void onSlaveChanged(const QString &bond, const SlaveInfo &slave);
    void onFailover(const QString &bond, const QString &oldActive, const QString &newActive,
                    const QDateTime &when);
    void onOwnerChanged(const QString &newOwner);
    void connectClient();

    HelperClient *m_client;
    QDateTime m_lostAt;
    Status m_status = Status::Loading;
    QString m_statusMessage;
    QMap<QString, BondInfo> m_bonds;

    // A full read in progress: its generation, what it returned, and the bonds that events
    // touched meanwhile (re-read once it is done).
    quint64 m_generation = 0;
    bool m_loading = false;
    QMap<QString, BondInfo> m_loaded;
    QSet<QString> m_touchedWhileLoading;

    QTimer m_retry;
    int m_retryMs = 0;
};

} // namespace bm
