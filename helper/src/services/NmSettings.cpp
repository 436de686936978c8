// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NmSettings.h"

#include "IpAddress.h"
#include "OptionTable.h"

#include <QDBusArgument>
#include <QDBusMetaType>

#include <cstring>

namespace bm::helper::NmSettings {

namespace {

using StringMap = QMap<QString, QString>;

constexpr const char *NoKey = "it has no bond option for it";

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

QString optionText(const OptionSpec &spec, const QVariant &value)
{
    if (spec.isList())
        return value.toStringList().join(QLatin1Char(','));
    return value.toString();
}

QVariantMap ipSettings(bool v4, const IpConfig &ip)
{
    QVariantMap s;
    QString method;
    if (v4) {
        method = ip.ipv4Method == Ipv4Method::Static ? str("manual")
                 : ip.ipv4Method == Ipv4Method::Dhcp ? str("auto")
                                                     : str("disabled");
    } else {
        method = ip.ipv6Method == Ipv6Method::Static ? str("manual")
                 : ip.ipv6Method == Ipv6Method::Dhcp ? str("dhcp")
                 : ip.ipv6Method == Ipv6Method::Auto ? str("auto")
                                                     : str("disabled");
    }
    s.insert(str("method"), method);
    if (method == QLatin1String("disabled"))
        return s;

    const QStringList addresses = v4 ? ip.ipv4Addresses : ip.ipv6Addresses;
    if (!addresses.isEmpty()) {
        QList<QVariantMap> data;
        for (const QString &text : addresses) {
            const auto prefix = IpPrefix::parse(text);
            if (prefix)
                data.append({{str("address"), prefix->address.toString()},
                             {str("prefix"), uint(prefix->length)}});
        }
        s.insert(str("address-data"), QVariant::fromValue(data));
    }
    const QString gateway = v4 ? ip.ipv4Gateway : ip.ipv6Gateway;
    if (!gateway.isEmpty())
        s.insert(str("gateway"), gateway);

    // ipv4.dns is au (each address in network byte order), ipv6.dns is aay.
    QList<uint> dns4;
    QList<QByteArray> dns6;
    for (const QString &server : v4 ? ip.ipv4DnsServers() : ip.ipv6DnsServers()) {
        const auto address = IpAddress::parse(server);
        if (!address)
            continue;
        if (v4) {
            uint raw = 0;
            memcpy(&raw, address->bytes.constData(), 4);
            dns4 << raw;
        } else {
            dns6 << address->bytes;
        }
    }
    if (v4 && !dns4.isEmpty())
        s.insert(str("dns"), QVariant::fromValue(dns4));
    if (!v4 && !dns6.isEmpty())
        s.insert(str("dns"), QVariant::fromValue(dns6));
    // Search domains go with the first family that is on, so that they are not set twice.
    const bool searchHere = v4 ? ip.ipv4Method != Ipv4Method::Off : ip.ipv4Method == Ipv4Method::Off;
    if (searchHere && !ip.dnsSearch.isEmpty())
        s.insert(str("dns-search"), ip.dnsSearch);
    return s;
}

template<typename T>
std::optional<T> plain(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QDBusArgument>())
        return qdbus_cast<T>(value.value<QDBusArgument>());
    if (value.metaType() == QMetaType::fromType<T>())
        return value.value<T>();
    return std::nullopt;
}

QVariant demarshal(const QVariant &value)
{
    if (value.metaType() != QMetaType::fromType<QDBusArgument>())
        return value;
    const QDBusArgument argument = value.value<QDBusArgument>();
    const QString signature = argument.currentSignature();
    if (signature == QLatin1String("a{ss}"))
        return QVariant::fromValue(qdbus_cast<StringMap>(argument));
    if (signature == QLatin1String("aa{sv}"))
        return QVariant::fromValue(qdbus_cast<QList<QVariantMap>>(argument));
    if (signature == QLatin1String("au"))
        return QVariant::fromValue(qdbus_cast<QList<uint>>(argument));
    if (signature == QLatin1String("aay"))
        return QVariant::fromValue(qdbus_cast<QList<QByteArray>>(argument));
    if (signature == QLatin1String("a{sv}"))
        return qdbus_cast<QVariantMap>(argument);
    return value;
}

void parseIp(bool v4, const QVariantMap &s, IpConfig *ip, QStringList *problems)
{
    const QString family = v4 ? str("ipv4") : str("ipv6");
    const QString method = s.value(str("method")).toString();
    if (v4) {
        if (method == QLatin1String("manual"))
            ip->ipv4Method = Ipv4Method::Static;
        else if (method == QLatin1String("auto"))
            ip->ipv4Method = Ipv4Method::Dhcp;
        else if (!method.isEmpty() && method != QLatin1String("disabled"))
            problems->append(QStringLiteral("ipv4.method %1 is shown as off").arg(method));
    } else {
        if (method == QLatin1String("manual"))
            ip->ipv6Method = Ipv6Method::Static;
        else if (method == QLatin1String("auto"))
            ip->ipv6Method = Ipv6Method::Auto;
        else if (method == QLatin1String("dhcp"))
            ip->ipv6Method = Ipv6Method::Dhcp;
        else if (!method.isEmpty() && method != QLatin1String("disabled") && method != QLatin1String("ignore"))
            problems->append(QStringLiteral("ipv6.method %1 is shown as off").arg(method));
    }

    QStringList &addresses = v4 ? ip->ipv4Addresses : ip->ipv6Addresses;
    for (const QVariantMap &entry :
         plain<QList<QVariantMap>>(s.value(str("address-data"))).value_or(QList<QVariantMap>())) {
        const QString text = entry.value(str("address")).toString() + QLatin1Char('/')
                             + QString::number(entry.value(str("prefix")).toUInt());
        const auto prefix = IpPrefix::parse(text);
        if (prefix && prefix->address.isV4() == v4)
            addresses << prefix->toString();
        else
            problems->append(QStringLiteral("%1 address %2 is not understood").arg(family, text));
    }
    const QString gateway = s.value(str("gateway")).toString();
    if (!gateway.isEmpty())
        (v4 ? ip->ipv4Gateway : ip->ipv6Gateway) = gateway;

    if (v4) {
        for (uint raw : plain<QList<uint>>(s.value(str("dns"))).value_or(QList<uint>()))
            ip->dnsServers
                    << IpAddress::fromBytes(QByteArray(reinterpret_cast<const char *>(&raw), 4))->toString();
    } else {
        for (const QByteArray &bytes :
             plain<QList<QByteArray>>(s.value(str("dns"))).value_or(QList<QByteArray>())) {
            const auto address = IpAddress::fromBytes(bytes);
            if (address && !address->isV4())
                ip->dnsServers << address->toString();
            else
                problems->append(QStringLiteral("an ipv6.dns entry is not an IPv6 address"));
        }
    }
    for (const QString &domain : s.value(str("dns-search")).toStringList()) {
        if (!ip->dnsSearch.contains(domain))
            ip->dnsSearch << domain;
    }
}

} // namespace

const QList<OptionMapping> &optionMappings()
{
    // NM_SETTING_BOND_OPTION_* of libnm 1.42 (nm-setting-bond.h): the kernel's sysfs names.
    static const QList<OptionMapping> table {
            {"mode", "mode", nullptr},
            {"active_slave", nullptr, "it is the bond's live state, not its configuration"},
            {"miimon", "miimon", nullptr},
            {"updelay", "updelay", nullptr},
            {"downdelay", "downdelay", nullptr},
            {"use_carrier", "use_carrier", nullptr},
            {"arp_interval", "arp_interval", nullptr},
            {"arp_ip_target", "arp_ip_target", nullptr},
            {"arp_validate", "arp_validate", nullptr},
            {"arp_all_targets", "arp_all_targets", nullptr},
            {"primary", nullptr, "it is saved as the primary option from the bond's primary"},
            {"primary_reselect", "primary_reselect", nullptr},
            {"fail_over_mac", "fail_over_mac", nullptr},
            {"xmit_hash_policy", "xmit_hash_policy", nullptr},
            {"resend_igmp", "resend_igmp", nullptr},
            {"num_grat_arp", "num_grat_arp", nullptr},
            {"all_slaves_active", "all_slaves_active", nullptr},
            {"min_links", "min_links", nullptr},
            {"lp_interval", "lp_interval", nullptr},
            {"packets_per_slave", "packets_per_slave", nullptr},
            {"lacp_rate", "lacp_rate", nullptr},
            {"ad_select", "ad_select", nullptr},
            {"ad_actor_sys_prio", "ad_actor_sys_prio", nullptr},
            {"ad_user_port_key", "ad_user_port_key", nullptr},
            {"ad_actor_system", "ad_actor_system", nullptr},
            {"tlb_dynamic_lb", "tlb_dynamic_lb", nullptr},
            {"peer_notify_delay", "peer_notif_delay", nullptr},
            {"lacp_active", nullptr, NoKey},
            {"arp_missed_max", nullptr, NoKey},
            {"ns_ip6_target", nullptr, NoKey},
            {"coupled_control", nullptr, NoKey},
    };
    return table;
}

QString bondProfileId(const QString &bond)
{
    return bond;
}

QString portProfileId(const QString &bond, const QString &port)
{
    return bond + QStringLiteral("-port-") + port;
}

BondProfile bondProfile(const BondConfig &config, const QString &uuid)
{
    BondProfile out;
    StringMap options;
    for (const SavedOption &o : savedOptions(optionMappings(), config.options,
                                             QStringLiteral("NetworkManager 1.42"), &out.unsaved)) {
        const QString text = optionText(*o.spec, o.value);
        if (!text.isEmpty())
            options.insert(QString::fromLatin1(o.mapping->key), text);
    }
    if (!config.primary.isEmpty())
        options.insert(str("primary"), config.primary);

    out.settings.insert(str("connection"),
                        {{str("id"), bondProfileId(config.name)},
                         {str("uuid"), uuid},
                         {str("type"), str("bond")},
                         {str("interface-name"), config.name},
                         {str("autoconnect"), true},
                         // NMSettingConnectionAutoconnectSlaves: 1 = bring the ports up with it.
                         {str("autoconnect-slaves"), qint32(1)}});
    out.settings.insert(str("bond"), {{str("options"), QVariant::fromValue(options)}});
    out.settings.insert(str("ipv4"), ipSettings(true, config.ip));
    out.settings.insert(str("ipv6"), ipSettings(false, config.ip));
    // A bond's MTU lives in the wired setting (nm-connection-editor's bond page does the same).
    if (config.ip.mtu)
        out.settings.insert(str("802-3-ethernet"), {{str("mtu"), uint(*config.ip.mtu)}});
    return out;
}

BondProfile updatedBondProfile(const NmConnection &existing, const BondConfig &config)
{
    BondProfile out = bondProfile(config, uuid(existing));
    NmConnection merged = existing;

    QVariantMap connection = merged.value(str("connection"));
    const QVariantMap ours = out.settings.value(str("connection"));
    for (const char *key : {"type", "interface-name", "autoconnect", "autoconnect-slaves"})
        connection.insert(str(key), ours.value(str(key)));
    if (connection.value(str("id")).toString().isEmpty())
        connection.insert(str("id"), ours.value(str("id")));
    merged.insert(str("connection"), connection);

    merged.insert(str("bond"), out.settings.value(str("bond")));

    // "addresses" is the deprecated spelling of address-data: NetworkManager still hands it out and
    // would take it over our address-data if both were sent back.
    for (const char *family : {"ipv4", "ipv6"}) {
        QVariantMap s = merged.value(str(family));
        for (const char *key : {"method", "addresses", "address-data", "gateway", "dns", "dns-search"})
            s.remove(str(key));
        const QVariantMap wanted = out.settings.value(str(family));
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
            s.insert(it.key(), it.value());
        merged.insert(str(family), s);
    }

    const QString wired = str("802-3-ethernet");
    QVariantMap ethernet = merged.value(wired);
    ethernet.remove(str("mtu"));
    if (config.ip.mtu)
        ethernet.insert(str("mtu"), uint(*config.ip.mtu));
    if (merged.contains(wired) || !ethernet.isEmpty())
        merged.insert(wired, ethernet);

    out.settings = merged;
    return out;
}

NmConnection withCarriedIp(const NmConnection &bond, const NmConnection &carrier, const QString &mac,
                           const CarryPlan &plan)
{
    NmConnection out = bond;
    for (const char *family : {"ipv4", "ipv6"}) {
        if (!carrier.contains(str(family)))
            continue;
        QVariantMap from = carrier.value(str(family));
        // ipv6.addresses and ipv6.routes are a(ayuay) and a(ayuayu), types a profile read through
        // fromDBus() cannot send back; address-data and route-data say the same.
        from.remove(str("addresses"));
        from.remove(str("routes"));
        const QVariantMap own = out.value(str(family));
        QVariantMap s = (qstrcmp(family, "ipv4") == 0 ? plan.ipv4 : plan.ipv6) ? from : own;
        // DNS rides in each family's settings; it is carried apart from the addresses, and not
        // into a family that is off.
        const QVariantMap &dns = plan.dns && s.value(str("method")) != str("disabled") ? from : own;
        for (const char *key : {"dns", "dns-search", "dns-options", "dns-priority"}) {
            if (dns.contains(str(key)))
                s.insert(str(key), dns.value(str(key)));
            else
                s.remove(str(key));
        }
        out.insert(str(family), s);
    }
    if (!mac.isEmpty()) {
        const QString wired = str("802-3-ethernet");
        QVariantMap ethernet = out.value(wired);
        ethernet.remove(str("cloned-mac-address")); // the deprecated ay spelling
        ethernet.insert(str("assigned-mac-address"), mac);
        out.insert(wired, ethernet);
    }
    return out;
}

NmConnection withoutAutoconnect(const NmConnection &profile)
{
    NmConnection out = profile;
    QVariantMap connection = out.value(str("connection"));
    connection.insert(str("autoconnect"), false);
    out.insert(str("connection"), connection);
    for (const char *family : {"ipv4", "ipv6"}) {
        if (out.contains(str(family))) {
            QVariantMap s = out.value(str(family));
            s.remove(str("addresses"));
            s.remove(str("routes"));
            out.insert(str(family), s);
        }
    }
    return out;
}

NmConnection portProfile(const QString &bond, const QString &port, const QString &uuid,
                         const QString &portType)
{
    NmConnection settings;
    settings.insert(str("connection"), {{str("id"), portProfileId(bond, port)},
                                        {str("uuid"), uuid},
                                        {str("type"), portType},
                                        {str("interface-name"), port},
                                        {str("master"), bond},
                                        {str("slave-type"), str("bond")},
                                        {str("autoconnect"), true}});
    settings.insert(portType, QVariantMap());
    return settings;
}

NmConnection fromDBus(const NmConnection &settings)
{
    NmConnection out;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        QVariantMap properties;
        for (auto p = it.value().cbegin(); p != it.value().cend(); ++p)
            properties.insert(p.key(), demarshal(p.value()));
        out.insert(it.key(), properties);
    }
    return out;
}

bool isBondProfile(const NmConnection &settings)
{
    return settings.value(str("connection")).value(str("type")).toString() == QLatin1String("bond");
}

QString interfaceName(const NmConnection &settings)
{
    return settings.value(str("connection")).value(str("interface-name")).toString();
}

QString uuid(const NmConnection &settings)
{
    return settings.value(str("connection")).value(str("uuid")).toString();
}

QString portController(const NmConnection &settings)
{
    const QVariantMap c = settings.value(str("connection"));
    const QString type = c.value(str("slave-type"), c.value(str("port-type"))).toString();
    if (type != QLatin1String("bond"))
        return QString();
    return c.value(str("master"), c.value(str("controller"))).toString();
}

BondConfig parseBondProfile(const NmConnection &bond, const QList<NmConnection> &profiles,
                            QStringList *problems)
{
    QStringList ignored;
    QStringList &report = problems ? *problems : ignored;
    BondConfig config;
    config.name = interfaceName(bond);
    if (!isBondProfile(bond))
        report << QStringLiteral("the profile %1 is not a bond profile").arg(uuid(bond));

    const StringMap options = plain<StringMap>(bond.value(str("bond")).value(str("options")))
                                      .value_or(StringMap());
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const OptionSpec *spec = OptionTable::find(it.key());
        if (!spec) {
            report << QStringLiteral("bond option %1=%2 is not one Bond Manager knows")
                              .arg(it.key(), it.value());
            continue;
        }
        const QString name = QLatin1String(spec->name);
        if (name == QLatin1String("active_slave"))
            continue;
        const OptionTable::ParsedValue v = OptionTable::parseValue(*spec, it.value());
        if (!v.ok())
            report << QStringLiteral("bond option %1=%2: %3").arg(it.key(), it.value(), v.error);
        else if (name == QLatin1String("primary"))
            config.primary = v.value.toString();
        else
            config.options.insert(name, v.value);
    }

    parseIp(true, bond.value(str("ipv4")), &config.ip, &report);
    parseIp(false, bond.value(str("ipv6")), &config.ip, &report);
    const uint mtu = bond.value(str("802-3-ethernet")).value(str("mtu")).toUInt();
    if (mtu > 0)
        config.ip.mtu = mtu;

    for (const NmConnection &profile : profiles) {
        const QString controller = portController(profile);
        if (controller.isEmpty() || (controller != config.name && controller != uuid(bond)))
            continue;
        const QString port = interfaceName(profile);
        if (port.isEmpty())
            report << QStringLiteral("a port profile of %1 names no interface").arg(config.name);
        else if (!config.slaves.contains(port))
            config.slaves << port;
    }
    return config;
}

void registerDBusTypes()
{
    qDBusRegisterMetaType<StringMap>();
    qDBusRegisterMetaType<QList<QVariantMap>>();
    qDBusRegisterMetaType<QList<QByteArray>>();
    qDBusRegisterMetaType<NmConnection>();
}

} // namespace bm::helper::NmSettings
