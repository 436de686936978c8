// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Carrying.h"

#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace bm::helper::Carrying {

namespace {

QStringList addressesOf(const Carried &carried)
{
    QStringList items;
    for (const AddressInfo &a : carried.addresses)
        items << a.address;
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

QStringList itemsOf(const Carried &carried, bool withGateway)
{
    QStringList items = addressesOf(carried);
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

QString joinAnd(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
           + items.constLast();
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
    return QStringLiteral("%1 carries %2").arg(carried.interface, joinAnd(itemsOf(carried, false)));
}

QString move(const Carried &carried, const QString &bond)
{
    return QStringLiteral("%1 %2 from %3 to %4")
            .arg(joinAnd(itemsOf(carried, true)),
                 itemsOf(carried, true).size() == 1 ? QStringLiteral("moves") : QStringLiteral("move"),
                 carried.interface, bond);
}

QString restored(const Carried &carried, bool up)
{
    const QString state = up ? QStringLiteral("up") : QStringLiteral("down");
    if (!carried.any())
        return QStringLiteral("%1 is %2 again").arg(carried.interface, state);
    return QStringLiteral("%1 is %2 with %3 again")
            .arg(carried.interface, state, joinAnd(itemsOf(carried, true)));
}

} // namespace bm::helper::Carrying
