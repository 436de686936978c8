// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Service.h"

#include "Authorizer.h"
#include "BondState.h"
#include "CarryOver.h"
#include "Carrying.h"
#include "Drift.h"
#include "ErrorNames.h"
#include "FailoverDrill.h"
#include "Failures.h"
#include "IpAddress.h"
#include "OptionTable.h"
#include "Reach.h"
#include "RequestChecks.h"
#include "RuntimeService.h"
#include "TrialScope.h"
#include "TrialSnapshot.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QMetaObject>

#include <algorithm>
#include <memory>
#include <utility>

#include <sys/socket.h>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

// Empty when authorised; otherwise what the caller can do about it.
QString whyNotAuthorized(Authorizer::Outcome outcome, const QString &action, const QString &detail)
{
    switch (outcome) {
    case Authorizer::Outcome::Authorized:
        break;
    case Authorizer::Outcome::Denied:
        return QStringLiteral("You are not allowed to do this (polkit action %1); ask an "
                              "administrator.")
                .arg(action);
    case Authorizer::Outcome::ChallengeFailed:
        return QStringLiteral("Administrator authentication is required (polkit action %1); run "
                              "this from a desktop session with a polkit agent, or as root.")
                .arg(action);
    case Authorizer::Outcome::Failed:
        return QStringLiteral("Authorization could not be checked (%1); make sure polkit is "
                              "running and try again.")
                .arg(detail);
    }
    return QString();
}

// What polkit is told of a write on one of a bond's slaves.
QMap<QString, QString> slaveDetails(const QString &bond, const QString &slave)
{
    return {{QStringLiteral("bond"), bond}, {QStringLiteral("interface"), slave}};
}

// Writes one caller uid (other than root) may have waiting for polkit or running, and all such
// writes together. Each holds a pending reply in the bus daemon, which allows the helper only a
// limited number (128 by default), and may wait minutes for an authentication dialog.
constexpr int MaxWritesPerUser = 2;
constexpr int MaxWrites = 32;

// CheckReach callers that may wait for a probe's answer at once: like a write, each holds a
// pending reply in the bus daemon (the probe itself is bounded by ArpProbe::TimeoutMs).
constexpr int MaxReachWaiting = 32;

// A trial's deadline, in seconds from its start (the contract's confirmWithin).
constexpr uint MinConfirmWithin = 10;
constexpr uint MaxConfirmWithin = 600;

// Try's outcome map (the contract's "Outcome maps"); `out` is the write's own out value, if any.
QVariantMap outcomeMap(const QString &trial, qulonglong deadlineUsec, const QStringList &moves,
                       const QVariantList &out)
{
    QVariantMap outcome {{QStringLiteral("trial"), trial},
                         {QStringLiteral("deadlineUsec"), deadlineUsec},
                         {QStringLiteral("moves"), moves}};
    if (!out.isEmpty())
        outcome.insert(QStringLiteral("result"), out.constFirst());
    return outcome;
}

} // namespace

Service::Service(KernelBackend *backend, Authorizer *authorizer, const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_authorizer(authorizer)
    , m_bus(bus)
    , m_view(backend)
    , m_planner(backend)
    , m_services(bus, std::make_unique<RuntimeService>(
                              &m_planner, m_backend,
                              [this] {
                                  // Any service registered could run DHCP; which one may take this bond is its owner's say.
                                  QStringList names;
                                  for (NetworkOwner owner : {NetworkOwner::NetworkManager,
                                                             NetworkOwner::Networkd, NetworkOwner::Ifupdown})
                                      if (m_services.service(owner))
                                          names << networkOwnerName(owner);
                                  return names;
                              }))
    , m_trials(backend,
               [this](const QString &name) -> NetworkService * {
                   for (NetworkOwner owner : {NetworkOwner::None, NetworkOwner::NetworkManager,
                                              NetworkOwner::Networkd, NetworkOwner::Ifupdown})
                       if (ServiceRegistry::saveWithName(owner) == name)
                           return m_services.service(owner);
                   return nullptr;
               })
    , m_probes(backend)
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        // A pending polkit question or write holds a caller waiting for a reply: stay until it is
        // answered.
        // A pending trial must be rolled back at its deadline by this process, not by the next.
        if (m_authorizer->pending() > 0 || m_writing || !m_queue.empty() || m_trials.count() > 0
            || m_probes.inFlight() > 0)
            m_idle.start();
        else
            QCoreApplication::quit();
    });
    // Straight through, so that the contract's signals keep the view's order and timing.
    connect(&m_view, &LinkView::bondAdded, this, &Service::BondAdded);
    connect(&m_view, &LinkView::bondRemoved, this, [this](const QString &name) {
        m_saved.remove(name);
        Q_EMIT BondRemoved(name);
    });
    // A broadcast reaches every caller: never with what only root may see. Where the bond is
    // saved comes from what was last read: a kernel event never reads files or asks a service.
    // Under a backlog a flush is one message, ChangesGathered: a message per map or failover was
    // most of the helper's CPU in a flap storm (bm-bench), and each costs every client as much.
    connect(&m_view, &LinkView::bondChanged, this, [this](const QString &name, const QVariantMap &state) {
        QVariantMap map = withSaved(BondState::withoutRootOnly(state), name);
        if (m_gathered)
            m_gathered->bonds << std::move(map);
        else
            Q_EMIT BondChanged(name, map);
    });
    connect(&m_view, &LinkView::slaveChanged, this,
            [this](const QString &bond, const QString &slave, const QVariantMap &state) {
                if (m_gathered)
                    m_gathered->slaves << BondManager::GatheredSlave {bond, slave, state}.toVariantMap();
                else
                    Q_EMIT SlaveChanged(bond, slave, state);
            });
    connect(&m_view, &LinkView::failover, this,
            [this](const QString &bond, const QString &oldActive, const QString &newActive, qulonglong usec) {
                if (m_gathered)
                    m_gathered->failovers
                            << BondManager::GatheredFailover {bond, oldActive, newActive, usec}.toVariantMap();
                else
                    Q_EMIT Failover(bond, oldActive, newActive, usec);
            });
    connect(&m_view, &LinkView::backlogFlushStarted, this, [this] { m_gathered.emplace(); });
    connect(&m_view, &LinkView::backlogFlushFinished, this, [this] {
        if (!m_gathered)
            return;
        const Gathered gathered = std::move(*std::exchange(m_gathered, std::nullopt));
        if (gathered.failovers.isEmpty() && gathered.slaves.isEmpty() && gathered.bonds.isEmpty())
            return;
        Q_EMIT ChangesGathered(gathered.failovers, gathered.slaves, gathered.bonds);
        holdUntilBusTookFlush();
    });
    connect(&m_trials, &TrialManager::trialStarted, this, &Service::TrialStarted);
    connect(&m_trials, &TrialManager::trialConfirmed, this, &Service::TrialConfirmed);
    connect(&m_trials, &TrialManager::trialRolledBack, this, &Service::TrialRolledBack);
    connect(&m_trials, &TrialManager::deadlineReached, this, [this](const QString &id) {
        queueInternal([this, id](const WriteDone &done) {
            m_trials.rollback(id, QStringLiteral("deadline"),
                              [done](const Outcome &failure) { done(failure, {}); });
        });
    });
}

// One backlog flush in flight on the bus: the next waits for the bus to have taken this one. The
// bus daemon handles a connection's messages in order, so its answer to a call of its own sent
// after the flush says that the flush has left the helper. Without it, when the bus fell behind
// (a flap storm in the lab with the GUI running, every process short of CPU), flushes queued in
// the helper's connection: a read after the storm waited seconds behind them, and the queue was
// heap the helper kept (bm-bench, docs/performance/issue-17-2026-12-02.md). Held, a window goes on
// gathering, and the newest state of each link is all that is sent.
void Service::holdUntilBusTookFlush()
{
    if (m_flushInFlight || !m_bus.isConnected())
        return;
    const QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("GetId"));
    // Bounded: a bus that does not answer (or a peer connection, which has no driver: an error
    // at once) must not hold the view's signals for long.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, FlushAckTimeoutMs), this);
    m_flushInFlight = true;
    m_view.holdFlushes();
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_flushInFlight = false;
        m_view.releaseFlushes();
    });
}

bool Service::start()
{
    const bool started = m_view.start();
    // From the event loop, once the object and its name are on the bus: the trials a killed
    // helper left are rolled back where their TrialRolledBack can be heard.
    QMetaObject::invokeMethod(
            this,
            [this] {
                queueInternal([this](const WriteDone &done) {
                    m_trials.recover();
                    done(std::nullopt, {});
                });
            },
            Qt::QueuedConnection);
    return started;
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

// ---- callers ----------------------------------------------------------------------------------

std::optional<uint> Service::callerUid() const
{
    const QString sender = message().service();
    if (sender.isEmpty())
        return std::nullopt;
    // Blocking, and without a local event loop: the bus daemon answers this itself at once.
    const QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
                                                             QStringLiteral("/org/freedesktop/DBus"),
                                                             QStringLiteral("org.freedesktop.DBus"),
                                                             QStringLiteral("GetConnectionUnixUser"))
                              << sender;
    const QDBusMessage reply = m_bus.call(call, QDBus::Block);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return std::nullopt;
    return reply.arguments().constFirst().toUInt();
}

bool Service::callerIsRoot() const
{
    // Not called over D-Bus: from within the helper, which is root.
    if (!calledFromDBus())
        return true;
    return callerUid() == 0u;
}

// ---- reads ------------------------------------------------------------------------------------

void Service::replyError(const Failure &failure)
{
    sendErrorReply(QLatin1String(failure.name), failure.text);
}

bool Service::BondingAvailable()
{
    touch();
    return m_planner.bondingAvailable();
}

QStringList Service::ListBonds()
{
    touch();
    if (!m_view.refresh()) {
        replyError(dumpFailed());
        return {};
    }
    QStringList names;
    for (const LinkInfo *l : m_view.links().bonds())
        names << l->name;
    return names;
}

const LinkInfo *Service::bondToRead(const QString &name)
{
    touch();
    if (auto bad = RequestChecks::name(name)) {
        replyError(*bad);
        return nullptr;
    }
    if (!m_view.refresh()) {
        replyError(dumpFailed());
        return nullptr;
    }
    const LinkInfo *bond = m_view.links().findBond(name);
    if (!bond)
        replyError(noSuchBond(name));
    return bond;
}

QVariantMap Service::GetBond(const QString &name)
{
    const LinkInfo *bond = bondToRead(name);
    if (!bond)
        return {};
    // Read afresh: the caller may have changed the files or the service since.
    refreshSaved(name, m_view.links());
    const QVariantMap state = withSaved(m_view.bondState(*bond), name);
    return callerIsRoot() ? state : BondState::withoutRootOnly(state);
}

BondManager::VariantMapList Service::GetBonds()
{
    touch();
    if (!m_view.refresh()) {
        replyError(dumpFailed());
        return {};
    }
    const QList<const LinkInfo *> bonds = m_view.links().bonds();
    const bool root = callerIsRoot();
    BondManager::VariantMapList result;
    result.reserve(bonds.size());
    for (const LinkInfo *b : std::as_const(bonds)) {
        // Read once for a bond not seen yet; afterwards as GetBond and the writes left it.
        if (!m_saved.contains(b->name))
            refreshSaved(b->name, m_view.links());
        const QVariantMap state = withSaved(m_view.bondState(*b), b->name);
        result << (root ? state : BondState::withoutRootOnly(state));
    }
    return result;
}

BondManager::CandidateList Service::ListCandidates()
{
    touch();
    if (!m_view.refresh()) {
        replyError(dumpFailed());
        return {};
    }
    // From the view, kept from the kernel's address and route events: a dump of every route per
    // call cost root's helper tens of milliseconds with a large routing table.
    return m_view.candidates();
}

QVariantMap Service::GetCounters(const QString &bond)
{
    const LinkInfo *link = bondToRead(bond);
    if (!link)
        return {};
    // The view's counters are those of the last link message, which the kernel sends only when
    // something else changes: fresh numbers need a question of their own, one per interface.
    QList<int> ifindices {link->ifindex};
    for (const LinkInfo *slave : m_view.links().slavesOf(link->ifindex))
        ifindices << slave->ifindex;
    QVariantMap result;
    for (int ifindex : std::as_const(ifindices)) {
        const std::optional<LinkInfo> now = m_backend->getLink(ifindex);
        if (now && now->counters)
            result.insert(now->name, now->counters->toVariantMap());
    }
    return result;
}

QVariantMap Service::CheckReach(const QString &bond)
{
    const LinkInfo *link = bondToRead(bond);
    if (!link)
        return {};
    const Reach reach = reachOf(m_view, *link);
    if (!reach.request)
        return withReply(reach.report);
    if (m_reachWaiting >= MaxReachWaiting) {
        replyError(Failure {E::Busy, QStringLiteral("Too many reachability checks are waiting; try again in "
                                                    "a moment.")});
        return {};
    }
    ++m_reachWaiting;
    setDelayedReply(true);
    const QDBusMessage request = message();
    m_probes.probe(bond, *reach.request, [this, request, bond, report = reach.report](const ArpReply &reply) {
        --m_reachWaiting;
        touch();
        if (!reply.error.isEmpty())
            m_bus.send(request.createErrorReply(
                    QLatin1String(E::KernelRefused),
                    QStringLiteral("ARP could not be sent on %1 (%2).").arg(bond, reply.error)));
        else
            m_bus.send(request.createReply(QVariant(withReply(report, reply))));
    });
    return {};
}

QString Service::GetProcText(const QString &bond)
{
    touch();
    if (auto bad = RequestChecks::name(bond)) {
        replyError(*bad);
        return {};
    }
    auto text = m_backend->procText(bond);
    if (!text) {
        replyError(noSuchBond(bond));
        return {};
    }
    return callerIsRoot() ? *text : BondState::withoutRootOnly(*text);
}

// ---- where bonds are saved --------------------------------------------------------------------

namespace {

const QString ModeKey = QStringLiteral("mode");
const QString PrimaryKey = QStringLiteral("primary");
const QString ActiveSlaveKey = QStringLiteral("active_slave");

// The bond as it runs: options of its mode (the kernel reports every option, whatever the mode
// takes), slaves, primary, and its addresses as static ones (link-local ones left out).
BondConfig liveConfigOf(const LinkTable &links, const LinkInfo &bond, const QStringList &addresses)
{
    BondConfig config;
    config.name = bond.name;
    const std::optional<BondMode> mode = bondModeFromName(bond.bondOptions.value(ModeKey).toString());
    for (auto it = bond.bondOptions.cbegin(); it != bond.bondOptions.cend(); ++it) {
        const OptionSpec *spec = OptionTable::find(it.key());
        if (!spec || it.key() == PrimaryKey || it.key() == ActiveSlaveKey || (mode && !spec->validIn(*mode)))
            continue;
        config.options.insert(it.key(), it.value());
    }
    for (const LinkInfo *s : links.slavesOf(bond.ifindex))
        config.slaves << s->name;
    config.primary = bond.bondOptions.value(PrimaryKey).toString();
    for (const QString &text : addresses) {
        const std::optional<IpPrefix> prefix = IpPrefix::parse(text);
        if (!prefix || prefix->address.isLinkLocal())
            continue;
        (prefix->address.isV4() ? config.ip.ipv4Addresses : config.ip.ipv6Addresses) << text;
    }
    if (!config.ip.ipv4Addresses.isEmpty())
        config.ip.ipv4Method = Ipv4Method::Static;
    if (!config.ip.ipv6Addresses.isEmpty())
        config.ip.ipv6Method = Ipv6Method::Static;
    return config;
}

// The gateways of `ifindex` by the default routes of the main table among `routes` that go
// through one out of it (the first of each family).
void setGateways(IpConfig &ip, const QList<RouteInfo> &routes, int ifindex)
{
    for (const RouteInfo &r : routes) {
        if (!r.isDefault() || r.ifindex != ifindex || r.gateway.isEmpty())
            continue;
        QString &gateway = r.family == AF_INET6 ? ip.ipv6Gateway : ip.ipv4Gateway;
        if (gateway.isEmpty())
            gateway = r.gateway;
    }
}

// `requested` (option names as a caller spells them, values checked by RequestChecks) over
// `wanted`: primary to its field, and the options the old mode had that a new mode does not take
// left out.
void overlayOptions(BondConfig &wanted, const QVariantMap &requested)
{
    QVariantMap normalised;
    for (auto it = requested.cbegin(); it != requested.cend(); ++it) {
        const OptionSpec *spec = OptionTable::find(it.key());
        const OptionTable::ParsedValue parsed = spec ? OptionTable::parseValue(*spec, it.value())
                                                     : OptionTable::ParsedValue();
        if (!spec || !parsed.ok())
            continue;
        const QString name = QLatin1String(spec->name);
        if (name == PrimaryKey)
            wanted.primary = parsed.value.toString();
        else
            normalised.insert(name, parsed.value);
    }
    if (normalised.contains(ModeKey)) {
        if (const auto mode = bondModeFromName(normalised.value(ModeKey).toString())) {
            for (const QString &key : wanted.options.keys()) {
                const OptionSpec *spec = OptionTable::find(key);
                if (spec && !spec->validIn(*mode))
                    wanted.options.remove(key);
            }
        }
    }
    wanted.options.insert(normalised);
}

// The contract's persistence map: where, and the lists that go with it.
QVariantMap persistenceMap(const Persistence &where, const QStringList &saveWith = {},
                           const QStringList &unsaved = {}, const QStringList &warnings = {})
{
    QVariantMap p = where.toVariantMap();
    // The contract spells the backends as saveWith does ("networkd"), so a client can pass one on.
    p.insert(QStringLiteral("backend"), ServiceRegistry::saveWithName(where.backend));
    p.insert(QStringLiteral("saveWith"), saveWith);
    p.insert(QStringLiteral("unsaved"), unsaved);
    p.insert(QStringLiteral("warnings"), warnings);
    return p;
}

} // namespace

QStringList Service::liveAddresses(int ifindex, bool fresh) const
{
    if (!fresh)
        return m_view.bondAddresses(ifindex);
    // A write reads from a dump of its own (liveConfig), so its addresses come from one too.
    QStringList result;
    if (const auto dumped = m_backend->dumpAddresses())
        for (const AddressInfo &a : *dumped)
            if (a.ifindex == ifindex && !a.isLinkLocal())
                result << a.address;
    return result;
}

void Service::refreshSaved(const QString &name, const LinkTable &links, bool fresh)
{
    const LinkInfo *bond = links.findBond(name);
    if (!bond) {
        m_saved.remove(name);
        return;
    }
    SavedState state;
    const BondConfig live = liveConfigOf(links, *bond, liveAddresses(bond->ifindex, fresh));
    auto [service, saved] = m_services.load(name);
    const OwnerDecision decision = m_services.decide(name, live.slaves);
    QStringList warnings;
    for (const QString &w : decision.warnings)
        warnings << asSentence(w);
    if (decision.refused())
        warnings << asSentence(decision.refusal);
    if (saved)
        warnings << saved->problems;
    state.persistence = saved ? persistenceMap(saved->where, {}, service->unsaved(live), warnings)
                              : persistenceMap(Persistence(), m_services.couldSave(decision), {}, warnings);
    state.saved = std::move(saved);
    m_saved.insert(name, state);
}

QVariantMap Service::persistenceOf(const QString &bond) const
{
    const auto it = m_saved.constFind(bond);
    // Not read yet (a bond someone else made, seen in a kernel event): saved nowhere, until
    // GetBond reads it.
    return it == m_saved.cend() || it->persistence.isEmpty() ? persistenceMap(Persistence())
                                                             : it->persistence;
}

QVariantMap Service::withSaved(QVariantMap state, const QString &name)
{
    const SavedState saved = m_saved.value(name);
    const LinkInfo *bond = m_view.links().findBond(name);
    // The addresses from the view, as the links and gateways: those read with where the bond is
    // saved may be older (a trial carries a slave's addresses over after its write has read them).
    BondConfig live = bond ? liveConfigOf(m_view.links(), *bond, liveAddresses(bond->ifindex)) : BondConfig();
    if (bond)
        setGateways(live.ip, m_view.defaultRoutes(bond->ifindex), bond->ifindex);
    BondManager::VariantMapList drift;
    if (saved.saved) {
        // The kernel's MTU, which the bond map's ip of a bond saved nowhere leaves out.
        BondConfig runs = live;
        if (bond)
            runs.ip.mtu = bond->mtu;
        for (const DriftEntry &d : Drift::compare(saved.saved->config, runs))
            drift << d.toVariantMap();
    }
    state.insert(QStringLiteral("persistence"), persistenceOf(name));
    state.insert(QStringLiteral("ip"), (saved.saved ? saved.saved->config.ip : live.ip).toVariantMap());
    state.insert(QStringLiteral("drift"), QVariant::fromValue(drift));
    return state;
}

// ---- writes -----------------------------------------------------------------------------------

QString Service::whyBusy(uint uid) const
{
    if (uid == 0)
        return QString();
    if (m_writesByUid.value(uid) >= MaxWritesPerUser)
        return QStringLiteral("You already have %1 changes waiting for authorization or being made; "
                              "wait for them to finish and try again.")
                .arg(MaxWritesPerUser);
    if (m_writes >= MaxWrites)
        return QStringLiteral("Too many changes are waiting for authorization; try again in a "
                              "moment.");
    return QString();
}

void Service::releaseWrite(uint uid)
{
    if (uid == 0)
        return;
    --m_writes;
    if (--m_writesByUid[uid] <= 0)
        m_writesByUid.remove(uid);
}

void Service::authorizeThen(const char *actionId, const QMap<QString, QString> &details,
                            const Outcome &refusal, Work work)
{
    touch();
    // A request the checks without kernel state refuse is answered now, before polkit is asked:
    // it would fail anyway, and nobody should be asked for a password for it.
    if (refusal) {
        replyError(*refusal);
        return;
    }
    const std::optional<uint> uid = callerUid();
    if (!uid) {
        sendErrorReply(QLatin1String(E::NotAuthorized),
                       QStringLiteral("The caller could not be identified; try again."));
        return;
    }
    if (const QString why = whyBusy(*uid); !why.isEmpty()) {
        sendErrorReply(QLatin1String(E::Busy), why);
        return;
    }
    if (*uid != 0) {
        ++m_writesByUid[*uid];
        ++m_writes;
    }
    setDelayedReply(true);
    const QDBusMessage request = message();
    // polkitd authorises uid 0 for every action without looking further (polkit's
    // polkitbackendinteractiveauthority.c), so asking it only adds a wait on a daemon any local
    // user can keep busy. The uid is the bus daemon's word on the sender's connection.
    if (*uid == 0) {
        m_queue.push_back({request, *uid, std::move(work)});
        runNextWrite();
        return;
    }
    const QString action = QLatin1String(actionId);
    m_authorizer->check(action, details, request,
                        [this, request, action, uid = *uid,
                         work = std::move(work)](Authorizer::Outcome outcome, const QString &detail) {
                            touch();
                            if (const QString why = whyNotAuthorized(outcome, action, detail);
                                !why.isEmpty()) {
                                m_bus.send(request.createErrorReply(QLatin1String(E::NotAuthorized), why));
                                releaseWrite(uid);
                                return;
                            }
                            m_queue.push_back({request, uid, work});
                            runNextWrite();
                        });
}

void Service::runNextWrite()
{
    if (m_writing || m_queue.empty())
        return;
    QueuedWrite next = std::move(m_queue.front());
    m_queue.pop_front();
    m_writing = true;
    auto answered = std::make_shared<bool>(false);
    next.work([this, request = next.request, uid = next.uid, answered](const Outcome &failure,
                                                                       const QVariantList &out) {
        if (std::exchange(*answered, true))
            return;
        touch();
        // Internal work (queueInternal) has nobody to answer.
        if (request.type() == QDBusMessage::MethodCallMessage)
            m_bus.send(failure ? request.createErrorReply(QLatin1String(failure->name), failure->text)
                               : request.createReply(out));
        else if (failure)
            qWarning("bond-manager-helper: %s", qPrintable(failure->text));
        releaseWrite(uid);
        m_writing = false;
        // From the event loop: a write done inside its own call would otherwise start the next
        // one inside it, however long the queue.
        QMetaObject::invokeMethod(this, &Service::runNextWrite, Qt::QueuedConnection);
    });
}

void Service::queueInternal(Work work)
{
    m_queue.push_back({QDBusMessage(), 0, std::move(work)});
    runNextWrite();
}

Service::Work Service::now(std::function<Outcome()> work)
{
    return [work = std::move(work)](const WriteDone &done) { done(work(), {}); };
}

Outcome Service::refusalOf(const NetworkService *service, const BondConfig &config)
{
    const QString why = service->refusal(config);
    if (why.isEmpty())
        return std::nullopt;
    // Without a service, what needs one is a request this helper cannot do (the contract's
    // InvalidArgument); a service's own refusal is its say.
    return Failure {service->owner() == NetworkOwner::None ? E::InvalidArgument : E::ServiceRefused, why};
}

Outcome Service::liveConfig(const QString &name, BondConfig *config)
{
    // A dump of its own, as the planner's: the view takes in the kernel's events on its own
    // schedule, which the signals' timing depends on (kernel/LinkView.h).
    const std::optional<QList<LinkInfo>> dumped = m_backend->dumpLinks();
    if (!dumped)
        return dumpFailed();
    const LinkTable links(*dumped);
    const LinkInfo *bond = links.findBond(name);
    if (!bond)
        return noSuchBond(name);
    *config = liveConfigOf(links, *bond, liveAddresses(bond->ifindex, true));
    config->ip.mtu = bond->mtu;
    const auto routes = m_backend->dumpRoutes();
    if (!routes)
        return dumpFailed();
    setGateways(config->ip, *routes, bond->ifindex);
    return std::nullopt;
}

void Service::finishWrite(const QString &bond, const Outcome &failure, bool withPersistence,
                          const WriteDone &done)
{
    // What the write changed, read now from a dump of its own (as liveConfig), so that the reply
    // and the signals after it show it.
    if (const std::optional<QList<LinkInfo>> dumped = m_backend->dumpLinks())
        refreshSaved(bond, LinkTable(*dumped), true);
    done(failure, withPersistence && !failure ? QVariantList {persistenceOf(bond)} : QVariantList());
}

namespace {

// A bond saved by no service (the runtime one) that would take a lease from one of `slaves`
// (CarryPlan::leaving(written)): the DHCP client renews it on the slave only, so the bond would
// lose its address when the lease ends, long after the trial was confirmed. Refused as DHCP on
// a runtime-only bond is (RuntimeService::refusal), naming the lease and what would keep it.
Outcome leaseRefusal(LinkView &view, const ServiceRegistry &services, const ServiceRegistry::Choice &choice,
                     const QString &bond, const QStringList &slaves, const IpConfig &written)
{
    if (choice.service->owner() != NetworkOwner::None || !view.refresh())
        return std::nullopt;
    const CarryPlan plan = CarryPlan::leaving(written);
    for (const QString &slave : slaves) {
        const LinkInfo *link = view.links().find(slave);
        if (!link)
            continue;
        const Carrying::Carried moving = plan.moving(Carrying::of(
                slave, link->ifindex, view.addresses(link->ifindex), view.routes(link->ifindex)));
        if (const QString why = Carrying::leaseRefusal(moving, bond, services.couldSave(choice.decision));
            !why.isEmpty())
            return Failure {E::InvalidArgument, why};
    }
    return std::nullopt;
}

} // namespace

void Service::createThrough(const BondConfig &config, const QString &saveWith,
                            std::function<void(const Outcome &)> done)
{
    const ServiceRegistry::Choice choice = m_services.choose(config.name, config.slaves, saveWith);
    if (choice.refusal)
        return done(choice.refusal);
    if (auto bad = refusalOf(choice.service, config))
        return done(bad);
    if (auto bad = leaseRefusal(m_view, m_services, choice, config.name, config.slaves, config.ip))
        return done(bad);
    choice.service->create(config, std::move(done));
}

void Service::changeThrough(const QString &name, const QString &saveWith, const QStringList &newSlaves,
                            const Edit &edit, std::function<void(const Outcome &)> done)
{
    BondConfig current;
    if (auto bad = liveConfig(name, &current))
        return done(bad);
    QStringList slaves = current.slaves;
    for (const QString &s : newSlaves)
        if (!slaves.contains(s))
            slaves << s;
    const ServiceRegistry::Choice choice = m_services.choose(name, slaves, saveWith);
    if (choice.refusal)
        return done(choice.refusal);
    // What runs, with the addresses it is saved with: the kernel does not know DHCP or DNS.
    const std::optional<SavedBond> saved = choice.service->load(name);
    current.ip = Drift::running(current.ip, saved ? std::optional(saved->config.ip) : std::nullopt);
    BondConfig wanted = current;
    if (auto bad = edit(current, saved, wanted))
        return done(bad);
    if (auto bad = refusalOf(choice.service, wanted))
        return done(bad);
    QStringList added;
    for (const QString &s : newSlaves)
        if (!current.slaves.contains(s))
            added << s;
    if (auto bad = leaseRefusal(m_view, m_services, choice, name, added, wanted.ip))
        return done(bad);
    choice.service->change(current, wanted, std::move(done));
}

Service::Work Service::changeWork(const QString &bond, Edit edit, const QString &saveWith,
                                  bool withPersistence, const QStringList &newSlaves)
{
    return [=](const WriteDone &done) {
        changeThrough(bond, saveWith, newSlaves, edit,
                      [=](const Outcome &failure) { finishWrite(bond, failure, withPersistence, done); });
    };
}

// ---- the writes, as the contract's methods and as Try's calls ---------------------------------

Service::Write Service::writeFor(const WriteCall &call)
{
    const QVariantList &a = call.arguments;
    const auto s = [&a](int i) { return a.value(i).toString(); };
    const QString &c = call.call;
    if (c == QLatin1String("CreateBond"))
        return createBondWrite(s(0), a.value(1).toMap(), a.value(2).toStringList());
    if (c == QLatin1String("CreateConfiguredBond"))
        return createConfiguredBondWrite(a.value(0).toMap(), s(1));
    if (c == QLatin1String("SetIpConfig"))
        return setIpConfigWrite(s(0), a.value(1).toMap());
    if (c == QLatin1String("SaveBond"))
        return saveBondWrite(s(0), s(1));
    if (c == QLatin1String("RestoreSaved"))
        return restoreSavedWrite(s(0));
    if (c == QLatin1String("DeleteBond"))
        return deleteBondWrite(s(0));
    if (c == QLatin1String("SetOptions"))
        return setOptionsWrite(s(0), a.value(1).toMap());
    if (c == QLatin1String("AddSlave"))
        return addSlaveWrite(s(0), s(1));
    if (c == QLatin1String("RemoveSlave"))
        return removeSlaveWrite(s(0), s(1));
    if (c == QLatin1String("SetPrimary"))
        return setPrimaryWrite(s(0), s(1));
    Q_ASSERT(c == QLatin1String("SetActiveSlave"));
    return setActiveSlaveWrite(s(0), s(1));
}

IpConfig Service::writtenIp(const WriteCall &call, const TrialScope &scope) const
{
    if (call.call == QLatin1String("CreateConfiguredBond"))
        return BondConfig::fromVariantMap(call.arguments.value(0).toMap()).ip;
    IpConfig ip;
    if (call.call != QLatin1String("AddSlave"))
        return ip;
    if (const auto saved = m_saved.constFind(scope.bond); saved != m_saved.cend() && saved->saved)
        return saved->saved->config.ip;
    // Saved nowhere: the kernel's addresses are all the bond has.
    if (const LinkInfo *bond = m_view.links().findBond(scope.bond))
        for (const AddressInfo &a : m_view.addresses(bond->ifindex)) {
            if (a.isLinkLocal())
                continue;
            if (a.family == AF_INET6)
                ip.ipv6Method = Ipv6Method::Static;
            else
                ip.ipv4Method = Ipv4Method::Static;
        }
    return ip;
}

Service::TrialNeed Service::trialNeed(const WriteCall &call)
{
    TrialNeed need;
    if (!m_view.refresh())
        return need;
    const TrialScope scope = scopeOf(call.call, call.arguments);
    need.carry = CarryPlan::leaving(writtenIp(call, scope));
    const LinkTable &links = m_view.links();
    // A write on a bond that is not there changes nothing, whatever the slave it names carries:
    // its answer is NoSuchBond, not a trial.
    if (!scope.creates && !links.findBond(scope.bond))
        return need;
    QStringList names;
    for (const QString &name : scope.touched) {
        const LinkInfo *link = links.find(name);
        if (!link || names.contains(name))
            continue;
        names << name;
        if (link->isBond())
            for (const LinkInfo *slave : links.slavesOf(link->ifindex))
                if (!names.contains(slave->name))
                    names << slave->name;
    }
    for (const QString &name : names) {
        const LinkInfo *link = links.find(name);
        const Carrying::Carried carried = Carrying::of(name, link->ifindex, m_view.addresses(link->ifindex),
                                                       m_view.routes(link->ifindex));
        need.interfaces << name;
        if (!carried.any())
            continue;
        need.required = true;
        need.reasons << Carrying::reason(carried);
        if (const Carrying::Carried moving = need.carry.moving(carried);
            scope.enslaved.contains(name) && moving.any())
            need.moves << Carrying::move(moving, scope.bond);
    }
    return need;
}

Failure Service::trialRequired(const TrialNeed &need)
{
    // "mgmt0 carries 10.0.2.15/24" becomes "mgmt0, which carries 10.0.2.15/24".
    QString what = need.reasons.value(0);
    if (const int at = what.indexOf(QLatin1String(" carries ")); at > 0)
        what.insert(at, QStringLiteral(", which"));
    return Failure {E::TrialRequired,
                    QStringLiteral("This change touches %1: make it as a trial (bondctl --confirm-within, "
                                   "or the window) so that it is undone by itself if the host becomes "
                                   "unreachable.")
                            .arg(what)};
}

void Service::submit(const WriteCall &call, uint confirmWithin, bool tried)
{
    Write write = writeFor(call);
    Outcome refusal = write.refusal;
    TrialNeed need;
    if (!refusal) {
        need = trialNeed(call);
        if (const Trial *busy = m_trials.touching(need.interfaces))
            refusal = busyWith(*busy, need.interfaces);
        // Issue 15: a write that touches a carrying interface is a trial or nothing, for every
        // caller, root included (a plain write as much as Try with confirmWithin 0).
        else if (need.required && confirmWithin == 0)
            refusal = trialRequired(need);
    }
    Work work = std::move(write.work);
    if (tried && confirmWithin > 0 && !refusal) {
        const std::optional<uint> uid = callerUid();
        work = trialWork(call, need, confirmWithin, write.actionId, uid.value_or(0), std::move(work));
    } else {
        work = untriedWork(call, std::move(work));
        if (tried)
            work = [work, hasResult = call.hasResult](const WriteDone &done) {
                work([=](const Outcome &failure, const QVariantList &out) {
                    if (failure)
                        return done(failure, {});
                    done(std::nullopt, {outcomeMap(QString(), 0, {}, hasResult ? out : QVariantList())});
                });
            };
    }
    authorizeThen(write.actionId, write.details, refusal, std::move(work));
}

Service::Work Service::untriedWork(const WriteCall &call, Work write)
{
    return [=](const WriteDone &done) {
        // Asked again when its turn comes: a write queued before it (an address given to the
        // bond, a slave that carries one) may have made it one that must be a trial.
        if (const TrialNeed need = trialNeed(call); need.required)
            return done(trialRequired(need), {});
        write(done);
    };
}

Service::Work Service::trialWork(const WriteCall &call, const TrialNeed &need, uint confirmWithin,
                                 const char *actionId, uint uid, Work write)
{
    return [=](const WriteDone &done) {
        const TrialScope scope = scopeOf(call.call, call.arguments);
        // Checked again in the queue: another trial may have started since the call came.
        if (const Trial *busy = m_trials.touching(need.interfaces))
            return done(busyWith(*busy, need.interfaces), {});
        QStringList names = need.interfaces;
        for (const QString &name : scope.touched + QStringList {scope.bond})
            if (!name.isEmpty() && !names.contains(name))
                names << name;
        const std::optional<TrialSnapshot> before = TrialSnapshot::take(m_backend, names);
        if (!before)
            return done(dumpFailed(), {});
        Trial trial;
        trial.id = m_trials.newId();
        trial.call = call.call;
        trial.bond = scope.bond;
        trial.actionId = QLatin1String(actionId);
        trial.interfaces = names;
        trial.moves = need.moves;
        trial.uid = uid;
        trial.before = *before;
        trial.startedUsec = TrialManager::nowUsec();
        trial.deadlineUsec = trial.startedUsec + qulonglong(confirmWithin) * 1000000ULL;
        if (auto bad = m_trials.open(trial))
            return done(bad, {});
        // Each network service hears of the trial around the write; the one that acts records
        // its part in the journal (ServiceTrial.h).
        const QString id = trial.id;
        // Alive until the write has answered: the services keep a pointer meanwhile.
        auto contexts = std::make_shared<std::vector<ServiceTrial>>();
        contexts->reserve(4);
        for (NetworkOwner owner : {NetworkOwner::None, NetworkOwner::NetworkManager, NetworkOwner::Networkd,
                                   NetworkOwner::Ifupdown})
            if (NetworkService *service = m_services.service(owner)) {
                const QString name = ServiceRegistry::saveWithName(owner);
                contexts->push_back(
                        {id, names, confirmWithin, trial.deadlineUsec,
                         [this, id, name](const QJsonObject &part) { m_trials.record(id, name, part); }});
                service->setTrial(&contexts->back());
            }
        const auto closeTrial = [this, contexts] {
            for (NetworkOwner owner : {NetworkOwner::None, NetworkOwner::NetworkManager,
                                       NetworkOwner::Networkd, NetworkOwner::Ifupdown})
                if (NetworkService *service = m_services.service(owner))
                    service->setTrial(nullptr);
        };
        write([=](const Outcome &failure, const QVariantList &out) {
            closeTrial();
            if (failure) {
                // The write undid itself.
                m_trials.abandon(id);
                return done(failure, {});
            }
            // A trial in the kernel alone (runtime only, or ifupdown, which writes nothing
            // before the commit): the helper carries the slaves' addresses over itself.
            // NetworkManager and networkd configure the bond from what they hold, carry-over
            // included.
            Outcome carried;
            // Not started yet: find() would say "no trial" and the helper would carry over
            // on top of NetworkManager (two default routes).
            const Trial *open = m_trials.opening(id);
            const bool runtime = !open
                                 || !(open->services.contains(
                                              ServiceRegistry::saveWithName(NetworkOwner::Networkd))
                                      || open->services.contains(
                                              ServiceRegistry::saveWithName(NetworkOwner::NetworkManager)));
            if (runtime)
                for (const QString &slave : scope.enslaved)
                    if (const LinkState *was = trial.before.find(slave); was && !carried)
                        carried = CarryOver::apply(m_backend, *was, scope.bond, need.carry);
            if (carried)
                return m_trials.rollback(id, QStringLiteral("failed"),
                                         [=](const Outcome &) { done(carried, {}); });
            // The write read the bond (finishWrite) before the carry-over: again, with what it
            // carries now, for what its persistence lists as unsaved.
            if (runtime && !scope.enslaved.isEmpty())
                if (const std::optional<QList<LinkInfo>> dumped = m_backend->dumpLinks())
                    refreshSaved(scope.bond, LinkTable(*dumped), true);
            m_trials.started(id);
            done(std::nullopt,
                 {outcomeMap(id, trial.deadlineUsec, trial.moves, call.hasResult ? out : QVariantList())});
        });
    };
}

std::optional<WriteCall> Service::decodedCall(const QString &call, const QVariantList &arguments)
{
    touch();
    Outcome bad;
    std::optional<WriteCall> decoded = decodeWriteCall(call, arguments, &bad);
    if (!decoded)
        replyError(*bad);
    return decoded;
}

QVariantMap Service::Try(const QString &call, const QVariantList &arguments, uint confirmWithin)
{
    const std::optional<WriteCall> decoded = decodedCall(call, arguments);
    if (!decoded)
        return {};
    if (confirmWithin != 0 && (confirmWithin < MinConfirmWithin || confirmWithin > MaxConfirmWithin)) {
        replyError(Failure {E::InvalidArgument, QStringLiteral("confirmWithin must be 0 (no trial) or "
                                                               "between %1 and %2 seconds.")
                                                        .arg(MinConfirmWithin)
                                                        .arg(MaxConfirmWithin)});
        return {};
    }
    submit(*decoded, confirmWithin, true);
    return {};
}

QVariantMap Service::Preview(const QString &call, const QVariantList &arguments)
{
    const std::optional<WriteCall> decoded = decodedCall(call, arguments);
    if (!decoded)
        return {};
    const TrialNeed need = trialNeed(*decoded);
    return {{QStringLiteral("trialRequired"), need.required},
            {QStringLiteral("reasons"), need.reasons},
            {QStringLiteral("moves"), need.moves}};
}

const Trial *Service::trialNamed(const QString &id, Outcome *bad) const
{
    const QList<const Trial *> pending = m_trials.pending();
    if (id.isEmpty()) {
        if (pending.size() == 1)
            return pending.constFirst();
        *bad = pending.isEmpty() ? noSuchTrial(id)
                                 : Failure {E::InvalidArgument,
                                            QStringLiteral("%1 trials are pending: name the one you mean.")
                                                    .arg(pending.size())};
        return nullptr;
    }
    if (const Trial *trial = m_trials.find(id))
        return trial;
    *bad = noSuchTrial(id);
    return nullptr;
}

void Service::settle(const QString &id, bool confirm)
{
    Outcome bad;
    const Trial *trial = trialNamed(id, &bad);
    if (!trial) {
        touch();
        replyError(*bad);
        return;
    }
    const QString trialId = trial->id;
    const QByteArray action = trial->actionId.toLatin1();
    authorizeThen(action.constData(), {{QStringLiteral("bond"), trial->bond}}, std::nullopt,
                  [this, trialId, confirm](const WriteDone &done) {
                      // The deadline may have come while polkit was asked.
                      if (!m_trials.find(trialId))
                          return done(noSuchTrial(trialId), {});
                      const auto answer = [done](const Outcome &failure) { done(failure, {}); };
                      if (confirm)
                          m_trials.confirm(trialId, answer);
                      else
                          m_trials.rollback(trialId, QStringLiteral("asked"), answer);
                  });
}

void Service::Confirm(const QString &id)
{
    settle(id, true);
}

void Service::Rollback(const QString &id)
{
    settle(id, false);
}

BondManager::VariantMapList Service::ListTrials()
{
    touch();
    BondManager::VariantMapList list;
    for (const Trial *t : m_trials.pending())
        list << t->toVariantMap();
    return list;
}

Failure Service::busyWith(const Trial &trial, const QStringList &interfaces)
{
    QString taken = trial.bond;
    for (const QString &name : interfaces)
        if (trial.interfaces.contains(name)) {
            taken = name;
            break;
        }
    return Failure {E::Busy, QStringLiteral("%1 is part of trial %2 (%3 %4), which waits to be confirmed or "
                                            "rolled back; try again after it.")
                                     .arg(taken, trial.id, trial.call, trial.bond)};
}

Failure Service::noSuchTrial(const QString &id)
{
    if (id.isEmpty())
        return Failure {E::InvalidArgument, QStringLiteral("No trial is pending.")};
    return Failure {E::NoSuchTrial, QStringLiteral("No trial %1 is pending: it was confirmed or rolled "
                                                   "back meanwhile, or never started.")
                                            .arg(id.left(64))};
}

void Service::CreateBond(const QString &name, const QVariantMap &options, const QStringList &slaves)
{
    submit({QStringLiteral("CreateBond"), {name, options, slaves}, false});
}

QVariantMap Service::CreateConfiguredBond(const QVariantMap &config, const QString &saveWith)
{
    submit({QStringLiteral("CreateConfiguredBond"), {config, saveWith}, true});
    return {};
}

void Service::SetIpConfig(const QString &bond, const QVariantMap &ip)
{
    submit({QStringLiteral("SetIpConfig"), {bond, ip}, false});
}

QVariantMap Service::SaveBond(const QString &bond, const QString &saveWith)
{
    submit({QStringLiteral("SaveBond"), {bond, saveWith}, true});
    return {};
}

void Service::RestoreSaved(const QString &bond)
{
    submit({QStringLiteral("RestoreSaved"), {bond}, false});
}

void Service::DeleteBond(const QString &name)
{
    submit({QStringLiteral("DeleteBond"), {name}, false});
}

void Service::SetOptions(const QString &name, const QVariantMap &options)
{
    submit({QStringLiteral("SetOptions"), {name, options}, false});
}

void Service::AddSlave(const QString &bond, const QString &slave)
{
    submit({QStringLiteral("AddSlave"), {bond, slave}, false});
}

void Service::RemoveSlave(const QString &bond, const QString &slave)
{
    submit({QStringLiteral("RemoveSlave"), {bond, slave}, false});
}

void Service::SetPrimary(const QString &bond, const QString &slave)
{
    submit({QStringLiteral("SetPrimary"), {bond, slave}, false});
}

void Service::SetActiveSlave(const QString &bond, const QString &slave)
{
    submit({QStringLiteral("SetActiveSlave"), {bond, slave}, false});
}

QVariantMap Service::Drill(const QString &bond)
{
    // Refused before polkit is asked when the view already says it cannot be made (and checked
    // again once its turn has come).
    Outcome refusal = RequestChecks::name(bond);
    DrillPlan plan;
    if (!refusal && !m_view.refresh())
        refusal = dumpFailed();
    if (!refusal)
        refusal = FailoverDrill::plan(m_view, bond, &plan);
    const QStringList touched {bond, plan.from, plan.to};
    if (const Trial *busy = refusal ? nullptr : m_trials.touching(touched))
        refusal = busyWith(*busy, touched);
    authorizeThen(BondManager::DBus::ActionModify, slaveDetails(bond, plan.to), refusal,
                  [this, bond](const WriteDone &done) {
                      DrillPlan now;
                      if (!m_view.refresh())
                          return done(dumpFailed(), {});
                      if (auto bad = FailoverDrill::plan(m_view, bond, &now))
                          return done(bad, {});
                      auto *drill = new FailoverDrill(m_backend, &m_planner, &m_probes, now, this);
                      drill->run([done](const Outcome &failure, const QVariantMap &report) {
                          done(failure, failure ? QVariantList() : QVariantList {report});
                      });
                  });
    return {};
}

Service::Write Service::createBondWrite(const QString &name, const QVariantMap &options,
                                        const QStringList &slaves)
{
    return {BondManager::DBus::ActionCreate,
            {{QStringLiteral("bond"), name}},
            RequestChecks::createBond(name, options, slaves),
            [=](const WriteDone &done) {
                // CreateConfiguredBond(name, options, slaves) saved with the owner's service,
                // but for active_slave, which is live state no service saves: the kernel's
                // alone, once the bond is there.
                BondConfig config;
                config.name = name;
                config.slaves = slaves;
                overlayOptions(config, options);
                const QString active = config.options.take(ActiveSlaveKey).toString();
                if (!active.isEmpty() && !slaves.contains(active))
                    return done(Failure {E::InvalidArgument,
                                         QStringLiteral("%1 %2 is not among the slaves of the new bond.")
                                                 .arg(ActiveSlaveKey, active)},
                                {});
                const ServiceRegistry::Choice choice = m_services.choose(name, slaves, QString());
                if (choice.refusal)
                    return done(choice.refusal, {});
                if (auto bad = refusalOf(choice.service, config))
                    return done(bad, {});
                if (auto bad = leaseRefusal(m_view, m_services, choice, name, slaves, config.ip))
                    return done(bad, {});
                NetworkService *service = choice.service;
                service->create(config, [=](const Outcome &failure) {
                    if (failure || active.isEmpty())
                        return finishWrite(name, failure, false, done);
                    const Outcome refused = m_planner.setOptions(name, {{ActiveSlaveKey, active}});
                    if (!refused)
                        return finishWrite(name, std::nullopt, false, done);
                    // The active slave is the create's last step: refused, the whole create
                    // is undone, through the service that made (and saved) the bond.
                    service->remove(config, [=](const Outcome &) { finishWrite(name, refused, false, done); });
                });
            }};
}

Service::Write Service::createConfiguredBondWrite(const QVariantMap &map, const QString &saveWith)
{
    QStringList problems;
    const BondConfig config = BondConfig::fromVariantMap(map, &problems);
    return {BondManager::DBus::ActionCreate,
            {{QStringLiteral("bond"), config.name}},
            RequestChecks::createConfiguredBond(config, problems, saveWith),
            [=](const WriteDone &done) {
                createThrough(config, saveWith,
                              [=](const Outcome &failure) { finishWrite(config.name, failure, true, done); });
            }};
}

Service::Write Service::setIpConfigWrite(const QString &bond, const QVariantMap &map)
{
    QStringList problems;
    const IpConfig ip = IpConfig::fromVariantMap(map, &problems);
    return {BondManager::DBus::ActionModify,
            {{QStringLiteral("bond"), bond}},
            RequestChecks::setIpConfig(bond, ip, problems),
            changeWork(bond, [ip](const BondConfig &, const std::optional<SavedBond> &, BondConfig &wanted) {
                wanted.ip = ip;
                return Outcome();
            })};
}

Service::Write Service::saveBondWrite(const QString &bond, const QString &saveWith)
{
    // What runs, as it runs: the service saves it (adopts a bond saved nowhere).
    return {BondManager::DBus::ActionModify,
            {{QStringLiteral("bond"), bond}},
            RequestChecks::saveBond(bond, saveWith),
            changeWork(
                    bond,
                    [](const BondConfig &, const std::optional<SavedBond> &, BondConfig &) {
                        return Outcome();
                    },
                    saveWith, true)};
}

Service::Write Service::restoreSavedWrite(const QString &bond)
{
    return {BondManager::DBus::ActionModify,
            {{QStringLiteral("bond"), bond}},
            RequestChecks::restoreSaved(bond),
            changeWork(bond,
                       [bond](const BondConfig &, const std::optional<SavedBond> &saved,
                              BondConfig &wanted) -> Outcome {
                           if (!saved)
                               return Failure {E::InvalidArgument,
                                               QStringLiteral("%1 is not saved by any network service, "
                                                              "so there is nothing to restore.")
                                                       .arg(bond)};
                           wanted = saved->config;
                           return std::nullopt;
                       })};
}

Service::Write Service::deleteBondWrite(const QString &name)
{
    return {BondManager::DBus::ActionDelete,
            {{QStringLiteral("bond"), name}},
            RequestChecks::deleteBond(name),
            [=](const WriteDone &done) {
                const auto finish = [=](const Outcome &failure) { finishWrite(name, failure, false, done); };
                BondConfig current;
                if (auto bad = liveConfig(name, &current))
                    return finish(bad);
                const ServiceRegistry::Choice choice = m_services.choose(name, current.slaves, QString());
                if (choice.refusal)
                    return finish(choice.refusal);
                if (const std::optional<SavedBond> saved = choice.service->load(name))
                    current.ip = saved->config.ip;
                choice.service->remove(current, finish);
            }};
}

Service::Write Service::setOptionsWrite(const QString &name, const QVariantMap &options)
{
    return {BondManager::DBus::ActionModify,
            {{QStringLiteral("bond"), name}},
            RequestChecks::setOptions(name, options),
            [=](const WriteDone &done) {
                // active_slave is live state no service saves: the kernel's alone, after the rest.
                QVariantMap saved;
                QVariant active;
                for (auto it = options.cbegin(); it != options.cend(); ++it) {
                    const OptionSpec *spec = OptionTable::find(it.key());
                    if (spec && QLatin1String(spec->name) == ActiveSlaveKey)
                        active = it.value();
                    else
                        saved.insert(it.key(), it.value());
                }
                const auto setActive = [=](const Outcome &failure) {
                    Outcome result = failure;
                    if (!failure && active.isValid())
                        result = m_planner.setOptions(name, {{ActiveSlaveKey, active}});
                    finishWrite(name, result, false, done);
                };
                if (saved.isEmpty())
                    return setActive(std::nullopt);
                changeThrough(
                        name, QString(), {},
                        [saved](const BondConfig &, const std::optional<SavedBond> &, BondConfig &wanted) {
                            overlayOptions(wanted, saved);
                            return Outcome();
                        },
                        setActive);
            }};
}

Service::Write Service::addSlaveWrite(const QString &bond, const QString &slave)
{
    const Work add = changeWork(
            bond,
            [slave](const BondConfig &, const std::optional<SavedBond> &, BondConfig &wanted) {
                wanted.slaves << slave;
                return Outcome();
            },
            QString(), false, {slave});
    return {BondManager::DBus::ActionModify, slaveDetails(bond, slave), RequestChecks::addSlave(bond, slave),
            [=](const WriteDone &done) {
                // A slave the bond has already is an error, not a change that changes nothing.
                if (auto bad = m_planner.checkAddSlave(bond, slave))
                    return finishWrite(bond, bad, false, done);
                add(done);
            }};
}

Service::Write Service::removeSlaveWrite(const QString &bond, const QString &slave)
{
    const Work remove = changeWork(
            bond, [slave](const BondConfig &, const std::optional<SavedBond> &, BondConfig &wanted) {
                wanted.slaves.removeAll(slave);
                if (wanted.primary == slave)
                    wanted.primary.clear();
                return Outcome();
            });
    return {BondManager::DBus::ActionModify, slaveDetails(bond, slave),
            RequestChecks::removeSlave(bond, slave), [=](const WriteDone &done) {
                if (auto bad = m_planner.checkRemoveSlave(bond, slave))
                    return finishWrite(bond, bad, false, done);
                remove(done);
            }};
}

Service::Write Service::setPrimaryWrite(const QString &bond, const QString &slave)
{
    return {BondManager::DBus::ActionModify, slaveDetails(bond, slave),
            RequestChecks::setPrimary(bond, slave),
            changeWork(bond,
                       [slave](const BondConfig &, const std::optional<SavedBond> &, BondConfig &wanted) {
                           wanted.primary = slave;
                           return Outcome();
                       })};
}

// Live state no service saves: the kernel's alone, whoever keeps the bond.
Service::Write Service::setActiveSlaveWrite(const QString &bond, const QString &slave)
{
    return {BondManager::DBus::ActionModify, slaveDetails(bond, slave),
            RequestChecks::setActiveSlave(bond, slave), now([=] {
                return m_planner.setOptions(bond, {{ActiveSlaveKey, slave}});
            })};
}

} // namespace bm::helper
