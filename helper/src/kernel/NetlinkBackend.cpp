// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NetlinkBackend.h"

#include "AddressMessage.h"
#include "LinkMessage.h"
#include "NetlinkAttributes.h"
#include "OptionTable.h"

#include <QFile>
#include <QSocketNotifier>

#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

namespace bm::helper {

using NetlinkAttributes::str;

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

struct AckContext {
    bool done = false;
    int error = 0;
    QString text;
};

// Called for NLMSG_ERROR with a non-zero error: keep the errno and the extended ACK message.
int onError(sockaddr_nl *, nlmsgerr *err, void *arg)
{
    auto *ctx = static_cast<AckContext *>(arg);
    ctx->done = true;
    ctx->error = -err->error;
    auto *hdr = reinterpret_cast<nlmsghdr *>(reinterpret_cast<char *>(err) - NLMSG_HDRLEN);
    if (hdr->nlmsg_flags & NLM_F_ACK_TLVS) {
        int offset = int(sizeof(nlmsgerr));
        if (!(hdr->nlmsg_flags & NLM_F_CAPPED))
            offset += int(err->msg.nlmsg_len) - NLMSG_HDRLEN;
        const int len = int(hdr->nlmsg_len) - NLMSG_HDRLEN - offset;
        if (len > 0) {
            nlattr *tb[NLMSGERR_ATTR_MAX + 1] = {};
            auto *attrs = reinterpret_cast<nlattr *>(reinterpret_cast<char *>(err) + offset);
            if (nla_parse(tb, NLMSGERR_ATTR_MAX, attrs, len, nullptr) == 0)
                ctx->text = str(tb[NLMSGERR_ATTR_MSG]);
        }
    }
    return NL_STOP;
}

int onAck(nl_msg *, void *arg)
{
    static_cast<AckContext *>(arg)->done = true;
    return NL_STOP;
}

int onValid(nl_msg *msg, void *arg)
{
    (*static_cast<const std::function<void(nlmsghdr *)> *>(arg))(nlmsg_hdr(msg));
    return NL_OK;
}

NlSocket openSocket()
{
    NlSocket sk(nl_socket_alloc());
    if (!sk || nl_connect(sk.get(), NETLINK_ROUTE) < 0)
        return nullptr;
    const int one = 1;
    // Extended ACK: the kernel explains its refusals ("Device can not be enslaved while up").
    setsockopt(nl_socket_get_fd(sk.get()), SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one);
    return sk;
}

// A copy of the socket's callbacks. nl_socket_get_cb() takes a reference, which is given back
// here: kept, it would keep the socket's callbacks alive after nl_socket_free().
NlCallbacks cloneCallbacks(nl_sock *sk)
{
    const NlCallbacks own(nl_socket_get_cb(sk));
    return NlCallbacks(nl_cb_clone(own.get()));
}

// A copy of the socket's callbacks with `each` called for every message of a dump or a read.
NlCallbacks callbacksFor(nl_sock *sk, const std::function<void(nlmsghdr *)> &each)
{
    NlCallbacks cb(cloneCallbacks(sk));
    if (cb)
        nl_cb_set(cb.get(), NL_CB_VALID, NL_CB_CUSTOM, onValid,
                  const_cast<std::function<void(nlmsghdr *)> *>(&each));
    return cb;
}

KernelResult noSuchInterface(const QString &name)
{
    return {ENODEV, QStringLiteral("there is no interface named %1").arg(name)};
}

// nlmsg_append(), nla_put*() and nla_nest_start() fail only when the message has no room left.
KernelResult tooLong()
{
    return {EMSGSIZE, QStringLiteral("the request does not fit in one netlink message")};
}

KernelResult noMemory()
{
    return {ENOMEM, QStringLiteral("no memory for a netlink request")};
}

// Every link request opens with this header; ifindex 0 is for a new link, which IFLA_IFNAME names.
// Null when it could not be built (no memory).
NlMessage linkRequest(int type, int flags, int ifindex, unsigned ifFlags = 0, unsigned ifChange = 0)
{
    NlMessage msg(nlmsg_alloc_simple(type, flags));
    ifinfomsg ifi {};
    ifi.ifi_family = AF_UNSPEC;
    ifi.ifi_index = ifindex;
    ifi.ifi_flags = ifFlags;
    ifi.ifi_change = ifChange;
    if (!msg || nlmsg_append(msg.get(), &ifi, sizeof ifi, NLMSG_ALIGNTO) < 0)
        return nullptr;
    return msg;
}

} // namespace

void NlSocketFree::operator()(nl_sock *socket) const
{
    nl_socket_free(socket);
}

void NlMessageFree::operator()(nl_msg *message) const
{
    nlmsg_free(message);
}

void NlCallbacksPut::operator()(nl_cb *callbacks) const
{
    nl_cb_put(callbacks);
}

NetlinkBackend::NetlinkBackend(QObject *parent)
    : KernelBackend(parent)
    , m_request(openSocket())
{ }

NetlinkBackend::~NetlinkBackend() = default;

bool NetlinkBackend::bondingLoaded()
{
    // The driver creates it in every network namespace when it loads. The module tree is not read:
    // the helper's unit hides it (ProtectKernelModules=), and the kernel's answer to the first
    // bond created is the only reliable word on whether the driver can be loaded.
    return QFile::exists(QStringLiteral("/sys/class/net/bonding_masters"));
}

// How often an interrupted dump is read again before the caller is told it failed (it then
// retries later: kernel/LinkView).
constexpr int DumpAttempts = 5;

bool NetlinkBackend::dump(int type, const void *header, size_t headerLen,
                          const std::function<void(nlmsghdr *)> &each, const std::function<void()> &restart)
{
    if (!m_request)
        return false;
    const NlCallbacks cb = callbacksFor(m_request.get(), each);
    if (!cb)
        return false;
    // A dump that changes under the kernel's hands is marked NLM_F_DUMP_INTR (libnl answers
    // -NLE_DUMP_INTR once it is read to its end): its links may be missing or stale, so it is
    // read again from the start, and the caller throws away what it gathered (restart).
    for (int attempt = 0; attempt < DumpAttempts; ++attempt) {
        if (attempt > 0 && restart)
            restart();
        if (nl_send_simple(m_request.get(), type, NLM_F_DUMP, const_cast<void *>(header), headerLen) < 0)
            return false;
        const int r = nl_recvmsgs(m_request.get(), cb.get());
        if (r != -NLE_DUMP_INTR)
            return r >= 0;
    }
    return false;
}

std::optional<QList<LinkInfo>> NetlinkBackend::dumpLinks()
{
    // Options such as active_slave carry an ifindex; names are resolved once all links are known.
    QList<QByteArray> raw;
    ifinfomsg ifi {};
    ifi.ifi_family = AF_UNSPEC;
    const bool ok = dump(
            RTM_GETLINK, &ifi, sizeof ifi,
            [&](nlmsghdr *hdr) {
                raw << QByteArray(reinterpret_cast<const char *>(hdr), int(hdr->nlmsg_len));
            },
            [&] { raw.clear(); });
    if (!ok)
        return std::nullopt;
    QHash<int, QString> names;
    for (QByteArray &bytes : raw) {
        const LinkInfo l = LinkMessage::parse(reinterpret_cast<nlmsghdr *>(bytes.data()), {});
        names.insert(l.ifindex, l.name);
    }
    m_names = names;
    QList<LinkInfo> links;
    for (QByteArray &bytes : raw)
        links << LinkMessage::parse(reinterpret_cast<nlmsghdr *>(bytes.data()), names);
    return links;
}

std::optional<LinkInfo> NetlinkBackend::getLink(int ifindex)
{
    NlMessage msg = linkRequest(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, ifindex);
    if (!msg || ifindex <= 0)
        return std::nullopt;
    std::optional<LinkInfo> link;
    const KernelResult r = transact(std::move(msg), [&](nlmsghdr *hdr) {
        if (hdr->nlmsg_type == RTM_NEWLINK)
            link = LinkMessage::parse(hdr, m_names);
    });
    if (!r.ok() || !link || link->ifindex != ifindex)
        return std::nullopt;
    return link;
}

std::optional<QList<AddressInfo>> NetlinkBackend::dumpAddresses()
{
    QList<AddressInfo> addresses;
    ifaddrmsg ifa {};
    ifa.ifa_family = AF_UNSPEC;
    const bool ok = dump(
            RTM_GETADDR, &ifa, sizeof ifa,
            [&](nlmsghdr *hdr) {
                if (auto a = AddressMessage::parseAddress(hdr))
                    addresses << *a;
            },
            [&] { addresses.clear(); });
    if (!ok)
        return std::nullopt;
    return addresses;
}

std::optional<QList<RouteInfo>> NetlinkBackend::dumpRoutes()
{
    QList<RouteInfo> routes;
    for (int family : {AF_INET, AF_INET6}) {
        const qsizetype before = routes.size();
        rtmsg rtm {};
        rtm.rtm_family = quint8(family);
        const bool ok = dump(
                RTM_GETROUTE, &rtm, sizeof rtm,
                [&](nlmsghdr *hdr) {
                    if (auto r = AddressMessage::parseRoute(hdr))
                        routes << *r;
                },
                [&] { routes.resize(before); });
        if (!ok)
            return std::nullopt;
    }
    return routes;
}

std::optional<QString> NetlinkBackend::procText(const QString &bond)
{
    // The caller validated the name (no '/', not "." or ".."), so it stays inside this folder.
    QFile file(QStringLiteral("/proc/net/bonding/") + bond);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

int NetlinkBackend::indexOf(const QString &name) const
{
    return int(if_nametoindex(name.toUtf8().constData()));
}

KernelResult NetlinkBackend::resolve(const LinkRef &link, int &index) const
{
    index = 0;
    if (link.ifindex == 0) {
        index = indexOf(link.name);
        return index ? KernelResult::success() : noSuchInterface(link.name);
    }
    // The request itself goes by ifindex; the name is compared just before it is sent, which
    // leaves a rename only the moment between the two to slip through (the kernel has no request
    // that both names and numbers a link without renaming it).
    char now[IF_NAMESIZE] = {};
    if (!if_indextoname(unsigned(link.ifindex), now))
        return link.renamed(QString());
    const QString name = QString::fromUtf8(now);
    if (!link.name.isEmpty() && name != link.name)
        return link.renamed(name);
    index = link.ifindex;
    return KernelResult::success();
}

KernelResult NetlinkBackend::transact(NlMessage msg, const std::function<void(nlmsghdr *)> &each)
{
    if (!m_request)
        return {ENOTCONN, QStringLiteral("no netlink socket")};
    AckContext ctx;
    const NlCallbacks cb = each ? callbacksFor(m_request.get(), each) : cloneCallbacks(m_request.get());
    if (!cb)
        return noMemory();
    nl_cb_err(cb.get(), NL_CB_CUSTOM, onError, &ctx);
    nl_cb_set(cb.get(), NL_CB_ACK, NL_CB_CUSTOM, onAck, &ctx);
    const int sent = nl_send_auto(m_request.get(), msg.get());
    msg.reset();
    if (sent < 0)
        return {EIO, QString::fromLocal8Bit(nl_geterror(sent))};
    int r = 0;
    while (!ctx.done && r >= 0)
        r = nl_recvmsgs(m_request.get(), cb.get());
    if (ctx.error)
        return {ctx.error, ctx.text.isEmpty() ? errnoText(ctx.error) : ctx.text};
    if (r < 0 && !ctx.done)
        return {EIO, QString::fromLocal8Bit(nl_geterror(r))};
    return KernelResult::success();
}

KernelResult NetlinkBackend::putOptions(nl_msg *msg, const QVariantMap &options)
{
    nlattr *linkinfo = nla_nest_start(msg, IFLA_LINKINFO);
    if (!linkinfo || nla_put_string(msg, IFLA_INFO_KIND, "bond") < 0)
        return tooLong();
    nlattr *data = nla_nest_start(msg, IFLA_INFO_DATA);
    if (!data)
        return tooLong();
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const OptionSpec *spec = OptionTable::find(it.key());
        if (!spec)
            return {EINVAL, QStringLiteral("unknown option %1").arg(it.key())};
        const int attr = spec->attribute;
        switch (spec->kind) {
        case OptionKind::U8:
        case OptionKind::U16:
        case OptionKind::U32: {
            const auto wire = OptionTable::wireNumber(*spec, it.value());
            if (!wire)
                return {EINVAL, QStringLiteral("bad value for %1").arg(it.key())};
            int put = 0;
            if (spec->kind == OptionKind::U8)
                put = nla_put_u8(msg, attr, quint8(*wire));
            else if (spec->kind == OptionKind::U16)
                put = nla_put_u16(msg, attr, quint16(*wire));
            else
                put = nla_put_u32(msg, attr, *wire);
            if (put < 0)
                return tooLong();
            break;
        }
        case OptionKind::IfIndex: {
            const QString name = it.value().toString();
            int index = 0;
            if (!name.isEmpty() && (index = indexOf(name)) == 0)
                return noSuchInterface(name);
            if (nla_put_u32(msg, attr, quint32(index)) < 0)
                return tooLong();
            break;
        }
        case OptionKind::Ipv4List:
        case OptionKind::Ipv6List: {
            nlattr *list = nla_nest_start(msg, attr);
            if (!list)
                return tooLong();
            int i = 0;
            for (const QString &text : it.value().toStringList()) {
                const QByteArray ascii = text.toLatin1();
                if (spec->kind == OptionKind::Ipv4List) {
                    in_addr a {};
                    if (inet_pton(AF_INET, ascii.constData(), &a) != 1)
                        return {EINVAL, QStringLiteral("bad IPv4 address %1").arg(text)};
                    if (nla_put(msg, i++, 4, &a.s_addr) < 0)
                        return tooLong();
                } else {
                    in6_addr a {};
                    if (inet_pton(AF_INET6, ascii.constData(), &a) != 1)
                        return {EINVAL, QStringLiteral("bad IPv6 address %1").arg(text)};
                    if (nla_put(msg, i++, 16, &a) < 0)
                        return tooLong();
                }
            }
            if (nla_nest_end(msg, list) < 0)
                return tooLong();
            break;
        }
        case OptionKind::Mac: {
            const QByteArray bytes = QByteArray::fromHex(it.value().toString().toLatin1());
            if (bytes.size() != 6)
                return {EINVAL, QStringLiteral("bad MAC address for %1").arg(it.key())};
            if (nla_put(msg, attr, 6, bytes.constData()) < 0)
                return tooLong();
            break;
        }
        }
    }
    if (nla_nest_end(msg, data) < 0 || nla_nest_end(msg, linkinfo) < 0)
        return tooLong();
    return KernelResult::success();
}

KernelResult NetlinkBackend::createBond(const QString &name, const QVariantMap &options)
{
    // NLM_F_ECHO: the kernel answers with the new link's RTM_NEWLINK (Linux 6.3 and later,
    // rtnl_newlink_create()), so its ifindex is known without looking the name up afterwards.
    NlMessage msg = linkRequest(RTM_NEWLINK,
                                NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL | NLM_F_ECHO, 0);
    if (!msg)
        return noMemory();
    if (nla_put_string(msg.get(), IFLA_IFNAME, name.toUtf8().constData()) < 0)
        return tooLong();
    const KernelResult put = putOptions(msg.get(), options);
    if (!put.ok())
        return put;
    int echoed = 0;
    KernelResult r = transact(std::move(msg), [&echoed](nlmsghdr *hdr) {
        if (hdr->nlmsg_type == RTM_NEWLINK && hdr->nlmsg_len >= NLMSG_LENGTH(sizeof(ifinfomsg)))
            echoed = static_cast<const ifinfomsg *>(nlmsg_data(hdr))->ifi_index;
    });
    if (!r.ok())
        return r;
    // Older kernels ignore NLM_F_ECHO: the name is looked up at once instead, which a rename in
    // the moment since the ACK could still deceive.
    r.ifindex = echoed ? echoed : indexOf(name);
    if (!r.ifindex)
        return {ENODEV, QStringLiteral("%1 vanished as soon as it was created").arg(name)};
    return r;
}

KernelResult NetlinkBackend::deleteLink(const LinkRef &link)
{
    int index = 0;
    if (const KernelResult bad = resolve(link, index); !bad.ok())
        return bad;
    NlMessage msg = linkRequest(RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, index);
    if (!msg)
        return noMemory();
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::setBondOptions(const LinkRef &bond, const QVariantMap &options)
{
    int index = 0;
    if (const KernelResult bad = resolve(bond, index); !bad.ok())
        return bad;
    NlMessage msg = linkRequest(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, index);
    if (!msg)
        return noMemory();
    const KernelResult put = putOptions(msg.get(), options);
    if (!put.ok())
        return put;
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::setMaster(const LinkRef &slave, const LinkRef &master)
{
    int index = 0;
    if (const KernelResult bad = resolve(slave, index); !bad.ok())
        return bad;
    int masterIndex = 0;
    if (!master.isNull())
        if (const KernelResult bad = resolve(master, masterIndex); !bad.ok())
            return bad;
    NlMessage msg = linkRequest(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, index);
    if (!msg)
        return noMemory();
    if (nla_put_u32(msg.get(), IFLA_MASTER, quint32(masterIndex)) < 0)
        return tooLong();
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::setUp(const LinkRef &link, bool up)
{
    int index = 0;
    if (const KernelResult bad = resolve(link, index); !bad.ok())
        return bad;
    NlMessage msg = linkRequest(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, index, up ? IFF_UP : 0, IFF_UP);
    if (!msg)
        return noMemory();
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::setMtu(const QString &name, quint32 mtu)
{
    const int index = indexOf(name);
    if (!index)
        return noSuchInterface(name);
    NlMessage msg = linkRequest(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, index);
    if (!msg)
        return noMemory();
    if (nla_put_u32(msg.get(), IFLA_MTU, mtu) < 0)
        return tooLong();
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::setMac(const LinkRef &link, const QString &mac)
{
    const QByteArray bytes = QByteArray::fromHex(mac.toLatin1().replace(':', QByteArray()));
    if (bytes.size() != 6 || mac.size() != 17)
        return {EINVAL, QStringLiteral("%1 is not a MAC address").arg(mac)};
    int index = 0;
    if (const KernelResult bad = resolve(link, index); !bad.ok())
        return bad;
    NlMessage msg = linkRequest(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, index);
    if (!msg)
        return noMemory();
    if (nla_put(msg.get(), IFLA_ADDRESS, bytes.size(), bytes.constData()) < 0)
        return tooLong();
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::setIpv6AddrGenMode(const LinkRef &link, quint8 mode)
{
    int index = 0;
    if (const KernelResult bad = resolve(link, index); !bad.ok())
        return bad;
    NlMessage msg = linkRequest(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, index);
    if (!msg)
        return noMemory();
    nlattr *spec = nla_nest_start(msg.get(), IFLA_AF_SPEC);
    nlattr *inet6 = spec ? nla_nest_start(msg.get(), AF_INET6) : nullptr;
    if (!inet6 || nla_put_u8(msg.get(), IFLA_INET6_ADDR_GEN_MODE, mode) < 0)
        return tooLong();
    nla_nest_end(msg.get(), inet6);
    nla_nest_end(msg.get(), spec);
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::request(int type, int flags, const std::function<KernelResult(nl_msg *)> &put)
{
    NlMessage msg(nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_ACK | flags));
    if (!msg)
        return noMemory();
    const KernelResult built = put(msg.get());
    if (!built.ok())
        return built;
    return transact(std::move(msg));
}

KernelResult NetlinkBackend::addAddress(const AddressInfo &address)
{
    return request(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL,
                   [&](nl_msg *msg) { return AddressMessage::putAddress(msg, address, true); });
}

KernelResult NetlinkBackend::deleteAddress(const AddressInfo &address)
{
    return request(RTM_DELADDR, 0,
                   [&](nl_msg *msg) { return AddressMessage::putAddress(msg, address, false); });
}

KernelResult NetlinkBackend::addRoute(const RouteInfo &route)
{
    return request(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL,
                   [&](nl_msg *msg) { return AddressMessage::putRoute(msg, route, true); });
}

KernelResult NetlinkBackend::deleteRoute(const RouteInfo &route)
{
    return request(RTM_DELROUTE, 0, [&](nl_msg *msg) { return AddressMessage::putRoute(msg, route, false); });
}

void NetlinkBackend::probeArp(const ArpRequest &request, QObject *context,
                              std::function<void(const ArpReply &)> done)
{
    // Owned by the context: gone with it, before it could answer.
    auto *probe = new ArpProbe(context);
    connect(probe, &ArpProbe::finished, context, [probe, done = std::move(done)](const ArpReply &reply) {
        probe->deleteLater();
        done(reply);
    });
    probe->start(request);
}

bool NetlinkBackend::startMonitoring()
{
    if (m_events)
        return true;
    m_events = openSocket();
    if (!m_events)
        return false;
    nl_sock *events = m_events.get();
    // Notifications carry no sequence numbers of ours.
    nl_socket_disable_seq_check(events);
    nl_socket_set_nonblocking(events);
    nl_socket_set_buffer_size(events, 1 << 20, 0);
    // Creating hundreds of links at once overflowed even 1 MiB (rmem_max caps SO_RCVBUF); the
    // helper holds CAP_NET_ADMIN, which lets it go past that cap. Failing is harmless: an overflow
    // only costs a re-dump.
    const int bytes = 8 << 20;
    setsockopt(nl_socket_get_fd(events), SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof bytes);
    // One notification per datagram, a few KiB each: a fixed 64 KiB buffer saves the peek that
    // libnl otherwise makes before every read.
    nl_socket_disable_msg_peek(events);
    nl_socket_set_msg_buf_size(events, 64 << 10);
    if (nl_socket_add_memberships(events, RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR,
                                  RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE, 0)
        < 0) {
        m_events.reset();
        return false;
    }
    m_notifier = std::make_unique<QSocketNotifier>(nl_socket_get_fd(events), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &NetlinkBackend::readEvents);
    return true;
}

void NetlinkBackend::readEvents()
{
    // A slot may ask for a drain while one is under way; the outer loop takes what arrives.
    if (!m_events || m_reading)
        return;
    // Each notification is passed on as soon as it is parsed: a failover is announced without
    // waiting for whatever the kernel queued behind it.
    const std::function<void(nlmsghdr *)> each = [this](nlmsghdr *hdr) {
        if (hdr->nlmsg_type == RTM_NEWLINK) {
            const LinkInfo l = LinkMessage::parse(hdr, m_names);
            m_names.insert(l.ifindex, l.name);
            Q_EMIT linkChanged(l);
        } else if (hdr->nlmsg_type == RTM_DELLINK) {
            const LinkInfo l = LinkMessage::parse(hdr, m_names);
            m_names.remove(l.ifindex);
            Q_EMIT linkRemoved(l.ifindex, l.name);
        } else if (hdr->nlmsg_type == RTM_NEWADDR || hdr->nlmsg_type == RTM_DELADDR) {
            if (const auto a = AddressMessage::parseAddress(hdr)) {
                if (hdr->nlmsg_type == RTM_NEWADDR)
                    Q_EMIT addressChanged(*a);
                else
                    Q_EMIT addressRemoved(*a);
            }
        } else if (hdr->nlmsg_type == RTM_NEWROUTE || hdr->nlmsg_type == RTM_DELROUTE) {
            if (const auto r = AddressMessage::parseRoute(hdr)) {
                if (hdr->nlmsg_type == RTM_NEWROUTE)
                    Q_EMIT routeChanged(*r);
                else
                    Q_EMIT routeRemoved(*r);
            }
        }
    };
    const NlCallbacks cb = callbacksFor(m_events.get(), each);
    if (!cb)
        return;
    m_reading = true;
    bool lost = false;
    // Drain what is queued (the socket is non-blocking: EAGAIN ends it); the notifier fires again
    // for anything that arrives later. nl_recvmsgs_report() counts the messages of one datagram;
    // an empty socket is -NLE_AGAIN in libnl 3.7 (0 in older ones, and for a zero-length read):
    // nothing queued, nothing lost. Counting it as a loss re-read every link, address and route
    // after each drain (tests/unit/TestNetlinkEvents.cpp).
    for (int round = 0; round < 4096; ++round) {
        const int r = nl_recvmsgs_report(m_events.get(), cb.get());
        if (r == 0 || r == -NLE_AGAIN)
            break;
        if (r > 0)
            continue;
        // Any other failure lost something: ENOBUFS (the kernel dropped notifications), a
        // notification cut short (MSG_TRUNC), a message libnl could not take. The datagram is gone
        // either way, so read on, and re-read every link afterwards.
        lost = true;
        if (r != -NLE_NOMEM && r != -NLE_MSG_TRUNC && r != -NLE_MSG_OVERFLOW)
            break;
    }
    m_reading = false;
    if (lost)
        Q_EMIT resyncNeeded();
}

} // namespace bm::helper
