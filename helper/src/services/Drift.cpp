// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Drift.h"

#include "IpAddress.h"
#include "OptionTable.h"

namespace bm::helper {

namespace {

QString join(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

bool sameSet(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}

QStringList withoutLinkLocal(const QStringList &addresses)
{
    QStringList out;
    for (const QString &text : addresses) {
        const auto prefix = IpPrefix::parse(text);
        if (!prefix || !prefix->address.isLinkLocal())
            out << text;
    }
    return out;
}

void compareFamily(bool staticMethod, bool off, const char *addressesKey, const char *gatewayKey,
                   const QStringList &savedAddresses, const QString &savedGateway, const QStringList &liveAll,
                   const QString &liveGateway, QList<DriftEntry> *out)
{
    const QStringList live = withoutLinkLocal(liveAll);
    if (staticMethod) {
        if (!sameSet(savedAddresses, live))
            out->append({QLatin1String(addressesKey), join(savedAddresses), join(live)});
        if (savedGateway != liveGateway)
            out->append({QLatin1String(gatewayKey), savedGateway, liveGateway});
    } else if (off && !live.isEmpty()) {
        out->append({QLatin1String(addressesKey), QString(), join(live)});
    }
}

} // namespace

QVariantMap DriftEntry::toVariantMap() const
{
    return {{QStringLiteral("option"), option},
            {QStringLiteral("saved"), saved},
            {QStringLiteral("live"), live}};
}

namespace Drift {

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return join(value.toStringList());
    return value.toString();
}

IpConfig running(const IpConfig &live, const std::optional<IpConfig> &saved)
{
    // ether_setup(): the MTU of a new bond.
    constexpr quint32 NewBondMtu = 1500;
    IpConfig ip = saved.value_or(live);
    if (!saved && live.mtu == NewBondMtu)
        ip.mtu.reset();
    else if (ip.mtu)
        ip.mtu = live.mtu;
    return ip;
}

QList<DriftEntry> compare(const BondConfig &saved, const BondConfig &live)
{
    QList<DriftEntry> out;
    for (const OptionSpec &spec : OptionTable::all()) {
        const QString name = QLatin1String(spec.name);
        if (!saved.options.contains(name) || !live.options.contains(name))
            continue;
        const QVariant s = saved.options.value(name);
        const QVariant l = live.options.value(name);
        const bool same = spec.isList() ? sameSet(s.toStringList(), l.toStringList()) : s == l;
        if (!same)
            out.append({name, valueText(s), valueText(l)});
    }
    if (!sameSet(saved.slaves, live.slaves))
        out.append({QStringLiteral("slaves"), join(saved.slaves), join(live.slaves)});
    if (saved.primary != live.primary)
        out.append({QStringLiteral("primary"), saved.primary, live.primary});

    const IpConfig &s = saved.ip;
    const IpConfig &l = live.ip;
    compareFamily(s.ipv4Method == Ipv4Method::Static, s.ipv4Method == Ipv4Method::Off, "ipv4Addresses",
                  "ipv4Gateway", s.ipv4Addresses, s.ipv4Gateway, l.ipv4Addresses, l.ipv4Gateway, &out);
    compareFamily(s.ipv6Method == Ipv6Method::Static, s.ipv6Method == Ipv6Method::Off, "ipv6Addresses",
                  "ipv6Gateway", s.ipv6Addresses, s.ipv6Gateway, l.ipv6Addresses, l.ipv6Gateway, &out);
    if (s.mtu && l.mtu && *s.mtu != *l.mtu)
        out.append({QStringLiteral("mtu"), QString::number(*s.mtu), QString::number(*l.mtu)});
    return out;
}

} // namespace Drift
} // namespace bm::helper
