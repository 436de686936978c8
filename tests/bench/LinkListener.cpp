// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LinkListener.h"

#include "MonotonicClock.h"

#include <cerrno>
#include <cstdio>
#include <vector>

#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bm::bench {

bool LinkListener::start()
{
    m_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (m_fd < 0)
        return false;
    // A flap storm must not overflow the socket: a lost event would be a lost sample.
    int size = 8 << 20;
    setsockopt(m_fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
    sockaddr_nl addr {};
    addr.nl_family = AF_NETLINK;
    addr.nl_groups = RTMGRP_LINK;
    if (bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return false;
    m_stop = eventfd(0, EFD_CLOEXEC);
    m_thread = std::thread([this] { loop(); });
    return true;
}

void LinkListener::stop()
{
    if (!m_thread.joinable())
        return;
    const uint64_t one = 1;
    (void)!write(m_stop, &one, sizeof one);
    m_thread.join();
    close(m_fd);
    close(m_stop);
}

void LinkListener::loop()
{
    std::vector<char> buf(1 << 16);
    for (;;) {
        pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_stop, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR)
            return;
        if (fds[1].revents)
            return;
        if (!(fds[0].revents & POLLIN))
            continue;
        const ssize_t got = recv(m_fd, buf.data(), buf.size(), 0);
        const double t = nowMs();
        if (got < 0) {
            if (errno == ENOBUFS)
                std::fprintf(stderr, "bm-bench: floor listener overflowed (ENOBUFS)\n");
            continue;
        }
        parse(buf.data(), int(got), t);
    }
}

// The uapi NLMSG_*/RTA_* macros step through the buffer as char *, which clang's -Wcast-align
// flags; the receive buffer is heap memory (16-byte aligned) and netlink keeps 4-byte alignment.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
void LinkListener::parse(char *data, int len, double t)
{
    for (auto *nlh = reinterpret_cast<nlmsghdr *>(data); NLMSG_OK(nlh, unsigned(len));
         nlh = NLMSG_NEXT(nlh, len)) {
        if (nlh->nlmsg_type != RTM_NEWLINK)
            continue;
        newLinks.fetch_add(1, std::memory_order_relaxed);
        auto *ifi = static_cast<ifinfomsg *>(NLMSG_DATA(nlh));
        int alen = int(IFLA_PAYLOAD(nlh));
        int mii = -1;
        for (auto *rta = IFLA_RTA(ifi); RTA_OK(rta, alen); rta = RTA_NEXT(rta, alen)) {
            if (rta->rta_type == IFLA_EVENT
                && *static_cast<uint32_t *>(RTA_DATA(rta)) == IFLA_EVENT_BONDING_FAILOVER && onFailover)
                onFailover(ifi->ifi_index, t);
            if ((rta->rta_type & NLA_TYPE_MASK) != IFLA_LINKINFO)
                continue;
            int ilen = int(RTA_PAYLOAD(rta));
            for (auto *info = static_cast<rtattr *>(RTA_DATA(rta)); RTA_OK(info, ilen);
                 info = RTA_NEXT(info, ilen)) {
                if ((info->rta_type & NLA_TYPE_MASK) != IFLA_INFO_SLAVE_DATA)
                    continue;
                int slen = int(RTA_PAYLOAD(info));
                for (auto *sd = static_cast<rtattr *>(RTA_DATA(info)); RTA_OK(sd, slen);
                     sd = RTA_NEXT(sd, slen))
                    if (sd->rta_type == IFLA_BOND_SLAVE_MII_STATUS)
                        mii = *static_cast<uint8_t *>(RTA_DATA(sd));
            }
        }
        if (mii >= 0 && onSlaveMii)
            onSlaveMii(ifi->ifi_index, mii, t);
    }
}
#pragma GCC diagnostic pop

} // namespace bm::bench
