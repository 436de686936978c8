// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's writes as steps on the kernel. Each request is checked first by RequestChecks (the
// same checks Service makes before it asks polkit), then against a fresh dump of the links, and
// performed as one Transaction: when the kernel refuses a step, the steps before it are undone.
// It needs nothing but a KernelBackend: authorisation and the reply are the caller's
// (dbus/Service), and the unit tests drive it against an in-memory kernel
// (tests/unit/TestChangePlanner.cpp).
#pragma once

#include "ConfigDiff.h"
#include "KernelBackend.h"
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

private:
    Outcome enslave(Transaction &tx, const LinkInfo &slave, const QString &bond);
    // The steps of removeSlave and setOptions inside a caller's transaction, checked against
    // `links` (a dump taken just before).
    Outcome release(Transaction &tx, const LinkTable &links, const QString &bond, const QString &slave);
    Outcome changeOptions(Transaction &tx, const LinkTable &links, const QString &bond,
                          const QVariantMap &options);

    KernelBackend *m_kernel;
    // The kernel refused the last bond created for want of a bonding driver (and none is loaded).
    bool m_bondingRefused = false;
};

} // namespace bm::helper
