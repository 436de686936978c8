// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The network service "none": a bond kept by the kernel alone, made and changed by rtnetlink
// (ChangePlanner) and gone after a reboot. It saves nothing, so it loads nothing, and what would
// need a service running at boot or all along (DHCP, IPv6 router advertisements) it refuses.
#pragma once

#include "NetworkService.h"

#include <functional>

namespace bm::helper {

class ChangePlanner;
class KernelBackend;
class Transaction;

class RuntimeService : public NetworkService
{
public:
    // `savers` names the services that could run DHCP for a bond now (ServiceRegistry), for the
    // sentence that refuses it here.
    // `kernel` is the one `planner` writes to; the addresses are written to it directly.
    RuntimeService(ChangePlanner *planner, KernelBackend *kernel, std::function<QStringList()> savers);

    NetworkOwner owner() const override { return NetworkOwner::None; }
    std::optional<SavedBond> load(const QString &bond) override;
    QStringList unsaved(const BondConfig &config) const override;
    QString refusal(const BondConfig &config) const override;
    void create(const BondConfig &config, Done done) override;
    void change(const BondConfig &current, const BondConfig &wanted, Done done) override;
    void remove(const BondConfig &current, Done done) override;

private:
    // The static addresses, default gateways (routes of the main table) and MTU of the bond from
    // `current` to `wanted`, each step's undo in `tx` (DNS is refusal()'s).
    Outcome applyAddresses(Transaction &tx, const QString &bond, const IpConfig &current,
                           const IpConfig &wanted);

    ChangePlanner *m_planner;
    KernelBackend *m_kernel;
    std::function<QStringList()> m_savers;
};

} // namespace bm::helper
