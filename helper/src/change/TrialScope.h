// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Which interfaces a write touches in the terms of the trial contract
// (shared/dbus/org.bondmanager.Helper1.xml, "Trials"): those it enslaves, releases, deletes,
// re-modes (SetOptions with mode) or re-addresses (SetIpConfig, CreateConfiguredBond with ip).
// A bond among them stands for its slaves too (Service expands it from the links).
#pragma once

#include <QStringList>
#include <QVariantList>

namespace bm::helper {

struct TrialScope {
    // The bond the write is about (a new one's name for a create).
    QString bond;
    // Interfaces the write adds to the bond: what they carry moves to it (carry-over).
    QStringList enslaved;
    // Every interface the write touches, enslaved ones included.
    QStringList touched;
    // The write makes the bond (CreateBond, CreateConfiguredBond).
    bool creates = false;
};

// `arguments` decoded as the call's in-arguments (QString, QVariantMap, QStringList; WriteCall).
TrialScope scopeOf(const QString &call, const QVariantList &arguments);

} // namespace bm::helper
