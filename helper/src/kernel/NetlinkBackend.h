// The real kernel side: rtnetlink through libnl-3. One socket for requests (each waits for the
// kernel's ACK, with extended ACK text), one subscribed to RTNLGRP_LINK whose file descriptor is
// watched by a QSocketNotifier, so events arrive without a polling timer.
#pragma once

#include "KernelBackend.h"

#include <QHash>

#include <memory>

struct nl_sock;
struct nl_msg;
struct nlmsghdr;
class QSocketNotifier;

namespace bm::helper {

class NetlinkBackend : public KernelBackend
{
    Q_OBJECT
public:
    explicit NetlinkBackend(QObject *parent = nullptr);
    ~NetlinkBackend() override;

    bool bondingAvailable() override;
    std::optional<QList<LinkInfo>> dumpLinks() override;
    QHash<int, Candidate> dumpAddressesAndRoutes() override;
    std::optional<QString> procText(const QString &bond) override;

    KernelResult createBond(const QString &name, const QVariantMap &options) override;
    KernelResult deleteLink(const QString &name) override;
    KernelResult setBondOptions(const QString &bond, const QVariantMap &options) override;
    KernelResult setMaster(const QString &slave, const QString &master) override;
    KernelResult setUp(const QString &name, bool up) override;

    bool startMonitoring() override;
    void drainEvents() override { readEvents(); }

    // Decodes one RTM_NEWLINK; interface-index options are resolved through `names`.
    static LinkInfo parseLink(nlmsghdr *hdr, const QHash<int, QString> &names);

private:
    KernelResult transact(nl_msg *msg);
    bool dump(int type, const void *header, size_t headerLen, const std::function<void(nlmsghdr *)> &each);
    KernelResult putOptions(nl_msg *msg, const QVariantMap &options);
    int indexOf(const QString &name) const;
    void readEvents();

    nl_sock *m_request = nullptr;
    nl_sock *m_events = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QHash<int, QString> m_names;   // ifindex -> name, for options that carry an ifindex
    bool m_reading = false;
};

} // namespace bm::helper
