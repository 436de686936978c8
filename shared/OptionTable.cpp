// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OptionTable.h"

#include "InterfaceName.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <arpa/inet.h>
#include <climits>
#include <cmath>
#include <limits>
#include <linux/if_link.h>

namespace bm {

namespace {

constexpr quint32 IntMax = quint32(INT_MAX);
constexpr ModeMask ArpModes = modeBit(BondMode::BalanceRr) | modeBit(BondMode::ActiveBackup)
                              | modeBit(BondMode::BalanceXor) | modeBit(BondMode::Broadcast);
constexpr ModeMask PrimaryModes = modeBit(BondMode::ActiveBackup) | modeBit(BondMode::BalanceTlb)
                                  | modeBit(BondMode::BalanceAlb);
constexpr ModeMask LacpModes = modeBit(BondMode::Ieee8023ad);
constexpr ModeMask TlbModes = modeBit(BondMode::BalanceTlb) | modeBit(BondMode::BalanceAlb);

using K = OptionKind;
using U = OptionUnit;
using F = OptionFlag;
constexpr OptionFlags NoFlags = {};

// IFLA_BOND_COUPLED_CONTROL (Linux 6.10) reached Debian 12's linux-libc-dev only in 6.1.153; older
// headers lack it, so its number is spelt here. TestOptionTable checks it follows
// IFLA_BOND_NS_IP6_TARGET.
constexpr int IflaBondCoupledControl = 32;

QList<OptionSpec> buildTable()
{
    // One row per IFLA_BOND_* attribute the kernel lets us set; TestOptionTable checks each
    // name's attribute, width and flags against the kernel's.
    return {
            {"mode",
             "mode",
             IFLA_BOND_MODE,
             K::U8,
             U::None,
             0,
             6,
             AllModes,
             F::NeedsDown | F::NeedsNoSlaves,
             {"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb",
              "balance-alb"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "How traffic is spread over the slaves and how a failed "
                                             "slave is replaced.")},
            {"active_slave",
             "activeSlave",
             IFLA_BOND_ACTIVE_SLAVE,
             K::IfIndex,
             U::None,
             0,
             0,
             PrimaryModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "The slave carrying traffic now; it must have link.")},
            {"miimon",
             "miimonMs",
             IFLA_BOND_MIIMON,
             K::U32,
             U::Milliseconds,
             0,
             IntMax,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "How often each slave's link is checked; 0 turns MII "
                                             "monitoring off.")},
            {"updelay",
             "updelayMs",
             IFLA_BOND_UPDELAY,
             K::U32,
             U::Milliseconds,
             0,
             IntMax,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "How long a link must stay up before the slave is used; "
                                             "a multiple of miimon.")},
            {"downdelay",
             "downdelayMs",
             IFLA_BOND_DOWNDELAY,
             K::U32,
             U::Milliseconds,
             0,
             IntMax,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "How long a link must stay down before the slave is "
                                             "dropped; a multiple of miimon.")},
            {"use_carrier",
             "useCarrier",
             IFLA_BOND_USE_CARRIER,
             K::U8,
             U::None,
             0,
             1,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "1: MII monitoring reads the driver's carrier state; 0: "
                                             "it uses MII/ethtool ioctls (deprecated).")},
            {"arp_interval",
             "arpIntervalMs",
             IFLA_BOND_ARP_INTERVAL,
             K::U32,
             U::Milliseconds,
             0,
             IntMax,
             ArpModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "How often ARP probes are sent to the targets; 0 turns "
                                             "ARP monitoring off.")},
            {"arp_ip_target",
             "arpTargets",
             IFLA_BOND_ARP_IP_TARGET,
             K::Ipv4List,
             U::None,
             0,
             0,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "IPv4 addresses probed by ARP monitoring (up to 16).")},
            {"arp_validate",
             "arpValidate",
             IFLA_BOND_ARP_VALIDATE,
             K::U32,
             U::None,
             0,
             6,
             ArpModes,
             NoFlags,
             {"none", "active", "backup", "all", "filter", "filter_active", "filter_backup"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "Which slaves check that ARP replies really come from "
                                             "the targets.")},
            {"arp_all_targets",
             "arpAllTargets",
             IFLA_BOND_ARP_ALL_TARGETS,
             K::U32,
             U::None,
             0,
             1,
             AllModes,
             NoFlags,
             {"any", "all"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "Whether any or all ARP targets must answer for a slave "
                                             "to count as up.")},
            {"primary",
             "primary",
             IFLA_BOND_PRIMARY,
             K::IfIndex,
             U::None,
             0,
             0,
             PrimaryModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "The slave preferred whenever its link is up.")},
            {"primary_reselect",
             "primaryReselect",
             IFLA_BOND_PRIMARY_RESELECT,
             K::U8,
             U::None,
             0,
             2,
             AllModes,
             NoFlags,
             {"always", "better", "failure"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "When the primary slave takes over again after it "
                                             "comes back.")},
            {"fail_over_mac",
             "failOverMac",
             IFLA_BOND_FAIL_OVER_MAC,
             K::U8,
             U::None,
             0,
             2,
             AllModes,
             F::NeedsNoSlaves,
             {"none", "active", "follow"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "In active-backup, whether slaves keep their own MAC "
                                             "addresses on failover.")},
            {"xmit_hash_policy",
             "xmitHashPolicy",
             IFLA_BOND_XMIT_HASH_POLICY,
             K::U8,
             U::None,
             0,
             5,
             AllModes,
             NoFlags,
             {"layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4", "vlan+srcmac"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "Which packet headers choose the slave in balance-xor, "
                                             "802.3ad and balance-tlb.")},
            {"resend_igmp",
             "resendIgmp",
             IFLA_BOND_RESEND_IGMP,
             K::U32,
             U::None,
             0,
             255,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "IGMP membership reports sent after a failover.")},
            {"num_grat_arp",
             "numPeerNotif",
             IFLA_BOND_NUM_PEER_NOTIF,
             K::U8,
             U::None,
             0,
             255,
             AllModes,
             NoFlags,
             {},
             {"num_unsol_na", "num_peer_notif", "peer_notif"},
             QT_TRANSLATE_NOOP("BondOption", "Gratuitous ARPs and unsolicited IPv6 neighbour "
                                             "advertisements sent after a failover.")},
            {"all_slaves_active",
             "allSlavesActive",
             IFLA_BOND_ALL_SLAVES_ACTIVE,
             K::U8,
             U::None,
             0,
             1,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "1: deliver frames received on inactive slaves too "
                                             "(duplicates possible).")},
            {"min_links",
             "minLinks",
             IFLA_BOND_MIN_LINKS,
             K::U32,
             U::None,
             0,
             IntMax,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "Slaves that must be up before the bond reports "
                                             "carrier.")},
            {"lp_interval",
             "lpInterval",
             IFLA_BOND_LP_INTERVAL,
             K::U32,
             U::Seconds,
             1,
             IntMax,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "Seconds between learning packets sent to each slave's "
                                             "switch (balance-tlb, balance-alb).")},
            {"packets_per_slave",
             "packetsPerSlave",
             IFLA_BOND_PACKETS_PER_SLAVE,
             K::U32,
             U::None,
             0,
             65535,
             modeBit(BondMode::BalanceRr),
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "Packets sent through a slave before moving to the next; "
                                             "0 picks a random slave.")},
            {"lacp_rate",
             "lacpRate",
             IFLA_BOND_AD_LACP_RATE,
             K::U8,
             U::None,
             0,
             1,
             LacpModes,
             F::NeedsDown,
             {"slow", "fast"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "How often the partner should send LACPDUs: every 30 s "
                                             "(slow) or every second (fast).")},
            {"ad_select",
             "adSelect",
             IFLA_BOND_AD_SELECT,
             K::U8,
             U::None,
             0,
             2,
             AllModes,
             F::NeedsDown,
             {"stable", "bandwidth", "count"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "How the active 802.3ad aggregator is chosen.")},
            {"ad_actor_sys_prio",
             "adActorSysPrio",
             IFLA_BOND_AD_ACTOR_SYS_PRIO,
             K::U16,
             U::None,
             1,
             65535,
             LacpModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "LACP system priority of this host.")},
            {"ad_user_port_key",
             "adUserPortKey",
             IFLA_BOND_AD_USER_PORT_KEY,
             K::U16,
             U::None,
             0,
             1023,
             LacpModes,
             F::NeedsDown,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "User part (upper 10 bits) of the LACP port key.")},
            {"ad_actor_system",
             "adActorSystem",
             IFLA_BOND_AD_ACTOR_SYSTEM,
             K::Mac,
             U::None,
             0,
             0,
             LacpModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "LACP system MAC address of this host (unicast).")},
            {"tlb_dynamic_lb",
             "tlbDynamicLb",
             IFLA_BOND_TLB_DYNAMIC_LB,
             K::U8,
             U::None,
             0,
             1,
             TlbModes,
             F::NeedsDown,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "1: rebalance flows by load; 0: hash them with "
                                             "xmit_hash_policy.")},
            {"peer_notify_delay",
             "peerNotifyDelayMs",
             IFLA_BOND_PEER_NOTIF_DELAY,
             K::U32,
             U::Milliseconds,
             0,
             300000,
             AllModes,
             NoFlags,
             {},
             {"peer_notif_delay"},
             QT_TRANSLATE_NOOP("BondOption", "Delay between peer notifications after a failover; a "
                                             "multiple of miimon.")},
            {"lacp_active",
             "lacpActive",
             IFLA_BOND_AD_LACP_ACTIVE,
             K::U8,
             U::None,
             0,
             1,
             LacpModes,
             F::NeedsDown,
             {"off", "on"},
             {},
             QT_TRANSLATE_NOOP("BondOption", "on: send LACPDUs; off: only answer a partner that "
                                             "sends them.")},
            {"arp_missed_max",
             "arpMissedMax",
             IFLA_BOND_MISSED_MAX,
             K::U8,
             U::None,
             1,
             255,
             ArpModes,
             NoFlags,
             {},
             {"missed_max"},
             QT_TRANSLATE_NOOP("BondOption", "ARP intervals a slave may miss before it is counted "
                                             "down.")},
            {"ns_ip6_target",
             "nsTargets",
             IFLA_BOND_NS_IP6_TARGET,
             K::Ipv6List,
             U::None,
             0,
             0,
             AllModes,
             NoFlags,
             {},
             {},
             QT_TRANSLATE_NOOP("BondOption", "IPv6 addresses probed with neighbour solicitations by "
                                             "ARP monitoring (up to 16).")},
            {"coupled_control",
             "coupledControl",
             IflaBondCoupledControl,
             K::U8,
             U::None,
             0,
             1,
             LacpModes,
             F::NeedsDown,
             {"off", "on"},
             {},
             QT_TRANSLATE_NOOP("BondOption",
                               "on: one LACP state machine for collecting and "
                               "distributing (kernels that have it: 6.10, and backports such as "
                               "Debian 12's).")},
    };
}

QString modeList(ModeMask mask)
{
    QStringList names;
    for (int m = 0; m < BondModeCount; ++m) {
        if (mask & modeBit(BondMode(m)))
            names << bondModeName(BondMode(m));
    }
    if (names.size() == 1)
        return names.first();
    const QString last = names.takeLast();
    return QCoreApplication::translate("OptionTable", "%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

// The messages below (context "OptionTable") are shown by the GUI in its language; bondctl and the
// helper load no translation and give them in English. Option names stay the kernel's.
QString describe(const OptionSpec &spec)
{
    return QString::fromLatin1(spec.name);
}

// Strict decimal: digits only (the kernel's sscanf %llu would also take leading blanks).
std::optional<quint64> parseDecimal(QStringView text)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    quint64 value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const quint64 digit = quint64(c.unicode() - u'0');
        if (value > (ULLONG_MAX - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

std::optional<quint64> numberFromVariant(const QVariant &v, bool *wasNegative)
{
    *wasNegative = false;
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::SChar: {
        const qlonglong n = v.toLongLong();
        if (n < 0) {
            *wasNegative = true;
            return std::nullopt;
        }
        return quint64(n);
    }
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return v.toULongLong();
    case QMetaType::Double: {
        // Checked as a double before any conversion: converting NaN, an infinity or a value
        // beyond quint64 (JSON's {"miimon": 1e300}) to an integer is undefined behaviour.
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d))
            return std::nullopt;
        if (d < 0) {
            *wasNegative = true;
            return std::nullopt;
        }
        // Whole but beyond every option's maximum: the caller reports the range.
        if (d > 1e18)
            return std::numeric_limits<quint64>::max();
        return quint64(d);
    }
    default:
        return std::nullopt;
    }
}

bool isTextual(const QVariant &v)
{
    return v.typeId() == QMetaType::QString || v.typeId() == QMetaType::QByteArray;
}

QString rangeError(const OptionSpec &spec)
{
    QString text = QCoreApplication::translate("OptionTable", "%1 must be between %2 and %3")
                           .arg(describe(spec))
                           .arg(spec.min)
                           .arg(spec.max);
    if (!spec.unitSuffix().isEmpty())
        text += QLatin1Char(' ') + spec.unitSuffix();
    return text;
}

std::optional<QString> canonicalIpv4(QStringView text)
{
    // Exactly four dotted decimal parts 0-255: inet_pton's rules, without its octal/hex laxity
    // (inet_aton would read "010.0.0.1" as 8.0.0.1).
    const QByteArray bytes = text.toLatin1();
    in_addr addr {};
    if (text.size() > 15 || inet_pton(AF_INET, bytes.constData(), &addr) != 1)
        return std::nullopt;
    char buf[INET_ADDRSTRLEN] = {};
    if (!inet_ntop(AF_INET, &addr, buf, sizeof buf))
        return std::nullopt;
    return QString::fromLatin1(buf);
}

std::optional<QString> canonicalIpv6(QStringView text, in6_addr *out)
{
    const QByteArray bytes = text.toLatin1();
    if (text.size() > 45 || inet_pton(AF_INET6, bytes.constData(), out) != 1)
        return std::nullopt;
    char buf[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(AF_INET6, out, buf, sizeof buf))
        return std::nullopt;
    return QString::fromLatin1(buf);
}

QStringList splitList(const QVariant &input)
{
    if (input.typeId() == QMetaType::QStringList)
        return input.toStringList();
    if (input.typeId() == QMetaType::QVariantList) {
        QStringList out;
        const QVariantList list = input.toList();
        for (const QVariant &item : list)
            out << item.toString();
        return out;
    }
    QString text = input.toString();
    text.replace(QLatin1Char(','), QLatin1Char(' '));
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

OptionTable::ParsedValue fail(QString message)
{
    return {QVariant(), std::move(message)};
}

OptionTable::ParsedValue parseList(const OptionSpec &spec, const QVariant &input)
{
    if (!input.canConvert<QString>() && input.typeId() != QMetaType::QStringList
        && input.typeId() != QMetaType::QVariantList)
        return fail(QCoreApplication::translate("OptionTable", "%1 needs a list of addresses")
                            .arg(describe(spec)));
    const bool v4 = spec.kind == OptionKind::Ipv4List;
    const QStringList items = splitList(input);
    if (items.size() > MaxTargets)
        return fail(QCoreApplication::translate("OptionTable", "%1 takes at most %2 addresses, not %3")
                            .arg(describe(spec))
                            .arg(MaxTargets)
                            .arg(items.size()));
    QStringList out;
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (v4) {
            const auto canon = canonicalIpv4(item);
            if (!canon)
                return fail(QCoreApplication::translate("OptionTable",
                                                        "%1: '%2' is not an IPv4 address like 192.0.2.1")
                                    .arg(describe(spec), item));
            // bond_is_ip_target_ok(): no limited broadcast, nothing in 0.0.0.0/8.
            if (*canon == QLatin1String("255.255.255.255") || canon->startsWith(QLatin1String("0.")))
                return fail(QCoreApplication::translate("OptionTable", "%1: %2 cannot be an ARP target")
                                    .arg(describe(spec), *canon));
            if (out.contains(*canon))
                return fail(QCoreApplication::translate("OptionTable", "%1: %2 is listed twice")
                                    .arg(describe(spec), *canon));
            out << *canon;
        } else {
            in6_addr addr {};
            const auto canon = canonicalIpv6(item, &addr);
            if (!canon)
                return fail(QCoreApplication::translate("OptionTable",
                                                        "%1: '%2' is not an IPv6 address like 2001:db8::1")
                                    .arg(describe(spec), item));
            // bond_is_ip6_target_ok(): not ::, not loopback, not multicast.
            if (IN6_IS_ADDR_UNSPECIFIED(&addr) || IN6_IS_ADDR_LOOPBACK(&addr) || IN6_IS_ADDR_MULTICAST(&addr))
                return fail(QCoreApplication::translate("OptionTable",
                                                        "%1: %2 cannot be a neighbour solicitation target")
                                    .arg(describe(spec), *canon));
            if (out.contains(*canon))
                return fail(QCoreApplication::translate("OptionTable", "%1: %2 is listed twice")
                                    .arg(describe(spec), *canon));
            out << *canon;
        }
    }
    return {QVariant(out), QString()};
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

OptionTable::ParsedValue parseMac(const OptionSpec &spec, const QVariant &input)
{
    const QString text = input.toString().trimmed().toLower();
    const QStringList parts = text.split(QLatin1Char(':'));
    bool good = parts.size() == 6;
    quint8 bytes[6] = {};
    for (int i = 0; good && i < 6; ++i) {
        const QString &p = parts.at(i);
        // Exactly two hex digits: toUInt() alone would also take "+f" or " f".
        good = p.size() == 2 && isHexDigit(p.at(0)) && isHexDigit(p.at(1));
        bytes[i] = quint8(p.toUInt(nullptr, 16));
    }
    if (!good)
        return fail(QCoreApplication::translate("OptionTable",
                                                "%1: '%2' is not a MAC address like 02:00:00:00:00:01")
                            .arg(describe(spec), input.toString()));
    // is_valid_ether_addr(): not multicast (low bit of the first byte), not all zero.
    bool zero = true;
    for (quint8 b : bytes)
        zero = zero && b == 0;
    if (zero || (bytes[0] & 1))
        return fail(QCoreApplication::translate("OptionTable",
                                                "%1 must be a unicast MAC address that is not all zero")
                            .arg(describe(spec)));
    return {QVariant(text), QString()};
}

} // namespace

bool OptionSpec::isNumber() const
{
    return valueNames.isEmpty()
           && (kind == OptionKind::U8 || kind == OptionKind::U16 || kind == OptionKind::U32);
}

QString OptionSpec::unitSuffix() const
{
    switch (unit) {
    case OptionUnit::Milliseconds:
        return QStringLiteral("ms");
    case OptionUnit::Seconds:
        return QStringLiteral("s");
    case OptionUnit::None:
        break;
    }
    return QString();
}

std::optional<quint32> OptionSpec::enumValue(QStringView valueName) const
{
    for (int i = 0; i < valueNames.size(); ++i) {
        if (valueName == QLatin1String(valueNames.at(i)))
            return quint32(i);
    }
    return std::nullopt;
}

QString OptionSpec::enumName(quint32 value) const
{
    if (value >= quint32(valueNames.size()))
        return QString();
    return QString::fromLatin1(valueNames.at(int(value)));
}

namespace OptionTable {

const QList<OptionSpec> &all()
{
    static const QList<OptionSpec> table = buildTable();
    return table;
}

const OptionSpec *find(QStringView name)
{
    for (const OptionSpec &spec : all()) {
        if (name == QLatin1String(spec.name))
            return &spec;
        for (const char *alias : spec.aliases) {
            if (name == QLatin1String(alias))
                return &spec;
        }
    }
    return nullptr;
}

const OptionSpec *findByKey(QStringView key)
{
    for (const OptionSpec &spec : all()) {
        if (key == QLatin1String(spec.key))
            return &spec;
    }
    return nullptr;
}

const OptionSpec *findByAttribute(int attribute)
{
    for (const OptionSpec &spec : all()) {
        if (spec.attribute == attribute)
            return &spec;
    }
    return nullptr;
}

QVariant kernelDefault(const OptionSpec &spec)
{
    // Where the default is not the option's minimum, an enum's first name or empty
    // (drivers/net/bonding/bond_main.c: bond_check_params(); bond_options.c: BOND_VALFLAG_DEFAULT).
    static const QVariantMap notMinimum {
            {QStringLiteral("miimon"), 100u},
            {QStringLiteral("use_carrier"), 1u},
            {QStringLiteral("resend_igmp"), 1u},
            {QStringLiteral("num_grat_arp"), 1u},
            {QStringLiteral("packets_per_slave"), 1u},
            {QStringLiteral("tlb_dynamic_lb"), 1u},
            {QStringLiteral("lacp_active"), QStringLiteral("on")},
            {QStringLiteral("arp_missed_max"), 2u},
            {QStringLiteral("coupled_control"), QStringLiteral("on")},
            {QStringLiteral("ad_actor_sys_prio"), 65535u},
            {QStringLiteral("ad_actor_system"), QStringLiteral("00:00:00:00:00:00")},
    };
    const QString name = QLatin1String(spec.name);
    if (notMinimum.contains(name))
        return notMinimum.value(name);
    if (spec.isEnum())
        return spec.enumName(spec.min);
    if (spec.isNumber())
        return uint(spec.min);
    if (spec.isList())
        return QStringList();
    // The interface options (primary, active_slave): none.
    return QString();
}

ParsedValue parseValue(QStringView name, const QVariant &input)
{
    const OptionSpec *spec = find(name);
    if (!spec)
        return fail(QCoreApplication::translate("OptionTable", "unknown bonding option '%1'")
                            .arg(name.toString()));
    return parseValue(*spec, input);
}

ParsedValue parseValue(const OptionSpec &spec, const QVariant &input)
{
    if (!input.isValid() || input.isNull())
        return fail(QCoreApplication::translate("OptionTable", "%1 needs a value").arg(describe(spec)));

    if (spec.isList())
        return parseList(spec, input);
    if (spec.kind == OptionKind::Mac)
        return parseMac(spec, input);
    if (spec.kind == OptionKind::IfIndex) {
        if (!isTextual(input))
            return fail(QCoreApplication::translate("OptionTable", "%1 needs an interface name")
                                .arg(describe(spec)));
        const QString text = input.toString().trimmed();
        if (text.isEmpty())
            return {QVariant(QStringLiteral("")), QString()}; // "" clears it
        const QString problem = InterfaceName::check(text);
        if (!problem.isEmpty())
            return fail(QCoreApplication::translate("OptionTable", "%1: %2").arg(describe(spec), problem));
        return {QVariant(text), QString()};
    }

    // Numbers and enums.
    std::optional<quint64> number;
    bool negative = false;
    if (isTextual(input)) {
        const QString text = input.toString().trimmed();
        if (spec.isEnum()) {
            if (const auto v = spec.enumValue(text))
                return {QVariant(spec.enumName(*v)), QString()};
        }
        number = parseDecimal(text);
        if (!number) {
            if (text.startsWith(QLatin1Char('-')) && parseDecimal(QStringView(text).mid(1)))
                negative = true;
            else if (spec.isEnum())
                return fail(QCoreApplication::translate("OptionTable", "%1 must be one of: %2 (not '%3')")
                                    .arg(
                                            describe(spec),
                                            [&] {
                                                QStringList names;
                                                for (const char *n : spec.valueNames)
                                                    names << QString::fromLatin1(n);
                                                return names.join(QStringLiteral(", "));
                                            }(),
                                            text));
            else
                return fail(QCoreApplication::translate("OptionTable", "%1 must be a whole number, not '%2'")
                                    .arg(describe(spec), text));
        }
    } else if (input.typeId() == QMetaType::Bool) {
        number = input.toBool() ? 1 : 0;
    } else {
        number = numberFromVariant(input, &negative);
        if (!number && !negative)
            return fail(QCoreApplication::translate("OptionTable", "%1 must be a whole number")
                                .arg(describe(spec)));
    }

    if (negative || !number || *number < spec.min || *number > spec.max) {
        if (spec.isEnum()) {
            QStringList names;
            for (const char *n : spec.valueNames)
                names << QString::fromLatin1(n);
            return fail(QCoreApplication::translate("OptionTable", "%1 must be one of: %2")
                                .arg(describe(spec), names.join(QStringLiteral(", "))));
        }
        return fail(rangeError(spec));
    }
    if (spec.isEnum())
        return {QVariant(spec.enumName(quint32(*number))), QString()};
    return {QVariant(uint(*number)), QString()};
}

std::optional<quint32> wireNumber(const OptionSpec &spec, const QVariant &normalised)
{
    if (spec.isEnum()) {
        if (normalised.typeId() != QMetaType::QString)
            return std::nullopt;
        return spec.enumValue(normalised.toString());
    }
    if (!spec.isNumber() || normalised.typeId() != QMetaType::UInt)
        return std::nullopt;
    const quint32 v = normalised.toUInt();
    if (v < spec.min || v > spec.max)
        return std::nullopt;
    return v;
}

Validation validate(const QVariantMap &requested, const Context &context)
{
    Validation result;
    QVariantMap parsed;
    for (auto it = requested.cbegin(); it != requested.cend(); ++it) {
        const OptionSpec *spec = find(it.key());
        if (!spec) {
            result.errors << QCoreApplication::translate("OptionTable", "unknown bonding option '%1'")
                                     .arg(it.key());
            continue;
        }
        if (parsed.contains(QLatin1String(spec->name))) {
            result.errors << QCoreApplication::translate("OptionTable", "%1 is given more than once")
                                     .arg(describe(*spec));
            continue;
        }
        const ParsedValue value = parseValue(*spec, it.value());
        if (!value.ok())
            result.errors << value.error;
        else
            parsed.insert(QLatin1String(spec->name), value.value);
    }

    // What the bond will look like once the request is applied.
    auto effective = [&](const char *name) -> QVariant {
        const QString n = QLatin1String(name);
        return parsed.contains(n) ? parsed.value(n) : context.current.value(n);
    };
    auto number = [&](const char *name) -> quint32 {
        const QVariant v = effective(name);
        return v.isValid() ? v.toUInt() : 0;
    };
    auto requestedHas = [&](const char *name) { return parsed.contains(QLatin1String(name)); };

    // A new bond starts as balance-rr (BOND_VALFLAG_DEFAULT of bond_mode_tbl).
    const QVariant modeValue = effective("mode");
    const BondMode mode = modeValue.isValid()
                                  ? bondModeFromName(modeValue.toString()).value_or(BondMode::BalanceRr)
                                  : BondMode::BalanceRr;

    const QVariant currentMode = context.current.value(QStringLiteral("mode"));
    const bool modeChanges = requestedHas("mode")
                             && (!currentMode.isValid()
                                 || currentMode.toString() != parsed.value(QStringLiteral("mode")).toString());

    for (auto it = parsed.cbegin(); it != parsed.cend(); ++it) {
        const OptionSpec &spec = *find(it.key());
        const bool isMode = it.key() == QLatin1String("mode");
        if (isMode && !modeChanges)
            continue;
        if (!spec.validIn(mode)) {
            result.errors << QCoreApplication::translate("OptionTable", "%1 only applies to %2, not %3")
                                     .arg(describe(spec), modeList(spec.modes), bondModeName(mode));
            continue;
        }
        if (spec.needsNoSlaves() && context.hasSlaves)
            result.errors << QCoreApplication::translate(
                                     "OptionTable", "%1 can only be changed while the bond has no slaves")
                                     .arg(describe(spec));
        if (spec.needsDown() && context.isUp)
            result.errors << QCoreApplication::translate("OptionTable",
                                                         "%1 can only be changed while the bond is down")
                                     .arg(describe(spec));
    }

    // bond_changelink() refuses ARP monitoring and ARP validation next to miimon in one request.
    if (requestedHas("miimon") && number("miimon") > 0 && requestedHas("arp_interval")
        && number("arp_interval") > 0)
        result.errors << QCoreApplication::translate(
                "OptionTable", "miimon and arp_interval cannot both be set; choose MII or "
                               "ARP monitoring");
    else if (requestedHas("miimon") && number("miimon") > 0 && requestedHas("arp_validate")
             && effective("arp_validate").toString() != QLatin1String("none"))
        result.errors << QCoreApplication::translate("OptionTable",
                                                     "arp_validate needs ARP monitoring; it cannot be set "
                                                     "together with miimon");

    // The delays are stored as multiples of miimon: without miimon the kernel refuses them
    // (EPERM), otherwise it rounds them down with a warning.
    const quint32 miimon = number("miimon");
    for (const char *delay : {"updelay", "downdelay", "peer_notify_delay"}) {
        if (!requestedHas(delay))
            continue;
        const quint32 value = number(delay);
        const bool miimonKnown = effective("miimon").isValid();
        if (miimonKnown && miimon == 0) {
            result.errors << QCoreApplication::translate("OptionTable",
                                                         "%1 needs MII monitoring; set miimon first")
                                     .arg(QLatin1String(delay));
        } else if (miimon > 0 && value % miimon != 0) {
            result.warnings << QCoreApplication::translate("OptionTable",
                                                           "%1 %2 ms is not a multiple of miimon %3 ms; the "
                                                           "kernel rounds it down to %4 ms")
                                       .arg(QLatin1String(delay))
                                       .arg(value)
                                       .arg(miimon)
                                       .arg(value / miimon * miimon);
        }
    }

    // Without targets ARP monitoring never sees a reply, so every slave stays down.
    if ((requestedHas("arp_interval") || requestedHas("arp_ip_target") || requestedHas("ns_ip6_target"))
        && number("arp_interval") > 0 && find(u"arp_interval")->validIn(mode)
        && effective("arp_ip_target").toStringList().isEmpty()
        && effective("ns_ip6_target").toStringList().isEmpty())
        result.warnings << QCoreApplication::translate("OptionTable",
                                                       "arp_interval is set but there is no arp_ip_target; "
                                                       "every slave will be counted as down");

    result.normalised = result.ok() ? parsed : QVariantMap();
    return result;
}

} // namespace OptionTable
} // namespace bm
