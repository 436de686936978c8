// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AddressFlags.h"

namespace bondctl {

namespace {

const QString Off = QStringLiteral("off");
const QString Dhcp = QStringLiteral("dhcp");
const QString Auto = QStringLiteral("auto");

// The method words given among the addresses, and the addresses without them.
QStringList withoutWords(const QStringList &given, const QStringList &words)
{
    QStringList out;
    for (const QString &g : given) {
        if (!words.contains(g))
            out << g;
    }
    return out;
}

} // namespace

const QList<AddressFlag> &addressFlags()
{
    static const QList<AddressFlag> table {
            {"--ip4", "dhcp|off|ADDR/LEN",
             "IPv4: DHCP, off, or a static address with its prefix length (repeatable)", true},
            {"--gw4", "ADDR", "the IPv4 gateway, inside the subnet of a static address", false},
            {"--ip6", "auto|dhcp|off|ADDR/LEN",
             "IPv6: router advertisements (auto), DHCPv6, off, or a static address (repeatable)", true},
            {"--gw6", "ADDR", "the IPv6 gateway", false},
            {"--dns", "ADDR", "a DNS server, IPv4 or IPv6 (repeatable, asked in this order)", true},
            {"--search", "DOMAIN", "a DNS search domain (repeatable)", true},
            {"--mtu", "N", "the bond's MTU", false},
    };
    return table;
}

const AddressFlag *findAddressFlag(QStringView flag)
{
    for (const AddressFlag &f : addressFlags()) {
        if (flag == QLatin1String(f.flag))
            return &f;
    }
    return nullptr;
}

bool AddressRequest::isEmpty() const
{
    return ip4.isEmpty() && ip6.isEmpty() && !gw4 && !gw6 && !dns && !search && !mtu;
}

QString AddressRequest::add(const AddressFlag &flag, const QString &value)
{
    const QString name = QLatin1String(flag.flag);
    if (value.isEmpty())
        return QStringLiteral("%1 needs a value").arg(name);
    auto once = [&](auto &field) {
        if (field)
            return QStringLiteral("%1 is given more than once").arg(name);
        return QString();
    };
    if (name == QLatin1String("--ip4")) {
        ip4 << value;
    } else if (name == QLatin1String("--ip6")) {
        ip6 << value;
    } else if (name == QLatin1String("--gw4")) {
        if (const QString problem = once(gw4); !problem.isEmpty())
            return problem;
        gw4 = value;
    } else if (name == QLatin1String("--gw6")) {
        if (const QString problem = once(gw6); !problem.isEmpty())
            return problem;
        gw6 = value;
    } else if (name == QLatin1String("--dns")) {
        dns = dns.value_or(QStringList()) << value;
    } else if (name == QLatin1String("--search")) {
        search = search.value_or(QStringList()) << value;
    } else if (name == QLatin1String("--mtu")) {
        if (const QString problem = once(mtu); !problem.isEmpty())
            return problem;
        bool ok = false;
        const uint n = value.toUInt(&ok);
        if (!ok)
            return QStringLiteral("--mtu needs a number, not '%1'").arg(value);
        mtu = n;
    }
    return QString();
}

bm::IpConfig AddressRequest::applyTo(bm::IpConfig base) const
{
    if (!ip4.isEmpty()) {
        base.ipv4Method = ip4.contains(Off)    ? bm::Ipv4Method::Off
                          : ip4.contains(Dhcp) ? bm::Ipv4Method::Dhcp
                                               : bm::Ipv4Method::Static;
        base.ipv4Addresses = withoutWords(ip4, {Off, Dhcp});
        base.ipv4Gateway.clear();
    }
    if (gw4)
        base.ipv4Gateway = *gw4;
    if (!ip6.isEmpty()) {
        base.ipv6Method = ip6.contains(Off)    ? bm::Ipv6Method::Off
                          : ip6.contains(Auto) ? bm::Ipv6Method::Auto
                          : ip6.contains(Dhcp) ? bm::Ipv6Method::Dhcp
                                               : bm::Ipv6Method::Static;
        base.ipv6Addresses = withoutWords(ip6, {Off, Auto, Dhcp});
        base.ipv6Gateway.clear();
    }
    if (gw6)
        base.ipv6Gateway = *gw6;
    if (dns)
        base.dnsServers = *dns;
    if (search)
        base.dnsSearch = *search;
    if (mtu)
        base.mtu = *mtu;
    return base;
}

std::optional<QString> saveWithValue(const QString &word)
{
    if (word == QLatin1String("auto"))
        return QString(QLatin1String(""));
    for (const char *name : {"none", "NetworkManager", "networkd", "ifupdown"}) {
        if (word == QLatin1String(name))
            return word;
    }
    return std::nullopt;
}

QString saveWithHelp()
{
    return QStringLiteral("where the bond is saved: auto (the default: the network service that manages "
                          "the slaves), none (not saved: gone after a reboot), NetworkManager, networkd "
                          "or ifupdown");
}

} // namespace bondctl
