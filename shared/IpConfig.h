// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The addresses a bond is saved with: what a network service (NetworkManager, systemd-networkd,
// ifupdown) configures on it at boot. One shape for all of them; each service's writer maps it
// to its own spelling. toVariantMap() is the a{sv} that travels over D-Bus.
#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace bm {

enum class Ipv4Method : quint8 { Off, Dhcp, Static };
enum class Ipv6Method : quint8 { Off, Auto, Dhcp, Static };

// "off", "dhcp", "static".
QString ipv4MethodName(Ipv4Method method);
std::optional<Ipv4Method> ipv4MethodFromName(QStringView name);
// "off", "auto" (router advertisements, SLAAC), "dhcp" (DHCPv6 only), "static".
QString ipv6MethodName(Ipv6Method method);
std::optional<Ipv6Method> ipv6MethodFromName(QStringView name);

inline constexpr quint32 MinMtu = 68; // ETH_MIN_MTU, and the IPv4 minimum
inline constexpr quint32 MaxMtu = 65535;
inline constexpr quint32 MinIpv6Mtu = 1280; // IPV6_MIN_MTU: below it the kernel turns IPv6 off

struct IpConfig {
    Ipv4Method ipv4Method = Ipv4Method::Off;
    QStringList ipv4Addresses; // "192.0.2.10/24", canonical when parseable
    QString ipv4Gateway;       // empty: none
    Ipv6Method ipv6Method = Ipv6Method::Off;
    QStringList ipv6Addresses; // "2001:db8::10/64"
    QString ipv6Gateway;
    QStringList dnsServers;     // IPv4 and IPv6 servers, in the order they are asked
    QStringList dnsSearch;      // search domains
    std::optional<quint32> mtu; // empty: leave the MTU alone

    QStringList ipv4DnsServers() const; // the IPv4 ones of dnsServers, in order
    QStringList ipv6DnsServers() const;

    // One sentence per problem: prefix lengths, link-local or otherwise unusable addresses, a
    // gateway outside every configured subnet, addresses or gateways with a method that takes
    // none, DNS servers of a family that is off, search domains, the MTU. Empty when saveable.
    QStringList validate() const;

    // Keys: ipv4Method, ipv4Addresses, ipv4Gateway, ipv6Method, ipv6Addresses, ipv6Gateway,
    // dnsServers, dnsSearch, and mtu (u) when set.
    QVariantMap toVariantMap() const;
    // Unknown keys, values of the wrong type and unknown method names are reported in problems
    // and left at their defaults; addresses are made canonical where they parse (validate() says
    // what is wrong with the others).
    static IpConfig fromVariantMap(const QVariantMap &map, QStringList *problems = nullptr);

    friend bool operator==(const IpConfig &a, const IpConfig &b);
    friend bool operator!=(const IpConfig &a, const IpConfig &b) { return !(a == b); }
};

} // namespace bm
