// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NetworkdFiles.h"

#include "IpAddress.h"
#include "OptionTable.h"
#include "SystemRoot.h"
#include "UnitFile.h"
#include "WrittenBy.h"

#include <QDir>
#include <QFile>

namespace bm::helper::NetworkdFiles {

namespace {

constexpr const char *FilePrefix = "10-bond-manager-";
constexpr const char *NoKey = "it has no setting for it";

const QStringList &booleanOptions()
{
    static const QStringList names {QStringLiteral("all_slaves_active"), QStringLiteral("tlb_dynamic_lb")};
    return names;
}

QString folder()
{
    return QString::fromLatin1(Folder);
}

// The [Bond] value of a normalised option value.
QString netdevValue(const OptionSpec &spec, const QVariant &value)
{
    if (spec.isList())
        return value.toStringList().join(QLatin1Char(' '));
    if (booleanOptions().contains(QLatin1String(spec.name)))
        return value.toUInt() ? QStringLiteral("yes") : QStringLiteral("no");
    if (spec.unit == OptionUnit::Milliseconds)
        return QString::number(value.toUInt()) + QStringLiteral("ms");
    if (spec.unit == OptionUnit::Seconds)
        return QString::number(value.toUInt()) + QStringLiteral("s");
    return value.toString();
}

// The normalised option value of a [Bond] value, or an error.
OptionTable::ParsedValue optionValue(const OptionSpec &spec, const QString &text)
{
    if (booleanOptions().contains(QLatin1String(spec.name))) {
        const auto b = parseBoolean(text);
        if (!b)
            return {QVariant(),
                    QStringLiteral("%1: '%2' is not a boolean").arg(QLatin1String(spec.name), text)};
        return OptionTable::parseValue(spec, uint(*b));
    }
    if (spec.unit == OptionUnit::Milliseconds || spec.unit == OptionUnit::Seconds) {
        const auto ms = parseTimeSpanMs(text);
        if (!ms)
            return {QVariant(),
                    QStringLiteral("%1: '%2' is not a time span").arg(QLatin1String(spec.name), text)};
        const quint64 n = spec.unit == OptionUnit::Seconds ? *ms / 1000 : *ms;
        return OptionTable::parseValue(spec, qulonglong(n));
    }
    return OptionTable::parseValue(spec, text);
}

void section(QByteArray *out, const char *name, const QList<QPair<const char *, QString>> &entries)
{
    if (entries.isEmpty())
        return;
    *out += '\n';
    *out += '[';
    *out += name;
    *out += "]\n";
    for (const auto &[key, value] : entries) {
        *out += key;
        *out += '=';
        *out += value.toUtf8();
        *out += '\n';
    }
}

QByteArray netdevFile(const BondConfig &config, QStringList *unsaved)
{
    QList<QPair<const char *, QString>> bond;
    for (const SavedOption &o :
         savedOptions(optionMappings(), config.options, QStringLiteral("systemd-networkd 252"), unsaved)) {
        if (!o.spec->isList() || !o.value.toStringList().isEmpty())
            bond.append({o.mapping->key, netdevValue(*o.spec, o.value)});
    }
    QByteArray out = writtenByComment(config.name);
    section(&out, "NetDev", {{"Name", config.name}, {"Kind", QStringLiteral("bond")}});
    section(&out, "Bond", bond);
    return out;
}

QByteArray bondNetworkFile(const BondConfig &config)
{
    const IpConfig &ip = config.ip;
    QList<QPair<const char *, QString>> link;
    if (ip.mtu)
        link.append({"MTUBytes", QString::number(*ip.mtu)});

    QList<QPair<const char *, QString>> network;
    const bool dhcp4 = ip.ipv4Method == Ipv4Method::Dhcp;
    const bool dhcp6 = ip.ipv6Method == Ipv6Method::Dhcp;
    if (dhcp4 || dhcp6)
        network.append({"DHCP", dhcp4 && dhcp6 ? QStringLiteral("yes")
                                : dhcp4        ? QStringLiteral("ipv4")
                                               : QStringLiteral("ipv6")});
    if (ip.ipv6Method == Ipv6Method::Off)
        network.append({"LinkLocalAddressing", QStringLiteral("no")});
    network.append({"IPv6AcceptRA",
                    ip.ipv6Method == Ipv6Method::Auto ? QStringLiteral("yes") : QStringLiteral("no")});
    if (ip.ipv4Method == Ipv4Method::Static) {
        for (const QString &address : ip.ipv4Addresses)
            network.append({"Address", address});
        if (!ip.ipv4Gateway.isEmpty())
            network.append({"Gateway", ip.ipv4Gateway});
    }
    if (ip.ipv6Method == Ipv6Method::Static) {
        for (const QString &address : ip.ipv6Addresses)
            network.append({"Address", address});
        if (!ip.ipv6Gateway.isEmpty())
            network.append({"Gateway", ip.ipv6Gateway});
    }
    for (const QString &server : ip.dnsServers)
        network.append({"DNS", server});
    if (!ip.dnsSearch.isEmpty())
        network.append({"Domains", ip.dnsSearch.join(QLatin1Char(' '))});

    QByteArray out = writtenByComment(config.name);
    section(&out, "Match", {{"Name", config.name}});
    section(&out, "Link", link);
    section(&out, "Network", network);
    // Without it the DHCPv6 client waits for a router advertisement, which IPv6AcceptRA=no ignores.
    if (dhcp6)
        section(&out, "DHCPv6", {{"WithoutRA", QStringLiteral("solicit")}});
    return out;
}

QByteArray slaveNetworkFile(const BondConfig &config, const QString &slave)
{
    QList<QPair<const char *, QString>> network {{"Bond", config.name}};
    if (slave == config.primary)
        network.append({"PrimarySlave", QStringLiteral("yes")});
    QByteArray out = writtenByComment(config.name);
    section(&out, "Match", {{"Name", slave}});
    section(&out, "Network", network);
    return out;
}

void parseAddresses(const UnitFile &file, IpConfig *ip, QStringList *problems)
{
    const QString net = QStringLiteral("Network");
    for (const QString &text : file.list(net, QStringLiteral("Address"))) {
        const auto prefix = IpPrefix::parse(text);
        if (!prefix)
            problems->append(QStringLiteral("Address=%1 is not an address with a prefix length").arg(text));
        else if (prefix->address.isV4())
            ip->ipv4Addresses << prefix->toString();
        else
            ip->ipv6Addresses << prefix->toString();
    }
    for (const QString &text : file.list(net, QStringLiteral("Gateway"))) {
        const auto address = IpAddress::parse(text);
        if (!address)
            problems->append(
                    QStringLiteral("Gateway=%1 is not an address Bond Manager understands").arg(text));
        else if (address->isV4())
            ip->ipv4Gateway = address->toString();
        else
            ip->ipv6Gateway = address->toString();
    }
    for (const QString &text : file.list(net, QStringLiteral("DNS"))) {
        const auto address = IpAddress::parse(text);
        if (!address)
            problems->append(QStringLiteral("DNS=%1 is not an address Bond Manager understands").arg(text));
        else
            ip->dnsServers << address->toString();
    }
    ip->dnsSearch = file.list(net, QStringLiteral("Domains"));
}

void parseNetwork(const UnitFile &file, IpConfig *ip, QStringList *problems)
{
    const QString net = QStringLiteral("Network");
    parseAddresses(file, ip, problems);
    const QString dhcp = file.value(net, QStringLiteral("DHCP")).toLower();
    const auto dhcpAll = parseBoolean(dhcp);
    const bool dhcp4 = dhcp == QLatin1String("ipv4") || dhcpAll.value_or(false);
    const bool dhcp6 = dhcp == QLatin1String("ipv6") || dhcpAll.value_or(false);

    if (!ip->ipv4Addresses.isEmpty())
        ip->ipv4Method = Ipv4Method::Static;
    else if (dhcp4)
        ip->ipv4Method = Ipv4Method::Dhcp;

    const QString acceptRa = file.value(net, QStringLiteral("IPv6AcceptRA"));
    const QString linkLocal = file.value(net, QStringLiteral("LinkLocalAddressing")).toLower();
    const bool noLinkLocal = linkLocal == QLatin1String("ipv4") || parseBoolean(linkLocal) == false;
    if (!ip->ipv6Addresses.isEmpty())
        ip->ipv6Method = Ipv6Method::Static;
    else if (dhcp6)
        ip->ipv6Method = Ipv6Method::Dhcp;
    else if (parseBoolean(acceptRa).value_or(acceptRa.isEmpty() && !noLinkLocal))
        ip->ipv6Method = Ipv6Method::Auto;

    const QString mtu = file.value(QStringLiteral("Link"), QStringLiteral("MTUBytes"));
    if (!mtu.isEmpty()) {
        quint64 factor = 1;
        QString digits = mtu;
        for (const auto &[suffix, f] :
             {QPair<char, quint64> {'K', 1024}, {'M', 1024 * 1024}, {'G', 1024 * 1024 * 1024}}) {
            if (digits.endsWith(QLatin1Char(suffix))) {
                digits.chop(1);
                factor = f;
            }
        }
        bool ok = false;
        const quint64 n = digits.toULongLong(&ok) * factor;
        if (!ok || n == 0 || n > 0xffffffffu)
            problems->append(QStringLiteral("MTUBytes=%1 is not a size").arg(mtu));
        else
            ip->mtu = quint32(n);
    }
}

QByteArray readFile(const QString &path)
{
    QFile file(SystemRoot::path(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The names of our slave files of `bond` in the folder, sorted.
// The slaves' files of `bond` among those of `dir` (a host path) that start with `prefix`.
QStringList slaveFileNames(const QString &bond, const QString &dir = folder(),
                           const QString &prefix = QLatin1String(FilePrefix))
{
    const QString start = prefix + bond + QLatin1Char(':');
    QStringList names;
    const QStringList all = QDir(SystemRoot::path(dir)).entryList(QDir::Files, QDir::Name);
    for (const QString &name : all) {
        if (name.startsWith(start) && name.endsWith(QLatin1String(".network")))
            names << name;
    }
    return names;
}

} // namespace

const QList<OptionMapping> &optionMappings()
{
    // Keys and values from systemd.netdev(5) of systemd 252 (Debian 12).
    static const QList<OptionMapping> table {
            {"mode", "Mode", nullptr},
            {"active_slave", nullptr, "it is the bond's live state, not its configuration"},
            {"miimon", "MIIMonitorSec", nullptr},
            {"updelay", "UpDelaySec", nullptr},
            {"downdelay", "DownDelaySec", nullptr},
            {"use_carrier", nullptr, NoKey},
            {"arp_interval", "ARPIntervalSec", nullptr},
            {"arp_ip_target", "ARPIPTargets", nullptr},
            {"arp_validate", "ARPValidate", nullptr, {"none", "active", "backup", "all"}},
            {"arp_all_targets", "ARPAllTargets", nullptr},
            {"primary", nullptr, "it is saved as PrimarySlave= in the slave's .network file"},
            {"primary_reselect", "PrimaryReselectPolicy", nullptr},
            {"fail_over_mac", "FailOverMACPolicy", nullptr},
            {"xmit_hash_policy",
             "TransmitHashPolicy",
             nullptr,
             {"layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4"}},
            {"resend_igmp", "ResendIGMP", nullptr},
            {"num_grat_arp", "GratuitousARP", nullptr},
            {"all_slaves_active", "AllSlavesActive", nullptr},
            {"min_links", "MinLinks", nullptr},
            {"lp_interval", "LearnPacketIntervalSec", nullptr},
            {"packets_per_slave", "PacketsPerSlave", nullptr},
            {"lacp_rate", "LACPTransmitRate", nullptr},
            {"ad_select", "AdSelect", nullptr},
            {"ad_actor_sys_prio", "AdActorSystemPriority", nullptr},
            {"ad_user_port_key", "AdUserPortKey", nullptr},
            {"ad_actor_system", "AdActorSystem", nullptr},
            {"tlb_dynamic_lb", "DynamicTransmitLoadBalancing", nullptr},
            {"peer_notify_delay", nullptr, NoKey},
            {"lacp_active", nullptr, NoKey},
            {"arp_missed_max", nullptr, NoKey},
            {"ns_ip6_target", nullptr, NoKey},
            {"coupled_control", nullptr, NoKey},
    };
    return table;
}

QString netdevPath(const QString &bond)
{
    return folder() + QLatin1Char('/') + QLatin1String(FilePrefix) + bond + QStringLiteral(".netdev");
}

QString networkPath(const QString &bond)
{
    return folder() + QLatin1Char('/') + QLatin1String(FilePrefix) + bond + QStringLiteral(".network");
}

QString slaveNetworkPath(const QString &bond, const QString &slave)
{
    return folder() + QLatin1Char('/') + QLatin1String(FilePrefix) + bond + QLatin1Char(':') + slave
           + QStringLiteral(".network");
}

bool isOurs(const QString &fileName)
{
    return fileName.startsWith(QLatin1String(FilePrefix))
           && (fileName.endsWith(QLatin1String(".netdev")) || fileName.endsWith(QLatin1String(".network")));
}

Output generate(const BondConfig &config)
{
    Output out;
    out.files.append({netdevPath(config.name), netdevFile(config, &out.unsaved), false});
    out.files.append({networkPath(config.name), bondNetworkFile(config), false});
    for (const QString &slave : config.slaves)
        out.files.append({slaveNetworkPath(config.name, slave), slaveNetworkFile(config, slave), false});
    return out;
}

BondConfig parse(const QByteArray &netdev, const QByteArray &network, const QList<QByteArray> &slaveNetworks,
                 QStringList *problems)
{
    QStringList ignored;
    QStringList &report = problems ? *problems : ignored;
    BondConfig config;

    const UnitFile dev = UnitFile::parse(netdev);
    report << dev.problems();
    config.name = dev.value(QStringLiteral("NetDev"), QStringLiteral("Name"));
    const QString kind = dev.value(QStringLiteral("NetDev"), QStringLiteral("Kind"));
    if (kind != QLatin1String("bond"))
        report << QStringLiteral("the .netdev file is of kind '%1', not bond").arg(kind);
    for (const UnitFile::Entry &e : dev.entries()) {
        if (e.section != QLatin1String("Bond"))
            continue;
        const OptionMapping *m = findMappingByKey(optionMappings(), e.key);
        if (!m) {
            report << QStringLiteral("[Bond] %1= is not a setting Bond Manager knows").arg(e.key);
            continue;
        }
        const OptionSpec *spec = OptionTable::find(QString::fromLatin1(m->option));
        const QStringList values = spec->isList() ? dev.list(e.section, e.key) : QStringList();
        const OptionTable::ParsedValue v = spec->isList() ? OptionTable::parseValue(*spec, values)
                                                          : optionValue(*spec, e.value);
        if (!v.ok())
            report << QStringLiteral("[Bond] %1=%2: %3").arg(e.key, e.value, v.error);
        else
            config.options.insert(QLatin1String(m->option), v.value);
    }

    const UnitFile net = UnitFile::parse(network);
    report << net.problems();
    parseNetwork(net, &config.ip, &report);

    for (const QByteArray &content : slaveNetworks) {
        const UnitFile slave = UnitFile::parse(content);
        if (slave.value(QStringLiteral("Network"), QStringLiteral("Bond")) != config.name)
            continue;
        const QStringList names = slave.list(QStringLiteral("Match"), QStringLiteral("Name"));
        if (names.size() != 1) {
            report << QStringLiteral("a slave's .network file of %1 matches '%2', not one interface name")
                              .arg(config.name, names.join(QLatin1Char(' ')));
            continue;
        }
        config.slaves << names.first();
        if (parseBoolean(slave.value(QStringLiteral("Network"), QStringLiteral("PrimarySlave")))
                    .value_or(false))
            config.primary = names.first();
    }
    return config;
}

std::optional<BondConfig> load(const QString &bond, QStringList *problems)
{
    if (!QFile::exists(SystemRoot::path(netdevPath(bond))))
        return std::nullopt;
    QList<QByteArray> slaves;
    for (const QString &name : slaveFileNames(bond))
        slaves << readFile(folder() + QLatin1Char('/') + name);
    return parse(readFile(netdevPath(bond)), readFile(networkPath(bond)), slaves, problems);
}

std::optional<BondConfig> loadStaged(const QString &bond, QStringList *problems)
{
    const QString netdev = trialPath(netdevPath(bond));
    if (!QFile::exists(SystemRoot::path(netdev)))
        return std::nullopt;
    const QString dir = QLatin1String(TrialFolder);
    QList<QByteArray> slaves;
    for (const QString &name : slaveFileNames(bond, dir, QStringLiteral("09-bond-manager-")))
        slaves << readFile(dir + QLatin1Char('/') + name);
    return parse(readFile(netdev), readFile(trialPath(networkPath(bond))), slaves, problems);
}

QList<FileChange> removal(const QString &bond)
{
    QList<FileChange> changes {{netdevPath(bond), {}, true}, {networkPath(bond), {}, true}};
    for (const QString &name : slaveFileNames(bond))
        changes.append({folder() + QLatin1Char('/') + name, {}, true});
    return changes;
}

QString trialPath(const QString &path)
{
    const QString name = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    return QLatin1String(TrialFolder) + QStringLiteral("/09-") + name.mid(3);
}

QString trialTarget(const QString &runPath)
{
    const QString name = runPath.mid(runPath.lastIndexOf(QLatin1Char('/')) + 1);
    return folder() + QStringLiteral("/10-") + name.mid(3);
}

bool isTrialFile(const QString &path)
{
    const QString start = QLatin1String(TrialFolder) + QStringLiteral("/09-bond-manager-");
    return path.startsWith(start) && !path.contains(QStringLiteral("/.."))
           && path.count(QLatin1Char('/')) == 4
           && isOurs(trialTarget(path).mid(qsizetype(qstrlen(Folder)) + 1));
}

QByteArray releasedSlaveNetwork(const QString &bond, const QString &slave)
{
    QByteArray out = writtenByComment(bond);
    section(&out, "Match", {{"Name", slave}});
    section(&out, "Link", {{"Unmanaged", QStringLiteral("yes")}});
    return out;
}

QByteArray withMac(const QByteArray &netdev, const QString &mac)
{
    const QByteArray kind = "Kind=bond\n";
    const qsizetype at = netdev.indexOf(kind);
    if (at < 0 || mac.isEmpty())
        return netdev;
    QByteArray out = netdev;
    out.insert(at + kind.size(), "MACAddress=" + mac.toUtf8() + '\n');
    return out;
}

IpConfig networkIp(const QByteArray &network)
{
    IpConfig ip;
    QStringList problems;
    parseNetwork(UnitFile::parse(network), &ip, &problems);
    return ip;
}

QString networkFileOf(int ifindex)
{
    const QByteArray state = readFile(QStringLiteral("/run/systemd/netif/links/%1").arg(ifindex));
    for (const QByteArray &line : state.split('\n'))
        if (line.startsWith("NETWORK_FILE="))
            return QString::fromUtf8(line.mid(int(qstrlen("NETWORK_FILE="))));
    return QString();
}

} // namespace bm::helper::NetworkdFiles
