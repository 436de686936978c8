// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Service.h"

#include "Authorizer.h"
#include "BondState.h"
#include "ErrorNames.h"
#include "Failures.h"
#include "RequestChecks.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QScopeGuard>

#include <utility>

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

} // namespace

Service::Service(KernelBackend *backend, Authorizer *authorizer, const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_authorizer(authorizer)
    , m_bus(bus)
    , m_view(backend)
    , m_planner(backend)
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
    // A broadcast reaches every caller: never with what only root may see.
    connect(&m_view, &LinkView::bondChanged, this, [this](const QString &name, const QVariantMap &state) {
        Q_EMIT BondChanged(name, BondState::withoutRootOnly(state));
    });
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

QVariantMap Service::GetBond(const QString &name)
{
    touch();
    if (auto bad = RequestChecks::name(name)) {
        replyError(*bad);
        return {};
    }
    if (!m_view.refresh()) {
        replyError(dumpFailed());
        return {};
    }
    const LinkInfo *bond = m_view.links().findBond(name);
    if (!bond) {
        replyError(noSuchBond(name));
        return {};
    }
    const QVariantMap state = m_view.bondState(*bond);
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
    for (const LinkInfo *b : std::as_const(bonds))
        result << (root ? m_view.bondState(*b) : BondState::withoutRootOnly(m_view.bondState(*b)));
    return result;
}

BondManager::VariantMapList Service::ListCandidates()
{
    touch();
    if (!m_view.refresh()) {
        replyError(dumpFailed());
        return {};
    }
    // From the view, kept from the kernel's address and route events: a dump of every route per
    // call cost root's helper tens of milliseconds with a large routing table.
    BondManager::VariantMapList result;
    for (const LinkInfo *link : m_view.links().all()) {
        const LinkInfo &l = *link;
        if (l.loopback)
            continue;
        const LinkInfo *master = m_view.links().find(l.masterIndex);
        CandidateInfo c;
        c.name = l.name;
        c.ifindex = l.ifindex;
        c.kind = l.kind;
        c.adminUp = l.adminUp;
        c.carrier = l.carrier;
        c.mac = l.mac;
        c.master = master ? master->name : QString();
        for (const AddressInfo &a : m_view.addresses(l.ifindex))
            c.addresses << a.address;
        c.defaultRoute = m_view.hasDefaultRoute(l.ifindex);
        result << c.toVariantMap();
    }
    return result;
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
    const QString action = QLatin1String(actionId);
    m_authorizer->check(
            action, details, request,
            [this, request, action, uid = *uid, work = std::move(work)](Authorizer::Outcome outcome,
                                                                        const QString &detail) {
                touch();
                const auto release = qScopeGuard([this, uid] {
                    if (uid == 0)
                        return;
                    --m_writes;
                    if (--m_writesByUid[uid] <= 0)
                        m_writesByUid.remove(uid);
                });
                if (const QString why = whyNotAuthorized(outcome, action, detail); !why.isEmpty()) {
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
    authorizeThen(BondManager::DBus::ActionCreate, {{QStringLiteral("bond"), name}},
                  RequestChecks::createBond(name, options, slaves),
                  [=] { return m_planner.createBond(name, options, slaves); });
}

// Issue 14 wires these to the network services (services/NetworkService.h); until then they
// say so instead of pretending.
QVariantMap Service::CreateConfiguredBond(const QVariantMap &, const QString &)
{
    replyError({BondManager::DBus::Error::InvalidArgument, tr("Not implemented yet.")});
    return {};
}

void Service::SetIpConfig(const QString &, const QVariantMap &)
{
    replyError({BondManager::DBus::Error::InvalidArgument, tr("Not implemented yet.")});
}

QVariantMap Service::SaveBond(const QString &, const QString &)
{
    replyError({BondManager::DBus::Error::InvalidArgument, tr("Not implemented yet.")});
    return {};
}

void Service::RestoreSaved(const QString &)
{
    replyError({BondManager::DBus::Error::InvalidArgument, tr("Not implemented yet.")});
}

void Service::DeleteBond(const QString &name)
{
    authorizeThen(BondManager::DBus::ActionDelete, {{QStringLiteral("bond"), name}},
                  RequestChecks::deleteBond(name), [=] { return m_planner.deleteBond(name); });
}

void Service::SetOptions(const QString &name, const QVariantMap &options)
{
    authorizeThen(BondManager::DBus::ActionModify, {{QStringLiteral("bond"), name}},
                  RequestChecks::setOptions(name, options),
                  [=] { return m_planner.setOptions(name, options); });
}

void Service::AddSlave(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, slaveDetails(bond, slave),
                  RequestChecks::addSlave(bond, slave), [=] { return m_planner.addSlave(bond, slave); });
}

void Service::RemoveSlave(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, slaveDetails(bond, slave),
                  RequestChecks::removeSlave(bond, slave),
                  [=] { return m_planner.removeSlave(bond, slave); });
}

void Service::SetPrimary(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, slaveDetails(bond, slave),
                  RequestChecks::setPrimary(bond, slave), [=] {
                      return m_planner.setOptions(bond, {{QStringLiteral("primary"), slave}});
                  });
}

void Service::SetActiveSlave(const QString &bond, const QString &slave)
{
    authorizeThen(BondManager::DBus::ActionModify, slaveDetails(bond, slave),
                  RequestChecks::setActiveSlave(bond, slave), [=] {
                      return m_planner.setOptions(bond, {{QStringLiteral("active_slave"), slave}});
                  });
}

} // namespace bm::helper
