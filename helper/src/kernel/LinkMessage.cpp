// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LinkMessage.h"

#include "NetlinkAttributes.h"
#include "OptionTable.h"

#include <netlink/attr.h>
#include <netlink/msg.h>

#include <cstring>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <utility>
#include <net/if.h>
#include <sys/socket.h>

namespace bm::helper::LinkMessage {

using namespace NetlinkAttributes;

namespace {

constexpr unsigned IffLowerUp = 1u << 16; // linux/if.h, which clashes with net/if.h

SlaveInfo parseSlave(nlattr *data)
{
    SlaveInfo s;
    nlattr *tb[IFLA_BOND_SLAVE_MAX + 1] = {};
    if (nla_parse_nested(tb, IFLA_BOND_SLAVE_MAX, data, nullptr) < 0)
        return s;
    if (auto v = u8(tb[IFLA_BOND_SLAVE_STATE]))
        s.state = *v == 0 ? SlaveState::Active : SlaveState::Backup;
    if (auto v = u8(tb[IFLA_BOND_SLAVE_MII_STATUS]))
        s.miiStatus = miiStatusFromKernel(int(*v)).value_or(MiiStatus::Unknown);
    s.linkFailureCount = u32(tb[IFLA_BOND_SLAVE_LINK_FAILURE_COUNT]);
    s.permHwAddr = mac(tb[IFLA_BOND_SLAVE_PERM_HWADDR]);
    s.queueId = u16(tb[IFLA_BOND_SLAVE_QUEUE_ID]);
    if (auto v = u32(tb[IFLA_BOND_SLAVE_PRIO]))
        s.prio = qint32(*v);
    s.aggregatorId = u16(tb[IFLA_BOND_SLAVE_AD_AGGREGATOR_ID]);
    s.actorOperPortState = u8(tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE]);
    s.partnerOperPortState = u16(tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE]);
    return s;
}

// IFLA_BOND_AD_INFO: the active aggregator of an 802.3ad bond, keyed as ProcBondingParser keys
// the same lines of /proc/net/bonding ("Active Aggregator Info").
QVariantMap parseAdInfo(nlattr *info)
{
    QVariantMap ad;
    nlattr *tb[IFLA_BOND_AD_INFO_MAX + 1] = {};
    if (!info || nla_parse_nested(tb, IFLA_BOND_AD_INFO_MAX, info, nullptr) < 0)
        return ad;
    const std::pair<int, const char *> numbers[] = {{IFLA_BOND_AD_INFO_AGGREGATOR, "aggregatorId"},
                                                    {IFLA_BOND_AD_INFO_NUM_PORTS, "numPorts"},
                                                    {IFLA_BOND_AD_INFO_ACTOR_KEY, "actorKey"},
                                                    {IFLA_BOND_AD_INFO_PARTNER_KEY, "partnerKey"}};
    for (const auto &[attr, key] : numbers)
        if (auto v = u16(tb[attr]))
            ad.insert(QLatin1String(key), uint(*v));
    if (tb[IFLA_BOND_AD_INFO_PARTNER_MAC])
        ad.insert(QStringLiteral("partnerMac"), mac(tb[IFLA_BOND_AD_INFO_PARTNER_MAC]));
    if (!ad.isEmpty())
        ad.insert(QStringLiteral("activeAggregator"), true);
    return ad;
}

QVariantMap parseBondOptions(nlattr *data, const QHash<int, QString> &names, QVariantMap *ad)
{
    QVariantMap options;
    nlattr *tb[IFLA_BOND_MAX + 1] = {};
    if (nla_parse_nested(tb, IFLA_BOND_MAX, data, nullptr) < 0)
        return options;
    *ad = parseAdInfo(tb[IFLA_BOND_AD_INFO]);
    for (const OptionSpec &spec : OptionTable::all()) {
        if (spec.attribute <= 0 || spec.attribute > IFLA_BOND_MAX)
            continue;
        nlattr *a = tb[spec.attribute];
        if (!a)
            continue;
        const QString key = QLatin1String(spec.name);
        std::optional<quint32> number;
        switch (spec.kind) {
        case OptionKind::U8:
            number = u8(a);
            break;
        case OptionKind::U16:
            number = u16(a);
            break;
        case OptionKind::U32:
            number = u32(a);
            break;
        case OptionKind::IfIndex:
            if (auto index = u32(a); index && *index)
                options.insert(key, names.value(int(*index)));
            continue;
        case OptionKind::Mac:
            options.insert(key, mac(a));
            continue;
        case OptionKind::Ipv4List:
        case OptionKind::Ipv6List: {
            QStringList list;
            nlattr *item;
            int rem;
            nla_for_each_nested(item, a, rem)
            {
                if (spec.kind == OptionKind::Ipv4List && nla_len(item) == 4)
                    list << addressText(AF_INET, nla_data(item));
                else if (spec.kind == OptionKind::Ipv6List && nla_len(item) == 16)
                    list << addressText(AF_INET6, nla_data(item));
            }
            options.insert(key, list);
            continue;
        }
        }
        if (!number)
            continue;
        if (spec.isEnum())
            options.insert(key, spec.enumName(*number));
        else
            options.insert(key, uint(*number));
    }
    return options;
}

// struct rtnl_link_stats64 begins with these eight, in this order, in every kernel; later
// kernels append fields, so a shorter or longer attribute than this header's struct is fine.
std::optional<LinkCounters> parseStats(nlattr *a)
{
    constexpr int Needed = 8 * int(sizeof(quint64));
    if (!a || nla_len(a) < Needed)
        return std::nullopt;
    quint64 v[8];
    memcpy(v, nla_data(a), sizeof v);
    LinkCounters c;
    c.rxPackets = v[0];
    c.txPackets = v[1];
    c.rxBytes = v[2];
    c.txBytes = v[3];
    c.rxErrors = v[4];
    c.txErrors = v[5];
    c.rxDropped = v[6];
    c.txDropped = v[7];
    return c;
}

// IFLA_AF_SPEC's AF_INET6 part: IFLA_INET6_ADDR_GEN_MODE, or -1 when there is none.
int parseAddrGenMode(nlattr *spec)
{
    if (!spec)
        return -1;
    nlattr *family;
    int rem;
    nla_for_each_nested(family, spec, rem)
    {
        if (nla_type(family) != AF_INET6)
            continue;
        nlattr *tb[IFLA_INET6_MAX + 1] = {};
        if (nla_parse_nested(tb, IFLA_INET6_MAX, family, nullptr) < 0)
            return -1;
        if (auto mode = u8(tb[IFLA_INET6_ADDR_GEN_MODE]))
            return int(*mode);
    }
    return -1;
}

} // namespace

LinkInfo parse(nlmsghdr *hdr, const QHash<int, QString> &names)
{
    LinkInfo link;
    if (int(hdr->nlmsg_len) < nlmsg_size(sizeof(ifinfomsg)))
        return link;
    const auto *ifi = static_cast<const ifinfomsg *>(nlmsg_data(hdr));
    link.ifindex = ifi->ifi_index;
    link.adminUp = ifi->ifi_flags & IFF_UP;
    link.carrier = ifi->ifi_flags & IffLowerUp;
    link.loopback = ifi->ifi_flags & IFF_LOOPBACK;
    nlattr *tb[IFLA_MAX + 1] = {};
    if (nlmsg_parse(hdr, sizeof(ifinfomsg), tb, IFLA_MAX, nullptr) < 0)
        return link;
    link.name = str(tb[IFLA_IFNAME]);
    link.masterIndex = int(u32(tb[IFLA_MASTER]).value_or(0));
    link.mac = mac(tb[IFLA_ADDRESS]);
    link.mtu = u32(tb[IFLA_MTU]).value_or(0);
    link.event = u32(tb[IFLA_EVENT]).value_or(0);
    link.counters = parseStats(tb[IFLA_STATS64]);
    link.ipv6AddrGenMode = parseAddrGenMode(tb[IFLA_AF_SPEC]);
    if (tb[IFLA_LINKINFO]) {
        nlattr *li[IFLA_INFO_MAX + 1] = {};
        if (nla_parse_nested(li, IFLA_INFO_MAX, tb[IFLA_LINKINFO], nullptr) == 0) {
            link.kind = str(li[IFLA_INFO_KIND]);
            link.slaveKind = str(li[IFLA_INFO_SLAVE_KIND]);
            if (link.isBond() && li[IFLA_INFO_DATA])
                link.bondOptions = parseBondOptions(li[IFLA_INFO_DATA], names, &link.adInfo);
            if (link.slaveKind == QLatin1String("bond") && li[IFLA_INFO_SLAVE_DATA]) {
                link.slave = parseSlave(li[IFLA_INFO_SLAVE_DATA]);
                link.slave->name = link.name;
            }
        }
    }
    return link;
}

} // namespace bm::helper::LinkMessage
