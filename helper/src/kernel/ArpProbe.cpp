// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ArpProbe.h"

#include <QMetaObject>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if_arp.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace bm::helper {

namespace {

// An Ethernet ARP packet for IPv4 as it follows the link-layer header (RFC 826).
struct [[gnu::packed]] ArpPacket {
    arphdr header;
    unsigned char senderMac[6];
    unsigned char senderIp[4];
    unsigned char targetMac[6];
    unsigned char targetIp[4];
};
static_assert(sizeof(ArpPacket) == 28);

bool parseMac(const QString &text, unsigned char (&mac)[6])
{
    const QByteArray bytes = QByteArray::fromHex(text.toLatin1().replace(':', QByteArray()));
    if (bytes.size() != 6)
        return false;
    std::memcpy(mac, bytes.constData(), 6);
    return true;
}

QString macText(const unsigned char *mac)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(mac), 6).toHex(':'));
}

QString errnoText(const char *what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(error)));
}

} // namespace

ArpProbe::ArpProbe(QObject *parent)
    : QObject(parent)
{
    m_resend.setInterval(IntervalMs);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(TimeoutMs);
    connect(&m_resend, &QTimer::timeout, this, &ArpProbe::send);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(ArpReply()); });
}

ArpProbe::~ArpProbe()
{
    m_notifier.reset();
    if (m_fd >= 0)
        ::close(m_fd);
}

void ArpProbe::start(const ArpRequest &request)
{
    m_request = request;
    const auto fail = [this](const QString &error) {
        ArpReply reply;
        reply.error = error;
        // finished() comes from the event loop, as it does for an answer.
        QMetaObject::invokeMethod(
                this, [this, reply] { finish(reply); }, Qt::QueuedConnection);
    };
    if (!parseMac(request.mac, m_mac))
        return fail(QStringLiteral("the link has no Ethernet address"));
    if (inet_pton(AF_INET, request.target.toLatin1().constData(), m_target) != 1)
        return fail(QStringLiteral("%1 is not an IPv4 address").arg(request.target));
    if (!request.sender.isEmpty() && inet_pton(AF_INET, request.sender.toLatin1().constData(), m_sender) != 1)
        return fail(QStringLiteral("%1 is not an IPv4 address").arg(request.sender));
    m_fd = ::socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ARP));
    if (m_fd < 0)
        return fail(errnoText("cannot open a packet socket", errno));
    sockaddr_ll here {};
    here.sll_family = AF_PACKET;
    here.sll_protocol = htons(ETH_P_ARP);
    here.sll_ifindex = request.ifindex;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&here), sizeof here) != 0)
        return fail(errnoText("cannot bind a packet socket to the link", errno));
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &ArpProbe::readReplies);
    m_deadline.start();
    m_resend.start();
    send();
}

void ArpProbe::send()
{
    if (m_done)
        return;
    if (m_sent >= Attempts) {
        m_resend.stop();
        return;
    }
    ArpPacket packet {};
    packet.header.ar_hrd = htons(ARPHRD_ETHER);
    packet.header.ar_pro = htons(ETH_P_IP);
    packet.header.ar_hln = 6;
    packet.header.ar_pln = 4;
    packet.header.ar_op = htons(ARPOP_REQUEST);
    std::memcpy(packet.senderMac, m_mac, 6);
    std::memcpy(packet.senderIp, m_sender, 4);
    std::memcpy(packet.targetIp, m_target, 4);
    sockaddr_ll to {};
    to.sll_family = AF_PACKET;
    to.sll_protocol = htons(ETH_P_ARP);
    to.sll_ifindex = m_request.ifindex;
    to.sll_halen = 6;
    std::memset(to.sll_addr, 0xff, 6);
    const ssize_t sent = ::sendto(m_fd, &packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&to),
                                  sizeof to);
    if (sent < 0) {
        // The first one refused (the link down, the sandbox): no later one would fare better.
        if (m_sent == 0) {
            ArpReply reply;
            reply.error = errnoText("cannot send an ARP request", errno);
            finish(reply);
        }
        return;
    }
    ++m_sent;
    m_sinceSent.start();
}

void ArpProbe::readReplies()
{
    for (;;) {
        ArpPacket packet {};
        sockaddr_ll from {};
        socklen_t fromLength = sizeof from;
        const ssize_t got = ::recvfrom(m_fd, &packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&from),
                                       &fromLength);
        if (got < 0)
            return;
        // Our own requests come back as PACKET_OUTGOING; only the target's reply counts.
        if (got < ssize_t(sizeof packet) || from.sll_pkttype == PACKET_OUTGOING
            || packet.header.ar_op != htons(ARPOP_REPLY) || packet.header.ar_pro != htons(ETH_P_IP)
            || std::memcmp(packet.senderIp, m_target, 4) != 0)
            continue;
        ArpReply reply;
        reply.answered = true;
        reply.rttUsec = qulonglong(m_sinceSent.nsecsElapsed() / 1000);
        reply.answeredBy = macText(packet.senderMac);
        finish(reply);
        return;
    }
}

void ArpProbe::finish(const ArpReply &reply)
{
    if (std::exchange(m_done, true))
        return;
    m_resend.stop();
    m_deadline.stop();
    if (m_notifier)
        m_notifier->setEnabled(false);
    Q_EMIT finished(reply);
}

} // namespace bm::helper
