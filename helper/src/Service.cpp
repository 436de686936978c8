#include "Service.h"

#include "Authorizer.h"
#include "ErrorNames.h"
#include "InterfaceName.h"
#include "OptionTable.h"
#include "ProcBondingParser.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QDateTime>
#include <QDBusMessage>

#include <algorithm>
#include <cstring>
#include <utility>
#include <linux/if_link.h>

Q_LOGGING_CATEGORY(lcEvents, "bm.helper.events", QtWarningMsg)

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

// The kernel's own words when it gave some, else the errno text.
QString kernelText(const KernelResult &r)
{
    if (!r.message.isEmpty())
        return r.message;
    return QString::fromLocal8Bit(std::strerror(r.error));
}

Failure refused(const QString &step, const KernelResult &r)
{
    return {E::KernelRefused, QStringLiteral("The kernel refused to %1: %2.").arg(step, kernelText(r))};
}

// Validation texts are phrases ("miimon and arp_interval cannot both be set"); a reply is a sentence.
QString sentence(const QStringList &phrases)
{
    QString text = phrases.join(QStringLiteral("; "));
    // Option names keep the kernel's spelling ("arp_interval only applies to ...").
    if (!text.isEmpty() && !OptionTable::find(text.section(QLatin1Char(' '), 0, 0)))
        text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

Outcome checkName(const QString &name)
{
    const QString problem = InterfaceName::check(name);
    if (problem.isEmpty())
        return std::nullopt;
    return Failure{E::InvalidArgument, sentence({problem})};
}

// One consistent dump of all links with the lookups the writes need.
struct Snapshot {
    QList<LinkInfo> links;

    const LinkInfo *find(const QString &name) const
    {
        for (const LinkInfo &l : links)
            if (l.name == name)
                return &l;
        return nullptr;
    }
    // A link of that name that is not a bond is, to a caller naming a bond, no bond at all.
    const LinkInfo *findBond(const QString &name) const
    {
        const LinkInfo *link = find(name);
        return link && link->isBond() ? link : nullptr;
    }
    const LinkInfo *find(int ifindex) const
    {
        for (const LinkInfo &l : links)
            if (l.ifindex == ifindex)
                return &l;
        return nullptr;
    }
    QList<const LinkInfo *> slavesOf(int bondIndex) const
    {
        QList<const LinkInfo *> result;
        for (const LinkInfo &l : links)
            if (l.masterIndex == bondIndex && bondIndex != 0)
                result << &l;
        return result;
    }
};

std::optional<Snapshot> snapshot(KernelBackend *backend)
{
    auto links = backend->dumpLinks();
    if (!links)
        return std::nullopt;
    return Snapshot{*links};
}

const Failure DumpFailed{E::KernelRefused,
                         QStringLiteral("The kernel's list of network interfaces could not be read; "
                                        "try again.")};

Failure noSuchBond(const QString &name)
{
    return {E::NoSuchBond, QStringLiteral("There is no bond named '%1'.").arg(name)};
}

Failure noSuchInterface(const QString &name)
{
    return {E::NoSuchInterface, QStringLiteral("There is no network interface named '%1'.").arg(name)};
}

// How long SlaveChanged and BondChanged may trail the kernel's events. A failover comes as a burst
// of notifications a few milliseconds apart (the slave's carrier and MII status, the bond's
// failover, peer notification and IGMP events); building and sending the state maps takes long
// enough (milliseconds under emulation) that doing it between them made the Failover signal wait.
// Gathering them also bounds the signal rate in a flap storm: one map per changed bond per window.
constexpr int FlushMs = 10;

const OptionSpec &spec(const QString &name)
{
    return *OptionTable::find(name);
}

bool isZero(const QVariant &v)
{
    return v.toString() == QLatin1String("0") || v.toString().isEmpty()
        || v.toString() == QLatin1String("none");
}

} // namespace

Service::Service(KernelBackend *backend, Authorizer *authorizer, const QDBusConnection &bus,
                 QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_authorizer(authorizer)
    , m_bus(bus)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        // A pending polkit question holds a caller waiting for a reply: stay until it is answered.
        if (m_authorizer->pending() > 0)
            m_idle.start();
        else
            QCoreApplication::quit();
    });
    connect(m_backend, &KernelBackend::linkChanged, this, &Service::onLinkChanged);
    connect(m_backend, &KernelBackend::linkRemoved, this, &Service::onLinkRemoved);
    connect(m_backend, &KernelBackend::resyncNeeded, this, [this] {
        qWarning("kernel link events were lost; re-reading every link");
        resync();
    });
    m_flush.setSingleShot(true);
    m_flush.setInterval(FlushMs);
    connect(&m_flush, &QTimer::timeout, this, &Service::flushChanges);
}

bool Service::start()
{
    m_monitoring = m_backend->startMonitoring();
    auto links = m_backend->dumpLinks();
    if (!links)
        return false;
    for (const LinkInfo &l : *links) {
        m_view.insert(l.ifindex, l);
        if (l.isBond())
            m_lastActive.insert(l.ifindex, l.bondOptions.value(QStringLiteral("active_slave")).toString());
    }
    m_viewValid = true;
    return m_monitoring;
}

bool Service::freshView()
{
    if (m_monitoring && m_viewValid) {
        m_backend->drainEvents();
        return true;
    }
    // Without events (or without a first dump) nothing keeps the view: read the kernel now.
    return resync();
}

QList<const LinkInfo *> Service::viewLinks(const std::function<bool(const LinkInfo &)> &keep) const
{
    QList<const LinkInfo *> links;
    for (const LinkInfo &l : m_view)
        if (keep(l))
            links << &l;
    // In the kernel's order (ifindex), as a dump lists them.
    std::sort(links.begin(), links.end(), [](const LinkInfo *a, const LinkInfo *b) { return a->ifindex < b->ifindex; });
    return links;
}

const LinkInfo *Service::viewBond(const QString &name) const
{
    for (const LinkInfo &l : m_view)
        if (l.isBond() && l.name == name)
            return &l;
    return nullptr;
}

void Service::setIdleTimeout(int ms)
{
    m_idleMs = ms;
    if (ms <= 0) {
        m_idle.stop();
        return;
    }
    m_idle.setInterval(ms);
    m_idle.start();
}

void Service::touch()
{
    if (m_idleMs > 0)
        m_idle.start();
}

// ---- reads ------------------------------------------------------------------------------------

void Service::replyError(const Failure &failure)
{
    sendErrorReply(QLatin1String(failure.name), failure.text);
}

bool Service::BondingAvailable()
{
    touch();
    return m_backend->bondingAvailable();
}

QStringList Service::ListBonds()
{
    touch();
    if (!freshView()) {
        replyError(DumpFailed);
        return {};
    }
    QStringList names;
    for (const LinkInfo *l : viewLinks(&LinkInfo::isBond))
        names << l->name;
    return names;
}

QVariantMap Service::bondMap(const LinkInfo &bond) const
{
    BondInfo info;
    info.name = bond.name;
    info.options = bond.bondOptions;
    // /proc prints the bond's carrier as its "MII Status".
    info.miiStatus = bond.carrier ? MiiStatus::Up : MiiStatus::Down;
    // What netlink does not carry (speed, duplex, 802.3ad partner and churn data) comes from
    // /proc/net/bonding through the shared parser; netlink wins where both speak.
    std::optional<BondInfo> proc;
    if (const auto text = m_backend->procText(bond.name)) {
        const ProcBondingParser::Result parsed = ProcBondingParser::parse(text->toUtf8());
        if (parsed.ok())
            proc = parsed.bond;
    }
    if (proc) {
        info.driverVersion = proc->driverVersion;
        info.ad = proc->ad;
    }
    const QList<const LinkInfo *> slaves = viewLinks([&bond](const LinkInfo &l) {
        return bond.ifindex != 0 && l.masterIndex == bond.ifindex;
    });
    for (const LinkInfo *link : slaves) {
        const LinkInfo &l = *link;
        SlaveInfo s = l.slave.value_or(SlaveInfo{});
        s.name = l.name;
        for (const SlaveInfo &p : proc ? proc->slaves : QList<SlaveInfo>()) {
            if (p.name != s.name)
                continue;
            s.speedMbps = p.speedMbps;
            s.duplex = p.duplex;
            s.actorChurnState = p.actorChurnState;
            s.partnerChurnState = p.partnerChurnState;
            s.actorChurnedCount = p.actorChurnedCount;
            s.partnerChurnedCount = p.partnerChurnedCount;
            s.actorLacpPdu = p.actorLacpPdu;
            s.partnerLacpPdu = p.partnerLacpPdu;
            if (!s.aggregatorId)
                s.aggregatorId = p.aggregatorId;
        }
        info.slaves << s;
    }
    QVariantMap map = info.toVariantMap();
    map.insert(QStringLiteral("ifindex"), bond.ifindex);
    map.insert(QStringLiteral("adminUp"), bond.adminUp);
    map.insert(QStringLiteral("carrier"), bond.carrier);
    map.insert(QStringLiteral("mac"), bond.mac);
    return map;
}

QVariantMap Service::GetBond(const QString &name)
{
    touch();
    if (auto bad = checkName(name)) {
        replyError(*bad);
        return {};
    }
    if (!freshView()) {
        replyError(DumpFailed);
        return {};
    }
    const LinkInfo *bond = viewBond(name);
    if (!bond) {
        replyError(noSuchBond(name));
        return {};
    }
    return bondMap(*bond);
}

BondManager::VariantMapList Service::GetBonds()
{
    touch();
    if (!freshView()) {
        replyError(DumpFailed);
        return {};
    }
    const QList<const LinkInfo *> bonds = viewLinks(&LinkInfo::isBond);
    BondManager::VariantMapList result;
    result.reserve(bonds.size());
    for (const LinkInfo *b : std::as_const(bonds))
        result << bondMap(*b);
    return result;
}

BondManager::VariantMapList Service::ListCandidates()
{
    touch();
    if (!freshView()) {
        replyError(DumpFailed);
        return {};
    }
    const QHash<int, Candidate> extra = m_backend->dumpAddressesAndRoutes();
    BondManager::VariantMapList result;
    for (const LinkInfo *link : viewLinks([](const LinkInfo &) { return true; })) {
        const LinkInfo &l = *link;
        if (l.loopback)
            continue;
        const auto master = m_view.constFind(l.masterIndex);
        const Candidate found = extra.value(l.ifindex);
        CandidateInfo c;
        c.name = l.name;
        c.ifindex = l.ifindex;
        c.kind = l.kind;
        c.adminUp = l.adminUp;
        c.carrier = l.carrier;
        c.mac = l.mac;
        c.master = master != m_view.cend() ? master->name : QString();
        c.addresses = found.addresses;
        c.defaultRoute = found.defaultRoute;
        result << c.toVariantMap();
    }
    return result;
}

QString Service::GetProcText(const QString &bond)
{
    touch();
    if (auto bad = checkName(bond)) {
        replyError(*bad);
        return {};
    }
    auto text = m_backend->procText(bond);
    if (!text) {
        replyError(noSuchBond(bond));
        return {};
    }
    return *text;
}

// ---- writes -----------------------------------------------------------------------------------

void Service::authorizeThen(const char *actionId, Work work)
{
    touch();
    setDelayedReply(true);
    const QDBusMessage request = message();
    const QString action = QLatin1String(actionId);
    m_authorizer->check(action, request, [this, request, action, work = std::move(work)](
                                             Authorizer::Outcome outcome, const QString &detail) {
        touch();
        QString why;
        switch (outcome) {
        case Authorizer::Outcome::Authorized:
            break;
        case Authorizer::Outcome::Denied:
            why = QStringLiteral("You are not allowed to do this (polkit action %1); ask an "
                                 "administrator.").arg(action);
            break;
        case Authorizer::Outcome::ChallengeFailed:
            why = QStringLiteral("Administrator authentication is required (polkit action %1); run "
                                 "this from a desktop session with a polkit agent, or as root.")
                      .arg(action);
            break;
        case Authorizer::Outcome::Failed:
            why = QStringLiteral("Authorization could not be checked (%1); make sure polkit is "
                                 "running and try again.").arg(detail);
            break;
        }
        if (!why.isEmpty()) {
            m_bus.send(request.createErrorReply(QLatin1String(E::NotAuthorized), why));
            return;
        }
        const Outcome failure = work();
        m_bus.send(failure ? request.createErrorReply(QLatin1String(failure->name), failure->text)
                           : request.createReply());
    });
}

void Service::CreateBond(const QString &name, const QVariantMap &options, const QStringList &slaves)
{
    authorizeThen(BondManager::DBus::ActionCreate,
                  [=] { return doCreate(name, options, slaves); });
}

void Service::DeleteBond(const QString &name)
{
    authorizeThen(BondManager::DBus::ActionDelete, [=] { return doDelete(name); });
}

void Service::SetOptions(const QString &name, const QVariantMap &options)
{
    authorizeThen(BondManager::DBus::ActionModify, [=] { return doSetOptions(name, options); });
}

void Service::AddSlave(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, [=] { return doAddSlave(bond, slave); });
}

void Service::RemoveSlave(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, [=] { return doRemoveSlave(bond, slave); });
}

void Service::SetPrimary(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, [=] {
        if (!slave.isEmpty())
            if (auto bad = checkName(slave))
                return bad;
        return doSetOptions(bond, {{QStringLiteral("primary"), slave}});
    });
}

void Service::SetActiveSlave(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, [=]() -> Outcome {
        if (slave.isEmpty())
            return Failure{E::InvalidArgument, QStringLiteral("Name the slave that should become active.")};
        if (auto bad = checkName(slave))
            return bad;
        return doSetOptions(bond, {{QStringLiteral("active_slave"), slave}});
    });
}

// Each slave: remember whether it was up, take it down (the driver refuses to enslave a running
// interface), enslave, and bring it back up as it was.
static Outcome enslave(KernelBackend *backend, Transaction &tx, const LinkInfo &slave,
                       const QString &bond)
{
    const QString name = slave.name;
    if (slave.adminUp) {
        const KernelResult down = backend->setUp(name, false);
        if (!down.ok())
            return refused(QStringLiteral("take %1 down").arg(name), down);
        tx.onRollback([backend, name] { backend->setUp(name, true); });
    }
    const KernelResult r = backend->setMaster(name, bond);
    if (!r.ok())
        return refused(QStringLiteral("add %1 to %2").arg(name, bond), r);
    // Release closes the slave again; the rollback above then restores its former state.
    tx.onRollback([backend, name] { backend->setMaster(name, QString()); });
    if (slave.adminUp) {
        const KernelResult up = backend->setUp(name, true);
        if (!up.ok())
            return refused(QStringLiteral("bring %1 back up").arg(name), up);
    }
    return std::nullopt;
}

// Common checks for an interface that is to become a slave of `bond`.
static Outcome checkSlave(const Snapshot &snap, const QString &slave, const QString &bond)
{
    if (auto bad = checkName(slave))
        return bad;
    const LinkInfo *link = snap.find(slave);
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
        const LinkInfo *master = snap.find(link->masterIndex);
        return Failure{E::Busy, QStringLiteral("%1 already belongs to %2; remove it there first.")
                                    .arg(slave, master ? master->name : QStringLiteral("another device"))};
    }
    return std::nullopt;
}

Outcome Service::doCreate(const QString &name, const QVariantMap &options, const QStringList &slaves)
{
    if (auto bad = checkName(name))
        return bad;
    if (!m_backend->bondingAvailable())
        return Failure{E::BondingUnavailable,
                       QStringLiteral("This kernel has no bonding driver; install or load the "
                                      "'bonding' module.")};
    const auto snap = snapshot(m_backend);
    if (!snap)
        return DumpFailed;
    if (snap->find(name))
        return Failure{E::InvalidArgument,
                       QStringLiteral("An interface named '%1' already exists; choose another name.").arg(name)};

    const OptionTable::Validation v = OptionTable::validate(options, {});
    if (!v.ok())
        return Failure{E::InvalidArgument, sentence(v.errors)};

    QStringList seen;
    for (const QString &s : slaves) {
        if (seen.contains(s))
            return Failure{E::InvalidArgument, QStringLiteral("%1 is listed twice as a slave.").arg(s)};
        seen << s;
        if (auto bad = checkSlave(*snap, s, name))
            return bad;
    }
    // primary and active_slave name slaves, so they can only be set once those are enslaved.
    QVariantMap atCreate = v.normalised;
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
    KernelResult r = m_backend->createBond(name, atCreate);
    if (!r.ok())
        return refused(QStringLiteral("create %1").arg(name), r);
    tx.onRollback([this, name] { m_backend->deleteLink(name); });

    for (const QString &s : slaves)
        if (auto failed = enslave(m_backend, tx, *snap->find(s), name))
            return failed;

    r = m_backend->setUp(name, true);
    if (!r.ok())
        return refused(QStringLiteral("bring %1 up").arg(name), r);
    if (afterSlaves.contains(QStringLiteral("primary"))) {
        r = m_backend->setBondOptions(name, {{QStringLiteral("primary"), afterSlaves.value(QStringLiteral("primary"))}});
        if (!r.ok())
            return refused(QStringLiteral("set the primary slave of %1").arg(name), r);
    }
    if (afterSlaves.contains(QStringLiteral("active_slave"))) {
        r = m_backend->setBondOptions(name, {{QStringLiteral("active_slave"), afterSlaves.value(QStringLiteral("active_slave"))}});
        if (!r.ok())
            return refused(QStringLiteral("set the active slave of %1").arg(name), r);
    }
    tx.commit();
    return std::nullopt;
}

Outcome Service::doDelete(const QString &name)
{
    if (auto bad = checkName(name))
        return bad;
    const auto snap = snapshot(m_backend);
    if (!snap)
        return DumpFailed;
    const LinkInfo *bond = snap->findBond(name);
    if (!bond)
        return noSuchBond(name);
    const QList<const LinkInfo *> slaves = snap->slavesOf(bond->ifindex);
    const KernelResult r = m_backend->deleteLink(name);
    if (!r.ok())
        return refused(QStringLiteral("delete %1").arg(name), r);
    // Releasing closes each slave; leave them as they were inside the bond (best effort: the
    // bond is gone either way).
    for (const LinkInfo *s : slaves)
        if (s->adminUp)
            m_backend->setUp(s->name, true);
    return std::nullopt;
}

Outcome Service::doSetOptions(const QString &name, const QVariantMap &options)
{
    if (auto bad = checkName(name))
        return bad;
    if (options.isEmpty())
        return Failure{E::InvalidArgument, QStringLiteral("No option to change was given.")};
    const auto snap = snapshot(m_backend);
    if (!snap)
        return DumpFailed;
    const LinkInfo *bond = snap->findBond(name);
    if (!bond)
        return noSuchBond(name);
    const QList<const LinkInfo *> slaves = snap->slavesOf(bond->ifindex);

    OptionTable::Context context;
    context.current = bond->bondOptions;
    context.hasSlaves = !slaves.isEmpty();
    // Options that need the bond down are applied with the bond taken down and brought back.
    context.isUp = false;
    const OptionTable::Validation v = OptionTable::validate(options, context);
    if (!v.ok())
        return Failure{E::InvalidArgument, sentence(v.errors)};

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
        if (!snap->find(slave))
            return noSuchInterface(slave);
        if (!isSlave)
            return Failure{E::InvalidArgument, QStringLiteral("%1 is not a slave of %2.").arg(slave, name)};
    }
    if (wanted.isEmpty())
        return std::nullopt;

    // Order: mode first (it decides what else is valid), then what is being switched off (so that
    // miimon and arp_interval never overlap), then the rest, active_slave last (needs the others).
    QStringList order;
    if (wanted.contains(modeKey))
        order << modeKey;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        if (it.key() != modeKey && it.key() != QLatin1String("active_slave") && isZero(it.value()))
            order << it.key();
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        if (!order.contains(it.key()) && it.key() != QLatin1String("active_slave"))
            order << it.key();
    if (wanted.contains(QStringLiteral("active_slave")))
        order << QStringLiteral("active_slave");

    bool needsDown = false;
    for (const QString &key : order)
        needsDown = needsDown || spec(key).needsDown();

    Transaction tx;
    if (needsDown && bond->adminUp) {
        const KernelResult down = m_backend->setUp(name, false);
        if (!down.ok())
            return refused(QStringLiteral("take %1 down").arg(name), down);
        tx.onRollback([this, name] { m_backend->setUp(name, true); });
    }
    for (const QString &key : order) {
        const KernelResult r = m_backend->setBondOptions(name, {{key, wanted.value(key)}});
        if (!r.ok())
            return refused(QStringLiteral("set %1 on %2").arg(key, name), r);
        QVariant old = bond->bondOptions.value(key);
        // The kernel leaves primary and active_slave out when there is none.
        if (!old.isValid() && spec(key).kind == OptionKind::IfIndex)
            old = QString();
        if (old.isValid())
            tx.onRollback([this, name, key, old] { m_backend->setBondOptions(name, {{key, old}}); });
    }
    if (needsDown && bond->adminUp) {
        const KernelResult up = m_backend->setUp(name, true);
        if (!up.ok())
            return refused(QStringLiteral("bring %1 back up").arg(name), up);
    }
    tx.commit();
    return std::nullopt;
}

Outcome Service::doAddSlave(const QString &bondName, const QString &slaveName)
{
    if (auto bad = checkName(bondName))
        return bad;
    const auto snap = snapshot(m_backend);
    if (!snap)
        return DumpFailed;
    const LinkInfo *bond = snap->findBond(bondName);
    if (!bond)
        return noSuchBond(bondName);
    if (auto bad = checkSlave(*snap, slaveName, bondName))
        return bad;
    Transaction tx;
    if (auto failed = enslave(m_backend, tx, *snap->find(slaveName), bondName))
        return failed;
    tx.commit();
    return std::nullopt;
}

Outcome Service::doRemoveSlave(const QString &bondName, const QString &slaveName)
{
    if (auto bad = checkName(bondName))
        return bad;
    if (auto bad = checkName(slaveName))
        return bad;
    const auto snap = snapshot(m_backend);
    if (!snap)
        return DumpFailed;
    const LinkInfo *bond = snap->findBond(bondName);
    if (!bond)
        return noSuchBond(bondName);
    const LinkInfo *slave = snap->find(slaveName);
    if (!slave)
        return noSuchInterface(slaveName);
    if (slave->masterIndex != bond->ifindex)
        return Failure{E::InvalidArgument,
                       QStringLiteral("%1 is not a slave of %2.").arg(slaveName, bondName)};
    Transaction tx;
    const KernelResult r = m_backend->setMaster(slaveName, QString());
    if (!r.ok())
        return refused(QStringLiteral("remove %1 from %2").arg(slaveName, bondName), r);
    // Releasing closes the interface; leave it as it was inside the bond.
    if (slave->adminUp) {
        tx.onRollback([this, slaveName, bondName] { m_backend->setMaster(slaveName, bondName); });
        const KernelResult up = m_backend->setUp(slaveName, true);
        if (!up.ok())
            return refused(QStringLiteral("bring %1 back up").arg(slaveName), up);
    }
    tx.commit();
    return std::nullopt;
}

// ---- events -----------------------------------------------------------------------------------

void Service::emitBondChanged(int bondIndex)
{
    if (!m_dirty.contains(bondIndex))
        m_dirty << bondIndex;
    scheduleFlush();
}

void Service::emitSlaveChanged(int slaveIndex)
{
    if (!m_dirtySlaves.contains(slaveIndex))
        m_dirtySlaves << slaveIndex;
    scheduleFlush();
}

void Service::scheduleFlush()
{
    // Not restarted by later events: a change is announced at most FlushMs after it, even while
    // events keep coming.
    if (!m_flush.isActive())
        m_flush.start();
}

// Each signal carries the state as it is now (the latest of the gathered events); slaves first, so
// that a BondChanged still follows everything that happened before it.
void Service::flushChanges()
{
    const QList<int> slaves = std::exchange(m_dirtySlaves, {});
    for (int slaveIndex : slaves) {
        const auto link = m_view.constFind(slaveIndex);
        if (link == m_view.cend() || !link->masterIndex || !link->slave)
            continue;
        const auto master = m_view.constFind(link->masterIndex);
        if (master == m_view.cend() || !master->isBond())
            continue;
        SlaveInfo now = *link->slave;
        now.name = link->name;
        Q_EMIT SlaveChanged(master->name, link->name, now.toVariantMap());
    }
    const QList<int> dirty = std::exchange(m_dirty, {});
    for (int bondIndex : dirty) {
        const auto it = m_view.constFind(bondIndex);
        if (it != m_view.cend() && it->isBond())
            Q_EMIT BondChanged(it->name, bondMap(*it));
    }
}

void Service::onLinkChanged(const LinkInfo &link)
{
    if (lcEvents().isDebugEnabled())
        QMessageLogger(__FILE__, __LINE__, Q_FUNC_INFO, lcEvents().categoryName()).debug()
            << "link" << link.ifindex << link.name << "event" << link.event << "master"
                      << link.masterIndex << "active" << link.bondOptions.value(QStringLiteral("active_slave"));
    const auto previous = m_view.constFind(link.ifindex);
    const bool known = previous != m_view.cend();
    const LinkInfo old = known ? *previous : LinkInfo{};
    m_view.insert(link.ifindex, link);

    if (link.isBond()) {
        const QString active = link.bondOptions.value(QStringLiteral("active_slave")).toString();
        if (!known || !old.isBond()) {
            Q_EMIT BondAdded(link.name);
            m_lastActive.insert(link.ifindex, active);
        } else {
            const QString lastActive = m_lastActive.value(link.ifindex);
            // After lost events (resync) the failover notification itself may be gone: a changed
            // active slave in the fresh dump is the kernel's word that one happened.
            if (link.event == IFLA_EVENT_BONDING_FAILOVER || (m_resyncing && lastActive != active)) {
                // First, ahead of the slave changes the kernel sent with it (gathered, they follow
                // within FlushMs): measured in the lab, sending those first held the Failover back
                // by about 8 ms under emulation, most of the helper's share of failover latency.
                Q_EMIT Failover(link.name, lastActive, active,
                                qulonglong(QDateTime::currentMSecsSinceEpoch()) * 1000u);
                m_lastActive.insert(link.ifindex, active);
            } else if (lastActive.isEmpty()) {
                // A first active slave is no failover; remember it as the old one of the next.
                m_lastActive.insert(link.ifindex, active);
            }
        }
        if (!known || link.event != 0 || old.bondOptions != link.bondOptions
            || old.adminUp != link.adminUp || old.carrier != link.carrier || old.name != link.name)
            emitBondChanged(link.ifindex);
    } else if (known && old.isBond()) {
        Q_EMIT BondRemoved(old.name);
    }

    if (old.masterIndex != link.masterIndex) {
        if (old.masterIndex)
            emitBondChanged(old.masterIndex);
        if (link.masterIndex)
            emitBondChanged(link.masterIndex);
    }
    if (link.masterIndex && link.slave) {
        SlaveInfo now = *link.slave;
        now.name = link.name;
        SlaveInfo before = old.slave.value_or(SlaveInfo{});
        before.name = old.name;
        if (old.masterIndex != link.masterIndex || !old.slave || before != now)
            emitSlaveChanged(link.ifindex);
    }
}

void Service::onLinkRemoved(int ifindex, const QString &name)
{
    const auto it = m_view.constFind(ifindex);
    if (it == m_view.cend())
        return;
    const LinkInfo old = *it;
    m_view.remove(ifindex);
    m_lastActive.remove(ifindex);
    if (old.isBond())
        Q_EMIT BondRemoved(name.isEmpty() ? old.name : name);
    else if (old.masterIndex)
        emitBondChanged(old.masterIndex);
}

bool Service::resync()
{
    auto links = m_backend->dumpLinks();
    if (!links)
        return false;
    m_viewValid = true;
    QSet<int> present;
    m_resyncing = true;
    for (const LinkInfo &l : *links) {
        present.insert(l.ifindex);
        onLinkChanged(l);
    }
    m_resyncing = false;
    const QList<int> known = m_view.keys();
    for (int ifindex : known)
        if (!present.contains(ifindex))
            onLinkRemoved(ifindex, QString());
    return true;
}

} // namespace bm::helper
