// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Carrying.h"

#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace bm::helper::Carrying {

namespace {

// "A", "A <word> B", "A, B <word> C".
QString joinWith(const QStringList &items, const QString &word)
{
    if (items.size() <= 1)
        return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QLatin1Char(' ') + word
           + QLatin1Char(' ') + items.constLast();
}

// "23:59:30"
QString left(quint32 seconds)
{
    return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// `withLease`: a lease with what is left of it, for what is about to move.
QStringList addressesOf(const Carried &carried, bool withLease)
{
    QStringList items;
    for (const AddressInfo &a : carried.addresses)
        items << (withLease && isLease(a)
                          ? QStringLiteral("%1 (a lease, %2 left)").arg(a.address, left(a.validLifetime))
                          : a.address);
    return items;
}

// The route as a user names it; `withGateway` for where it moves or comes back to.
QString routeName(const RouteInfo &route, bool withGateway)
{
    const bool v6 = route.family == AF_INET6;
    QString name = route.isDefault() ? (v6 ? QStringLiteral("the IPv6 default route")
                                           : QStringLiteral("the default route"))
                                     : QStringLiteral("the route to %1").arg(route.destination);
    if (withGateway && !route.gateway.isEmpty())
        name += QStringLiteral(" via %1").arg(route.gateway);
    return name;
}

QStringList itemsOf(const Carried &carried, bool withGateway, bool withLease)
{
    QStringList items = addressesOf(carried, withLease);
    // The default routes first: the one that matters for the host's connection.
    for (bool defaults : {true, false})
        for (const RouteInfo &r : carried.routes)
            if (r.isDefault() == defaults) {
                const QString name = routeName(r, withGateway);
                if (!items.contains(name))
                    items << name;
            }
    return items;
}

} // namespace

bool isLease(const AddressInfo &address)
{
    return address.validLifetime != AddressInfo::Forever && !address.isKernelMade();
}

QList<AddressInfo> leases(const Carried &carried)
{
    QList<AddressInfo> out;
    for (const AddressInfo &a : carried.addresses)
        if (isLease(a))
            out << a;
    return out;
}

QString joinAnd(const QStringList &items)
{
    return joinWith(items, QStringLiteral("and"));
}

QString joinOr(const QStringList &items)
{
    return joinWith(items, QStringLiteral("or"));
}

Carried of(const QString &name, int ifindex, const QList<AddressInfo> &addresses,
           const QList<RouteInfo> &routes)
{
    Carried carried;
    carried.interface = name;
    for (const AddressInfo &a : addresses)
        if (a.ifindex == ifindex && !a.isLinkLocal())
            carried.addresses << a;
    for (const RouteInfo &r : routes)
        // The kernel's own prefix routes (fe80::/64 of every IPv6 link, an address's subnet)
        // come and go with their addresses.
        if (r.goesOut(ifindex) && r.protocol != RTPROT_KERNEL)
            carried.routes << r;
    return carried;
}

QString reason(const Carried &carried)
{
    return QStringLiteral("%1 carries %2").arg(carried.interface, joinAnd(itemsOf(carried, false, true)));
}

QString move(const Carried &carried, const QString &bond)
{
    const QStringList items = itemsOf(carried, true, true);
    return QStringLiteral("%1 %2 from %3 to %4")
            .arg(joinAnd(items), items.size() == 1 ? QStringLiteral("moves") : QStringLiteral("move"),
                 carried.interface, bond);
}

QString leaseRefusal(const Carried &moving, const QString &bond, const QStringList &savers)
{
    const QList<AddressInfo> all = leases(moving);
    if (all.isEmpty())
        return QString();
    QStringList items;
    for (const AddressInfo &a : all)
        items << a.address;
    // The shortest: the one the bond would lose first.
    quint32 first = AddressInfo::Forever;
    for (const AddressInfo &a : all)
        first = qMin(first, a.validLifetime);
    const bool one = all.size() == 1;
    const QString what = QStringLiteral("%1 on %2 %3 (%4 left) that its DHCP client renews on %2 only: %5, "
                                        "saved by no network service, would lose %6.")
                                 .arg(joinAnd(items), moving.interface,
                                      one ? QStringLiteral("is a lease") : QStringLiteral("are leases"),
                                      left(first), bond,
                                      one ? QStringLiteral("it when the lease ends")
                                          : QStringLiteral("them when the leases end"));
    if (savers.isEmpty())
        return QStringLiteral("%1 Give %2 an address of its own.").arg(what, bond);
    return QStringLiteral("%1 Save %2 with %3, or give it an address of its own.")
            .arg(what, bond, joinOr(savers));
}

QString restored(const Carried &carried, bool up)
{
    const QString state = up ? QStringLiteral("up") : QStringLiteral("down");
    if (!carried.any())
        return QStringLiteral("%1 is %2 again").arg(carried.interface, state);
    return QStringLiteral("%1 is %2 with %3 again")
            .arg(carried.interface, state, joinAnd(itemsOf(carried, true, false)));
}

} // namespace bm::helper::Carrying
