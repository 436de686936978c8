// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialSnapshot.h"

#include "BondTypes.h"
#include "Carrying.h"
#include "LinkAddressing.h"
#include "LinkTable.h"

#include <QJsonArray>

#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <algorithm>
#include <functional>
#include <cstring>

namespace bm::helper {

namespace {

// The journal's format; a journal of another version is rolled back as far as it can be read.
constexpr int Version = 1;

QJsonObject toJson(const AddressInfo &a)
{
    return {{QStringLiteral("ifindex"), a.ifindex},
            {QStringLiteral("family"), a.family},
            {QStringLiteral("address"), a.address},
            {QStringLiteral("peer"), a.peer},
            {QStringLiteral("broadcast"), a.broadcast},
            {QStringLiteral("label"), a.label},
            {QStringLiteral("scope"), a.scope},
            {QStringLiteral("flags"), qint64(a.flags)},
            {QStringLiteral("protocol"), a.protocol},
            {QStringLiteral("validLifetime"), qint64(a.validLifetime)},
            {QStringLiteral("preferredLifetime"), qint64(a.preferredLifetime)}};
}

AddressInfo addressFrom(const QJsonObject &o)
{
    AddressInfo a;
    a.ifindex = o.value(QLatin1String("ifindex")).toInt();
    a.family = o.value(QLatin1String("family")).toInt();
    a.address = o.value(QLatin1String("address")).toString();
    a.peer = o.value(QLatin1String("peer")).toString();
    a.broadcast = o.value(QLatin1String("broadcast")).toString();
    a.label = o.value(QLatin1String("label")).toString();
    a.scope = quint8(o.value(QLatin1String("scope")).toInt());
    a.flags = quint32(o.value(QLatin1String("flags")).toInteger());
    a.protocol = quint8(o.value(QLatin1String("protocol")).toInt());
    a.validLifetime = quint32(o.value(QLatin1String("validLifetime")).toInteger(AddressInfo::Forever));
    a.preferredLifetime = quint32(o.value(QLatin1String("preferredLifetime")).toInteger(AddressInfo::Forever));
    return a;
}

QJsonObject toJson(const RouteInfo &r)
{
    QJsonArray hops;
    for (const RouteNextHop &h : r.nexthops)
        hops.append(QJsonObject {{QStringLiteral("ifindex"), h.ifindex},
                                 {QStringLiteral("gateway"), h.gateway},
                                 {QStringLiteral("weight"), h.weight},
                                 {QStringLiteral("flags"), h.flags}});
    return {{QStringLiteral("ifindex"), r.ifindex},
            {QStringLiteral("family"), r.family},
            {QStringLiteral("destination"), r.destination},
            {QStringLiteral("gateway"), r.gateway},
            {QStringLiteral("metric"), qint64(r.metric)},
            {QStringLiteral("protocol"), r.protocol},
            {QStringLiteral("scope"), r.scope},
            {QStringLiteral("type"), r.type},
            {QStringLiteral("table"), qint64(r.table)},
            {QStringLiteral("preferredSource"), r.preferredSource},
            {QStringLiteral("tos"), r.tos},
            {QStringLiteral("flags"), qint64(r.flags)},
            {QStringLiteral("nexthops"), hops}};
}

RouteInfo routeFrom(const QJsonObject &o)
{
    RouteInfo r;
    r.ifindex = o.value(QLatin1String("ifindex")).toInt();
    r.family = o.value(QLatin1String("family")).toInt();
    r.destination = o.value(QLatin1String("destination")).toString();
    r.gateway = o.value(QLatin1String("gateway")).toString();
    r.metric = quint32(o.value(QLatin1String("metric")).toInteger());
    r.protocol = quint8(o.value(QLatin1String("protocol")).toInt());
    r.scope = quint8(o.value(QLatin1String("scope")).toInt());
    r.type = quint8(o.value(QLatin1String("type")).toInt());
    r.table = quint32(o.value(QLatin1String("table")).toInteger());
    r.preferredSource = o.value(QLatin1String("preferredSource")).toString();
    r.tos = quint8(o.value(QLatin1String("tos")).toInt());
    r.flags = quint32(o.value(QLatin1String("flags")).toInteger());
    for (const QJsonValue &v : o.value(QLatin1String("nexthops")).toArray()) {
        const QJsonObject h = v.toObject();
        r.nexthops << RouteNextHop {h.value(QLatin1String("ifindex")).toInt(),
                                    h.value(QLatin1String("gateway")).toString(),
                                    quint8(h.value(QLatin1String("weight")).toInt()),
                                    quint8(h.value(QLatin1String("flags")).toInt())};
    }
    return r;
}

// The address or route with its link's ifindex `from` made `to` (a bond made again gets a new one).
AddressInfo movedTo(AddressInfo a, int to)
{
    a.ifindex = to;
    return a;
}

RouteInfo movedTo(RouteInfo r, int from, int to)
{
    if (r.ifindex == from)
        r.ifindex = to;
    for (RouteNextHop &h : r.nexthops)
        if (h.ifindex == from)
            h.ifindex = to;
    return r;
}

// Addresses and routes the kernel makes by itself, which a restore neither adds nor removes.
bool kernelOwned(const AddressInfo &a)
{
    return a.isKernelMade() || a.isLinkLocal();
}

bool kernelOwned(const RouteInfo &r)
{
    return r.protocol == RTPROT_KERNEL || r.protocol == RTPROT_RA;
}

// IN6_ADDR_GEN_MODE_NONE and _RANDOM (linux/if_link.h).
constexpr int AddrGenNone = 1;
constexpr int AddrGenRandom = 3;

// Whether `link` (as it was) had an IPv6 link-local address the kernel makes by itself that
// `now` (the kernel's addresses of its ifindex of now) lacks. A random one is new at every
// link-up: only its absence counts.
bool lostLinkLocal(const LinkState &link, int ifindex, const QList<AddressInfo> &now)
{
    if (link.ipv6AddrGenMode < 0 || link.ipv6AddrGenMode == AddrGenNone)
        return false;
    const auto linkLocal = [](const AddressInfo &a) { return a.family == AF_INET6 && a.isLinkLocal(); };
    bool had = false;
    for (const AddressInfo &was : link.addresses) {
        if (!linkLocal(was))
            continue;
        had = true;
        for (const AddressInfo &a : now)
            if (a.ifindex == ifindex && linkLocal(a)
                && (link.ipv6AddrGenMode == AddrGenRandom || a.address == was.address))
                return false;
    }
    return had;
}

} // namespace

std::optional<TrialSnapshot> TrialSnapshot::take(KernelBackend *kernel, const QStringList &names)
{
    const auto dumped = kernel->dumpLinks();
    const auto all = LinkAddressing::read(kernel);
    if (!dumped || !all)
        return std::nullopt;
    const LinkTable links(*dumped);
    QStringList wanted;
    for (const QString &name : names) {
        if (!wanted.contains(name))
            wanted << name;
        if (const LinkInfo *bond = links.findBond(name))
            for (const LinkInfo *s : links.slavesOf(bond->ifindex))
                if (!wanted.contains(s->name))
                    wanted << s->name;
    }
    TrialSnapshot snapshot;
    for (const QString &name : std::as_const(wanted)) {
        const LinkInfo *link = links.find(name);
        if (!link) {
            snapshot.absent << name;
            continue;
        }
        LinkState state;
        state.ifindex = link->ifindex;
        state.name = link->name;
        state.kind = link->kind;
        if (const LinkInfo *master = links.find(link->masterIndex); master && link->masterIndex)
            state.master = master->name;
        state.adminUp = link->adminUp;
        state.mac = link->mac;
        state.mtu = link->mtu;
        state.ipv6AddrGenMode = link->ipv6AddrGenMode;
        state.bondOptions = link->bondOptions;
        const LinkAddressing::Snapshot own = LinkAddressing::of(*all, link->ifindex);
        state.addresses = own.addresses;
        state.routes = own.routes;
        snapshot.links << state;
    }
    return snapshot;
}

const LinkState *TrialSnapshot::find(const QString &name) const
{
    for (const LinkState &l : links)
        if (l.name == name)
            return &l;
    return nullptr;
}

QJsonObject TrialSnapshot::toJson() const
{
    QJsonArray linkArray;
    for (const LinkState &l : links) {
        QJsonArray addresses;
        for (const AddressInfo &a : l.addresses)
            addresses.append(bm::helper::toJson(a));
        QJsonArray routes;
        for (const RouteInfo &r : l.routes)
            routes.append(bm::helper::toJson(r));
        linkArray.append(
                QJsonObject {{QStringLiteral("ifindex"), l.ifindex},
                             {QStringLiteral("name"), l.name},
                             {QStringLiteral("kind"), l.kind},
                             {QStringLiteral("master"), l.master},
                             {QStringLiteral("adminUp"), l.adminUp},
                             {QStringLiteral("mac"), l.mac},
                             {QStringLiteral("mtu"), qint64(l.mtu)},
                             {QStringLiteral("ipv6AddrGenMode"), l.ipv6AddrGenMode},
                             {QStringLiteral("bondOptions"), QJsonObject::fromVariantMap(l.bondOptions)},
                             {QStringLiteral("addresses"), addresses},
                             {QStringLiteral("routes"), routes}});
    }
    return {{QStringLiteral("version"), Version},
            {QStringLiteral("links"), linkArray},
            {QStringLiteral("absent"), QJsonArray::fromStringList(absent)}};
}

std::optional<TrialSnapshot> TrialSnapshot::fromJson(const QJsonObject &json)
{
    if (json.value(QLatin1String("version")).toInt() != Version
        || !json.value(QLatin1String("links")).isArray())
        return std::nullopt;
    TrialSnapshot snapshot;
    for (const QJsonValue &v : json.value(QLatin1String("links")).toArray()) {
        const QJsonObject o = v.toObject();
        LinkState l;
        l.ifindex = o.value(QLatin1String("ifindex")).toInt();
        l.name = o.value(QLatin1String("name")).toString();
        l.kind = o.value(QLatin1String("kind")).toString();
        l.master = o.value(QLatin1String("master")).toString();
        l.adminUp = o.value(QLatin1String("adminUp")).toBool();
        l.mac = o.value(QLatin1String("mac")).toString();
        l.mtu = quint32(o.value(QLatin1String("mtu")).toInteger());
        // Absent from the journals of helpers that did not record it: left as it is.
        l.ipv6AddrGenMode = o.value(QLatin1String("ipv6AddrGenMode")).toInt(-1);
        l.bondOptions = o.value(QLatin1String("bondOptions")).toObject().toVariantMap();
        for (const QJsonValue &a : o.value(QLatin1String("addresses")).toArray())
            l.addresses << addressFrom(a.toObject());
        for (const QJsonValue &r : o.value(QLatin1String("routes")).toArray())
            l.routes << routeFrom(r.toObject());
        if (l.name.isEmpty())
            return std::nullopt;
        snapshot.links << l;
    }
    for (const QJsonValue &v : json.value(QLatin1String("absent")).toArray())
        snapshot.absent << v.toString();
    return snapshot;
}

QStringList TrialSnapshot::restore(KernelBackend *kernel, const QStringList &leaveAlone) const
{
    if (!leaveAlone.isEmpty()) {
        TrialSnapshot mine;
        for (const LinkState &l : links)
            if (!leaveAlone.contains(l.name))
                mine.links << l;
        for (const QString &name : absent)
            if (!leaveAlone.contains(name))
                mine.absent << name;
        return mine.restore(kernel);
    }
    QStringList refused;
    const auto check = [&refused](const QString &step, const KernelResult &result) {
        if (!result.ok())
            refused << QStringLiteral("%1: %2").arg(
                    step, result.message.isEmpty() ? QString::fromLocal8Bit(strerror(result.error))
                                                   : result.message);
        return result.ok();
    };
    const auto dump = [kernel] { return LinkTable(kernel->dumpLinks().value_or(QList<LinkInfo>())); };

    // What the trial made goes first: deleting a bond releases its slaves.
    LinkTable now = dump();
    for (const QString &name : absent)
        if (const LinkInfo *link = now.find(name))
            check(QStringLiteral("delete %1").arg(name), kernel->deleteLink(LinkRef(link->ifindex, name)));

    // Bonds the trial deleted come back with their options (their slaves follow below).
    now = dump();
    for (const LinkState &l : links) {
        if (l.kind != QLatin1String("bond") || now.find(l.name))
            continue;
        QVariantMap options = l.bondOptions;
        // Set once the slaves are back.
        options.remove(QStringLiteral("active_slave"));
        options.remove(QStringLiteral("primary"));
        check(QStringLiteral("create %1").arg(l.name), kernel->createBond(l.name, options));
    }

    // Masters: released from what they were added to, added back to what they left.
    now = dump();
    for (const LinkState &l : links) {
        const LinkInfo *link = now.find(l.name);
        if (!link)
            continue;
        const LinkInfo *master = link->masterIndex ? now.find(link->masterIndex) : nullptr;
        const QString current = master ? master->name : QString();
        if (current == l.master)
            continue;
        if (master)
            check(QStringLiteral("release %1 from %2").arg(l.name, current),
                  kernel->setMaster(LinkRef(link->ifindex, l.name), LinkRef()));
        if (!l.master.isEmpty()) {
            kernel->setUp(LinkRef(link->ifindex, l.name), false);
            check(QStringLiteral("add %1 to %2").arg(l.name, l.master),
                  kernel->setMaster(LinkRef(link->ifindex, l.name), LinkRef(l.master)));
        }
    }

    now = dump();
    // Each link of the snapshot that is there now, with its ifindex of now (which the steps
    // below leave as it is: they add or delete no link).
    const auto eachPresent = [&](const std::function<void(const LinkState &, const LinkInfo &)> &step) {
        for (const LinkState &l : links) {
            if (const LinkInfo *link = now.find(l.name))
                step(l, *link);
        }
    };
    const QList<AddressInfo> addressesNow = kernel->dumpAddresses().value_or(QList<AddressInfo>());
    eachPresent([&](const LinkState &l, const LinkInfo &link) {
        const LinkRef ref(link.ifindex, l.name);
        if (l.kind == QLatin1String("bond")) {
            for (const char *key : {"primary", "active_slave"}) {
                const QVariant value = l.bondOptions.value(QLatin1String(key));
                if (!value.toString().isEmpty() && value != link.bondOptions.value(QLatin1String(key)))
                    check(QStringLiteral("set %1 of %2").arg(QLatin1String(key), l.name),
                          kernel->setBondOptions(ref, {{QLatin1String(key), value}}));
            }
        }
        if (l.mtu && link.mtu != l.mtu)
            check(QStringLiteral("set the MTU of %1").arg(l.name), kernel->setMtu(l.name, l.mtu));
        // A slave's MAC is its bond's business (it takes the permanent one back on release).
        if (!l.mac.isEmpty() && link.mac.compare(l.mac, Qt::CaseInsensitive) != 0 && l.master.isEmpty())
            check(QStringLiteral("set the MAC address of %1").arg(l.name), kernel->setMac(ref, l.mac));
        // The kernel makes a link's IPv6 link-local address by its mode when the link comes up,
        // and a mode set while it is up changes nothing until then. NetworkManager sets "none"
        // on the devices it manages (making that address itself), a slave it managed during the
        // trial included: the mode goes back while the link is down, and a link that is up
        // without the link-local address it had goes down and up for the kernel to make it
        // (its IPv4 routes go with that; they come back below with the rest).
        bool up = link.adminUp;
        const bool modeChanged = l.ipv6AddrGenMode >= 0 && link.ipv6AddrGenMode >= 0
                                 && link.ipv6AddrGenMode != l.ipv6AddrGenMode;
        if (up && l.adminUp && (modeChanged || lostLinkLocal(l, link.ifindex, addressesNow)))
            up = !check(QStringLiteral("bring %1 down").arg(l.name), kernel->setUp(ref, false));
        if (modeChanged)
            check(QStringLiteral("set the IPv6 address generation mode of %1").arg(l.name),
                  kernel->setIpv6AddrGenMode(ref, quint8(l.ipv6AddrGenMode)));
        if (up != l.adminUp)
            check(QStringLiteral("bring %1 %2")
                          .arg(l.name, l.adminUp ? QStringLiteral("up") : QStringLiteral("down")),
                  kernel->setUp(ref, l.adminUp));
    });

    // What the trial added (a carried address on the bond, routes) goes from every link before
    // any link gets back what it took: the kernel keeps one route per destination and metric
    // whatever its device, so eth0's default route would be refused while the bond it was
    // carried to still held it. Routes first, then addresses (whose removal may take routes
    // with it), each from a read of its own.
    if (const auto all = LinkAddressing::read(kernel)) {
        eachPresent([&](const LinkState &l, const LinkInfo &link) {
            for (const RouteInfo &r : all->routes) {
                const bool was = std::any_of(l.routes.cbegin(), l.routes.cend(), [&](const RouteInfo &b) {
                    return movedTo(b, l.ifindex, link.ifindex).sameRoute(r);
                });
                if (r.goesOut(link.ifindex) && !was && !kernelOwned(r))
                    kernel->deleteRoute(r);
            }
        });
    }
    if (const auto all = LinkAddressing::read(kernel)) {
        eachPresent([&](const LinkState &l, const LinkInfo &link) {
            for (const AddressInfo &a : all->addresses) {
                const bool was = std::any_of(
                        l.addresses.cbegin(), l.addresses.cend(),
                        [&](const AddressInfo &b) { return movedTo(b, a.ifindex).sameAddress(a); });
                if (a.ifindex == link.ifindex && !was && !kernelOwned(a))
                    check(QStringLiteral("remove %1 from %2").arg(a.address, l.name),
                          kernel->deleteAddress(a));
            }
        });
    }

    // Then what each link had comes back, on its ifindex of now (LinkAddressing reads the
    // kernel again for each).
    eachPresent([&](const LinkState &l, const LinkInfo &link) {
        LinkAddressing::Snapshot before;
        for (const AddressInfo &a : l.addresses)
            before.addresses << movedTo(a, link.ifindex);
        for (const RouteInfo &r : l.routes)
            before.routes << movedTo(r, l.ifindex, link.ifindex);
        LinkAddressing::restore(kernel, before);
    });
    return refused;
}

QStringList TrialSnapshot::restoredSentences(KernelBackend *kernel) const
{
    QStringList sentences;
    const LinkTable now(kernel->dumpLinks().value_or(QList<LinkInfo>()));
    const auto all = LinkAddressing::read(kernel);
    for (const QString &name : absent)
        if (!now.find(name))
            sentences << QStringLiteral("%1 is gone").arg(name);
    for (const LinkState &l : links) {
        const LinkInfo *link = now.find(l.name);
        if (!link) {
            sentences << QStringLiteral("%1 could not be brought back").arg(l.name);
            continue;
        }
        const Carrying::Carried carried = all ? Carrying::of(l.name, link->ifindex, all->addresses,
                                                             all->routes)
                                              : Carrying::Carried {l.name, {}, {}};
        QString sentence = Carrying::restored(carried, link->adminUp);
        if (!l.master.isEmpty())
            sentence = QStringLiteral("%1 is in %2 again").arg(l.name, l.master);
        sentences << sentence;
    }
    return sentences;
}

// The kernel lists addresses and routes in the order they were added: a restore adds them again
// in its own order, which is no difference.
bool operator==(const LinkState &a, const LinkState &b)
{
    return a.ifindex == b.ifindex && a.name == b.name && a.kind == b.kind && a.master == b.master
           && a.adminUp == b.adminUp && a.mac.compare(b.mac, Qt::CaseInsensitive) == 0 && a.mtu == b.mtu
           && a.ipv6AddrGenMode == b.ipv6AddrGenMode && a.bondOptions == b.bondOptions
           && a.addresses.size() == b.addresses.size()
           && std::is_permutation(a.addresses.cbegin(), a.addresses.cend(), b.addresses.cbegin())
           && a.routes.size() == b.routes.size()
           && std::is_permutation(a.routes.cbegin(), a.routes.cend(), b.routes.cbegin());
}

bool operator==(const TrialSnapshot &a, const TrialSnapshot &b)
{
    return a.links == b.links && a.absent == b.absent;
}

} // namespace bm::helper
