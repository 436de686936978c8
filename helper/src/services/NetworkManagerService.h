// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A bond kept by NetworkManager 1.42: a bond profile and one port profile per slave (NmSettings.h),
// made, changed and deleted only through NetworkManager's D-Bus API, which then makes the kernel
// match; the helper never writes to links NetworkManager owns. Every write runs under an NM
// checkpoint, so a failure (or a helper that dies half-way) is rolled back inside NetworkManager,
// and waits, by NM's signals and within a bound, until NM has done what was asked: the bond
// activated with all its ports, or gone. Nothing here blocks the event loop but load(), which the
// interface makes synchronous. A write still under way when the service is destroyed never calls
// its Done; NetworkManager rolls it back when the checkpoint's timer runs out.
#pragma once

#include "NetworkService.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>

namespace bm::helper {

class NetworkManagerService
    : public QObject
    , public NetworkService
{
    Q_OBJECT

public:
    explicit NetworkManagerService(const QDBusConnection &systemBus, QObject *parent = nullptr);
    ~NetworkManagerService() override;

    NetworkOwner owner() const override { return NetworkOwner::NetworkManager; }

    // Blocks: ListConnections and GetSettings of each profile, each call bounded by 2 s.
    std::optional<SavedBond> load(const QString &bond) override;
    QStringList unsaved(const BondConfig &config) const override;
    QString refusal(const BondConfig &config) const override;

    void create(const BondConfig &config, Done done) override;
    void change(const BondConfig &current, const BondConfig &wanted, Done done) override;
    void remove(const BondConfig &current, Done done) override;

    // A trial's profiles are added (AddConnection2 IN_MEMORY|BLOCK_AUTOCONNECT) or changed
    // (Update2 IN_MEMORY) in memory only, and profiles on their way out keep their files until the
    // commit (autoconnect off in memory, their devices disconnected), under a checkpoint with
    // DELETE_NEW_CONNECTIONS over the devices involved whose timer runs out a margin after the
    // trial's deadline. Carry-over: the ipv4/ipv6 settings of the profile active on the carrying
    // slave go to the bond's profile, its MAC as the bond's assigned MAC.
    void stageTrial(const TrialWrite &write, Done done) override;
    // Settings.Connection.Save of each profile added or changed, Delete of those on their way
    // out, then CheckpointDestroy.
    void commitTrial(const QString &id, Done done) override;
    // CheckpointRollback: NetworkManager puts the profiles and devices back as they were.
    void discardTrial(const QString &id, Done done) override;
    // Keys: checkpoint (s), save, remove, created (as: profile paths).
    QVariantMap trialJournal(const QString &id) const override;
    void discardJournalled(const QVariantMap &journal, Done done) override;

    // How long a write waits for NetworkManager to activate (DHCP waits for a lease) or remove the
    // bond before it is rolled back; the checkpoint's own timeout is longer by a margin.
    void setActivationTimeout(int ms) { m_activationTimeoutMs = ms; }
    int activationTimeout() const { return m_activationTimeoutMs; }

private:
    QDBusConnection m_bus;
    int m_activationTimeoutMs = 45000;
    QHash<QString, QVariantMap> m_trials; // staged trials by id, as trialJournal() gives them
};

} // namespace bm::helper
