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

// An address with a finite lifetime that the kernel did not make itself: a lease of a DHCP
// client (or DHCPv6, or a userspace SLAAC as NetworkManager's), which renews it on the link it
// runs on and nowhere else.
bool isLease(const AddressInfo &address);
// `carried`'s leases.
QList<AddressInfo> leases(const Carried &carried);

// "mgmt0 carries 10.0.2.15/24 and the default route"; a lease is named as one, with what is
// left of it: "10.0.2.15/24 (a lease, 23:59:30 left)".
QString reason(const Carried &carried);
// "10.0.2.15/24 and the default route via 10.0.2.2 move from mgmt0 to bond1"
QString move(const Carried &carried, const QString &bond);
// A bond saved by no service that would take `moving`'s leases (runtime only): "10.0.2.15/24 on
// mgmt0 is a lease (23:59:30 left) that its DHCP client renews on mgmt0 only: bond1, saved by
// no network service, would lose it when the lease ends. Save bond1 with ifupdown, or give it
// an address of its own." `savers`: the services that could save the bond (saveWith names).
QString leaseRefusal(const Carried &moving, const QString &bond, const QStringList &savers);
// "mgmt0 is up with 10.0.2.15/24 and the default route via 10.0.2.2 again"; without anything
// carried, "mgmt0 is up again" (or "down").
QString restored(const Carried &carried, bool up);

// "A", "A and B", "A, B and C".
QString joinAnd(const QStringList &items);
// "A", "A or B", "A, B or C".
QString joinOr(const QStringList &items);

} // namespace bm::helper::Carrying
