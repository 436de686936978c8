// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "IpConfig.h"

#include "IpAddress.h"

#include <QCoreApplication>

namespace bm {

namespace {

// The messages' context, "IpConfig", as lupdate files them (translations/CMakeLists.txt) and
// as the GUI's translator looks them up.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(IpConfig)
};

struct FamilyText {
    IpAddress::Family family;
    const char *name; // "IPv4", "IPv6"
    const char *example;
    int maxLength;
};

const FamilyText V4 {IpAddress::Family::V4, "IPv4", "192.0.2.10/24", 32};
const FamilyText V6 {IpAddress::Family::V6, "IPv6", "2001:db8::10/64", 128};

QString family(const FamilyText &f)
{
    return QString::fromLatin1(f.name);
}

// Problems of one family's static addresses; fills `subnets` with the ones that parse.
QStringList checkAddresses(const QStringList &addresses, const FamilyText &f, QList<IpPrefix> *subnets)
{
    QStringList problems;
    for (const QString &text : addresses) {
        const qsizetype slash = text.indexOf(QLatin1Char('/'));
        const auto address = IpAddress::parse(QStringView(text).left(slash < 0 ? text.size() : slash));
        if (!address || address->family != f.family) {
            problems << Text::tr("'%1' is not an %2 address with a prefix length, like %3")
                                .arg(text, family(f), QString::fromLatin1(f.example));
            continue;
        }
        const auto prefix = IpPrefix::parse(text);
        if (slash < 0 || !prefix || prefix->length < 1) {
            problems << Text::tr("%1 needs a prefix length between 1 and %2, like %3")
                                .arg(text)
                                .arg(f.maxLength)
                                .arg(QString::fromLatin1(f.example));
            continue;
        }
        const IpAddress &a = prefix->address;
        const QString shown = prefix->toString();
        if (a.isLinkLocal()) {
            problems << Text::tr("%1 is a link-local address, which the kernel assigns by itself; it "
                                 "cannot be set as a static address")
                                .arg(shown);
            continue;
        }
        if (a.isLoopback() || a.isMulticast() || a.isUnspecified() || a.isLimitedBroadcast()) {
            problems << Text::tr("%1 cannot be the address of a network interface").arg(shown);
            continue;
        }
        if (prefix->isNetworkAddress()) {
            problems << Text::tr("%1 is the network address of its subnet, not a host address").arg(shown);
            continue;
        }
        if (prefix->isBroadcastAddress()) {
            problems << Text::tr("%1 is the broadcast address of its subnet, not a host address").arg(shown);
            continue;
        }
        bool duplicate = false;
        for (const IpPrefix &seen : std::as_const(*subnets))
            duplicate = duplicate || seen.address == a;
        if (duplicate) {
            problems << Text::tr("%1 is listed twice").arg(a.toString());
            continue;
        }
        subnets->append(*prefix);
    }
    return problems;
}

QStringList checkGateway(const QString &gateway, const FamilyText &f, const QList<IpPrefix> &subnets)
{
    if (gateway.isEmpty())
        return {};
    const auto address = IpAddress::parse(gateway);
    if (!address || address->family != f.family)
        return {Text::tr("the %1 gateway '%2' is not an %1 address").arg(family(f), gateway)};
    for (const IpPrefix &subnet : subnets) {
        if (subnet.address == *address)
            return {Text::tr("the %1 gateway %2 is one of the configured addresses")
                            .arg(family(f), address->toString())};
    }
    // An IPv6 router is usually reached by its link-local address: on-link by definition.
    if (!address->isV4() && address->isLinkLocal())
        return {};
    if (address->isMulticast() || address->isUnspecified() || address->isLoopback()
        || address->isLimitedBroadcast())
        return {Text::tr("%1 cannot be a gateway").arg(address->toString())};
    for (const IpPrefix &subnet : subnets) {
        if (subnet.contains(*address))
            return {};
    }
    if (subnets.isEmpty())
        return {}; // reported as a missing address already
    QStringList shown;
    for (const IpPrefix &subnet : subnets)
        shown << subnet.toString();
    return {Text::tr("the %1 gateway %2 is not inside a configured subnet (%3)")
                    .arg(family(f), address->toString(), shown.join(QStringLiteral(", ")))};
}

bool validDomain(const QString &domain)
{
    QString name = domain;
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty() || name.size() > 253)
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-'))
            || label.endsWith(QLatin1Char('-')))
            return false;
        for (QChar c : label) {
            const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                            || c == u'-' || c == u'_';
            if (!ok)
                return false;
        }
    }
    return true;
}

QString canonicalPrefix(const QString &text)
{
    const auto prefix = IpPrefix::parse(text.trimmed());
    return prefix ? prefix->toString() : text.trimmed();
}

QString canonicalAddress(const QString &text)
{
    const auto address = IpAddress::parse(text.trimmed());
    return address ? address->toString() : text.trimmed();
}

QStringList serversOf(const QStringList &servers, IpAddress::Family f)
{
    QStringList out;
    for (const QString &server : servers) {
        const auto address = IpAddress::parse(server);
        if (address && address->family == f)
            out << server;
    }
    return out;
}

// Reads a string list given as `as`, `av` of strings or one string (comma or space separated).
std::optional<QStringList> stringList(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QStringList:
        return value.toStringList();
    case QMetaType::QString: {
        QString text = value.toString();
        text.replace(QLatin1Char(','), QLatin1Char(' '));
        return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    case QMetaType::QVariantList: {
        QStringList out;
        const QVariantList list = value.toList();
        for (const QVariant &item : list) {
            if (item.typeId() != QMetaType::QString)
                return std::nullopt;
            out << item.toString();
        }
        return out;
    }
    default:
        return std::nullopt;
    }
}

} // namespace

QString ipv4MethodName(Ipv4Method method)
{
    switch (method) {
    case Ipv4Method::Off:
        return QStringLiteral("off");
    case Ipv4Method::Dhcp:
        return QStringLiteral("dhcp");
    case Ipv4Method::Static:
        return QStringLiteral("static");
    }
    return QString();
}

std::optional<Ipv4Method> ipv4MethodFromName(QStringView name)
{
    for (Ipv4Method m : {Ipv4Method::Off, Ipv4Method::Dhcp, Ipv4Method::Static}) {
        if (name == ipv4MethodName(m))
            return m;
    }
    return std::nullopt;
}

QString ipv6MethodName(Ipv6Method method)
{
    switch (method) {
    case Ipv6Method::Off:
        return QStringLiteral("off");
    case Ipv6Method::Auto:
        return QStringLiteral("auto");
    case Ipv6Method::Dhcp:
        return QStringLiteral("dhcp");
    case Ipv6Method::Static:
        return QStringLiteral("static");
    }
    return QString();
}

std::optional<Ipv6Method> ipv6MethodFromName(QStringView name)
{
    for (Ipv6Method m : {Ipv6Method::Off, Ipv6Method::Auto, Ipv6Method::Dhcp, Ipv6Method::Static}) {
        if (name == ipv6MethodName(m))
            return m;
    }
    return std::nullopt;
}

QStringList IpConfig::ipv4DnsServers() const
{
    return serversOf(dnsServers, IpAddress::Family::V4);
}

QStringList IpConfig::ipv6DnsServers() const
{
    return serversOf(dnsServers, IpAddress::Family::V6);
}

QStringList IpConfig::validate() const
{
    QStringList problems;
    QList<IpPrefix> v4Subnets;
    QList<IpPrefix> v6Subnets;

    if (ipv4Method == Ipv4Method::Static) {
        if (ipv4Addresses.isEmpty())
            problems << Text::tr("static IPv4 needs at least one address");
        problems << checkAddresses(ipv4Addresses, V4, &v4Subnets);
        problems << checkGateway(ipv4Gateway, V4, v4Subnets);
    } else {
        const QString method = ipv4MethodName(ipv4Method);
        if (!ipv4Addresses.isEmpty())
            problems << Text::tr("IPv4 addresses can only be given with the static method, not with %1")
                                .arg(method);
        if (!ipv4Gateway.isEmpty())
            problems << Text::tr("an IPv4 gateway can only be given with the static method, not with %1")
                                .arg(method);
    }

    if (ipv6Method == Ipv6Method::Static) {
        if (ipv6Addresses.isEmpty())
            problems << Text::tr("static IPv6 needs at least one address");
        problems << checkAddresses(ipv6Addresses, V6, &v6Subnets);
        problems << checkGateway(ipv6Gateway, V6, v6Subnets);
    } else {
        const QString method = ipv6MethodName(ipv6Method);
        if (!ipv6Addresses.isEmpty())
            problems << Text::tr("IPv6 addresses can only be given with the static method, not with %1")
                                .arg(method);
        if (!ipv6Gateway.isEmpty())
            problems << Text::tr("an IPv6 gateway can only be given with the static method, not with %1")
                                .arg(method);
    }

    QStringList seenServers;
    for (const QString &server : dnsServers) {
        const auto address = IpAddress::parse(server);
        if (!address) {
            problems << Text::tr("the DNS server '%1' is not an IPv4 or IPv6 address").arg(server);
            continue;
        }
        if (address->isUnspecified() || address->isMulticast() || address->isLimitedBroadcast()) {
            problems << Text::tr("%1 cannot be a DNS server").arg(address->toString());
            continue;
        }
        if (seenServers.contains(address->toString())) {
            problems << Text::tr("the DNS server %1 is listed twice").arg(address->toString());
            continue;
        }
        seenServers << address->toString();
        if (address->isV4() && ipv4Method == Ipv4Method::Off)
            problems << Text::tr("the DNS server %1 is an IPv4 address, but IPv4 is off")
                                .arg(address->toString());
        else if (!address->isV4() && ipv6Method == Ipv6Method::Off)
            problems << Text::tr("the DNS server %1 is an IPv6 address, but IPv6 is off")
                                .arg(address->toString());
    }

    for (const QString &domain : dnsSearch) {
        if (!validDomain(domain))
            problems << Text::tr("'%1' is not a domain name like example.org").arg(domain);
    }

    if (mtu) {
        if (*mtu < MinMtu || *mtu > MaxMtu)
            problems << Text::tr("the MTU must be between %1 and %2, not %3").arg(MinMtu).arg(MaxMtu).arg(*mtu);
        else if (*mtu < MinIpv6Mtu && ipv6Method != Ipv6Method::Off)
            problems << Text::tr("IPv6 needs an MTU of at least %1; with %2 the kernel turns IPv6 off")
                                .arg(MinIpv6Mtu)
                                .arg(*mtu);
    }
    return problems;
}

QVariantMap IpConfig::toVariantMap() const
{
    QVariantMap map {
            {QStringLiteral("ipv4Method"), ipv4MethodName(ipv4Method)},
            {QStringLiteral("ipv4Addresses"), ipv4Addresses},
            {QStringLiteral("ipv4Gateway"), ipv4Gateway},
            {QStringLiteral("ipv6Method"), ipv6MethodName(ipv6Method)},
            {QStringLiteral("ipv6Addresses"), ipv6Addresses},
            {QStringLiteral("ipv6Gateway"), ipv6Gateway},
            {QStringLiteral("dnsServers"), dnsServers},
            {QStringLiteral("dnsSearch"), dnsSearch},
    };
    if (mtu)
        map.insert(QStringLiteral("mtu"), uint(*mtu));
    return map;
}

IpConfig IpConfig::fromVariantMap(const QVariantMap &map, QStringList *problems)
{
    IpConfig config;
    auto problem = [&](const QString &text) {
        if (problems)
            problems->append(text);
    };
    auto text = [&](const QString &key, QString *out) {
        const QVariant v = map.value(key);
        if (v.typeId() != QMetaType::QString)
            problem(Text::tr("%1 must be a string").arg(key));
        else
            *out = v.toString().trimmed();
    };
    auto list = [&](const QString &key, QStringList *out, QString (*canonical)(const QString &)) {
        const auto items = stringList(map.value(key));
        if (!items) {
            problem(Text::tr("%1 must be a list of strings").arg(key));
            return;
        }
        for (const QString &item : *items)
            out->append(canonical ? canonical(item) : item.trimmed());
    };

    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("ipv4Method")) {
            QString name;
            text(key, &name);
            if (const auto m = ipv4MethodFromName(name))
                config.ipv4Method = *m;
            else if (it.value().typeId() == QMetaType::QString)
                problem(Text::tr("ipv4Method must be off, dhcp or static, not '%1'").arg(name));
        } else if (key == QLatin1String("ipv6Method")) {
            QString name;
            text(key, &name);
            if (const auto m = ipv6MethodFromName(name))
                config.ipv6Method = *m;
            else if (it.value().typeId() == QMetaType::QString)
                problem(Text::tr("ipv6Method must be off, auto, dhcp or static, not '%1'").arg(name));
        } else if (key == QLatin1String("ipv4Addresses")) {
            list(key, &config.ipv4Addresses, canonicalPrefix);
        } else if (key == QLatin1String("ipv6Addresses")) {
            list(key, &config.ipv6Addresses, canonicalPrefix);
        } else if (key == QLatin1String("ipv4Gateway")) {
            text(key, &config.ipv4Gateway);
            config.ipv4Gateway = canonicalAddress(config.ipv4Gateway);
        } else if (key == QLatin1String("ipv6Gateway")) {
            text(key, &config.ipv6Gateway);
            config.ipv6Gateway = canonicalAddress(config.ipv6Gateway);
        } else if (key == QLatin1String("dnsServers")) {
            list(key, &config.dnsServers, canonicalAddress);
        } else if (key == QLatin1String("dnsSearch")) {
            list(key, &config.dnsSearch, nullptr);
        } else if (key == QLatin1String("mtu")) {
            bool ok = false;
            const QVariant v = it.value();
            const qlonglong n = v.toLongLong(&ok);
            const bool numeric = v.typeId() != QMetaType::QString && v.typeId() != QMetaType::Bool;
            if (!ok || !numeric || n < 0 || n > qlonglong(0xffffffffu))
                problem(Text::tr("mtu must be a number"));
            else if (n != 0) // 0: leave the MTU alone, as NetworkManager spells it
                config.mtu = quint32(n);
        } else {
            problem(Text::tr("unknown address setting '%1'").arg(key));
        }
    }
    return config;
}

bool operator==(const IpConfig &a, const IpConfig &b)
{
    return a.ipv4Method == b.ipv4Method && a.ipv4Addresses == b.ipv4Addresses
           && a.ipv4Gateway == b.ipv4Gateway && a.ipv6Method == b.ipv6Method
           && a.ipv6Addresses == b.ipv6Addresses && a.ipv6Gateway == b.ipv6Gateway
           && a.dnsServers == b.dnsServers && a.dnsSearch == b.dnsSearch && a.mtu == b.mtu;
}

} // namespace bm
