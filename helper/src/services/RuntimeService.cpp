// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RuntimeService.h"

#include "ChangePlanner.h"
#include "ConfigDiff.h"
#include "ErrorNames.h"
#include "Failures.h"
#include "KernelBackend.h"
#include "LinkAddressing.h"
#include "LinkTable.h"
#include "Transaction.h"

#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <utility>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

// "NetworkManager", "NetworkManager or ifupdown", "NetworkManager, systemd-networkd or ifupdown".
QString alternatives(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" or ")
           + names.last();
}

AddressInfo addressOf(int ifindex, const QString &address)
{
    AddressInfo a;
    a.ifindex = ifindex;
    a.family = address.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    a.address = address;
    return a;
}

// The default route of the main table through `gateway`, as a static one of ours.
RouteInfo defaultRoute(int ifindex, int family, const QString &gateway)
{
    RouteInfo r;
    r.ifindex = ifindex;
    r.family = family;
    r.destination = family == AF_INET6 ? QStringLiteral("::/0") : QStringLiteral("0.0.0.0/0");
    r.gateway = gateway;
    r.protocol = RTPROT_STATIC;
    r.scope = RT_SCOPE_UNIVERSE;
    r.type = RTN_UNICAST;
    r.table = RT_TABLE_MAIN;
    return r;
}

// ip6_route_info_create(): an IPv6 route added without a metric gets IP6_RT_PRIO_USER.
quint32 metricOf(const RouteInfo &route)
{
    return route.family == AF_INET6 && route.metric == 0 ? 1024 : route.metric;
}

// The route of `routes` that keeps the kernel from adding `route` (fib_table_insert() and
// fib6_add_rt2node() with NLM_F_EXCL): the same table, destination, tos and metric, whatever its
// device and gateway.
const RouteInfo *clashOf(const QList<RouteInfo> &routes, const RouteInfo &route)
{
    for (const RouteInfo &r : routes)
        if (r.family == route.family && r.table == route.table && r.destination == route.destination
            && r.tos == route.tos && metricOf(r) == metricOf(route))
            return &r;
    return nullptr;
}

// Why the gateway `route` (of `bond`) is refused when the kernel says it exists: which route is
// in its place, by the interface it goes out of.
Failure gatewayRefused(const QString &bond, const RouteInfo &route, const KernelResult &result,
                       const RouteInfo *clash, const LinkTable &links)
{
    const QString step = QStringLiteral("set the gateway %1 of %2").arg(route.gateway, bond);
    if (result.error != EEXIST || !clash)
        return kernelRefused(step, result);
    const LinkInfo *out = links.find(clash->ifindex);
    const QString where = out ? out->name : QStringLiteral("interface %1").arg(clash->ifindex);
    const QString existing = clash->gateway.isEmpty() ? QStringLiteral("a default route on %1").arg(where)
                                                      : QStringLiteral("a default route via %1 on %2")
                                                                .arg(clash->gateway, where);
    return {E::KernelRefused,
            QStringLiteral("The kernel refused to %1: the main table has %2 with the same metric (%3) "
                           "already, and it takes one default route per metric. Remove that route first, "
                           "or leave the gateway of %4 empty.")
                    .arg(step, existing)
                    .arg(metricOf(*clash))
                    .arg(bond)};
}

} // namespace

RuntimeService::RuntimeService(ChangePlanner *planner, KernelBackend *kernel,
                               std::function<QStringList()> savers)
    : m_planner(planner)
    , m_kernel(kernel)
    , m_savers(std::move(savers))
{ }

std::optional<SavedBond> RuntimeService::load(const QString &)
{
    return std::nullopt;
}

QStringList RuntimeService::unsaved(const BondConfig &) const
{
    // Nothing is saved at all, which persistence's backend "none" says once for the whole bond.
    return {};
}

QString RuntimeService::refusal(const BondConfig &config) const
{
    QStringList needs;
    if (config.ip.ipv4Method == Ipv4Method::Dhcp)
        needs << QStringLiteral("DHCP");
    if (config.ip.ipv6Method == Ipv6Method::Auto)
        needs << QStringLiteral("IPv6 autoconfiguration");
    if (config.ip.ipv6Method == Ipv6Method::Dhcp)
        needs << QStringLiteral("DHCPv6");
    // Nothing but a service hands DNS servers to the resolver.
    if (needs.isEmpty() && (!config.ip.dnsServers.isEmpty() || !config.ip.dnsSearch.isEmpty()))
        needs << QStringLiteral("DNS");
    if (needs.isEmpty())
        return QString();
    const QString what = needs.join(QStringLiteral(" and "));
    const QStringList savers = m_savers ? m_savers() : QStringList();
    if (savers.isEmpty())
        return QStringLiteral("%1 on %2 needs a network service to run it, and none that Bond Manager "
                              "can save a bond with (NetworkManager, systemd-networkd, ifupdown) is "
                              "available for it; use static addresses or leave the addresses off.")
                .arg(what, config.name);
    return QStringLiteral("%1 on %2 needs a network service to run it; save the bond with %3.")
            .arg(what, config.name, alternatives(savers));
}

Outcome RuntimeService::applyAddresses(Transaction &tx, const QString &bond, const IpConfig &current,
                                       const IpConfig &wanted)
{
    if (current == wanted)
        return std::nullopt;
    const auto dumped = m_kernel->dumpLinks();
    if (!dumped)
        return dumpFailed();
    const LinkTable links(*dumped);
    const LinkInfo *link = links.findBond(bond);
    if (!link)
        return noSuchBond(bond);
    const int ifindex = link->ifindex;
    const auto refused = [&](const QString &step, const KernelResult &r) { return kernelRefused(step, r); };

    // What the bond has now, exactly as the kernel reports it (broadcast, label, lifetimes,
    // protocol, metric): what is removed below is put back from it.
    const std::optional<LinkAddressing::Snapshot> all = LinkAddressing::read(m_kernel);
    if (!all)
        return dumpFailed();
    const LinkAddressing::Snapshot had = LinkAddressing::of(*all, ifindex);

    // The MTU first: addresses and routes do not depend on it, and it is the easiest to refuse.
    if (wanted.mtu && *wanted.mtu != link->mtu) {
        const KernelResult r = m_kernel->setMtu(bond, *wanted.mtu);
        if (!r.ok())
            return refused(QStringLiteral("set the MTU of %1 to %2").arg(bond).arg(*wanted.mtu), r);
        tx.onRollback([this, bond, mtu = link->mtu] { m_kernel->setMtu(bond, mtu); });
    }
    // Undone after what is added below is removed again (the undo runs in reverse).
    tx.onRollback([this, had] { LinkAddressing::restore(m_kernel, had); });

    // Gateways out first (a route needs the address its gateway is reached by), addresses next,
    // gateways in last.
    const QList<std::pair<int, std::pair<QString, QString>>> gateways {
            {AF_INET, {current.ipv4Gateway, wanted.ipv4Gateway}},
            {AF_INET6, {current.ipv6Gateway, wanted.ipv6Gateway}}};
    for (const auto &[family, change] : gateways) {
        if (change.first == change.second)
            continue;
        for (const RouteInfo &r : had.routes) {
            if (r.family != family || !r.isDefault() || r.ifindex != ifindex || r.gateway != change.first
                || r.gateway.isEmpty())
                continue;
            const KernelResult removed = m_kernel->deleteRoute(r);
            if (!removed.ok())
                return refused(QStringLiteral("remove the gateway %1 of %2").arg(r.gateway, bond), removed);
        }
    }
    const QStringList before = current.ipv4Addresses + current.ipv6Addresses;
    const QStringList after = wanted.ipv4Addresses + wanted.ipv6Addresses;
    for (const QString &address : before) {
        if (after.contains(address))
            continue;
        AddressInfo a = addressOf(ifindex, address);
        for (const AddressInfo &kept : had.addresses)
            if (kept.sameAddress(a))
                a = kept;
        const KernelResult r = m_kernel->deleteAddress(a);
        if (!r.ok())
            return refused(QStringLiteral("remove the address %1 from %2").arg(address, bond), r);
    }
    for (const QString &address : after) {
        if (before.contains(address))
            continue;
        const AddressInfo a = addressOf(ifindex, address);
        const KernelResult r = m_kernel->addAddress(a);
        if (!r.ok())
            return refused(QStringLiteral("add the address %1 to %2").arg(address, bond), r);
        tx.onRollback([this, a] { m_kernel->deleteAddress(a); });
    }
    for (const auto &[family, change] : gateways) {
        if (change.first == change.second || change.second.isEmpty())
            continue;
        const RouteInfo route = defaultRoute(ifindex, family, change.second);
        const KernelResult r = m_kernel->addRoute(route);
        if (!r.ok()) {
            const auto now = m_kernel->dumpRoutes();
            return gatewayRefused(bond, route, r, now ? clashOf(*now, route) : nullptr, links);
        }
        tx.onRollback([this, route] { m_kernel->deleteRoute(route); });
    }
    return std::nullopt;
}

void RuntimeService::create(const BondConfig &config, Done done)
{
    if (const QString why = refusal(config); !why.isEmpty()) {
        done(Failure {E::InvalidArgument, why});
        return;
    }
    QVariantMap options = config.options;
    if (!config.primary.isEmpty())
        options.insert(QStringLiteral("primary"), config.primary);
    if (auto failed = m_planner->createBond(config.name, options, config.slaves)) {
        done(failed);
        return;
    }
    // The addresses on the new bond; refused, the bond goes again, as the planner's own undo would.
    Transaction tx;
    if (auto failed = applyAddresses(tx, config.name, IpConfig(), config.ip)) {
        tx.rollback();
        m_planner->deleteBond(config.name);
        done(failed);
        return;
    }
    tx.commit();
    done(std::nullopt);
}

void RuntimeService::change(const BondConfig &current, const BondConfig &wanted, Done done)
{
    if (const QString why = refusal(wanted); !why.isEmpty()) {
        done(Failure {E::InvalidArgument, why});
        return;
    }
    const ConfigDiff diff = ConfigDiff::between(current, wanted);
    // The addresses first, undone when the planner refuses its part (which undoes its own).
    Transaction tx;
    if (diff.ipChanged)
        if (auto failed = applyAddresses(tx, wanted.name, current.ip, wanted.ip)) {
            done(failed);
            return;
        }
    if (auto failed = m_planner->applyDiff(wanted.name, diff)) {
        done(failed);
        return;
    }
    tx.commit();
    done(std::nullopt);
}

void RuntimeService::remove(const BondConfig &current, Done done)
{
    done(m_planner->deleteBond(current.name));
}

} // namespace bm::helper
