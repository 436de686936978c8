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

    // While a trial is open, a write's profiles are added (AddConnection2 IN_MEMORY|
    // BLOCK_AUTOCONNECT) or changed (Update2 IN_MEMORY) in memory only, and profiles on their way
    // out keep their files until the commit (autoconnect off in memory, their devices
    // disconnected), under a checkpoint with DELETE_NEW_CONNECTIONS over the devices involved whose
    // timer runs out a margin after the trial's deadline (NetworkManager's own safety net for a
    // helper that died). Carry-over: the ipv4/ipv6 settings of the profile active on a slave that
    // has addresses go to the bond's profile, its MAC as the bond's assigned MAC. The recorded
    // part names the bond and its slaves as interfaces NetworkManager puts back itself.
    void setTrial(const ServiceTrial *trial) override;
    // Settings.Connection.Save of each profile added or changed, Delete of those on their way
    // out, then CheckpointDestroy.
    void commitTrial(const QString &id, const QJsonObject &part, Done done) override;
    // CheckpointRollback (NetworkManager puts profiles and devices back as they were), then the
    // trial's profiles that are still there are deleted.
    void rollbackTrial(const QString &id, const QJsonObject &part, Done done) override;

    // How long a write waits for NetworkManager to activate (DHCP waits for a lease) or remove the
    // bond before it is rolled back; the checkpoint's own timeout is longer by a margin.
    void setActivationTimeout(int ms) { m_activationTimeoutMs = ms; }
    int activationTimeout() const { return m_activationTimeoutMs; }

private:
    QDBusConnection m_bus;
    int m_activationTimeoutMs = 45000;
    std::optional<ServiceTrial> m_trial; // open around a write (setTrial())
};

} // namespace bm::helper
