// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The real kernel side: rtnetlink through libnl-3. One socket for requests (each waits for the
// kernel's ACK, with extended ACK text), one subscribed to the link, address and route groups
// whose file descriptor is watched by a QSocketNotifier, so events arrive without a polling timer.
#pragma once

#include "KernelBackend.h"

#include <QHash>

#include <functional>
#include <memory>

struct nl_cb;
struct nl_msg;
struct nl_sock;
struct nlmsghdr;
class QSocketNotifier;

namespace bm::helper {

// libnl's objects owned like any other: each handed back to libnl by its own call.
struct NlSocketFree {
    void operator()(nl_sock *socket) const;
};
struct NlMessageFree {
    void operator()(nl_msg *message) const;
};
struct NlCallbacksPut {
    void operator()(nl_cb *callbacks) const;
};
using NlSocket = std::unique_ptr<nl_sock, NlSocketFree>;
using NlMessage = std::unique_ptr<nl_msg, NlMessageFree>;
using NlCallbacks = std::unique_ptr<nl_cb, NlCallbacksPut>;

class NetlinkBackend : public KernelBackend
{
    Q_OBJECT
public:
    explicit NetlinkBackend(QObject *parent = nullptr);
    ~NetlinkBackend() override;

    bool bondingLoaded() override;
    std::optional<QList<LinkInfo>> dumpLinks() override;
    std::optional<LinkInfo> getLink(int ifindex) override;
    std::optional<QList<AddressInfo>> dumpAddresses() override;
    std::optional<QList<RouteInfo>> dumpRoutes() override;
    std::optional<QString> procText(const QString &bond) override;

    KernelResult createBond(const QString &name, const QVariantMap &options) override;
    KernelResult deleteLink(const LinkRef &link) override;
    KernelResult setBondOptions(const LinkRef &bond, const QVariantMap &options) override;
    KernelResult setMaster(const LinkRef &slave, const LinkRef &master) override;
    KernelResult setUp(const LinkRef &link, bool up) override;
    KernelResult setMtu(const QString &name, quint32 mtu) override;
    KernelResult setMac(const LinkRef &link, const QString &mac) override;
    KernelResult setIpv6AddrGenMode(const LinkRef &link, quint8 mode) override;
    KernelResult addAddress(const AddressInfo &address) override;
    KernelResult deleteAddress(const AddressInfo &address) override;
    KernelResult addRoute(const RouteInfo &route) override;
    KernelResult deleteRoute(const RouteInfo &route) override;

    void probeArp(const ArpRequest &request, QObject *context,
                  std::function<void(const ArpReply &)> done) override;

    bool startMonitoring() override;
    void drainEvents() override { readEvents(); }

private:
    // Sends a request and waits for its ACK; `each` gets what the kernel answers before it (the
    // echo of NLM_F_ECHO).
    KernelResult transact(NlMessage msg, const std::function<void(nlmsghdr *)> &each = {});
    // One dump request, each message to `each`; an interrupted dump is read again after `restart`
    // (which throws away what `each` gathered). False when the kernel could not be asked.
    bool dump(int type, const void *header, size_t headerLen, const std::function<void(nlmsghdr *)> &each,
              const std::function<void()> &restart = {});
    // Appends IFLA_LINKINFO with the bond's options to a link request being built.
    KernelResult putOptions(nl_msg *msg, const QVariantMap &options);
    // A request of `type` without a header of its own: `put` appends the header and attributes.
    KernelResult request(int type, int flags, const std::function<KernelResult(nl_msg *)> &put);
    int indexOf(const QString &name) const;
    // The ifindex of `link` for a request (LinkRef); otherwise the refusal, with index 0.
    KernelResult resolve(const LinkRef &link, int &index) const;
    void readEvents();

    NlSocket m_request;
    NlSocket m_events;
    // Declared after the socket it watches, so that it goes first.
    std::unique_ptr<QSocketNotifier> m_notifier;
    QHash<int, QString> m_names; // ifindex -> name, for options that carry an ifindex
    bool m_reading = false;
};

} // namespace bm::helper
