// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AddressMessage.h"

#include "NetlinkAttributes.h"

#include <netlink/attr.h>
#include <netlink/msg.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace bm::helper::AddressMessage {

using namespace NetlinkAttributes;

namespace {

int addressBytes(int family)
{
    return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

// The attribute's address as text, empty when it is missing or not of the family's length.
QString addressOf(int family, nlattr *a)
{
    if (!a || nla_len(a) != addressBytes(family))
        return {};
    return addressText(family, nla_data(a));
}

// "ADDR" or "ADDR/LEN" into its bytes and prefix length (the family's full length without one).
struct Parsed {
    bool ok = false;
    unsigned char bytes[16] = {};
    int prefix = 0;
};

Parsed parseText(int family, const QString &text)
{
    Parsed p;
    const int width = addressBytes(family);
    if (!width)
        return p;
    const QString address = text.section(QLatin1Char('/'), 0, 0);
    p.prefix = width * 8;
    if (text.contains(QLatin1Char('/'))) {
        bool ok = false;
        p.prefix = text.section(QLatin1Char('/'), 1).toInt(&ok);
        if (!ok || p.prefix < 0 || p.prefix > width * 8)
            return p;
    }
    p.ok = inet_pton(family, address.toLatin1().constData(), p.bytes) == 1;
    return p;
}

KernelResult badAddress(const QString &text)
{
    return {EINVAL, QStringLiteral("bad address %1").arg(text)};
}

KernelResult tooLong()
{
    return {EMSGSIZE, QStringLiteral("the request does not fit in one netlink message")};
}

// Puts `text` (an address of `family`, no prefix) as attribute `type`; empty puts nothing.
KernelResult putAddressAttr(nl_msg *msg, int type, int family, const QString &text)
{
    if (text.isEmpty())
        return KernelResult::success();
    const Parsed p = parseText(family, text);
    if (!p.ok || text.contains(QLatin1Char('/')))
        return badAddress(text);
    if (nla_put(msg, type, addressBytes(family), p.bytes) < 0)
        return tooLong();
    return KernelResult::success();
}

// The flags a request may set (inet6_rtm_newaddr() keeps only these); the others are the
// kernel's to give: permanent follows the lifetimes, secondary the other addresses, tentative
// and deprecated DAD and the preferred lifetime.
constexpr quint32 SettableFlags = IFA_F_NODAD | IFA_F_OPTIMISTIC | IFA_F_HOMEADDRESS | IFA_F_MANAGETEMPADDR
                                  | IFA_F_NOPREFIXROUTE | IFA_F_MCAUTOJOIN;

} // namespace

std::optional<AddressInfo> parseAddress(nlmsghdr *hdr)
{
    // nlmsg_parse() checks that the message holds the ifaddrmsg before it is read.
    nlattr *tb[IFA_MAX + 1] = {};
    if (nlmsg_parse(hdr, sizeof(ifaddrmsg), tb, IFA_MAX, nullptr) < 0)
        return std::nullopt;
    const auto *ifa = static_cast<const ifaddrmsg *>(nlmsg_data(hdr));
    const int family = ifa->ifa_family;
    if (!addressBytes(family))
        return std::nullopt;
    // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the same, or the peer of a
    // point-to-point address (IPv6 sends IFA_LOCAL only with a peer).
    const QString local = addressOf(family, tb[IFA_LOCAL]);
    const QString address = addressOf(family, tb[IFA_ADDRESS]);
    const QString own = local.isEmpty() ? address : local;
    if (own.isEmpty())
        return std::nullopt;
    AddressInfo a;
    a.ifindex = int(ifa->ifa_index);
    a.family = family;
    a.address = QStringLiteral("%1/%2").arg(own).arg(ifa->ifa_prefixlen);
    if (!local.isEmpty() && !address.isEmpty() && address != local)
        a.peer = address;
    if (family == AF_INET) {
        a.broadcast = addressOf(AF_INET, tb[IFA_BROADCAST]);
        a.label = str(tb[IFA_LABEL]);
    }
    a.scope = ifa->ifa_scope;
    a.flags = u32(tb[IFA_FLAGS]).value_or(ifa->ifa_flags);
    a.protocol = quint8(u8(tb[IFA_PROTO]).value_or(0));
    if (nlattr *ci = tb[IFA_CACHEINFO]; ci && nla_len(ci) >= int(sizeof(ifa_cacheinfo))) {
        ifa_cacheinfo info {};
        std::memcpy(&info, nla_data(ci), sizeof info);
        a.validLifetime = info.ifa_valid;
        a.preferredLifetime = info.ifa_prefered;
    }
    return a;
}

std::optional<RouteInfo> parseRoute(nlmsghdr *hdr)
{
    // The length first: the rtmsg is read only once the message is known to hold it.
    nlattr *tb[RTA_MAX + 1] = {};
    if (nlmsg_parse(hdr, sizeof(rtmsg), tb, RTA_MAX, nullptr) < 0)
        return std::nullopt;
    const auto *rtm = static_cast<const rtmsg *>(nlmsg_data(hdr));
    const int family = rtm->rtm_family;
    if (!addressBytes(family) || rtm->rtm_type != RTN_UNICAST || (rtm->rtm_flags & RTM_F_CLONED)
        || rtm->rtm_src_len != 0 || tb[RTA_VIA])
        return std::nullopt;
    RouteInfo r;
    r.table = u32(tb[RTA_TABLE]).value_or(rtm->rtm_table);
    if (r.table != RT_TABLE_MAIN)
        return std::nullopt;
    r.family = family;
    QString destination = addressOf(family, tb[RTA_DST]);
    if (destination.isEmpty())
        destination = family == AF_INET ? QStringLiteral("0.0.0.0") : QStringLiteral("::");
    r.destination = QStringLiteral("%1/%2").arg(destination).arg(rtm->rtm_dst_len);
    r.gateway = addressOf(family, tb[RTA_GATEWAY]);
    r.ifindex = int(u32(tb[RTA_OIF]).value_or(0));
    r.metric = u32(tb[RTA_PRIORITY]).value_or(0);
    r.protocol = rtm->rtm_protocol;
    r.scope = rtm->rtm_scope;
    r.type = rtm->rtm_type;
    r.preferredSource = addressOf(family, tb[RTA_PREFSRC]);
    r.tos = rtm->rtm_tos;
    r.flags = rtm->rtm_flags;
    r.replace = hdr->nlmsg_type == RTM_NEWROUTE && (hdr->nlmsg_flags & NLM_F_REPLACE);
    if (nlattr *mp = tb[RTA_MULTIPATH]) {
        // rtnexthop records, each followed by its own attributes; copied out, not cast, because
        // the payload need not be aligned for the struct.
        const char *p = static_cast<const char *>(nla_data(mp));
        int len = nla_len(mp);
        rtnexthop nh {};
        while (len >= int(sizeof nh)) {
            std::memcpy(&nh, p, sizeof nh);
            if (nh.rtnh_len < sizeof nh || int(nh.rtnh_len) > len)
                break;
            RouteNextHop hop;
            hop.ifindex = nh.rtnh_ifindex;
            hop.weight = nh.rtnh_hops;
            hop.flags = nh.rtnh_flags;
            nlattr *attrs[RTA_MAX + 1] = {};
            const int attrLen = int(nh.rtnh_len) - int(RTNH_LENGTH(0));
            if (attrLen > 0
                && nla_parse(attrs, RTA_MAX,
                             reinterpret_cast<nlattr *>(const_cast<char *>(p) + RTNH_LENGTH(0)), attrLen,
                             nullptr)
                           == 0)
                hop.gateway = addressOf(family, attrs[RTA_GATEWAY]);
            r.nexthops << hop;
            p += RTNH_ALIGN(nh.rtnh_len);
            len -= int(RTNH_ALIGN(nh.rtnh_len));
        }
    }
    return r;
}

KernelResult putAddress(nl_msg *msg, const AddressInfo &address, bool add)
{
    const Parsed own = parseText(address.family, address.address);
    if (!own.ok)
        return badAddress(address.address);
    const quint32 flags = address.flags & SettableFlags;
    ifaddrmsg ifa {};
    ifa.ifa_family = quint8(address.family);
    ifa.ifa_prefixlen = quint8(own.prefix);
    ifa.ifa_flags = quint8(flags);
    ifa.ifa_scope = address.scope;
    ifa.ifa_index = quint32(address.ifindex);
    if (nlmsg_append(msg, &ifa, sizeof ifa, NLMSG_ALIGNTO) < 0)
        return tooLong();
    // As iproute2 sends them: IFA_LOCAL the address, IFA_ADDRESS the peer or the address again.
    const QString bare = address.address.section(QLatin1Char('/'), 0, 0);
    for (const KernelResult &r :
         {putAddressAttr(msg, IFA_LOCAL, address.family, bare),
          putAddressAttr(msg, IFA_ADDRESS, address.family, address.peer.isEmpty() ? bare : address.peer)})
        if (!r.ok())
            return r;
    if (!add)
        return KernelResult::success();
    if (nla_put_u32(msg, IFA_FLAGS, flags) < 0)
        return tooLong();
    if (address.family == AF_INET) {
        if (auto r = putAddressAttr(msg, IFA_BROADCAST, AF_INET, address.broadcast); !r.ok())
            return r;
        if (!address.label.isEmpty() && nla_put_string(msg, IFA_LABEL, address.label.toUtf8().constData()) < 0)
            return tooLong();
    }
    if (address.validLifetime != AddressInfo::Forever || address.preferredLifetime != AddressInfo::Forever) {
        ifa_cacheinfo info {};
        info.ifa_valid = address.validLifetime;
        info.ifa_prefered = address.preferredLifetime;
        if (nla_put(msg, IFA_CACHEINFO, sizeof info, &info) < 0)
            return tooLong();
    }
    // Kernels before 6.1 ignore it (IFA_PROTO is past their IFA_MAX).
    if (address.protocol && nla_put_u8(msg, IFA_PROTO, address.protocol) < 0)
        return tooLong();
    return KernelResult::success();
}

KernelResult putRoute(nl_msg *msg, const RouteInfo &route, bool add)
{
    const Parsed destination = parseText(route.family, route.destination);
    if (!destination.ok)
        return badAddress(route.destination);
    rtmsg rtm {};
    rtm.rtm_family = quint8(route.family);
    rtm.rtm_dst_len = quint8(destination.prefix);
    rtm.rtm_tos = route.tos;
    rtm.rtm_table = route.table < 256 ? quint8(route.table) : quint8(RT_TABLE_UNSPEC);
    rtm.rtm_protocol = route.protocol;
    rtm.rtm_scope = route.scope;
    rtm.rtm_type = route.type;
    rtm.rtm_flags = add ? (route.flags & RTNH_F_ONLINK) : 0;
    if (nlmsg_append(msg, &rtm, sizeof rtm, NLMSG_ALIGNTO) < 0)
        return tooLong();
    if (nla_put_u32(msg, RTA_TABLE, route.table) < 0)
        return tooLong();
    if (destination.prefix > 0 && nla_put(msg, RTA_DST, addressBytes(route.family), destination.bytes) < 0)
        return tooLong();
    if (route.ifindex && nla_put_u32(msg, RTA_OIF, quint32(route.ifindex)) < 0)
        return tooLong();
    if (auto r = putAddressAttr(msg, RTA_GATEWAY, route.family, route.gateway); !r.ok())
        return r;
    if (nla_put_u32(msg, RTA_PRIORITY, route.metric) < 0)
        return tooLong();
    if (add) {
        if (auto r = putAddressAttr(msg, RTA_PREFSRC, route.family, route.preferredSource); !r.ok())
            return r;
    }
    if (route.nexthops.isEmpty())
        return KernelResult::success();
    nlattr *multipath = nla_nest_start(msg, RTA_MULTIPATH);
    if (!multipath)
        return tooLong();
    for (const RouteNextHop &hop : route.nexthops) {
        // libnl's message has a fixed room: reserving more never moves what is already in it.
        auto *nh = static_cast<rtnexthop *>(nlmsg_reserve(msg, sizeof(rtnexthop), NLMSG_ALIGNTO));
        if (!nh)
            return tooLong();
        nh->rtnh_ifindex = hop.ifindex;
        nh->rtnh_hops = hop.weight;
        nh->rtnh_flags = add ? (hop.flags & RTNH_F_ONLINK) : 0;
        if (auto r = putAddressAttr(msg, RTA_GATEWAY, route.family, hop.gateway); !r.ok())
            return r;
        nh->rtnh_len = quint16(reinterpret_cast<char *>(nlmsg_tail(nlmsg_hdr(msg)))
                               - reinterpret_cast<char *>(nh));
    }
    if (nla_nest_end(msg, multipath) < 0)
        return tooLong();
    return KernelResult::success();
}

} // namespace bm::helper::AddressMessage
