// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's writes as steps on the kernel. Each request is checked first by RequestChecks (the
// same checks Service makes before it asks polkit), then against a fresh dump of the links, and
// performed as one Transaction: when the kernel refuses a step, the steps before it are undone.
// Every step and every undo addresses its links by ifindex (LinkRef), taken from that dump or
// from the kernel's answer to a creation, so that another program renaming a link meanwhile
// cannot redirect them: a step finds the link renamed and fails, and the undo still reaches it.
// It needs nothing but a KernelBackend: authorisation and the reply are the caller's
// (dbus/Service), and the unit tests drive it against an in-memory kernel
// (tests/unit/TestChangePlanner.cpp).
#pragma once

#include "ConfigDiff.h"
#include "KernelBackend.h"
#include "LinkAddressing.h"
#include "Outcome.h"

namespace bm::helper {

class LinkTable;
class Transaction;

class ChangePlanner
{
public:
    explicit ChangePlanner(KernelBackend *kernel);

    // Options as the contract takes them (user spelling, checked and normalised through
    // OptionTable); names of interfaces as the kernel knows them.
    Outcome createBond(const QString &name, const QVariantMap &options, const QStringList &slaves);
    Outcome deleteBond(const QString &name);
    Outcome setOptions(const QString &bond, const QVariantMap &options);
    Outcome addSlave(const QString &bond, const QString &slave);
    Outcome removeSlave(const QString &bond, const QString &slave);

    // The checks addSlave and removeSlave make against the kernel's links, without a change: a
    // caller that turns AddSlave into a wanted configuration (services/NetworkService.h) would
    // otherwise see a slave the bond already has as no change at all.
    Outcome checkAddSlave(const QString &bond, const QString &slave);
    Outcome checkRemoveSlave(const QString &bond, const QString &slave);

    // The bond brought along `diff` as one Transaction: the slaves released, the options set
    // (checked as setOptions checks them), the slaves added, the primary set; when the kernel
    // refuses a step, everything before it is undone. The addresses are not the planner's:
    // diff.ipChanged is ignored here.
    Outcome applyDiff(const QString &bond, const ConfigDiff &diff);

    // A driver not loaded yet is usually a module the kernel loads for the first bond: it counts
    // as available until the kernel has refused a bond for want of it.
    bool bondingAvailable() const;

    // Whether `slave` can become a slave of the new bond `bond` by `links`: the checks createBond
    // and addSlave make, for a service whose daemon enslaves it (NetworkdService).
    static Outcome checkSlave(const LinkTable &links, const QString &slave, const QString &bond);

private:
    // `before` holds the addresses and routes of every link, for the undo to put the slave's back.
    Outcome enslave(Transaction &tx, const LinkInfo &slave, const LinkRef &bond,
                    const LinkAddressing::Snapshot &before);
    // The steps of removeSlave and setOptions inside a caller's transaction, checked against
    // `links` (a dump taken just before); `before` as for enslave.
    Outcome release(Transaction &tx, const LinkTable &links, const QString &bond, const QString &slave,
                    const LinkAddressing::Snapshot &before);
    Outcome changeOptions(Transaction &tx, const LinkTable &links, const QString &bond,
                          const QVariantMap &options);

    KernelBackend *m_kernel;
    // The kernel refused the last bond created for want of a bonding driver (and none is loaded).
    bool m_bondingRefused = false;
};

} // namespace bm::helper
