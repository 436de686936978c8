#include "ChangePlanner.h"

#include "ErrorNames.h"
#include "Failures.h"
#include "LinkTable.h"
#include "OptionTable.h"
#include "RequestChecks.h"
#include "Transaction.h"

#include <cerrno>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

// One consistent dump of all links into `links`, for a write to check its request against.
Outcome readLinks(KernelBackend *kernel, LinkTable &links)
{
    const auto dumped = kernel->dumpLinks();
    if (!dumped)
        return dumpFailed();
    links = LinkTable(*dumped);
    return std::nullopt;
}

// The same for a write to `bond`, which must be a bond among them.
Outcome readLinksWithBond(KernelBackend *kernel, const QString &bond, LinkTable &links)
{
    if (auto bad = readLinks(kernel, links))
        return bad;
    if (!links.findBond(bond))
        return noSuchBond(bond);
    return std::nullopt;
}

// Whether an interface can become a slave of `bond`, by the kernel's links (its name is checked).
Outcome checkSlave(const LinkTable &links, const QString &slave, const QString &bond)
{
    const LinkInfo *link = links.find(slave);
    if (!link)
        return noSuchInterface(slave);
    if (slave == bond)
        return Failure{E::InvalidArgument, QStringLiteral("A bond cannot be its own slave.")};
    if (link->loopback)
        return Failure{E::InvalidArgument,
                       QStringLiteral("The loopback interface %1 cannot be a bond slave.").arg(slave)};
    if (link->isBond())
        return Failure{E::InvalidArgument,
                       QStringLiteral("%1 is itself a bond; choose a network interface.").arg(slave)};
    if (link->masterIndex != 0) {
        const LinkInfo *master = links.find(link->masterIndex);
        return Failure{E::Busy, QStringLiteral("%1 already belongs to %2; remove it there first.")
                                    .arg(slave, master ? master->name : QStringLiteral("another device"))};
    }
    return std::nullopt;
}

const OptionSpec &spec(const QString &name)
{
    return *OptionTable::find(name);
}

bool isZero(const QVariant &v)
{
    return v.toString() == QLatin1String("0") || v.toString().isEmpty()
        || v.toString() == QLatin1String("none");
}

// Mode first (it decides what else is valid), then what is being switched off (so that miimon
// and arp_interval never overlap), then the rest, active_slave last (needs the others).
QStringList applyOrder(const QVariantMap &wanted)
{
    const QString modeKey = QStringLiteral("mode");
    const QString activeKey = QStringLiteral("active_slave");
    QStringList order;
    if (wanted.contains(modeKey))
        order << modeKey;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        if (it.key() != modeKey && it.key() != activeKey && isZero(it.value()))
            order << it.key();
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        if (!order.contains(it.key()) && it.key() != activeKey)
            order << it.key();
    if (wanted.contains(activeKey))
        order << activeKey;
    return order;
}

} // namespace

ChangePlanner::ChangePlanner(KernelBackend *kernel)
    : m_kernel(kernel)
{
}

// Each slave: remember whether it was up, take it down (the driver refuses to enslave a running
// interface), enslave, and bring it back up as it was.
Outcome ChangePlanner::enslave(Transaction &tx, const LinkInfo &slave, const QString &bond)
{
    const QString name = slave.name;
    if (slave.adminUp) {
        const KernelResult down = m_kernel->setUp(name, false);
        if (!down.ok())
            return kernelRefused(QStringLiteral("take %1 down").arg(name), down);
        tx.onRollback([this, name] { m_kernel->setUp(name, true); });
    }
    const KernelResult r = m_kernel->setMaster(name, bond);
    if (!r.ok())
        return kernelRefused(QStringLiteral("add %1 to %2").arg(name, bond), r);
    // Release closes the slave again; the rollback above then restores its former state.
    tx.onRollback([this, name] { m_kernel->setMaster(name, QString()); });
    if (slave.adminUp) {
        const KernelResult up = m_kernel->setUp(name, true);
        if (!up.ok())
            return kernelRefused(QStringLiteral("bring %1 back up").arg(name), up);
    }
    return std::nullopt;
}

bool ChangePlanner::bondingAvailable() const
{
    return m_kernel->bondingLoaded() || !m_bondingRefused;
}

Outcome ChangePlanner::createBond(const QString &name, const QVariantMap &options, const QStringList &slaves)
{
    if (auto bad = RequestChecks::createBond(name, options, slaves))
        return bad;
    LinkTable links;
    if (auto bad = readLinks(m_kernel, links))
        return bad;
    if (links.find(name))
        return Failure{E::InvalidArgument,
                       QStringLiteral("An interface named '%1' already exists; choose another name.").arg(name)};

    for (const QString &s : slaves)
        if (auto bad = checkSlave(links, s, name))
            return bad;
    // primary and active_slave name slaves, so they can only be set once those are enslaved.
    // The options passed RequestChecks::createBond(), which validated them all.
    QVariantMap atCreate = OptionTable::validate(options, {}).normalised;
    QVariantMap afterSlaves;
    for (const char *late : {"primary", "active_slave"}) {
        const QString key = QLatin1String(late);
        if (!atCreate.contains(key))
            continue;
        const QString slave = atCreate.take(key).toString();
        if (!slave.isEmpty() && !slaves.contains(slave))
            return Failure{E::InvalidArgument,
                           QStringLiteral("%1 %2 is not among the slaves of the new bond.").arg(key, slave)};
        if (!slave.isEmpty())
            afterSlaves.insert(key, slave);
    }

    Transaction tx;
    KernelResult r = m_kernel->createBond(name, atCreate);
    // rtnl_newlink() answers EOPNOTSUPP ("Unknown device type") for a link kind without a driver,
    // after trying to load its module; with the driver loaded the error is the driver's own.
    m_bondingRefused = r.error == EOPNOTSUPP && !m_kernel->bondingLoaded();
    if (m_bondingRefused)
        return Failure{E::BondingUnavailable,
                       QStringLiteral("This kernel has no bonding driver; install or load the "
                                      "'bonding' module.")};
    if (!r.ok())
        return kernelRefused(QStringLiteral("create %1").arg(name), r);
    tx.onRollback([this, name] { m_kernel->deleteLink(name); });

    for (const QString &s : slaves)
        if (auto failed = enslave(tx, *links.find(s), name))
            return failed;

    r = m_kernel->setUp(name, true);
    if (!r.ok())
        return kernelRefused(QStringLiteral("bring %1 up").arg(name), r);
    if (afterSlaves.contains(QStringLiteral("primary"))) {
        r = m_kernel->setBondOptions(name, {{QStringLiteral("primary"), afterSlaves.value(QStringLiteral("primary"))}});
        if (!r.ok())
            return kernelRefused(QStringLiteral("set the primary slave of %1").arg(name), r);
    }
    if (afterSlaves.contains(QStringLiteral("active_slave"))) {
        r = m_kernel->setBondOptions(name, {{QStringLiteral("active_slave"), afterSlaves.value(QStringLiteral("active_slave"))}});
        if (!r.ok())
            return kernelRefused(QStringLiteral("set the active slave of %1").arg(name), r);
    }
    tx.commit();
    return std::nullopt;
}

Outcome ChangePlanner::deleteBond(const QString &name)
{
    if (auto bad = RequestChecks::deleteBond(name))
        return bad;
    LinkTable links;
    if (auto bad = readLinksWithBond(m_kernel, name, links))
        return bad;
    const LinkInfo *bond = links.findBond(name);
    const QList<const LinkInfo *> slaves = links.slavesOf(bond->ifindex);
    const KernelResult r = m_kernel->deleteLink(name);
    if (!r.ok())
        return kernelRefused(QStringLiteral("delete %1").arg(name), r);
    // Releasing closes each slave; leave them as they were inside the bond (best effort: the
    // bond is gone either way).
    for (const LinkInfo *s : slaves)
        if (s->adminUp)
            m_kernel->setUp(s->name, true);
    return std::nullopt;
}

Outcome ChangePlanner::setOptions(const QString &name, const QVariantMap &options)
{
    if (auto bad = RequestChecks::setOptions(name, options))
        return bad;
    LinkTable links;
    if (auto bad = readLinksWithBond(m_kernel, name, links))
        return bad;
    const LinkInfo *bond = links.findBond(name);
    const QList<const LinkInfo *> slaves = links.slavesOf(bond->ifindex);

    OptionTable::Context context;
    context.current = bond->bondOptions;
    context.hasSlaves = !slaves.isEmpty();
    // Options that need the bond down are applied with the bond taken down and brought back.
    context.isUp = false;
    const OptionTable::Validation v = OptionTable::validate(options, context);
    if (!v.ok())
        return invalidArgument(v.errors);

    QVariantMap wanted = v.normalised;
    const QString modeKey = QStringLiteral("mode");
    if (wanted.contains(modeKey) && wanted.value(modeKey) == bond->bondOptions.value(modeKey))
        wanted.remove(modeKey);
    for (const char *named : {"primary", "active_slave"}) {
        const QString key = QLatin1String(named);
        const QString slave = wanted.value(key).toString();
        if (!wanted.contains(key) || slave.isEmpty())
            continue;
        bool isSlave = false;
        for (const LinkInfo *s : slaves)
            isSlave = isSlave || s->name == slave;
        if (!links.find(slave))
            return noSuchInterface(slave);
        if (!isSlave)
            return Failure{E::InvalidArgument, QStringLiteral("%1 is not a slave of %2.").arg(slave, name)};
    }
    if (wanted.isEmpty())
        return std::nullopt;

    const QStringList order = applyOrder(wanted);
    bool needsDown = false;
    for (const QString &key : order)
        needsDown = needsDown || spec(key).needsDown();

    Transaction tx;
    if (needsDown && bond->adminUp) {
        const KernelResult down = m_kernel->setUp(name, false);
        if (!down.ok())
            return kernelRefused(QStringLiteral("take %1 down").arg(name), down);
        tx.onRollback([this, name] { m_kernel->setUp(name, true); });
    }
    for (const QString &key : order) {
        const KernelResult r = m_kernel->setBondOptions(name, {{key, wanted.value(key)}});
        if (!r.ok())
            return kernelRefused(QStringLiteral("set %1 on %2").arg(key, name), r);
        QVariant old = bond->bondOptions.value(key);
        // The kernel leaves primary and active_slave out when there is none.
        if (!old.isValid() && spec(key).kind == OptionKind::IfIndex)
            old = QString();
        if (old.isValid())
            tx.onRollback([this, name, key, old] { m_kernel->setBondOptions(name, {{key, old}}); });
    }
    if (needsDown && bond->adminUp) {
        const KernelResult up = m_kernel->setUp(name, true);
        if (!up.ok())
            return kernelRefused(QStringLiteral("bring %1 back up").arg(name), up);
    }
    tx.commit();
    return std::nullopt;
}

Outcome ChangePlanner::addSlave(const QString &bondName, const QString &slaveName)
{
    if (auto bad = RequestChecks::addSlave(bondName, slaveName))
        return bad;
    LinkTable links;
    if (auto bad = readLinksWithBond(m_kernel, bondName, links))
        return bad;
    if (auto bad = checkSlave(links, slaveName, bondName))
        return bad;
    Transaction tx;
    if (auto failed = enslave(tx, *links.find(slaveName), bondName))
        return failed;
    tx.commit();
    return std::nullopt;
}

Outcome ChangePlanner::removeSlave(const QString &bondName, const QString &slaveName)
{
    if (auto bad = RequestChecks::removeSlave(bondName, slaveName))
        return bad;
    LinkTable links;
    if (auto bad = readLinksWithBond(m_kernel, bondName, links))
        return bad;
    const LinkInfo *bond = links.findBond(bondName);
    const LinkInfo *slave = links.find(slaveName);
    if (!slave)
        return noSuchInterface(slaveName);
    if (slave->masterIndex != bond->ifindex)
        return Failure{E::InvalidArgument,
                       QStringLiteral("%1 is not a slave of %2.").arg(slaveName, bondName)};
    Transaction tx;
    const KernelResult r = m_kernel->setMaster(slaveName, QString());
    if (!r.ok())
        return kernelRefused(QStringLiteral("remove %1 from %2").arg(slaveName, bondName), r);
    // Releasing closes the interface; leave it as it was inside the bond.
    if (slave->adminUp) {
        tx.onRollback([this, slaveName, bondName] { m_kernel->setMaster(slaveName, bondName); });
        const KernelResult up = m_kernel->setUp(slaveName, true);
        if (!up.ok())
            return kernelRefused(QStringLiteral("bring %1 back up").arg(slaveName), up);
    }
    tx.commit();
    return std::nullopt;
}

} // namespace bm::helper
