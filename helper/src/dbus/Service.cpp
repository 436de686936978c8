#include "Service.h"

#include "Authorizer.h"
#include "ErrorNames.h"
#include "InterfaceName.h"
#include "OptionTable.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QDBusMessage>

#include <cstring>
#include <utility>

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

// One consistent dump of all links, for a write to check its request against.
std::optional<LinkTable> dumpTable(KernelBackend *backend)
{
    auto links = backend->dumpLinks();
    if (!links)
        return std::nullopt;
    return LinkTable(*links);
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
    , m_view(backend)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        // A pending polkit question holds a caller waiting for a reply: stay until it is answered.
        if (m_authorizer->pending() > 0)
            m_idle.start();
        else
            QCoreApplication::quit();
    });
    // Straight through, so that the contract's signals keep the view's order and timing.
    connect(&m_view, &LinkView::bondAdded, this, &Service::BondAdded);
    connect(&m_view, &LinkView::bondRemoved, this, &Service::BondRemoved);
    connect(&m_view, &LinkView::bondChanged, this, &Service::BondChanged);
    connect(&m_view, &LinkView::slaveChanged, this, &Service::SlaveChanged);
    connect(&m_view, &LinkView::failover, this, &Service::Failover);
}

bool Service::start()
{
    return m_view.start();
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
    if (!m_view.refresh()) {
        replyError(DumpFailed);
        return {};
    }
    QStringList names;
    for (const LinkInfo *l : m_view.links().bonds())
        names << l->name;
    return names;
}

QVariantMap Service::GetBond(const QString &name)
{
    touch();
    if (auto bad = checkName(name)) {
        replyError(*bad);
        return {};
    }
    if (!m_view.refresh()) {
        replyError(DumpFailed);
        return {};
    }
    const LinkInfo *bond = m_view.links().findBond(name);
    if (!bond) {
        replyError(noSuchBond(name));
        return {};
    }
    return m_view.bondState(*bond);
}

BondManager::VariantMapList Service::GetBonds()
{
    touch();
    if (!m_view.refresh()) {
        replyError(DumpFailed);
        return {};
    }
    const QList<const LinkInfo *> bonds = m_view.links().bonds();
    BondManager::VariantMapList result;
    result.reserve(bonds.size());
    for (const LinkInfo *b : std::as_const(bonds))
        result << m_view.bondState(*b);
    return result;
}

BondManager::VariantMapList Service::ListCandidates()
{
    touch();
    if (!m_view.refresh()) {
        replyError(DumpFailed);
        return {};
    }
    const QHash<int, Candidate> extra = m_backend->dumpAddressesAndRoutes();
    BondManager::VariantMapList result;
    for (const LinkInfo *link : m_view.links().all()) {
        const LinkInfo &l = *link;
        if (l.loopback)
            continue;
        const LinkInfo *master = m_view.links().find(l.masterIndex);
        const Candidate c = extra.value(l.ifindex);
        result << QVariantMap{
            {QStringLiteral("name"), l.name},
            {QStringLiteral("ifindex"), l.ifindex},
            {QStringLiteral("kind"), l.kind},
            {QStringLiteral("adminUp"), l.adminUp},
            {QStringLiteral("carrier"), l.carrier},
            {QStringLiteral("mac"), l.mac},
            {QStringLiteral("master"), master ? master->name : QString()},
            {QStringLiteral("addresses"), c.addresses},
            {QStringLiteral("defaultRoute"), c.defaultRoute},
        };
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
static Outcome checkSlave(const LinkTable &snap, const QString &slave, const QString &bond)
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
    const auto snap = dumpTable(m_backend);
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
    const auto snap = dumpTable(m_backend);
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
    const auto snap = dumpTable(m_backend);
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
        needsDown = needsDown || spec(key).needsDown;

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
    const auto snap = dumpTable(m_backend);
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
    const auto snap = dumpTable(m_backend);
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

} // namespace bm::helper
