// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondStore.h"

namespace bm {

namespace {

constexpr int FirstRetryMs = 1000;
constexpr int MaxRetryMs = 30000;
// A helper that exits when idle is started again by our next call; wait a moment so a helper
// that keeps crashing is not restarted in a tight loop.
constexpr int RestartDelayMs = 500;

} // namespace

BondStore::BondStore(HelperClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &BondStore::reload);
    connectClient();
    reload();
}

void BondStore::connectClient()
{
    connect(m_client, &HelperClient::bondAdded, this, &BondStore::onBondAdded);
    connect(m_client, &HelperClient::bondRemoved, this, &BondStore::onBondRemoved);
    connect(m_client, &HelperClient::bondChanged, this, &BondStore::onBondChanged);
    connect(m_client, &HelperClient::slaveChanged, this, &BondStore::onSlaveChanged);
    connect(m_client, &HelperClient::failover, this, &BondStore::onFailover);
    connect(m_client, &HelperClient::helperOwnerChanged, this, &BondStore::onOwnerChanged);
}

void BondStore::connectionLost(const QDateTime &when)
{
    // Answers still on their way over the dead connection are dropped by the generation.
    ++m_generation;
    m_loading = false;
    m_loaded.clear();
    m_touchedWhileLoading.clear();
    m_retry.stop();
    m_retryMs = 0;
    if (m_status != Status::ConnectionLost || !m_lostAt.isValid())
        m_lostAt = when;
    setStatus(Status::ConnectionLost, QStringLiteral("the connection to the helper's bus was lost"));
}

void BondStore::setClient(HelperClient *client)
{
    disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    connectClient();
    // Until this read is done the bonds stay as last known (and stale); then reset() replaces them.
    reload();
}

const BondInfo *BondStore::bond(const QString &name) const
{
    const auto it = m_bonds.constFind(name);
    return it == m_bonds.cend() ? nullptr : &it.value();
}

void BondStore::setStatus(Status status, const QString &message)
{
    m_statusMessage = message;
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void BondStore::fail(const CallError &error)
{
    // A dead connection says nothing about the bonds: keep them as last known (HelperLink reports
    // it too, and reconnects) rather than show an empty host.
    if (!m_client->bus().isConnected())
        return connectionLost(QDateTime::currentDateTime());
    m_lostAt = QDateTime();
    m_loading = false;
    ++m_generation;
    if (error.kind == ClientError::BondingUnavailable) {
        setStatus(Status::BondingUnavailable, error.message);
    } else {
        setStatus(Status::HelperUnavailable, error.message);
        // Back off: 1 s, 2 s, 4 s ... 30 s.
        m_retryMs = m_retryMs == 0 ? FirstRetryMs : qMin(m_retryMs * 2, MaxRetryMs);
        m_retry.start(m_retryMs);
    }
    if (!m_bonds.isEmpty()) {
        m_bonds.clear();
        Q_EMIT reset();
    }
}

void BondStore::reload()
{
    m_retry.stop();
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_loaded.clear();
    m_touchedWhileLoading.clear();

    // Both questions at once: a start is one round trip, not two. The bonds are used only once
    // the helper has said the kernel can bond.
    const Call<QList<BondInfo>> allBonds = m_client->getBonds();
    m_client->bondingAvailable().then(this, [this, generation, allBonds](const Result<bool> &available) {
        if (generation != m_generation)
            return;
        if (!available.ok())
            return fail(available.error);
        if (!available.value)
            return fail({ClientError::BondingUnavailable, QString(),
                         QStringLiteral("this kernel has no bonding driver")});
        // Every bond in one call: a start with 64 bonds is one reply, not 65.
        allBonds.then(this, [this, generation](const Result<QList<BondInfo>> &bonds) {
            // Applied behind the signals that reached the client before this reply (they count
            // as touched while loading), so that none of them lands on top of it.
            m_client->afterQueuedSignals(this, [this, generation, bonds] {
                if (generation != m_generation)
                    return;
                if (!bonds.ok())
                    return fail(bonds.error);
                for (const BondInfo &b : bonds.value)
                    m_loaded.insert(b.name, b);
                finishLoad(generation);
            });
        });
    });
}

void BondStore::finishLoad(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_retryMs = 0;
    m_lostAt = QDateTime();
    m_bonds = m_loaded;
    m_loaded.clear();
    setStatus(Status::Ready, QString());
    Q_EMIT reset();
    // Events that arrived during the read may be newer or older than what it returned: ask again.
    const QSet<QString> touched = std::exchange(m_touchedWhileLoading, {});
    for (const QString &name : touched)
        refresh(name);
}

void BondStore::refresh(const QString &name)
{
    const quint64 generation = m_generation;
    // In its place among the signals: one that came after the reply is newer and must stay on top.
    m_client->getBondInSignalOrder(name, this, [this, name, generation](const Result<BondInfo> &r) {
        if (generation != m_generation || m_loading)
            return;
        if (r.ok())
            store(r.value);
        else if (r.error.kind == ClientError::NoSuchBond)
            remove(name);
        else
            fail(r.error);
    });
}

void BondStore::store(const BondInfo &info)
{
    const auto it = m_bonds.find(info.name);
    if (it == m_bonds.end()) {
        m_bonds.insert(info.name, info);
        Q_EMIT bondAdded(info.name);
    } else if (it.value() != info) {
        it.value() = info;
        Q_EMIT bondChanged(info.name);
    }
}

void BondStore::remove(const QString &name)
{
    if (m_bonds.remove(name) > 0)
        Q_EMIT bondRemoved(name);
}

void BondStore::onBondAdded(const QString &name)
{
    if (m_loading)
        m_touchedWhileLoading.insert(name);
    else if (m_status == Status::Ready)
        refresh(name);
}

void BondStore::onBondRemoved(const QString &name)
{
    if (m_loading)
        m_touchedWhileLoading.insert(name);
    else if (m_status == Status::Ready)
        remove(name);
}

void BondStore::onBondChanged(const QString &name, const BondInfo &info)
{
    if (m_loading) {
        m_touchedWhileLoading.insert(name);
    } else if (m_status == Status::Ready) {
        BondInfo copy = info;
        copy.name = name;
        store(copy);
    }
}

void BondStore::onSlaveChanged(const QString &bondName, const SlaveInfo &slave)
{
    if (m_loading) {
        m_touchedWhileLoading.insert(bondName);
        return;
    }
    const auto it = m_bonds.find(bondName);
    if (m_status != Status::Ready || it == m_bonds.end())
        return;
    QList<SlaveInfo> &slaves = it.value().slaves;
    bool found = false;
    for (SlaveInfo &s : slaves) {
        if (s.name == slave.name) {
            if (s == slave)
                return;
            s = slave;
            found = true;
            break;
        }
    }
    if (!found)
        slaves << slave;
    Q_EMIT slaveChanged(bondName, slave.name);
    Q_EMIT bondChanged(bondName);
}

void BondStore::onFailover(const QString &bondName, const QString &oldActive, const QString &newActive,
                           const QDateTime &when)
{
    if (m_loading) {
        m_touchedWhileLoading.insert(bondName);
    } else if (m_status == Status::Ready) {
        const auto it = m_bonds.find(bondName);
        if (it != m_bonds.end()) {
            BondInfo &b = it.value();
            if (newActive.isEmpty())
                b.options.remove(QStringLiteral("active_slave"));
            else
                b.options.insert(QStringLiteral("active_slave"), newActive);
            for (SlaveInfo &s : b.slaves) {
                if (s.name == newActive)
                    s.state = SlaveState::Active;
                else if (s.name == oldActive)
                    s.state = SlaveState::Backup;
            }
        }
    }
    // Even while loading: a failover is an event in time, not state a re-read would show.
    Q_EMIT failover(bondName, oldActive, newActive, when);
    if (!m_loading && m_bonds.contains(bondName))
        Q_EMIT bondChanged(bondName);
}

void BondStore::onOwnerChanged(const QString &newOwner)
{
    if (m_status == Status::ConnectionLost)
        return;
    if (!newOwner.isEmpty()) {
        // A new helper: whatever happened while none was running was not signalled.
        reload();
    } else if (!m_retry.isActive()) {
        m_retry.start(RestartDelayMs);
    }
}

} // namespace bm
