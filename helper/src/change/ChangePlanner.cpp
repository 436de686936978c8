// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

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
        return Failure {E::InvalidArgument, QStringLiteral("A bond cannot be its own slave.")};
    if (link->loopback)
        return Failure {E::InvalidArgument,
                        QStringLiteral("The loopback interface %1 cannot be a bond slave.").arg(slave)};
    if (link->isBond())
        return Failure {E::InvalidArgument,
                        QStringLiteral("%1 is itself a bond; choose a network interface.").arg(slave)};
    if (link->masterIndex != 0) {
        const LinkInfo *master = links.find(link->masterIndex);
        return Failure {E::Busy,
                        QStringLiteral("%1 already belongs to %2; remove it there first.")
                                .arg(slave, master ? master->name : QStringLiteral("another device"))};
    }
    return std::nullopt;
}

// Whether `slaveName` is a slave of the bond `bondName` of `links`.
Outcome checkIsSlave(const LinkTable &links, const QString &bondName, const QString &slaveName)
{
    const LinkInfo *bond = links.findBond(bondName);
    if (!bond)
        return noSuchBond(bondName);
    const LinkInfo *slave = links.find(slaveName);
    if (!slave)
        return noSuchInterface(slaveName);
    if (slave->masterIndex != bond->ifindex)
        return Failure {E::InvalidArgument,
                        QStringLiteral("%1 is not a slave of %2.").arg(slaveName, bondName)};
    return std::nullopt;
}

// `step` against a fresh dump that holds the bond, as a transaction of its own.
template<typename Step>
Outcome asOneTransaction(KernelBackend *kernel, const QString &bond, const Step &step)
{
    LinkTable links;
    if (auto bad = readLinksWithBond(kernel, bond, links))
        return bad;
    Transaction tx;
    if (auto failed = step(tx, links))
        return failed;
    tx.commit();
    return std::nullopt;
}

// AddSlave's (`adding`) or RemoveSlave's checks, against a fresh dump.
Outcome checkSlaveRequest(KernelBackend *kernel, const QString &bond, const QString &slave, bool adding)
{
    if (auto bad = adding ? RequestChecks::addSlave(bond, slave) : RequestChecks::removeSlave(bond, slave))
        return bad;
    LinkTable links;
    if (auto bad = readLinksWithBond(kernel, bond, links))
        return bad;
    return adding ? checkSlave(links, slave, bond) : checkIsSlave(links, bond, slave);
}

const OptionSpec &spec(const QString &name)
{
    return *OptionTable::find(name);
}

bool isZero(const QVariant &v)
{
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().isEmpty();
    return v.toString() == QLatin1String("0") || v.toString().isEmpty()
           || v.toString() == QLatin1String("none");
}

bool namesASlave(const QString &key)
{
    return key == QLatin1String("primary") || key == QLatin1String("active_slave");
}

// Mode first (it decides what else is valid), then what is being switched off (so that miimon
// and arp_interval never overlap), then the monitor that is switched on (updelay and downdelay
// count in its intervals), then the rest, primary and active_slave last (they need the others).
QStringList applyOrder(const QVariantMap &wanted)
{
    const QString modeKey = QStringLiteral("mode");
    QStringList order;
    if (wanted.contains(modeKey))
        order << modeKey;
    const auto add = [&](auto belongs) {
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
            if (!order.contains(it.key()) && !namesASlave(it.key()) && belongs(it.key(), it.value()))
                order << it.key();
    };
    add([](const QString &, const QVariant &value) { return isZero(value); });
    add([](const QString &key, const QVariant &) {
        return key == QLatin1String("miimon") || key == QLatin1String("arp_interval");
    });
    add([](const QString &, const QVariant &) { return true; });
    for (const char *late : {"primary", "active_slave"})
        if (wanted.contains(QLatin1String(late)))
            order << QLatin1String(late);
    return order;
}

// One option as the kernel reports it, with what it leaves out when there is none: no primary
// or active slave, no targets. Invalid for an option the bond does not report.
QVariant reported(const QVariantMap &options, const QString &key)
{
    const QVariant value = options.value(key);
    if (value.isValid())
        return value;
    const OptionSpec *spec = OptionTable::find(key);
    if (spec && spec->kind == OptionKind::IfIndex)
        return QString();
    if (spec && spec->isList())
        return QStringList();
    return QVariant();
}

// Sets `wanted` on `bond` in applyOrder, one request per option. The bond is taken
// down for the options that need it and, when `endUp`, brought up before those that name a slave
// (the driver makes only a slave of a running bond active) or at the end. Stops at the first
// refusal and says in `step` what was refused; with `keepGoing` it tries every step instead (an
// undo restores what it can).
KernelResult applyOptions(KernelBackend *kernel, const LinkRef &bond, const QVariantMap &wanted, bool isUp,
                          bool endUp, QString &step, bool keepGoing = false)
{
    const QString &name = bond.name;
    const QStringList order = applyOrder(wanted);
    bool needsDown = false;
    for (const QString &key : order)
        needsDown = needsDown || spec(key).needsDown();
    KernelResult first = KernelResult::success();
    const auto done = [&](const KernelResult &r, const QString &what) {
        if (!r.ok() && first.ok()) {
            first = r;
            step = what;
        }
        return r.ok() || keepGoing;
    };
    if (needsDown && isUp) {
        if (!done(kernel->setUp(bond, false), QStringLiteral("take %1 down").arg(name)))
            return first;
        isUp = false;
    }
    const auto bringUp = [&] {
        if (isUp || !endUp)
            return true;
        isUp = true;
        return done(kernel->setUp(bond, true), QStringLiteral("bring %1 back up").arg(name));
    };
    for (const QString &key : order) {
        if (namesASlave(key) && !bringUp())
            return first;
        if (!done(kernel->setBondOptions(bond, {{key, wanted.value(key)}}),
                  QStringLiteral("set %1 on %2").arg(key, name)))
            return first;
    }
    bringUp();
    return first;
}

// The undo of a change of options: whatever the steps and the driver's side effects of them
// changed (miimon cleared by arp_interval, targets added, ...) is set back as `before` had it,
// in the same order a change is made, by a fresh dump of the bond. Best effort: each step is
// tried even when one is refused. The bond is the one of that ifindex, whatever its name now.
void restoreOptions(KernelBackend *kernel, int ifindex, const QVariantMap &before, bool wasUp)
{
    LinkTable links;
    if (readLinks(kernel, links))
        return;
    const LinkInfo *bond = links.find(ifindex);
    if (!bond || !bond->isBond())
        return;
    QStringList keys = before.keys();
    for (const QString &key : bond->bondOptions.keys())
        if (!keys.contains(key))
            keys << key;
    QVariantMap differs;
    for (const QString &key : keys) {
        const QVariant old = reported(before, key);
        if (old.isValid() && OptionTable::find(key) && old != reported(bond->bondOptions, key))
            differs.insert(key, old);
    }
    QString step;
    applyOptions(kernel, LinkRef(ifindex, QString()), differs, bond->adminUp, wasUp, step, true);
}

// The link as a change addresses it: its ifindex, and the name it must still have.
LinkRef refTo(const LinkInfo &link)
{
    return LinkRef(link.ifindex, link.name);
}

// The same link for an undo, whatever it is called by then.
LinkRef anyName(const LinkRef &link)
{
    return LinkRef(link.ifindex, QString());
}

} // namespace

ChangePlanner::ChangePlanner(KernelBackend *kernel)
    : m_kernel(kernel)
{ }

// Each slave: remember whether it was up, take it down (the driver refuses to enslave a running
// interface), enslave, and bring it back up as it was. Undone, it is also given back the addresses
// and routes that going down cost it (LinkAddressing), once it is up again: registered first, that
// runs last.
Outcome ChangePlanner::enslave(Transaction &tx, const LinkInfo &slave, const LinkRef &bond,
                               const LinkAddressing::Snapshot &before)
{
    const QString name = slave.name;
    const LinkRef ref = refTo(slave);
    tx.onRollback([this, kept = LinkAddressing::of(before, slave.ifindex)] {
        LinkAddressing::restore(m_kernel, kept);
    });
    if (slave.adminUp) {
        const KernelResult down = m_kernel->setUp(ref, false);
        if (!down.ok())
            return kernelRefused(QStringLiteral("take %1 down").arg(name), down);
        tx.onRollback([this, ref] { m_kernel->setUp(anyName(ref), true); });
    }
    const KernelResult r = m_kernel->setMaster(ref, bond);
    if (!r.ok())
        return kernelRefused(QStringLiteral("add %1 to %2").arg(name, bond.name), r);
    // Release closes the slave again; the rollback above then restores its former state.
    tx.onRollback([this, ref] { m_kernel->setMaster(anyName(ref), LinkRef()); });
    if (slave.adminUp) {
        const KernelResult up = m_kernel->setUp(ref, true);
        if (!up.ok())
            return kernelRefused(QStringLiteral("bring %1 back up").arg(name), up);
    }
    return std::nullopt;
}

Outcome ChangePlanner::checkSlave(const LinkTable &links, const QString &slave, const QString &bond)
{
    return bm::helper::checkSlave(links, slave, bond);
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
        return Failure {
                E::InvalidArgument,
                QStringLiteral("An interface named '%1' already exists; choose another name.").arg(name)};

    for (const QString &s : slaves)
        if (auto bad = checkSlave(links, s, name))
            return bad;
    // What the slaves' undo would put back; without it, no slave is touched.
    std::optional<LinkAddressing::Snapshot> addressing;
    if (!slaves.isEmpty() && !(addressing = LinkAddressing::read(m_kernel)))
        return dumpFailed();
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
            return Failure {E::InvalidArgument,
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
        return Failure {E::BondingUnavailable,
                        QStringLiteral("This kernel has no bonding driver; install or load the "
                                       "'bonding' module.")};
    if (!r.ok())
        return kernelRefused(QStringLiteral("create %1").arg(name), r);
    // From here on by the ifindex the kernel gave: another program may rename the new bond, and
    // even create another of its name, and the steps below must neither follow it nor change the
    // other one.
    const LinkRef bond(r.ifindex, name);
    tx.onRollback([this, bond] { m_kernel->deleteLink(anyName(bond)); });

    for (const QString &s : slaves)
        if (auto failed = enslave(tx, *links.find(s), bond, *addressing))
            return failed;

    r = m_kernel->setUp(bond, true);
    if (!r.ok())
        return kernelRefused(QStringLiteral("bring %1 up").arg(name), r);
    if (afterSlaves.contains(QStringLiteral("primary"))) {
        r = m_kernel->setBondOptions(
                bond, {{QStringLiteral("primary"), afterSlaves.value(QStringLiteral("primary"))}});
        if (!r.ok())
            return kernelRefused(QStringLiteral("set the primary slave of %1").arg(name), r);
    }
    if (afterSlaves.contains(QStringLiteral("active_slave"))) {
        r = m_kernel->setBondOptions(
                bond, {{QStringLiteral("active_slave"), afterSlaves.value(QStringLiteral("active_slave"))}});
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
    const KernelResult r = m_kernel->deleteLink(refTo(*bond));
    if (!r.ok())
        return kernelRefused(QStringLiteral("delete %1").arg(name), r);
    // Releasing closes each slave; leave them as they were inside the bond (best effort: the
    // bond is gone either way).
    for (const LinkInfo *s : slaves)
        if (s->adminUp)
            m_kernel->setUp(refTo(*s), true);
    return std::nullopt;
}

Outcome ChangePlanner::setOptions(const QString &name, const QVariantMap &options)
{
    if (auto bad = RequestChecks::setOptions(name, options))
        return bad;
    return asOneTransaction(m_kernel, name, [&](Transaction &tx, const LinkTable &links) {
        return changeOptions(tx, links, name, options);
    });
}

Outcome ChangePlanner::changeOptions(Transaction &tx, const LinkTable &links, const QString &name,
                                     const QVariantMap &options)
{
    const LinkInfo *bond = links.findBond(name);
    if (!bond)
        return noSuchBond(name);
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
            return Failure {E::InvalidArgument, QStringLiteral("%1 is not a slave of %2.").arg(slave, name)};
    }
    if (wanted.isEmpty())
        return std::nullopt;

    // Undone as a whole: the driver changes more than the options asked for.
    tx.onRollback([this, ifindex = bond->ifindex, before = bond->bondOptions, wasUp = bond->adminUp] {
        restoreOptions(m_kernel, ifindex, before, wasUp);
    });
    QString step;
    const KernelResult r = applyOptions(m_kernel, refTo(*bond), wanted, bond->adminUp, bond->adminUp, step);
    if (!r.ok())
        return kernelRefused(step, r);
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
    const auto addressing = LinkAddressing::read(m_kernel);
    if (!addressing)
        return dumpFailed();
    Transaction tx;
    if (auto failed = enslave(tx, *links.find(slaveName), refTo(*links.findBond(bondName)), *addressing))
        return failed;
    tx.commit();
    return std::nullopt;
}

Outcome ChangePlanner::removeSlave(const QString &bondName, const QString &slaveName)
{
    if (auto bad = RequestChecks::removeSlave(bondName, slaveName))
        return bad;
    const auto addressing = LinkAddressing::read(m_kernel);
    if (!addressing)
        return dumpFailed();
    return asOneTransaction(m_kernel, bondName, [&](Transaction &tx, const LinkTable &links) {
        return release(tx, links, bondName, slaveName, *addressing);
    });
}

Outcome ChangePlanner::release(Transaction &tx, const LinkTable &links, const QString &bondName,
                               const QString &slaveName, const LinkAddressing::Snapshot &before)
{
    if (auto bad = checkIsSlave(links, bondName, slaveName))
        return bad;
    const LinkInfo *bond = links.findBond(bondName);
    const LinkInfo *slave = links.find(slaveName);
    const bool wasUp = slave->adminUp;
    QStringList roles;
    for (const char *role : {"primary", "active_slave"})
        if (bond->bondOptions.value(QLatin1String(role)).toString() == slaveName)
            roles << QLatin1String(role);
    const LinkRef slaveRef = refTo(*slave);
    const LinkRef bondRef = refTo(*bond);
    // Last of the undo: what closing the slave cost it (LinkAddressing).
    tx.onRollback([this, kept = LinkAddressing::of(before, slave->ifindex)] {
        LinkAddressing::restore(m_kernel, kept);
    });
    const KernelResult r = m_kernel->setMaster(slaveRef, LinkRef());
    if (!r.ok())
        return kernelRefused(QStringLiteral("remove %1 from %2").arg(slaveName, bondName), r);
    // Releasing closes the interface, as enslaving needs it: back in the bond, it is opened again
    // when it was up, and given back the roles it had (active_slave needs it running).
    tx.onRollback([this, slaveRef, bondRef, wasUp, roles] {
        if (!m_kernel->setMaster(anyName(slaveRef), anyName(bondRef)).ok())
            return;
        if (wasUp)
            m_kernel->setUp(anyName(slaveRef), true);
        if (roles.isEmpty())
            return;
        // The roles name the slave: by the name it has now.
        LinkTable now;
        if (readLinks(m_kernel, now))
            return;
        if (const LinkInfo *back = now.find(slaveRef.ifindex))
            for (const QString &role : roles)
                m_kernel->setBondOptions(anyName(bondRef), {{role, back->name}});
    });
    // Leave it as it was inside the bond.
    if (wasUp) {
        const KernelResult up = m_kernel->setUp(slaveRef, true);
        if (!up.ok())
            return kernelRefused(QStringLiteral("bring %1 back up").arg(slaveName), up);
        // A later step of the same change may fail: the driver enslaves no running interface.
        tx.onRollback([this, slaveRef] { m_kernel->setUp(anyName(slaveRef), false); });
    }
    return std::nullopt;
}

Outcome ChangePlanner::checkAddSlave(const QString &bond, const QString &slave)
{
    return checkSlaveRequest(m_kernel, bond, slave, true);
}

Outcome ChangePlanner::checkRemoveSlave(const QString &bond, const QString &slave)
{
    return checkSlaveRequest(m_kernel, bond, slave, false);
}

Outcome ChangePlanner::applyDiff(const QString &name, const ConfigDiff &diff)
{
    if (auto bad = RequestChecks::name(name))
        return bad;
    LinkTable links;
    if (auto bad = readLinksWithBond(m_kernel, name, links))
        return bad;
    // Everything that can be checked before the first step is, so that a request that will fail
    // usually changes nothing at all rather than being undone.
    const LinkInfo *bond = links.findBond(name);
    QStringList remaining;
    for (const LinkInfo *s : links.slavesOf(bond->ifindex))
        remaining << s->name;
    for (const QString &s : diff.removeSlaves) {
        if (auto bad = checkIsSlave(links, name, s))
            return bad;
        remaining.removeAll(s);
    }
    if (!diff.options.isEmpty()) {
        OptionTable::Context context;
        context.current = bond->bondOptions;
        context.hasSlaves = !remaining.isEmpty();
        const OptionTable::Validation v = OptionTable::validate(diff.options, context);
        if (!v.ok())
            return invalidArgument(v.errors);
    }
    for (const QString &s : diff.addSlaves)
        if (auto bad = checkSlave(links, s, name))
            return bad;
    if (diff.primary && !diff.primary->isEmpty()) {
        if (!links.find(*diff.primary))
            return noSuchInterface(*diff.primary);
        if (!remaining.contains(*diff.primary) && !diff.addSlaves.contains(*diff.primary))
            return Failure {E::InvalidArgument,
                            QStringLiteral("%1 is not a slave of %2.").arg(*diff.primary, name)};
    }

    // What the slaves' undo would put back, taken once before any step changed them.
    std::optional<LinkAddressing::Snapshot> addressing;
    if (!(diff.removeSlaves.isEmpty() && diff.addSlaves.isEmpty())
        && !(addressing = LinkAddressing::read(m_kernel)))
        return dumpFailed();

    // Each step against a fresh dump: the ones before it changed the links.
    Transaction tx;
    const auto reread = [&] { return readLinksWithBond(m_kernel, name, links); };
    for (const QString &s : diff.removeSlaves) {
        if (auto failed = reread())
            return failed;
        if (auto failed = release(tx, links, name, s, *addressing))
            return failed;
    }
    if (!diff.options.isEmpty()) {
        if (auto failed = reread())
            return failed;
        if (auto failed = changeOptions(tx, links, name, diff.options))
            return failed;
    }
    for (const QString &s : diff.addSlaves) {
        if (auto failed = reread())
            return failed;
        if (auto bad = checkSlave(links, s, name))
            return bad;
        if (auto failed = enslave(tx, *links.find(s), refTo(*links.findBond(name)), *addressing))
            return failed;
    }
    if (diff.primary) {
        if (auto failed = reread())
            return failed;
        if (auto failed = changeOptions(tx, links, name, {{QStringLiteral("primary"), *diff.primary}}))
            return failed;
    }
    tx.commit();
    return std::nullopt;
}

} // namespace bm::helper
