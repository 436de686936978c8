// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What an interface carries that a write could take from the host: its addresses other than
// link-local ones and the routes of the main table that go out of it (the trial contract,
// shared/dbus/org.bondmanager.Helper1.xml), and the sentences Preview, Try and the rollback say
// about them. Link-local addresses and the routes the kernel makes itself for an address's own
// prefix are no reason: every interface that is up has them.
#pragma once

#include "KernelBackend.h"

#include <QStringList>

namespace bm::helper::Carrying {

struct Carried {
    QString interface;
    QList<AddressInfo> addresses; // not link-local
    QList<RouteInfo> routes;      // main table, not the kernel's prefix routes
    bool any() const { return !addresses.isEmpty() || !routes.isEmpty(); }
};

// What of `addresses` and `routes` the link `ifindex` (called `name`) carries.
Carried of(const QString &name, int ifindex, const QList<AddressInfo> &addresses,
           const QList<RouteInfo> &routes);

// "mgmt0 carries 10.0.2.15/24 and the default route"
QString reason(const Carried &carried);
// "10.0.2.15/24 and the default route via 10.0.2.2 move from mgmt0 to bond1"
QString move(const Carried &carried, const QString &bond);
// "mgmt0 is up with 10.0.2.15/24 and the default route via 10.0.2.2 again"; without anything
// carried, "mgmt0 is up again" (or "down").
QString restored(const Carried &carried, bool up);

// "A", "A and B", "A, B and C".
QString joinAnd(const QStringList &items);

} // namespace bm::helper::Carrying
