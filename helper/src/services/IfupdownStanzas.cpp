// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "IfupdownStanzas.h"

#include "InterfacesFile.h"
#include "IpAddress.h"
#include "OptionTable.h"
#include "SystemRoot.h"
#include "WrittenBy.h"

#include <QFile>
#include <QRegularExpression>

namespace bm::helper::IfupdownStanzas {

namespace {

constexpr const char *NoKey = "ifenslave has no bond-* key for it";

using Options = QList<QPair<QByteArray, QString>>;

void stanza(QByteArray *out, const QString &bond, const char *family, const char *method,
            const Options &options)
{
    *out += "iface " + bond.toUtf8() + ' ' + family + ' ' + method + '\n';
    for (const auto &[key, value] : options)
        *out += "    " + key + ' ' + value.toUtf8() + '\n';
}

// ifupdown's inet dhcp method has no mtu option: set it once the bond is up.
QString mtuCommand(const QString &bond, quint32 mtu)
{
    return QStringLiteral("ip link set dev %1 mtu %2").arg(bond).arg(mtu);
}

Options bondOptions(const BondConfig &config, QStringList *unsaved)
{
    Options options;
    options.append({"bond-slaves",
                    config.slaves.isEmpty() ? QStringLiteral("none") : config.slaves.join(QLatin1Char(' '))});
    for (const SavedOption &o :
         savedOptions(optionMappings(), config.options, QStringLiteral("ifupdown"), unsaved)) {
        const QString text = o.spec->isList() ? o.value.toStringList().join(QLatin1Char(' '))
                                              : o.value.toString();
        if (!text.isEmpty())
            options.append({o.mapping->key, text});
    }
    if (!config.primary.isEmpty())
        options.append({"bond-primary", config.primary});
    return options;
}

// The number after "ip link set dev <bond> mtu" in an `up` command of ours.
std::optional<quint32> mtuFromCommand(const QString &command, const QString &bond)
{
    static const QRegularExpression form(QStringLiteral("^ip link set dev (\\S+) mtu (\\d+)$"));
    const QRegularExpressionMatch m = form.match(command);
    if (!m.hasMatch() || m.captured(1) != bond)
        return std::nullopt;
    return m.captured(2).toUInt();
}

struct Parser {
    const QString bond;
    QStringList &problems;
    BondConfig config;
    bool sawInet = false;
    bool sawInet6 = false;

    void problem(const QString &text) { problems.append(text); }

    void address(const QByteArray &value, const QByteArray &netmask, bool v6)
    {
        QString text = QString::fromUtf8(value);
        if (!text.contains(QLatin1Char('/')) && !netmask.isEmpty()) {
            // netmask: a dotted quad or a number of bits.
            const auto mask = IpAddress::parse(QString::fromUtf8(netmask));
            int bits = 0;
            if (mask && mask->isV4()) {
                for (char byte : mask->bytes)
                    bits += qPopulationCount(quint8(byte));
            } else {
                bits = netmask.toInt();
            }
            text += QLatin1Char('/') + QString::number(bits);
        }
        const auto prefix = IpPrefix::parse(text);
        if (!prefix || prefix->address.isV4() == v6) {
            problem(QStringLiteral("address %1 of %2 is not understood").arg(text, bond));
            return;
        }
        (v6 ? config.ip.ipv6Addresses : config.ip.ipv4Addresses) << prefix->toString();
    }

    void option(const QByteArray &key, const QString &value)
    {
        if (key == "bond-slaves") {
            for (const QString &slave : value.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                if (slave != QLatin1String("none") && !config.slaves.contains(slave))
                    config.slaves << slave;
            }
        } else if (key == "bond-primary") {
            config.primary = value.section(QLatin1Char(' '), 0, 0);
        } else if (key == "bond-active-slave") {
            // Live state: what is saved is the primary.
        } else if (key.startsWith("bond-")) {
            const QByteArray sysfs = key == "bond-num-unsol-na" ? QByteArray("bond-num-grat-arp") : key;
            const OptionMapping *m = findMappingByKey(optionMappings(), QString::fromLatin1(sysfs));
            if (!m) {
                problem(QStringLiteral("%1 %2 is not an option Bond Manager knows")
                                .arg(QString::fromUtf8(key), value));
                return;
            }
            const OptionTable::ParsedValue v = OptionTable::parseValue(QString::fromLatin1(m->option), value);
            if (!v.ok())
                problem(QStringLiteral("%1 %2: %3").arg(QString::fromUtf8(key), value, v.error));
            else
                config.options.insert(QString::fromLatin1(m->option), v.value);
        } else if (key == "dns-nameservers") {
            for (const QString &server : value.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                const auto a = IpAddress::parse(server);
                if (a)
                    config.ip.dnsServers << a->toString();
                else
                    problem(QStringLiteral("dns-nameservers %1 is not an address").arg(server));
            }
        } else if (key == "dns-search") {
            config.ip.dnsSearch << value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        } else if (key == "mtu") {
            bool ok = false;
            const uint mtu = value.toUInt(&ok);
            if (ok && mtu > 0)
                config.ip.mtu = mtu;
            else
                problem(QStringLiteral("mtu %1 is not a number").arg(value));
        } else if (key == "up" && mtuFromCommand(value, bond)) {
            config.ip.mtu = *mtuFromCommand(value, bond);
        } else if (key != "address" && key != "netmask" && key != "gateway") {
            problem(QStringLiteral("%1 %2 in the stanza of %3 is kept but not shown")
                            .arg(QString::fromUtf8(key), value, bond));
        }
    }

    void ownStanza(const InterfacesFile::Stanza &s, const QList<InterfacesFile::Line> &lines)
    {
        const bool v6 = s.family == "inet6";
        if (!v6 && s.family != "inet") {
            problem(QStringLiteral("the %1 stanza of %2 is not understood")
                            .arg(QString::fromUtf8(s.family), bond));
            return;
        }
        QByteArray address, netmask, gateway;
        for (int i : s.options) {
            const InterfacesFile::Line &line = lines.at(i);
            // ifupdown passes options on as IF_<NAME> with '-' as '_': both spellings work.
            const QByteArray key = QByteArray(line.keyword()).replace('_', '-');
            if (key == "address")
                address = line.value();
            else if (key == "netmask")
                netmask = line.value();
            else if (key == "gateway")
                gateway = line.value();
            option(key, QString::fromUtf8(line.value()));
        }
        const bool first = v6 ? !sawInet6 : !sawInet;
        (v6 ? sawInet6 : sawInet) = true;
        if (first) {
            if (!v6 && s.method == "static")
                config.ip.ipv4Method = Ipv4Method::Static;
            else if (!v6 && s.method == "dhcp")
                config.ip.ipv4Method = Ipv4Method::Dhcp;
            else if (v6 && s.method == "static")
                config.ip.ipv6Method = Ipv6Method::Static;
            else if (v6 && s.method == "dhcp")
                config.ip.ipv6Method = Ipv6Method::Dhcp;
            else if (v6 && s.method == "auto")
                config.ip.ipv6Method = Ipv6Method::Auto;
            else if (s.method != "manual")
                problem(QStringLiteral("the method %1 of %2 is not understood")
                                .arg(QString::fromUtf8(s.method), bond));
        }
        if (!address.isEmpty())
            this->address(address, netmask, v6);
        if (!gateway.isEmpty()) {
            const auto a = IpAddress::parse(QString::fromUtf8(gateway));
            if (!a)
                problem(QStringLiteral("gateway %1 of %2 is not an address")
                                .arg(QString::fromUtf8(gateway), bond));
            else
                (a->isV4() ? config.ip.ipv4Gateway : config.ip.ipv6Gateway) = a->toString();
        }
    }

    void parse(const QByteArray &content)
    {
        const QList<InterfacesFile::Line> lines = InterfacesFile::split(content);
        for (const InterfacesFile::Stanza &s : InterfacesFile::ifaceStanzas(lines)) {
            if (s.name == bond.toUtf8()) {
                ownStanza(s, lines);
                continue;
            }
            for (int i : s.options) {
                const InterfacesFile::Line &line = lines.at(i);
                const QString slave = QString::fromUtf8(s.name);
                if (line.keyword() == "bond-master" && line.value() == bond.toUtf8()
                    && !config.slaves.contains(slave))
                    config.slaves << slave;
            }
        }
    }
};

} // namespace

const QList<OptionMapping> &optionMappings()
{
    // The IF_BOND_* variables /etc/network/if-pre-up.d/ifenslave reads (ifenslave 2.13), as
    // ifupdown spells them in a stanza; the values are what the bonding sysfs files take.
    static const QList<OptionMapping> table {
            {"mode", "bond-mode", nullptr},
            {"active_slave", nullptr, "it is the bond's live state, not its configuration"},
            {"miimon", "bond-miimon", nullptr},
            {"updelay", "bond-updelay", nullptr},
            {"downdelay", "bond-downdelay", nullptr},
            {"use_carrier", "bond-use-carrier", nullptr},
            {"arp_interval", "bond-arp-interval", nullptr},
            {"arp_ip_target", "bond-arp-ip-target", nullptr},
            {"arp_validate", "bond-arp-validate", nullptr},
            {"arp_all_targets", nullptr, NoKey},
            {"primary", nullptr, "it is saved as bond-primary from the bond's primary"},
            {"primary_reselect", "bond-primary-reselect", nullptr},
            {"fail_over_mac", "bond-fail-over-mac", nullptr},
            {"xmit_hash_policy", "bond-xmit-hash-policy", nullptr},
            {"resend_igmp", nullptr, NoKey},
            {"num_grat_arp", "bond-num-grat-arp", nullptr},
            {"all_slaves_active", nullptr, NoKey},
            {"min_links", nullptr, NoKey},
            {"lp_interval", nullptr, NoKey},
            {"packets_per_slave", "bond-packets-per-slave", nullptr},
            {"lacp_rate", "bond-lacp-rate", nullptr},
            {"ad_select", "bond-ad-select", nullptr},
            {"ad_actor_sys_prio", nullptr, NoKey},
            {"ad_user_port_key", nullptr, NoKey},
            {"ad_actor_system", nullptr, NoKey},
            {"tlb_dynamic_lb", "bond-tlb-dynamic-lb", nullptr},
            {"peer_notify_delay", nullptr, NoKey},
            {"lacp_active", nullptr, NoKey},
            {"arp_missed_max", nullptr, NoKey},
            {"ns_ip6_target", nullptr, NoKey},
            {"coupled_control", nullptr, NoKey},
    };
    return table;
}

QString filePath(const QString &bond)
{
    return QLatin1String(Folder) + QStringLiteral("/bond-manager-") + bond;
}

Output generate(const BondConfig &config)
{
    Output out;
    // ifupdown's source-directory reads only such names; `source .../*` reads any.
    static const QRegularExpression runPartsName(QStringLiteral("^[a-zA-Z0-9_-]+$"));
    if (!runPartsName.match(config.name).hasMatch()) {
        out.error = QStringLiteral("%1 cannot be saved for ifupdown: its name may contain only letters, "
                                   "digits, '-' and '_'")
                            .arg(config.name);
        return out;
    }
    const IpConfig &ip = config.ip;
    Options inet = bondOptions(config, &out.unsaved);
    const char *method = "manual";
    if (ip.ipv4Method == Ipv4Method::Static) {
        method = "static";
        inet.append({"address", ip.ipv4Addresses.value(0)});
        if (!ip.ipv4Gateway.isEmpty())
            inet.append({"gateway", ip.ipv4Gateway});
    } else if (ip.ipv4Method == Ipv4Method::Dhcp) {
        method = "dhcp";
    }
    if (ip.mtu && ip.ipv4Method == Ipv4Method::Dhcp)
        inet.append({"up", mtuCommand(config.name, *ip.mtu)});
    else if (ip.mtu)
        inet.append({"mtu", QString::number(*ip.mtu)});
    if (!ip.dnsServers.isEmpty())
        inet.append({"dns-nameservers", ip.dnsServers.join(QLatin1Char(' '))});
    if (!ip.dnsSearch.isEmpty())
        inet.append({"dns-search", ip.dnsSearch.join(QLatin1Char(' '))});

    QByteArray text = writtenByComment(config.name);
    text += "auto " + config.name.toUtf8() + '\n';
    stanza(&text, config.name, "inet", method, inet);
    // One stanza per further address: ifupdown's static method takes one address each.
    for (int i = 1; ip.ipv4Method == Ipv4Method::Static && i < ip.ipv4Addresses.size(); ++i)
        stanza(&text, config.name, "inet", "static", {{"address", ip.ipv4Addresses.at(i)}});

    // IPv6 off writes no inet6 stanza; the kernel may still configure addresses from router
    // advertisements then, as for any interface ifupdown leaves alone.
    if (ip.ipv6Method == Ipv6Method::Auto) {
        stanza(&text, config.name, "inet6", "auto", {});
    } else if (ip.ipv6Method == Ipv6Method::Dhcp) {
        stanza(&text, config.name, "inet6", "dhcp", {});
    } else if (ip.ipv6Method == Ipv6Method::Static) {
        Options inet6 {{"address", ip.ipv6Addresses.value(0)}};
        if (!ip.ipv6Gateway.isEmpty())
            inet6.append({"gateway", ip.ipv6Gateway});
        stanza(&text, config.name, "inet6", "static", inet6);
        for (int i = 1; i < ip.ipv6Addresses.size(); ++i)
            stanza(&text, config.name, "inet6", "static", {{"address", ip.ipv6Addresses.at(i)}});
    }
    out.file = {filePath(config.name), text, false};
    return out;
}

BondConfig parse(const QByteArray &content, const QString &bond, QStringList *problems)
{
    QStringList ignored;
    Parser parser {bond, problems ? *problems : ignored, BondConfig()};
    parser.config.name = bond;
    parser.parse(content);
    return parser.config;
}

std::optional<BondConfig> load(const QString &bond, QString *location, QStringList *problems)
{
    QByteArray all;
    QString where;
    for (const QString &path : InterfacesFile::includedFiles()) {
        QFile file(SystemRoot::path(path));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        if (where.isEmpty()) {
            for (const InterfacesFile::Stanza &s :
                 InterfacesFile::ifaceStanzas(InterfacesFile::split(content))) {
                if (s.name == bond.toUtf8())
                    where = path;
            }
        }
        all += content;
        if (!all.endsWith('\n'))
            all += '\n';
    }
    if (where.isEmpty())
        return std::nullopt;
    if (location)
        *location = where;
    return parse(all, bond, problems);
}

} // namespace bm::helper::IfupdownStanzas
