// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeKernelBackend.h"

#include "OptionTable.h"

#include <QTimer>

#include <cerrno>
#include <utility>
#include <linux/if_link.h>

namespace bm::helper {

namespace {
QStringList envList(const char *name)
{
    return QString::fromLocal8Bit(qgetenv(name)).split(QLatin1Char(','), Qt::SkipEmptyParts);
}
} // namespace

FakeKernelBackend::FakeKernelBackend(QObject *parent)
    : KernelBackend(parent)
    , m_refuseEnslave(envList("BM_FAKE_REFUSE_ENSLAVE"))
    , m_defaultRoute(QString::fromLocal8Bit(qgetenv("BM_FAKE_DEFAULT_ROUTE")))
{
    if (qgetenv("BM_FAKE_NO_BONDING") == "1")
        m_bonding = Bonding::Missing;
    else if (qgetenv("BM_FAKE_BONDING_MODULE") == "1")
        m_bonding = Bonding::Loadable;
    LinkInfo lo;
    lo.ifindex = m_nextIndex++;
    lo.name = QStringLiteral("lo");
    lo.adminUp = lo.carrier = lo.loopback = true;
    m_links.insert(lo.name, lo);
    for (const QString &name : envList("BM_FAKE_LINKS")) {
        LinkInfo l;
        l.ifindex = m_nextIndex++;
        l.name = name;
        l.kind = QStringLiteral("veth");
        l.adminUp = l.carrier = true;
        l.mac = QStringLiteral("02:00:00:00:00:%1").arg(l.ifindex, 2, 16, QLatin1Char('0'));
        m_links.insert(name, l);
    }
}

std::optional<QList<LinkInfo>> FakeKernelBackend::dumpLinks()
{
    return m_links.values();
}

QHash<int, Candidate> FakeKernelBackend::dumpAddressesAndRoutes()
{
    QHash<int, Candidate> result;
    if (m_links.contains(m_defaultRoute)) {
        Candidate c;
        c.addresses << QStringLiteral("192.0.2.10/24");
        c.defaultRoute = true;
        result.insert(m_links.value(m_defaultRoute).ifindex, c);
    }
    return result;
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
    LinkInfo copy = *it;
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

KernelResult FakeKernelBackend::createBond(const QString &name, const QVariantMap &options)
{
    if (m_links.contains(name))
        return {EEXIST, QStringLiteral("File exists")};
    // rtnl_newlink(): a kind without a driver is looked for with request_module() first.
    if (m_bonding == Bonding::Missing)
        return {EOPNOTSUPP, QStringLiteral("Unknown device type")};
    m_bonding = Bonding::Loaded;
    LinkInfo bond;
    bond.ifindex = m_nextIndex++;
    bond.name = name;
    bond.kind = QStringLiteral("bond");
    bond.mac = QStringLiteral("02:00:00:00:01:%1").arg(bond.ifindex, 2, 16, QLatin1Char('0'));
    bond.bondOptions = {{QStringLiteral("mode"), QStringLiteral("balance-rr")},
                        {QStringLiteral("miimon"), 0u},
                        {QStringLiteral("arp_interval"), 0u}};
    // Like rtnl_newlink(): when an option is refused the new device is unregistered again.
    const KernelResult r = applyOptions(bond, options);
    if (!r.ok())
        return r;
    m_links.insert(name, bond);
    notify(name);
    return r;
}

KernelResult FakeKernelBackend::deleteLink(const QString &name)
{
    const auto it = m_links.find(name);
    if (it == m_links.end())
        return {ENODEV, QStringLiteral("No such device")};
    const LinkInfo gone = *it;
    for (LinkInfo *s : slavesOf(gone)) {
        s->masterIndex = 0;
        s->slave.reset();
        s->slaveKind.clear();
        s->adminUp = false;
        notify(s->name);
    }
    m_links.erase(it);
    queue([this, gone] { Q_EMIT linkRemoved(gone.ifindex, gone.name); });
    return KernelResult::success();
}

KernelResult FakeKernelBackend::setBondOptions(const QString &bondName, const QVariantMap &options)
{
    const auto it = m_links.find(bondName);
    if (it == m_links.end() || !it->isBond())
        return {ENODEV, QStringLiteral("No such device")};
    const KernelResult r = applyOptions(*it, options);
    notify(bondName, IFLA_EVENT_BONDING_OPTIONS);
    return r;
}

KernelResult FakeKernelBackend::setMaster(const QString &slaveName, const QString &masterName)
{
    const auto it = m_links.find(slaveName);
    if (it == m_links.end())
        return {ENODEV, QStringLiteral("No such device")};
    if (masterName.isEmpty()) {
        if (!it->masterIndex)
            return KernelResult::success();
        const int masterIndex = it->masterIndex;
        it->masterIndex = 0;
        it->slave.reset();
        it->slaveKind.clear();
        // __bond_release_one() closes the released device.
        it->adminUp = false;
        for (LinkInfo &b : m_links) {
            if (b.ifindex != masterIndex)
                continue;
            if (b.bondOptions.value(QStringLiteral("active_slave")).toString() == slaveName)
                b.bondOptions.remove(QStringLiteral("active_slave"));
            updateCarrier(b);
            notify(b.name);
        }
        notify(slaveName);
        return KernelResult::success();
    }
    const auto master = m_links.find(masterName);
    if (master == m_links.end())
        return {ENODEV, QStringLiteral("No such device")};
    if (!master->isBond())
        return {EOPNOTSUPP, QStringLiteral("Operation not supported")};
    if (m_refuseEnslave.contains(slaveName))
        return {EBUSY, QStringLiteral("Device is in use and cannot be enslaved")};
    if (it->adminUp)
        return {EPERM, QStringLiteral("Device can not be enslaved while up")};
    if (it->masterIndex)
        return {EBUSY, QStringLiteral("Device is already enslaved")};
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
    notify(masterName);
    return KernelResult::success();
}

KernelResult FakeKernelBackend::setUp(const QString &name, bool up)
{
    const auto it = m_links.find(name);
    if (it == m_links.end())
        return {ENODEV, QStringLiteral("No such device")};
    it->adminUp = up;
    if (it->isBond())
        updateCarrier(*it);
    else if (LinkInfo *master = masterOf(*it))
        updateCarrier(*master);
    notify(name);
    return KernelResult::success();
}

} // namespace bm::helper
