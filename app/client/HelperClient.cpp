// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HelperClient.h"

#include "DBusTypes.h"
#include "DBusValues.h"
#include "ErrorNames.h"
#include "OptionTable.h"
#include "ReplyInOrder.h"
#include "helper1_proxy.h"

#include <QDBusError>
#include <QDBusMetaType>
#include <QDBusServiceWatcher>
#include <QThread>

namespace bm {

namespace {

namespace Names = BondManager::DBus;

// Writes can wait on a person typing a password into the polkit agent; reads and non-interactive
// writes should answer quickly, but the helper may be started on demand first.
constexpr int InteractiveTimeoutMs = 5 * 60 * 1000;
constexpr int WriteTimeoutMs = 2 * 60 * 1000;

template<typename T>
std::optional<T> firstArg(const QDBusMessage &reply);

template<>
std::optional<bool> firstArg<bool>(const QDBusMessage &reply)
{
    const QVariantList args = reply.arguments();
    if (args.size() != 1 || args.first().typeId() != QMetaType::Bool)
        return std::nullopt;
    return args.first().toBool();
}

template<>
std::optional<QString> firstArg<QString>(const QDBusMessage &reply)
{
    const QVariantList args = reply.arguments();
    if (args.size() != 1 || args.first().typeId() != QMetaType::QString)
        return std::nullopt;
    return args.first().toString();
}

template<>
std::optional<QStringList> firstArg<QStringList>(const QDBusMessage &reply)
{
    if (reply.signature() != QLatin1String("as"))
        return std::nullopt;
    return DBusValues::plain(reply.arguments().first()).toStringList();
}

std::optional<Done> noArgs(const QDBusMessage &)
{
    return Done {};
}

std::optional<BondPersistence> persistenceArg(const QDBusMessage &reply)
{
    if (reply.signature() != QLatin1String("a{sv}"))
        return std::nullopt;
    return BondPersistence::fromVariantMap(DBusValues::plainMap(reply.arguments().first()));
}

SignalEvent slaveEvent(const QString &bond, const QString &slave, const QVariantMap &state)
{
    SlaveInfo info = SlaveInfo::fromVariantMap(DBusValues::plainMap(state));
    if (info.name.isEmpty())
        info.name = slave;
    return SignalEvent::slaveChanged(bond, info);
}

SignalEvent failoverEvent(const BondManager::GatheredFailover &f)
{
    return SignalEvent::failover(f.bond, f.oldActive, f.newActive,
                                 QDateTime::fromMSecsSinceEpoch(qint64(f.timestampUsec / 1000), Qt::UTC));
}

// The helper reports "no primary / no active slave" as an empty name; /proc (and so `bondctl
// parse`) leaves it out. Leave it out here too, so both sources give the same BondInfo.
BondInfo bondFromHelper(const QVariant &map, const QString &name)
{
    const QVariantMap plain = DBusValues::plainMap(map);
    BondInfo info = BondInfo::fromVariantMap(plain);
    info.link = BondLink::fromVariantMap(plain);
    if (info.name.isEmpty())
        info.name = name;
    for (const OptionSpec &spec : OptionTable::all()) {
        const QString key = QLatin1String(spec.name);
        if (spec.kind == OptionKind::IfIndex && info.options.value(key).toString().isEmpty())
            info.options.remove(key);
    }
    return info;
}

} // namespace

CallError CallError::from(const QDBusError &error)
{
    CallError e;
    e.name = error.name();
    e.message = error.message().trimmed();
    const QString &n = e.name;
    if (!error.isValid()) {
        e.kind = ClientError::None;
    } else if (const std::optional<ClientError> kind = errorKindOf(n)) {
        e.kind = *kind;
    } else {
        switch (DBusValues::isNoAnswer(error) ? QDBusError::NoReply : error.type()) {
        case QDBusError::ServiceUnknown:
        case QDBusError::NoReply:
        case QDBusError::UnknownObject:
        case QDBusError::UnknownInterface:
            e.kind = ClientError::Unreachable;
            break;
        default:
            // Activation failures arrive as org.freedesktop.DBus.Error.Spawn.*.
            e.kind = n.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn."))
                             ? ClientError::Unreachable
                             : ClientError::Failed;
            break;
        }
        if (e.kind == ClientError::Unreachable)
            e.message = QStringLiteral("the bond manager helper is not reachable (%1)")
                                .arg(e.message.isEmpty() ? n : e.message);
    }
    if (e.message.isEmpty())
        e.message = n;
    return e;
}

HelperClient::HelperClient(const QDBusConnection &bus, QObject *parent, SignalThread signalThread)
    : QObject(parent)
    , m_bus(bus)
{
    BondManager::registerDBusTypes();
    qRegisterMetaType<bm::BondInfo>();
    qRegisterMetaType<bm::SlaveInfo>();
    m_proxy = new HelperProxy(QLatin1String(Names::ServiceName), QLatin1String(Names::ObjectPath), m_bus,
                              this);

    if (signalThread == SignalThread::Own) {
        m_signalThread = new QThread(this);
        m_signalThread->setObjectName(QStringLiteral("helper-signals"));
        m_intake = new QObject;
        m_intake->moveToThread(m_signalThread);
        connect(m_signalThread, &QThread::finished, m_intake, &QObject::deleteLater);
        m_signalThread->start();
        // QtDBus delivers a signal on the thread of the object that receives it: a proxy made there.
        QMetaObject::invokeMethod(
                m_intake,
                [this] {
                    connectSignals(new HelperProxy(QLatin1String(Names::ServiceName),
                                                   QLatin1String(Names::ObjectPath), m_bus, m_intake),
                                   m_intake);
                },
                Qt::BlockingQueuedConnection);
    } else {
        connectSignals(m_proxy, this);
    }

    connectTrialSignals();

    auto *watcher = new QDBusServiceWatcher(QLatin1String(Names::ServiceName), m_bus,
                                            QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                Q_EMIT helperOwnerChanged(newOwner);
            });
}

// The values are unpacked on `target`'s thread. With one thread this client's signals are emitted
// there and then; with a signal thread they wait in m_batch for the caller's thread (deliver()).
void HelperClient::connectSignals(HelperProxy *proxy, QObject *target)
{
    connect(proxy, &HelperProxy::BondAdded, target,
            [this](const QString &name) { emitOrQueue(SignalEvent::bondAdded(name)); });
    connect(proxy, &HelperProxy::BondRemoved, target,
            [this](const QString &name) { emitOrQueue(SignalEvent::bondRemoved(name)); });
    connect(proxy, &HelperProxy::BondChanged, target, [this](const QString &name, const QVariantMap &bond) {
        emitOrQueue(SignalEvent::bondChanged(name, bondFromHelper(bond, name)));
    });
    connect(proxy, &HelperProxy::SlaveChanged, target,
            [this](const QString &bond, const QString &slave, const QVariantMap &state) {
                emitOrQueue(slaveEvent(bond, slave, state));
            });
    connect(proxy, &HelperProxy::Failover, target,
            [this](const QString &bond, const QString &oldActive, const QString &newActive, qulonglong usec) {
                emitOrQueue(failoverEvent({bond, oldActive, newActive, usec}));
            });
    // A backlog's window in one message: handed on as the signals it stands for, in its order
    // (failovers, slaves, bonds), so that every user of this client sees one failover per
    // failover and each state as if it had come alone.
    connect(proxy, &HelperProxy::ChangesGathered, target,
            [this](const BondManager::VariantMapList &failovers, const BondManager::VariantMapList &slaves,
                   const BondManager::VariantMapList &bonds) {
                for (const QVariantMap &f : failovers)
                    emitOrQueue(failoverEvent(
                            BondManager::GatheredFailover::fromVariantMap(DBusValues::plainMap(f))));
                for (const QVariantMap &s : slaves) {
                    const auto slave = BondManager::GatheredSlave::fromVariantMap(DBusValues::plainMap(s));
                    emitOrQueue(slaveEvent(slave.bond, slave.slave, slave.state));
                }
                for (const QVariantMap &b : bonds) {
                    const QVariantMap plain = DBusValues::plainMap(b);
                    const QString name = plain.value(QStringLiteral("name")).toString();
                    emitOrQueue(SignalEvent::bondChanged(name, bondFromHelper(plain, name)));
                }
            });
}

void HelperClient::emitOrQueue(SignalEvent event)
{
    if (event.kind != SignalEvent::Kind::Barrier)
        m_received.fetch_add(1, std::memory_order_relaxed);
    if (!m_intake) {
        emitEvent(event);
        return;
    }
    // One delivery per batch: while the caller's thread is busy, later signals join the waiting
    // batch (and replace older state in it) instead of queueing a call each.
    if (m_batch.add(std::move(event)))
        QMetaObject::invokeMethod(this, &HelperClient::deliver, Qt::QueuedConnection);
}

void HelperClient::deliver()
{
    const std::vector<SignalEvent> events = m_batch.take();
    for (const SignalEvent &event : events)
        emitEvent(event);
}

void HelperClient::emitEvent(const SignalEvent &e)
{
    switch (e.kind) {
    case SignalEvent::Kind::BondAdded:
        Q_EMIT bondAdded(e.bond);
        break;
    case SignalEvent::Kind::BondRemoved:
        Q_EMIT bondRemoved(e.bond);
        break;
    case SignalEvent::Kind::BondChanged:
        Q_EMIT bondChanged(e.bond, e.bondInfo);
        break;
    case SignalEvent::Kind::SlaveChanged:
        Q_EMIT slaveChanged(e.bond, e.slave);
        break;
    case SignalEvent::Kind::Failover:
        Q_EMIT failover(e.bond, e.oldActive, e.newActive, e.when);
        break;
    case SignalEvent::Kind::Barrier:
        if (e.barrier)
            e.barrier();
        break;
    }
}

HelperClient::~HelperClient()
{
    if (m_signalThread) {
        m_signalThread->quit();
        m_signalThread->wait();
    }
}

void HelperClient::afterQueuedSignals(QObject *context, std::function<void()> then)
{
    if (!m_intake) {
        // One thread: every earlier signal has already been delivered.
        then();
        return;
    }
    // Through the signal thread, into the batch behind every signal it has taken so far.
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
            m_intake, [this, guard, then = std::move(then)] { queueBarrier(guard, then); },
            Qt::QueuedConnection);
}

void HelperClient::queueBarrier(const QPointer<QObject> &guard, std::function<void()> then)
{
    emitOrQueue(SignalEvent::barrierAt([guard, then = std::move(then)] {
        if (!guard)
            return;
        if (guard->thread() == QThread::currentThread())
            then();
        else
            QMetaObject::invokeMethod(guard, then, Qt::QueuedConnection);
    }));
}

Call<bool> HelperClient::bondingAvailable()
{
    return {m_proxy->BondingAvailable(), firstArg<bool>};
}

Call<QStringList> HelperClient::listBonds()
{
    return {m_proxy->ListBonds(), firstArg<QStringList>};
}

namespace {

Call<BondInfo>::Convert bondReply(const QString &name)
{
    return [name](const QDBusMessage &reply) -> std::optional<BondInfo> {
        if (reply.signature() != QLatin1String("a{sv}"))
            return std::nullopt;
        return bondFromHelper(reply.arguments().first(), name);
    };
}

} // namespace

Call<BondInfo> HelperClient::getBond(const QString &name)
{
    return {m_proxy->GetBond(name), bondReply(name)};
}

void HelperClient::getBondInSignalOrder(const QString &name, QObject *context,
                                        std::function<void(const Result<BondInfo> &)> done)
{
    QDBusMessage message = QDBusMessage::createMethodCall(
            QLatin1String(Names::ServiceName), QLatin1String(Names::ObjectPath),
            QLatin1String(Names::InterfaceName), QStringLiteral("GetBond"));
    message << name;
    callInSignalOrder(message, context,
                      [convert = bondReply(name), done = std::move(done)](const QDBusMessage &reply) {
                          done(Call<BondInfo>::resultOf(reply, convert));
                      });
}

void HelperClient::callInSignalOrder(const QDBusMessage &message, QObject *context,
                                     std::function<void(const QDBusMessage &)> done)
{
    QPointer<HelperClient> self(this);
    QPointer<QObject> guard(context);
    auto *receiver = new ReplyInOrder([self, guard, done = std::move(done)](const QDBusMessage &reply) {
        if (!self || !guard)
            return;
        // One thread: signals are emitted as they come off the bus, and so is this reply.
        if (!self->m_intake)
            return done(reply);
        // On the intake thread, in the reply's place: into the batch behind the signals before it.
        self->queueBarrier(guard, [done, reply] { done(reply); });
    });
    if (m_intake)
        receiver->moveToThread(m_intake->thread());
    if (!m_bus.callWithCallback(message, receiver, SLOT(reply(QDBusMessage)),
                                SLOT(error(QDBusError, QDBusMessage)))) {
        const QDBusError error(QDBusError::Disconnected, QStringLiteral("the call could not be sent"));
        QMetaObject::invokeMethod(
                receiver, [receiver, error, message] { receiver->error(error, message); },
                Qt::QueuedConnection);
    }
}

Call<QList<BondInfo>> HelperClient::getBonds()
{
    return {m_proxy->GetBonds(), [](const QDBusMessage &reply) -> std::optional<QList<BondInfo>> {
                if (reply.signature() != QLatin1String("aa{sv}"))
                    return std::nullopt;
                QList<BondInfo> out;
                const QVariantList list = DBusValues::plain(reply.arguments().first()).toList();
                for (const QVariant &item : list) {
                    BondInfo info = bondFromHelper(item, QString());
                    // A bond without a name cannot be addressed; the helper never sends one.
                    if (info.name.isEmpty())
                        return std::nullopt;
                    out << info;
                }
                return out;
            }};
}

Call<QList<CandidateInfo>> HelperClient::listCandidates()
{
    return {m_proxy->ListCandidates(), [](const QDBusMessage &reply) -> std::optional<QList<CandidateInfo>> {
                // The signature CandidateInfo's operators write (registerDBusTypes()), not a copy.
                static const QByteArray expected =
                        QDBusMetaType::typeToSignature(QMetaType::fromType<BondManager::CandidateList>());
                if (reply.signature().toLatin1() != expected)
                    return std::nullopt;
                QList<CandidateInfo> out = qdbus_cast<BondManager::CandidateList>(reply.arguments().first());
                // extra's nested containers as plain values, as every other map a client reads.
                for (CandidateInfo &c : out)
                    c.extra = DBusValues::plainMap(c.extra);
                return out;
            }};
}

Call<QString> HelperClient::procText(const QString &bond)
{
    return {m_proxy->GetProcText(bond), firstArg<QString>};
}

Call<CountersByName> HelperClient::counters(const QString &bond)
{
    return {m_proxy->GetCounters(bond), [](const QDBusMessage &reply) -> std::optional<CountersByName> {
                if (reply.signature() != QLatin1String("a{sv}"))
                    return std::nullopt;
                const QVariantMap map = DBusValues::plainMap(reply.arguments().first());
                CountersByName counters;
                for (auto it = map.cbegin(); it != map.cend(); ++it)
                    counters.insert(it.key(), LinkCounters::fromVariantMap(it.value().toMap()));
                return counters;
            }};
}

Call<ReachReport> HelperClient::checkReach(const QString &bond)
{
    return {m_proxy->CheckReach(bond), [](const QDBusMessage &reply) -> std::optional<ReachReport> {
                if (reply.signature() != QLatin1String("a{sv}"))
                    return std::nullopt;
                return ReachReport::fromVariantMap(DBusValues::plainMap(reply.arguments().first()));
            }};
}

Call<DrillReport> HelperClient::drill(const QString &bond, Auth auth)
{
    return {send(QStringLiteral("Drill"), {bond}, auth),
            [](const QDBusMessage &reply) -> std::optional<DrillReport> {
                if (reply.signature() != QLatin1String("a{sv}"))
                    return std::nullopt;
                return DrillReport::fromVariantMap(DBusValues::plainMap(reply.arguments().first()));
            }};
}

QDBusPendingCall HelperClient::send(const QString &method, const QVariantList &args, Auth auth)
{
    QDBusMessage message = QDBusMessage::createMethodCall(QLatin1String(Names::ServiceName),
                                                          QLatin1String(Names::ObjectPath),
                                                          QLatin1String(Names::InterfaceName), method);
    message.setArguments(args);
    // The generated proxy cannot set this flag, so writes are built by hand with the same types.
    message.setInteractiveAuthorizationAllowed(auth == Auth::Interactive);
    const int timeout = auth == Auth::Interactive ? InteractiveTimeoutMs : WriteTimeoutMs;
    return m_bus.asyncCall(message, timeout);
}

Call<Done> HelperClient::write(const QString &method, const QVariantList &args, Auth auth)
{
    return {send(method, args, auth), noArgs};
}

Call<Done> HelperClient::write(const WriteRequest &request, Auth auth)
{
    return write(request.call, request.arguments, auth);
}

HelperClient::WriteRequest HelperClient::createBondRequest(const QString &name, const QVariantMap &options,
                                                           const QStringList &slaves)
{
    return {QStringLiteral("CreateBond"), {name, QVariant::fromValue(options), QVariant::fromValue(slaves)}};
}

HelperClient::WriteRequest HelperClient::deleteBondRequest(const QString &name)
{
    return {QStringLiteral("DeleteBond"), {name}};
}

HelperClient::WriteRequest HelperClient::setOptionsRequest(const QString &name, const QVariantMap &options)
{
    return {QStringLiteral("SetOptions"), {name, QVariant::fromValue(options)}};
}

HelperClient::WriteRequest HelperClient::slaveRequest(const char *call, const QString &bond,
                                                      const QString &slave)
{
    return {QLatin1String(call), {bond, slave}};
}

HelperClient::WriteRequest HelperClient::createConfiguredBondRequest(const BondConfig &config,
                                                                     const QString &saveWith)
{
    return {QStringLiteral("CreateConfiguredBond"), {QVariant::fromValue(config.toVariantMap()), saveWith}};
}

HelperClient::WriteRequest HelperClient::setIpConfigRequest(const QString &bond, const IpConfig &ip)
{
    return {QStringLiteral("SetIpConfig"), {bond, QVariant::fromValue(ip.toVariantMap())}};
}

HelperClient::WriteRequest HelperClient::saveBondRequest(const QString &bond, const QString &saveWith)
{
    return {QStringLiteral("SaveBond"), {bond, saveWith}};
}

HelperClient::WriteRequest HelperClient::restoreSavedRequest(const QString &bond)
{
    return {QStringLiteral("RestoreSaved"), {bond}};
}

Call<Done> HelperClient::createBond(const QString &name, const QVariantMap &options,
                                    const QStringList &slaves, Auth auth)
{
    return write(createBondRequest(name, options, slaves), auth);
}

Call<Done> HelperClient::deleteBond(const QString &name, Auth auth)
{
    return write(deleteBondRequest(name), auth);
}

Call<Done> HelperClient::setOptions(const QString &name, const QVariantMap &options, Auth auth)
{
    return write(setOptionsRequest(name, options), auth);
}

Call<Done> HelperClient::addSlave(const QString &bond, const QString &slave, Auth auth)
{
    return write(slaveRequest("AddSlave", bond, slave), auth);
}

Call<Done> HelperClient::removeSlave(const QString &bond, const QString &slave, Auth auth)
{
    return write(slaveRequest("RemoveSlave", bond, slave), auth);
}

Call<Done> HelperClient::setPrimary(const QString &bond, const QString &slave, Auth auth)
{
    return write(slaveRequest("SetPrimary", bond, slave), auth);
}

Call<Done> HelperClient::setActiveSlave(const QString &bond, const QString &slave, Auth auth)
{
    return write(slaveRequest("SetActiveSlave", bond, slave), auth);
}

Call<BondPersistence> HelperClient::createConfiguredBond(const BondConfig &config, const QString &saveWith,
                                                         Auth auth)
{
    const WriteRequest r = createConfiguredBondRequest(config, saveWith);
    return {send(r.call, r.arguments, auth), persistenceArg};
}

Call<Done> HelperClient::setIpConfig(const QString &bond, const IpConfig &ip, Auth auth)
{
    return write(setIpConfigRequest(bond, ip), auth);
}

Call<BondPersistence> HelperClient::saveBond(const QString &bond, const QString &saveWith, Auth auth)
{
    const WriteRequest r = saveBondRequest(bond, saveWith);
    return {send(r.call, r.arguments, auth), persistenceArg};
}

Call<Done> HelperClient::restoreSaved(const QString &bond, Auth auth)
{
    return write(restoreSavedRequest(bond), auth);
}

Call<TrialPreview> HelperClient::preview(const WriteRequest &request)
{
    QDBusMessage message = QDBusMessage::createMethodCall(
            QLatin1String(Names::ServiceName), QLatin1String(Names::ObjectPath),
            QLatin1String(Names::InterfaceName), QStringLiteral("Preview"));
    message.setArguments({request.call, QVariant::fromValue(request.arguments)});
    return {m_bus.asyncCall(message, WriteTimeoutMs),
            [](const QDBusMessage &reply) -> std::optional<TrialPreview> {
                if (reply.signature() != QLatin1String("a{sv}"))
                    return std::nullopt;
                return TrialPreview::fromVariantMap(DBusValues::plainMap(reply.arguments().first()));
            }};
}

Call<TrialOutcome> HelperClient::tryWrite(const WriteRequest &request, uint confirmWithin, Auth auth)
{
    return {send(QStringLiteral("Try"), {request.call, QVariant::fromValue(request.arguments), confirmWithin},
                 auth),
            [](const QDBusMessage &reply) -> std::optional<TrialOutcome> {
                if (reply.signature() != QLatin1String("a{sv}"))
                    return std::nullopt;
                return TrialOutcome::fromVariantMap(DBusValues::plainMap(reply.arguments().first()));
            }};
}

Call<Done> HelperClient::confirmTrial(const QString &id, Auth auth)
{
    return write(QStringLiteral("Confirm"), {id}, auth);
}

Call<Done> HelperClient::rollbackTrial(const QString &id, Auth auth)
{
    return write(QStringLiteral("Rollback"), {id}, auth);
}

Call<QList<TrialInfo>> HelperClient::listTrials()
{
    QDBusMessage message = QDBusMessage::createMethodCall(
            QLatin1String(Names::ServiceName), QLatin1String(Names::ObjectPath),
            QLatin1String(Names::InterfaceName), QStringLiteral("ListTrials"));
    return {m_bus.asyncCall(message, WriteTimeoutMs),
            [](const QDBusMessage &reply) -> std::optional<QList<TrialInfo>> {
                if (reply.signature() != QLatin1String("aa{sv}"))
                    return std::nullopt;
                QList<TrialInfo> out;
                const QVariantList list = DBusValues::plain(reply.arguments().first()).toList();
                for (const QVariant &item : list)
                    out << TrialInfo::fromVariantMap(item.toMap());
                return out;
            }};
}

void HelperClient::connectTrialSignals()
{
    const QString service = QLatin1String(Names::ServiceName);
    const QString path = QLatin1String(Names::ObjectPath);
    const QString interface = QLatin1String(Names::InterfaceName);
    m_bus.connect(service, path, interface, QStringLiteral("TrialStarted"), this,
                  SLOT(onTrialStarted(QString, QVariantMap)));
    m_bus.connect(service, path, interface, QStringLiteral("TrialConfirmed"), this,
                  SLOT(onTrialConfirmed(QString)));
    m_bus.connect(service, path, interface, QStringLiteral("TrialRolledBack"), this,
                  SLOT(onTrialRolledBack(QString, QString, QStringList)));
}

void HelperClient::onTrialStarted(const QString &id, const QVariantMap &trial)
{
    TrialInfo info = TrialInfo::fromVariantMap(DBusValues::plainMap(trial));
    if (info.id.isEmpty())
        info.id = id;
    Q_EMIT trialStarted(id, info);
}

void HelperClient::onTrialConfirmed(const QString &id)
{
    Q_EMIT trialConfirmed(id);
}

void HelperClient::onTrialRolledBack(const QString &id, const QString &reason, const QStringList &restored)
{
    Q_EMIT trialRolledBack(id, reason, restored);
}

} // namespace bm
