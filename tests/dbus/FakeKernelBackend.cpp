// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeKernelBackend.h"

#include "OptionTable.h"

#include <QFile>
#include <QTimer>

#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cerrno>
#include <utility>
#include <linux/if_link.h>

namespace bm::helper {

namespace {
QStringList envList(const char *name)
{
    return QString::fromLocal8Bit(qgetenv(name)).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// An address ("ADDR" or "ADDR/LEN") as its bytes and prefix length; false when it is not one.
bool parsePrefix(int family, const QString &text, unsigned char (&bytes)[16], int &prefix)
{
    const int width = family == AF_INET ? 4 : 16;
    prefix = text.contains(QLatin1Char('/')) ? text.section(QLatin1Char('/'), 1).toInt() : width * 8;
    return inet_pton(family, text.section(QLatin1Char('/'), 0, 0).toLatin1().constData(), bytes) == 1
           && prefix >= 0 && prefix <= width * 8;
}

// The prefix an address lies in, its host bits cleared: "192.0.2.10/24" is "192.0.2.0/24".
QString networkOf(int family, const QString &address)
{
    unsigned char bytes[16] = {};
    int prefix = 0;
    if (!parsePrefix(family, address, bytes, prefix))
        return {};
    for (int bit = prefix; bit < (family == AF_INET ? 32 : 128); ++bit)
        bytes[bit / 8] &= quint8(~(0x80u >> (bit % 8)));
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(family, bytes, text, sizeof text);
    return QStringLiteral("%1/%2").arg(QLatin1String(text)).arg(prefix);
}

bool covers(int family, const QString &network, const QString &address)
{
    const int prefix = network.section(QLatin1Char('/'), 1).toInt();
    return networkOf(family, QStringLiteral("%1/%2").arg(address.section(QLatin1Char('/'), 0, 0)).arg(prefix))
           == network;
}

KernelResult noSuchDevice()
{
    return {ENODEV, QStringLiteral("No such device")};
}
} // namespace

FakeKernelBackend::FakeKernelBackend(QObject *parent)
    : KernelBackend(parent)
    , m_refuseEnslave(envList("BM_FAKE_REFUSE_ENSLAVE"))
    , m_errors(envList("BM_FAKE_ERRORS"))
    , m_arpDead(envList("BM_FAKE_ARP_DEAD"))
    , m_arpRefused(qgetenv("BM_FAKE_ARP_REFUSED") == "1")
    , m_keepAddrOnDown(qgetenv("BM_FAKE_KEEP_ADDR_ON_DOWN") == "1")
    , m_dumpLog(QString::fromLocal8Bit(qgetenv("BM_FAKE_DUMP_LOG")))
{
    for (const QString &entry : envList("BM_FAKE_ARP"))
        m_arpNeighbours.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    if (qgetenv("BM_FAKE_NO_BONDING") == "1")
        m_bonding = Bonding::Missing;
    else if (qgetenv("BM_FAKE_BONDING_MODULE") == "1")
        m_bonding = Bonding::Loadable;
    LinkInfo lo;
    lo.ifindex = m_nextIndex++;
    lo.name = QStringLiteral("lo");
    lo.adminUp = lo.carrier = lo.loopback = true;
    lo.mtu = 65536;
    m_links.insert(lo.name, lo);
    for (const QString &name : envList("BM_FAKE_LINKS")) {
        LinkInfo l;
        l.ifindex = m_nextIndex++;
        l.name = name;
        l.kind = QStringLiteral("veth");
        l.adminUp = l.carrier = true;
        l.mtu = 1500;
        l.ipv6AddrGenMode = 0; // IN6_ADDR_GEN_MODE_EUI64, the kernel's default
        l.mac = QStringLiteral("02:00:00:00:00:%1").arg(l.ifindex, 2, 16, QLatin1Char('0'));
        m_links.insert(name, l);
    }
    const QString withDefault = QString::fromLocal8Bit(qgetenv("BM_FAKE_DEFAULT_ROUTE"));
    if (m_links.contains(withDefault)) {
        // As `ip addr add 192.0.2.10/24 brd + dev eth0` and `ip route add default via 192.0.2.1`
        // leave them.
        AddressInfo a;
        a.ifindex = m_links.value(withDefault).ifindex;
        a.family = AF_INET;
        a.address = QStringLiteral("192.0.2.10/24");
        a.broadcast = QStringLiteral("192.0.2.255");
        a.label = withDefault;
        // As dhclient-script adds a lease: valid_lft and preferred_lft the lease's time.
        if (const int lease = qEnvironmentVariableIntValue("BM_FAKE_DEFAULT_ROUTE_LEASE"); lease > 0)
            a.validLifetime = a.preferredLifetime = quint32(lease);
        addAddress(a);
        RouteInfo route;
        route.ifindex = a.ifindex;
        route.family = AF_INET;
        route.destination = QStringLiteral("0.0.0.0/0");
        route.gateway = QStringLiteral("192.0.2.1");
        route.protocol = RTPROT_BOOT;
        route.type = RTN_UNICAST;
        route.table = RT_TABLE_MAIN;
        addRoute(route);
    }
    for (const QString &entry : envList("BM_FAKE_ADDRESSES")) {
        AddressInfo a;
        a.ifindex = m_links.value(entry.section(QLatin1Char('='), 0, 0)).ifindex;
        a.address = entry.section(QLatin1Char('='), 1);
        a.family = a.address.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
        addAddress(a);
    }
    // Nothing above is news to a listener that dumps first.
    m_queued.clear();
}

std::optional<QList<LinkInfo>> FakeKernelBackend::dumpLinks()
{
    logDump("links");
    QList<LinkInfo> links;
    for (const LinkInfo &l : std::as_const(m_links))
        links << withCounters(l);
    return links;
}

std::optional<QList<AddressInfo>> FakeKernelBackend::dumpAddresses()
{
    logDump("addresses");
    return m_addresses;
}

std::optional<QList<RouteInfo>> FakeKernelBackend::dumpRoutes()
{
    logDump("routes");
    return m_routes;
}

void FakeKernelBackend::logDump(const char *what) const
{
    if (m_dumpLog.isEmpty())
        return;
    QFile log(m_dumpLog);
    if (log.open(QIODevice::WriteOnly | QIODevice::Append))
        log.write(QByteArray(what) + '\n');
}

std::optional<LinkInfo> FakeKernelBackend::getLink(int ifindex)
{
    const LinkInfo *link = linkByIndex(ifindex);
    if (!link)
        return std::nullopt;
    if (!link->isBond() && link->adminUp && link->carrier) {
        LinkCounters &c = m_counters[ifindex];
        c.rxPackets += 10;
        c.txPackets += 10;
        c.rxBytes += 1000;
        c.txBytes += 1000;
        if (m_errors.contains(link->name)) {
            c.rxErrors += 1;
            c.rxDropped += 2;
        }
    }
    return withCounters(*link);
}

LinkInfo FakeKernelBackend::withCounters(const LinkInfo &link) const
{
    LinkInfo copy = link;
    if (!link.isBond()) {
        copy.counters = m_counters.value(link.ifindex);
        return copy;
    }
    LinkCounters sum;
    for (const LinkInfo &l : m_links) {
        if (l.masterIndex != link.ifindex)
            continue;
        const LinkCounters c = m_counters.value(l.ifindex);
        sum.rxBytes += c.rxBytes;
        sum.txBytes += c.txBytes;
        sum.rxPackets += c.rxPackets;
        sum.txPackets += c.txPackets;
        sum.rxErrors += c.rxErrors;
        sum.txErrors += c.txErrors;
        sum.rxDropped += c.rxDropped;
        sum.txDropped += c.txDropped;
    }
    copy.counters = sum;
    return copy;
}

void FakeKernelBackend::probeArp(const ArpRequest &request, QObject *context,
                                 std::function<void(const ArpReply &)> done)
{
    ArpReply reply;
    const LinkInfo *link = linkByIndex(request.ifindex);
    const QString active = link ? link->bondOptions.value(QStringLiteral("active_slave")).toString()
                                : QString();
    if (m_arpRefused || !link) {
        reply.error = m_arpRefused
                              ? QStringLiteral("cannot open a packet socket: Operation not permitted")
                              : QStringLiteral("cannot bind a packet socket to the link: No such device");
    } else if (link->adminUp && link->carrier && m_arpNeighbours.contains(request.target)
               && !m_arpDead.contains(active)) {
        reply.answered = true;
        reply.rttUsec = 1000u + qulonglong(++m_arpProbes);
        reply.answeredBy = m_arpNeighbours.value(request.target);
    } else {
        ++m_arpProbes;
    }
    // An answer comes after a round trip long enough for callers who ask meanwhile to share it,
    // none only at the probe's end, as from ArpProbe.
    const int after = !reply.error.isEmpty() ? 0 : reply.answered ? 200 : ArpProbe::TimeoutMs;
    QTimer::singleShot(after, context, [reply, done = std::move(done)] { done(reply); });
}

// bond_info_show_master() and bond_info_show_slave() in drivers/net/bonding/bond_procfs.c, for
// the lines the helper reads: every slave runs at 10000 Mbps full duplex, and an 802.3ad bond has
// one aggregator (id 1) of all its slaves, facing a partner that does not speak LACP.
std::optional<QString> FakeKernelBackend::procText(const QString &bond)
{
    const auto it = m_links.constFind(bond);
    if (it == m_links.cend() || !it->isBond())
        return std::nullopt;
    const auto option = [&](const char *name) {
        return it->bondOptions.value(QLatin1String(name)).toString();
    };
    const BondMode mode = bondModeFromName(option("mode")).value_or(BondMode::BalanceRr);
    const bool lacp = mode == BondMode::Ieee8023ad;
    const QList<LinkInfo *> slaves = slavesOf(*it);
    QString text = QStringLiteral("Ethernet Channel Bonding Driver: v6.1.0-fake\n\n"
                                  "Bonding Mode: %1\n"
                                  "MII Status: %2\n"
                                  "MII Polling Interval (ms): %3\n")
                           .arg(bondModeDescription(mode),
                                it->carrier ? QStringLiteral("up") : QStringLiteral("down"),
                                option("miimon"));
    if (lacp)
        text += QStringLiteral("\n802.3ad info\n"
                               "System priority: 65535\n"
                               "System MAC address: %1\n"
                               "Active Aggregator Info:\n"
                               "\tAggregator ID: 1\n"
                               "\tNumber of ports: %2\n"
                               "\tActor Key: 15\n"
                               "\tPartner Key: 1\n"
                               "\tPartner Mac Address: 00:00:00:00:00:00\n")
                        .arg(it->mac)
                        .arg(slaves.size());
    for (qsizetype i = 0; i < slaves.size(); ++i) {
        const LinkInfo &s = *slaves.at(i);
        text += QStringLiteral("\nSlave Interface: %1\n"
                               "MII Status: %2\n"
                               "Speed: 10000 Mbps\n"
                               "Duplex: full\n"
                               "Link Failure Count: %3\n"
                               "Permanent HW addr: %4\n"
                               "Slave queue ID: 0\n")
                        .arg(s.name, s.carrier ? QStringLiteral("up") : QStringLiteral("down"))
                        .arg(s.slave ? s.slave->linkFailureCount.value_or(0) : 0)
                        .arg(s.mac);
        if (!lacp)
            continue;
        text += QStringLiteral("Aggregator ID: 1\n"
                               "Actor Churn State: none\n"
                               "Partner Churn State: churned\n"
                               "Actor Churned Count: 0\n"
                               "Partner Churned Count: 1\n"
                               "details actor lacp pdu:\n"
                               "    system priority: 65535\n"
                               "    system mac address: %1\n"
                               "    port key: 15\n"
                               "    port priority: 255\n"
                               "    port number: %2\n"
                               "    port state: 77\n"
                               "details partner lacp pdu:\n"
                               "    system priority: 65535\n"
                               "    system mac address: 00:00:00:00:00:00\n"
                               "    oper key: 1\n"
                               "    port priority: 255\n"
                               "    port number: 1\n"
                               "    port state: 1\n")
                        .arg(it->mac)
                        .arg(i + 1);
    }
    return text;
}

QList<LinkInfo *> FakeKernelBackend::slavesOf(const LinkInfo &bond)
{
    QList<LinkInfo *> result;
    for (LinkInfo &l : m_links)
        if (l.masterIndex == bond.ifindex)
            result << &l;
    return result;
}

void FakeKernelBackend::updateCarrier(LinkInfo &bond)
{
    bool any = false;
    for (LinkInfo *s : slavesOf(bond))
        any = any || (s->adminUp && s->carrier);
    bond.carrier = bond.adminUp && any;
}

// The kernel notifies after the request returned; so does the fake.
void FakeKernelBackend::notify(const QString &name, quint32 event)
{
    const auto it = m_links.constFind(name);
    if (it == m_links.cend())
        return;
    LinkInfo copy = withCounters(*it);
    copy.event = event;
    queue([this, copy] { Q_EMIT linkChanged(copy); });
}

void FakeKernelBackend::queue(std::function<void()> event)
{
    m_queued << std::move(event);
    if (m_queued.size() == 1)
        QTimer::singleShot(0, this, &FakeKernelBackend::drainEvents);
}

void FakeKernelBackend::drainEvents()
{
    // In order, including what a handler queues meanwhile.
    while (!m_queued.isEmpty())
        m_queued.takeFirst()();
}

LinkInfo *FakeKernelBackend::masterOf(const LinkInfo &slave)
{
    for (LinkInfo &b : m_links)
        if (slave.masterIndex && b.ifindex == slave.masterIndex)
            return &b;
    return nullptr;
}

QStringList FakeKernelBackend::bondSlaves() const
{
    QStringList names;
    for (const LinkInfo &l : m_links)
        if (l.masterIndex && l.slave)
            names << l.name;
    return names;
}

QString FakeKernelBackend::activeSlave(const QString &bond) const
{
    return m_links.value(bond).bondOptions.value(QStringLiteral("active_slave")).toString();
}

// Like bond_change_active_slave(): the slaves whose role changed are announced, then a new active
// slave as a failover; none at all is not (the bond's carrier going off says it).
void FakeKernelBackend::changeActive(LinkInfo &bond, const QString &name)
{
    const QString key = QStringLiteral("active_slave");
    const QString old = bond.bondOptions.value(key).toString();
    if (name.isEmpty())
        bond.bondOptions.remove(key);
    else
        bond.bondOptions.insert(key, name);
    for (LinkInfo *s : slavesOf(bond)) {
        const SlaveState role = s->name == name ? SlaveState::Active : SlaveState::Backup;
        if (std::exchange(s->slave->state, role) != role)
            notify(s->name);
    }
    if (old != name)
        notify(bond.name, name.isEmpty() ? 0 : IFLA_EVENT_BONDING_FAILOVER);
}

// bond_select_active_slave() in active-backup without a primary: the current slave while it is
// up, else the first slave that is up (the driver's order is enslavement's, ours the names'), else
// none.
void FakeKernelBackend::reselectActive(LinkInfo &bond)
{
    const QString current = bond.bondOptions.value(QStringLiteral("active_slave")).toString();
    QString best;
    for (const LinkInfo *s : slavesOf(bond)) {
        if (!s->adminUp || !s->carrier)
            continue;
        if (s->name == current)
            return;
        if (best.isEmpty())
            best = s->name;
    }
    changeActive(bond, best);
}

void FakeKernelBackend::setCarrier(const QString &name, bool carrier)
{
    const auto it = m_links.find(name);
    if (it == m_links.end() || it->carrier == carrier)
        return;
    it->carrier = carrier;
    if (it->slave) {
        it->slave->miiStatus = carrier ? MiiStatus::Up : MiiStatus::Down;
        if (!carrier)
            it->slave->linkFailureCount = it->slave->linkFailureCount.value_or(0) + 1;
    }
    notify(name);
    LinkInfo *bond = masterOf(*it);
    if (!bond)
        return;
    const bool hadCarrier = bond->carrier;
    const QVariant hadActive = bond->bondOptions.value(QStringLiteral("active_slave"));
    updateCarrier(*bond);
    if (bond->bondOptions.value(QStringLiteral("mode")).toString() == QLatin1String("active-backup"))
        reselectActive(*bond);
    // A failover above has announced the bond already, its carrier included.
    if (bond->carrier != hadCarrier && bond->bondOptions.value(QStringLiteral("active_slave")) == hadActive)
        notify(bond->name);
}

// Applies in order and stops at the first refusal, like bond_changelink().
KernelResult FakeKernelBackend::applyOptions(LinkInfo &bond, const QVariantMap &options)
{
    const auto modeOf = [&] {
        return bondModeFromName(bond.bondOptions.value(QStringLiteral("mode")).toString())
                .value_or(BondMode::BalanceRr);
    };
    QStringList keys = options.keys();
    // bond_changelink() handles mode before everything else.
    if (keys.removeAll(QStringLiteral("mode")))
        keys.prepend(QStringLiteral("mode"));
    const bool hasSlaves = !slavesOf(bond).isEmpty();
    for (const QString &key : keys) {
        const OptionSpec *spec = OptionTable::find(key);
        if (!spec)
            return {EINVAL, QStringLiteral("unknown option")};
        const QVariant value = options.value(key);
        if (key == QLatin1String("mode")) {
            if (hasSlaves)
                return {ENOTEMPTY, QStringLiteral("unable to set mode because the bond has slaves")};
            if (bond.adminUp)
                return {EBUSY, QStringLiteral("unable to set mode because the bond is up")};
        } else {
            if (!spec->validIn(modeOf()))
                return {EACCES, QStringLiteral("option not supported in this mode")};
            if (spec->needsNoSlaves() && hasSlaves)
                return {ENOTEMPTY, QStringLiteral("option cannot be changed while the bond has slaves")};
            if (spec->needsDown() && bond.adminUp)
                return {EBUSY, QStringLiteral("option cannot be changed while the bond is up")};
        }
        if (key == QLatin1String("active_slave")) {
            const QString name = value.toString();
            const auto it = m_links.find(name);
            if (it == m_links.end() || it->masterIndex != bond.ifindex)
                return {EINVAL, QStringLiteral("Device is not a slave of this bond")};
            if (!it->carrier || !it->adminUp || !bond.adminUp)
                return {EINVAL, QStringLiteral("Setting active slave to a down device")};
            changeActive(bond, name);
            continue;
        }
        // bond_fill_info() leaves out primary and active_slave when there is none, and the
        // ARP/NS targets when there are none (an empty list clears them all in bond_changelink()).
        if ((spec->kind == OptionKind::IfIndex && value.toString().isEmpty())
            || (spec->isList() && value.toStringList().isEmpty())) {
            bond.bondOptions.remove(key);
            continue;
        }
        // Monitoring is MII or ARP: enabling one switches the other off. bond_option_miimon_set()
        // clears arp_interval (and arp_validate with it); bond_option_arp_interval_set() clears
        // miimon ("ARP monitoring cannot be used with MII monitoring. Disabling MII monitoring").
        if (key == QLatin1String("miimon") && value.toUInt() > 0
            && bond.bondOptions.value(QStringLiteral("arp_interval")).toUInt() > 0) {
            bond.bondOptions.insert(QStringLiteral("arp_interval"), 0u);
            if (bond.bondOptions.contains(QStringLiteral("arp_validate")))
                bond.bondOptions.insert(QStringLiteral("arp_validate"), QStringLiteral("none"));
        }
        if (key == QLatin1String("arp_interval") && value.toUInt() > 0)
            bond.bondOptions.insert(QStringLiteral("miimon"), 0u);
        bond.bondOptions.insert(key, value);
    }
    return KernelResult::success();
}

LinkInfo *FakeKernelBackend::find(const LinkRef &link, KernelResult &refusal)
{
    if (link.ifindex == 0) {
        const auto it = m_links.find(link.name);
        if (it != m_links.end())
            return &*it;
        refusal = noSuchDevice();
        return nullptr;
    }
    for (LinkInfo &l : m_links) {
        if (l.ifindex != link.ifindex)
            continue;
        if (!link.name.isEmpty() && l.name != link.name) {
            refusal = link.renamed(l.name);
            return nullptr;
        }
        return &l;
    }
    refusal = link.renamed(QString());
    return nullptr;
}

QString FakeKernelBackend::nameOf(int ifindex) const
{
    for (const LinkInfo &l : m_links)
        if (l.ifindex == ifindex)
            return l.name;
    return QString();
}

KernelResult FakeKernelBackend::answer(const KernelResult &result)
{
    if (m_afterChange && !m_inAfterChange) {
        m_inAfterChange = true;
        m_afterChange();
        m_inAfterChange = false;
    }
    return result;
}

KernelResult FakeKernelBackend::rename(const QString &from, const QString &to)
{
    if (!m_links.contains(from))
        return answer(noSuchDevice());
    if (m_links.contains(to))
        return answer({EEXIST, QStringLiteral("File exists")});
    LinkInfo link = m_links.take(from);
    link.name = to;
    if (link.slave)
        link.slave->name = to;
    m_links.insert(to, link);
    // The kernel keeps a bond's primary and active slave as devices; the fake, by name.
    for (LinkInfo &bond : m_links)
        for (const char *key : {"primary", "active_slave"})
            if (bond.bondOptions.value(QLatin1String(key)).toString() == from)
                bond.bondOptions.insert(QLatin1String(key), to);
    notify(to);
    return answer(KernelResult::success());
}

KernelResult FakeKernelBackend::createBond(const QString &name, const QVariantMap &options)
{
    if (m_links.contains(name))
        return answer({EEXIST, QStringLiteral("File exists")});
    // rtnl_newlink(): a kind without a driver is looked for with request_module() first.
    if (m_bonding == Bonding::Missing)
        return answer({EOPNOTSUPP, QStringLiteral("Unknown device type")});
    m_bonding = Bonding::Loaded;
    LinkInfo bond;
    bond.ifindex = m_nextIndex++;
    bond.name = name;
    bond.kind = QStringLiteral("bond");
    bond.mac = QStringLiteral("02:00:00:00:01:%1").arg(bond.ifindex, 2, 16, QLatin1Char('0'));
    bond.mtu = 1500;
    bond.ipv6AddrGenMode = 0;
    bond.bondOptions = {{QStringLiteral("mode"), QStringLiteral("balance-rr")},
                        {QStringLiteral("miimon"), 0u},
                        {QStringLiteral("arp_interval"), 0u}};
    // Like rtnl_newlink(): when an option is refused the new device is unregistered again.
    KernelResult r = applyOptions(bond, options);
    if (!r.ok())
        return answer(r);
    m_links.insert(name, bond);
    notify(name);
    r.ifindex = bond.ifindex;
    return answer(r);
}

KernelResult FakeKernelBackend::deleteLink(const LinkRef &link)
{
    KernelResult refusal;
    const LinkInfo *found = find(link, refusal);
    if (!found)
        return answer(refusal);
    const LinkInfo gone = *found;
    for (LinkInfo *s : slavesOf(gone)) {
        s->masterIndex = 0;
        s->slave.reset();
        s->slaveKind.clear();
        const bool wasUp = std::exchange(s->adminUp, false);
        s->mtu = m_originalMtu.take(s->ifindex);
        notify(s->name);
        if (wasUp)
            linkDown(*s);
    }
    // inetdev_destroy() and addrconf_ifdown() announce the addresses that go; the routes go with
    // the link unannounced (a listener forgets a removed link's routes itself).
    for (const AddressInfo &a : std::as_const(m_addresses))
        if (a.ifindex == gone.ifindex)
            queue([this, a] { Q_EMIT addressRemoved(a); });
    m_addresses.removeIf([&](const AddressInfo &a) { return a.ifindex == gone.ifindex; });
    m_routes.removeIf([&](const RouteInfo &r) { return r.goesOut(gone.ifindex); });
    m_links.remove(gone.name);
    queue([this, gone] { Q_EMIT linkRemoved(gone.ifindex, gone.name); });
    return answer(KernelResult::success());
}

KernelResult FakeKernelBackend::setBondOptions(const LinkRef &bond, const QVariantMap &options)
{
    KernelResult refusal;
    LinkInfo *found = find(bond, refusal);
    if (!found)
        return answer(refusal);
    if (!found->isBond())
        return answer(noSuchDevice());
    const KernelResult r = applyOptions(*found, options);
    notify(found->name, IFLA_EVENT_BONDING_OPTIONS);
    return answer(r);
}

KernelResult FakeKernelBackend::setMaster(const LinkRef &slave, const LinkRef &master)
{
    return answer(changeMaster(slave, master));
}

KernelResult FakeKernelBackend::changeMaster(const LinkRef &slaveRef, const LinkRef &masterRef)
{
    KernelResult refusal;
    LinkInfo *const it = find(slaveRef, refusal);
    if (!it)
        return refusal;
    const QString slaveName = it->name;
    if (masterRef.isNull()) {
        if (!it->masterIndex)
            return KernelResult::success();
        const int masterIndex = it->masterIndex;
        it->masterIndex = 0;
        it->slave.reset();
        it->slaveKind.clear();
        // __bond_release_one() closes the released device and gives it back its own MTU.
        const bool wasUp = std::exchange(it->adminUp, false);
        it->mtu = m_originalMtu.take(it->ifindex);
        for (LinkInfo &b : m_links) {
            if (b.ifindex != masterIndex)
                continue;
            if (b.bondOptions.value(QStringLiteral("active_slave")).toString() == slaveName)
                b.bondOptions.remove(QStringLiteral("active_slave"));
            updateCarrier(b);
            notify(b.name);
        }
        notify(slaveName);
        if (wasUp)
            linkDown(*it);
        return KernelResult::success();
    }
    LinkInfo *const master = find(masterRef, refusal);
    if (!master)
        return refusal;
    if (!master->isBond())
        return {EOPNOTSUPP, QStringLiteral("Operation not supported")};
    if (m_refuseEnslave.contains(slaveName))
        return {EBUSY, QStringLiteral("Device is in use and cannot be enslaved")};
    if (it->adminUp)
        return {EPERM, QStringLiteral("Device can not be enslaved while up")};
    if (it->masterIndex)
        return {EBUSY, QStringLiteral("Device is already enslaved")};
    // bond_enslave(): the slave takes the bond's MTU (dev_set_mtu(), original_mtu kept for the
    // release) and is opened (dev_open()) before it is linked to its master.
    m_originalMtu.insert(it->ifindex, it->mtu);
    it->mtu = master->mtu;
    it->adminUp = true;
    it->masterIndex = master->ifindex;
    it->slaveKind = QStringLiteral("bond");
    SlaveInfo s;
    s.name = slaveName;
    s.miiStatus = it->carrier ? MiiStatus::Up : MiiStatus::Down;
    s.linkFailureCount = 0u;
    s.permHwAddr = it->mac;
    s.queueId = 0u;
    s.prio = 0;
    const QString mode = master->bondOptions.value(QStringLiteral("mode")).toString();
    // bond_fill_slave_info(): 802.3ad slaves report their aggregator and port states.
    if (mode == QLatin1String("802.3ad")) {
        s.aggregatorId = 1u;
        s.actorOperPortState = 77u;
        s.partnerOperPortState = 1u;
    }
    const bool activeBackup = mode == QLatin1String("active-backup");
    const bool first = master->bondOptions.value(QStringLiteral("active_slave")).toString().isEmpty();
    s.state = (!activeBackup || first) ? SlaveState::Active : SlaveState::Backup;
    it->slave = s;
    if (activeBackup && first)
        master->bondOptions.insert(QStringLiteral("active_slave"), slaveName);
    updateCarrier(*master);
    notify(slaveName);
    linkUp(*it);
    notify(master->name);
    return KernelResult::success();
}

KernelResult FakeKernelBackend::setUp(const LinkRef &link, bool up)
{
    KernelResult refusal;
    LinkInfo *const it = find(link, refusal);
    if (!it)
        return answer(refusal);
    const bool was = std::exchange(it->adminUp, up);
    if (it->isBond())
        updateCarrier(*it);
    else if (LinkInfo *master = masterOf(*it))
        updateCarrier(*master);
    notify(it->name);
    if (up && !was)
        linkUp(*it);
    else if (!up && was)
        linkDown(*it);
    return answer(KernelResult::success());
}

KernelResult FakeKernelBackend::setMtu(const QString &name, quint32 mtu)
{
    const auto it = m_links.find(name);
    if (it == m_links.end())
        return noSuchDevice();
    if (mtu < 68 || mtu > 65535)
        return {EINVAL, QStringLiteral("MTU out of range")};
    it->mtu = mtu;
    notify(name);
    // bond_change_mtu(): every slave follows.
    if (it->isBond()) {
        for (LinkInfo *s : slavesOf(*it)) {
            s->mtu = mtu;
            notify(s->name);
        }
    }
    return KernelResult::success();
}

KernelResult FakeKernelBackend::setMac(const LinkRef &link, const QString &mac)
{
    KernelResult refusal;
    LinkInfo *const it = find(link, refusal);
    if (!it)
        return answer(refusal);
    if (QByteArray::fromHex(mac.toLatin1().replace(':', QByteArray())).size() != 6 || mac.size() != 17)
        return answer({EINVAL, QStringLiteral("invalid address")});
    it->mac = mac.toLower();
    notify(it->name);
    return answer(KernelResult::success());
}

KernelResult FakeKernelBackend::setIpv6AddrGenMode(const LinkRef &link, quint8 mode)
{
    KernelResult refusal;
    LinkInfo *const it = find(link, refusal);
    if (!it)
        return answer(refusal);
    // check_addr_gen_mode(): EUI-64, none, stable privacy, random.
    if (mode > 3)
        return answer({EINVAL, QStringLiteral("Invalid argument")});
    it->ipv6AddrGenMode = mode;
    notify(it->name);
    return answer(KernelResult::success());
}

LinkInfo *FakeKernelBackend::linkByIndex(int ifindex)
{
    for (LinkInfo &l : m_links)
        if (l.ifindex == ifindex)
            return &l;
    return nullptr;
}

void FakeKernelBackend::insertRoute(const RouteInfo &route)
{
    m_routes << route;
    queue([this, route] { Q_EMIT routeChanged(route); });
}

void FakeKernelBackend::addPrefixRoute(const AddressInfo &address)
{
    const int width = address.family == AF_INET ? 32 : 128;
    const QString network = networkOf(address.family, address.address);
    if ((address.flags & (IFA_F_NOPREFIXROUTE | IFA_F_SECONDARY)) || network.isEmpty()
        || network.endsWith(QStringLiteral("/%1").arg(width)))
        return;
    RouteInfo route;
    route.ifindex = address.ifindex;
    route.family = address.family;
    route.destination = network;
    route.protocol = RTPROT_KERNEL;
    route.type = RTN_UNICAST;
    route.table = RT_TABLE_MAIN;
    if (address.family == AF_INET) {
        route.scope = RT_SCOPE_LINK;
        route.preferredSource = address.address.section(QLatin1Char('/'), 0, 0);
    } else {
        route.metric = 256; // IP6_RT_PRIO_ADDRCONF
    }
    for (const RouteInfo &r : std::as_const(m_routes))
        if (r.sameRoute(route))
            return;
    insertRoute(route);
}

// dev_open() -> NETDEV_UP: fib_netdev_event() adds the prefix route of each IPv4 address again
// (fib_add_ifaddr()), addrconf_notify() those of the IPv6 addresses that stayed
// (addrconf_permanent_addr()). IPv6 autoconfiguration (link-local addresses, router
// advertisements) is not modelled: the fake's links have no IPv6 neighbours.
void FakeKernelBackend::linkUp(LinkInfo &link)
{
    for (const AddressInfo &a : QList<AddressInfo>(m_addresses))
        if (a.ifindex == link.ifindex)
            addPrefixRoute(a);
}

// dev_close() -> NETDEV_DOWN: fib_disable_ip() flushes every IPv4 route through the link without
// a notification (fib_sync_down_dev(), fib_flush()); addrconf_ifdown() deletes the IPv6
// addresses (all of them, unless keep_addr_on_down) and rt6_disable_ip() the IPv6 routes, each
// announced. The IPv4 addresses stay.
void FakeKernelBackend::linkDown(LinkInfo &link)
{
    const int ifindex = link.ifindex;
    m_routes.removeIf([&](const RouteInfo &r) { return r.family == AF_INET && r.ifindex == ifindex; });
    if (!m_keepAddrOnDown) {
        for (const AddressInfo &a : std::as_const(m_addresses))
            if (a.ifindex == ifindex && a.family == AF_INET6)
                queue([this, a] { Q_EMIT addressRemoved(a); });
        m_addresses.removeIf(
                [&](const AddressInfo &a) { return a.ifindex == ifindex && a.family == AF_INET6; });
    }
    for (const RouteInfo &r : std::as_const(m_routes))
        if (r.family == AF_INET6 && r.ifindex == ifindex)
            queue([this, r] { Q_EMIT routeRemoved(r); });
    m_routes.removeIf([&](const RouteInfo &r) { return r.family == AF_INET6 && r.ifindex == ifindex; });
}

KernelResult FakeKernelBackend::addAddress(const AddressInfo &address)
{
    LinkInfo *link = linkByIndex(address.ifindex);
    if (!link)
        return noSuchDevice();
    unsigned char bytes[16] = {};
    int prefix = 0;
    if ((address.family != AF_INET && address.family != AF_INET6)
        || !parsePrefix(address.family, address.address, bytes, prefix))
        return {EINVAL, QStringLiteral("Invalid address")};
    for (const AddressInfo &a : std::as_const(m_addresses))
        if (a.sameAddress(address))
            return {EEXIST, QStringLiteral("File exists")};
    AddressInfo added = address;
    // set_ifa_lifetime(): an address without expiry is permanent; the rest is the kernel's.
    added.flags &= ~quint32(IFA_F_PERMANENT | IFA_F_SECONDARY | IFA_F_TENTATIVE | IFA_F_DEPRECATED);
    if (added.validLifetime == AddressInfo::Forever)
        added.flags |= IFA_F_PERMANENT;
    m_addresses << added;
    queue([this, added] { Q_EMIT addressChanged(added); });
    // fib_add_ifaddr() only for a running link; IPv6 adds its prefix route either way.
    if (address.family == AF_INET6 || link->adminUp)
        addPrefixRoute(added);
    return KernelResult::success();
}

KernelResult FakeKernelBackend::deleteAddress(const AddressInfo &address)
{
    const auto it = std::find_if(m_addresses.begin(), m_addresses.end(),
                                 [&](const AddressInfo &a) { return a.sameAddress(address); });
    if (it == m_addresses.end())
        return {EADDRNOTAVAIL, QStringLiteral("Cannot assign requested address")};
    const AddressInfo gone = *it;
    m_addresses.erase(it);
    queue([this, gone] { Q_EMIT addressRemoved(gone); });
    const QString network = networkOf(gone.family, gone.address);
    for (const RouteInfo &r : std::as_const(m_routes))
        if (r.ifindex == gone.ifindex && r.protocol == RTPROT_KERNEL && r.destination == network)
            queue([this, r] { Q_EMIT routeRemoved(r); });
    m_routes.removeIf([&](const RouteInfo &r) {
        return r.ifindex == gone.ifindex && r.protocol == RTPROT_KERNEL && r.destination == network;
    });
    return KernelResult::success();
}

// fib_table_insert() and ip6_route_add() with NLM_F_EXCL, and the nexthop checks of
// fib_check_nh(): an IPv4 route needs its device up, a gateway must lie in a prefix the device
// reaches directly (unless onlink).
KernelResult FakeKernelBackend::addRoute(const RouteInfo &route)
{
    if (route.family != AF_INET && route.family != AF_INET6)
        return {EAFNOSUPPORT, QStringLiteral("Address family not supported by protocol")};
    if (route.table != RT_TABLE_MAIN || route.type != RTN_UNICAST)
        return {EOPNOTSUPP, QStringLiteral("the fake kernel keeps unicast routes of the main table only")};
    QList<RouteNextHop> hops = route.nexthops;
    if (hops.isEmpty())
        hops << RouteNextHop {route.ifindex, route.gateway, 0, quint8(route.flags & RTNH_F_ONLINK)};
    for (const RouteNextHop &hop : hops) {
        const LinkInfo *link = linkByIndex(hop.ifindex);
        if (!link)
            return noSuchDevice();
        if (route.family == AF_INET && !link->adminUp)
            return {ENETDOWN, QStringLiteral("Nexthop device is not up")};
        if (hop.gateway.isEmpty() || (hop.flags & RTNH_F_ONLINK))
            continue;
        bool reachable = false;
        for (const RouteInfo &r : std::as_const(m_routes))
            reachable = reachable
                        || (r.family == route.family && r.ifindex == hop.ifindex && r.gateway.isEmpty()
                            && covers(route.family, r.destination, hop.gateway));
        if (!reachable)
            return {ENETUNREACH, QStringLiteral("Nexthop has invalid gateway")};
    }
    RouteInfo added = route;
    added.replace = false;
    // ip6_route_info_create(): no metric is IP6_RT_PRIO_USER.
    if (added.family == AF_INET6 && added.metric == 0)
        added.metric = 1024;
    // NLM_F_EXCL: one route per table, destination, tos and metric, whatever its device or gateway
    // (fib_table_insert(): fib_find_alias() by tos and priority; fib6_add_rt2node(): by metric).
    for (const RouteInfo &r : std::as_const(m_routes))
        if (r.family == added.family && r.table == added.table && r.destination == added.destination
            && r.tos == added.tos && r.metric == added.metric)
            return {EEXIST, QStringLiteral("File exists")};
    insertRoute(added);
    return KernelResult::success();
}

bool FakeKernelBackend::addHostRoutes(const QString &link, int count)
{
    const auto it = m_links.constFind(link);
    if (it == m_links.cend())
        return false;
    for (int i = 1; i <= count; ++i) {
        RouteInfo r;
        r.ifindex = it->ifindex;
        r.family = AF_INET;
        r.destination
                = QStringLiteral("10.%1.%2.%3/32").arg((i >> 16) & 0xff).arg((i >> 8) & 0xff).arg(i & 0xff);
        r.protocol = RTPROT_STATIC;
        r.scope = RT_SCOPE_LINK;
        r.type = RTN_UNICAST;
        r.table = RT_TABLE_MAIN;
        insertRoute(r);
    }
    return true;
}

KernelResult FakeKernelBackend::deleteRoute(const RouteInfo &route)
{
    // No metric matches any (fib_nh_match(), ip6_route_del()).
    const auto it = std::find_if(m_routes.begin(), m_routes.end(), [&](const RouteInfo &r) {
        RouteInfo asked = route;
        if (asked.metric == 0)
            asked.metric = r.metric;
        return r.sameRoute(asked);
    });
    if (it == m_routes.end())
        return {ESRCH, QStringLiteral("No such process")};
    const RouteInfo gone = *it;
    m_routes.erase(it);
    queue([this, gone] { Q_EMIT routeRemoved(gone); });
    return KernelResult::success();
}

} // namespace bm::helper
