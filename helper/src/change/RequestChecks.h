// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The checks of a request that need no kernel state: the name rules, the options' names and
// values, the slave list itself. They say the same whoever asks and whatever the kernel holds, so
// Service runs them before it asks polkit (a request that will fail never asks for a password);
// ChangePlanner runs them again, as the first of its own checks, and adds those that need the
// kernel's links.
#pragma once

#include "BondConfig.h"
#include "Outcome.h"

#include <QStringList>
#include <QVariantMap>

namespace bm::helper::RequestChecks {

// An interface name the kernel would accept (and that stays inside /proc/net/bonding).
Outcome name(const QString &name);

// One per write of the contract (shared/dbus/org.bondmanager.Helper1.xml).
Outcome createBond(const QString &name, const QVariantMap &options, const QStringList &slaves);
Outcome deleteBond(const QString &name);
Outcome setOptions(const QString &bond, const QVariantMap &options);
Outcome addSlave(const QString &bond, const QString &slave);
Outcome removeSlave(const QString &bond, const QString &slave);
Outcome setPrimary(const QString &bond, const QString &slave);
Outcome setActiveSlave(const QString &bond, const QString &slave);

// The saving calls. `problems` are those of decoding the caller's map (BondConfig and
// IpConfig::fromVariantMap); the decoded value is checked for its sizes first, then as
// BondConfig::validate or IpConfig::validate says.
Outcome saveWith(const QString &saveWith);
Outcome createConfiguredBond(const BondConfig &config, const QStringList &problems, const QString &saveWith);
Outcome setIpConfig(const QString &bond, const IpConfig &ip, const QStringList &problems);
Outcome saveBond(const QString &bond, const QString &saveWith);
Outcome restoreSaved(const QString &bond);

} // namespace bm::helper::RequestChecks
