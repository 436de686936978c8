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

    // How long a write waits for NetworkManager to activate (DHCP waits for a lease) or remove the
    // bond before it is rolled back; the checkpoint's own timeout is longer by a margin.
    void setActivationTimeout(int ms) { m_activationTimeoutMs = ms; }
    int activationTimeout() const { return m_activationTimeoutMs; }

private:
    QDBusConnection m_bus;
    int m_activationTimeoutMs = 45000;
};

} // namespace bm::helper
