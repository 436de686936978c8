// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NetworkManagerService.h"

#include "ErrorNames.h"
#include "NmSettings.h"
#include "SystemRoot.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace bm::helper {

namespace {

const QString NmService = QStringLiteral("org.freedesktop.NetworkManager");
const QString NmPath = QStringLiteral("/org/freedesktop/NetworkManager");
const QString NmInterface = QStringLiteral("org.freedesktop.NetworkManager");
const QString SettingsPath = QStringLiteral("/org/freedesktop/NetworkManager/Settings");
const QString SettingsInterface = QStringLiteral("org.freedesktop.NetworkManager.Settings");
const QString ConnectionInterface = QStringLiteral("org.freedesktop.NetworkManager.Settings.Connection");
const QString DeviceInterface = QStringLiteral("org.freedesktop.NetworkManager.Device");
const QString ActiveInterface = QStringLiteral("org.freedesktop.NetworkManager.Connection.Active");
const QString PropertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");

// NMSettingsAddConnection2Flags / NMSettingsUpdate2Flags.
constexpr uint ToDisk = 0x1;
constexpr uint InMemory = 0x2;
constexpr uint BlockAutoconnect = 0x20;
// NMCheckpointCreateFlags.
constexpr uint DeleteNewConnections = 0x2;
// NMDeviceState, NMActiveConnectionState.
constexpr uint DeviceActivated = 100;
constexpr uint DeviceDisconnected = 30;
constexpr uint ActiveDeactivated = 4;
// NMActivationStateFlags: an activation NetworkManager only follows (a device configured by
// someone else, "connected (externally)", with a profile it generated in memory).
constexpr uint ActivationExternal = 0x80;

constexpr int CallTimeoutMs = 25000;
constexpr int LoadTimeoutMs = 2000;
// How long a rollback waits for NetworkManager to let go of a slave it only followed.
constexpr int ReleaseTimeoutMs = 3000;
// A trial's checkpoint outlives its deadline by this much: the helper rolls the trial back at the
// deadline itself; NetworkManager's own timer is there for a helper that died.
constexpr qint64 TrialMarginS = 30;

// Seconds from now to `deadlineUsec` (CLOCK_REALTIME) plus the margin.
uint trialRollbackSeconds(qint64 deadlineUsec)
{
    const qint64 left = (deadlineUsec - QDateTime::currentMSecsSinceEpoch() * 1000 + 999999) / 1000000;
    return uint(std::max<qint64>(left, 0) + TrialMarginS);
}

QString deviceStateName(uint state)
{
    switch (state) {
    case 0:
        return QStringLiteral("absent");
    case 10:
        return QStringLiteral("unmanaged");
    case 20:
        return QStringLiteral("unavailable");
    case 30:
        return QStringLiteral("disconnected");
    case 40:
        return QStringLiteral("preparing");
    case 50:
        return QStringLiteral("configuring");
    case 60:
        return QStringLiteral("waiting for secrets");
    case 70:
        return QStringLiteral("getting addresses");
    case 80:
        return QStringLiteral("checking addresses");
    case 90:
        return QStringLiteral("waiting for secondaries");
    case 100:
        return QStringLiteral("activated");
    case 110:
        return QStringLiteral("deactivating");
    case 120:
        return QStringLiteral("failed");
    }
    return QStringLiteral("state %1").arg(state);
}

// NMActiveConnectionStateReason, the ones a bond meets.
QString deactivationReason(uint reason)
{
    switch (reason) {
    case 2:
        return QStringLiteral("disconnected by a user");
    case 3:
        return QStringLiteral("its device disconnected");
    case 5:
        return QStringLiteral("its IP configuration was invalid");
    case 6:
        return QStringLiteral("it timed out");
    case 11:
        return QStringLiteral("its profile was removed");
    case 12:
        return QStringLiteral("a connection it depends on failed");
    case 13:
        return QStringLiteral("its device could not be created");
    case 14:
        return QStringLiteral("its device was removed");
    }
    return QStringLiteral("reason %1").arg(reason);
}

QDBusMessage methodCall(const QString &path, const QString &interface, const QString &method,
                        const QVariantList &args)
{
    QDBusMessage m = QDBusMessage::createMethodCall(NmService, path, interface, method);
    m.setArguments(args);
    m.setAutoStartService(false); // the helper never starts NetworkManager
    return m;
}

QString objectPath(const QVariant &v)
{
    return v.value<QDBusObjectPath>().path();
}

QStringList objectPaths(const QVariant &v)
{
    QList<QDBusObjectPath> list;
    if (v.metaType() == QMetaType::fromType<QDBusArgument>())
        list = qdbus_cast<QList<QDBusObjectPath>>(v.value<QDBusArgument>());
    else
        list = v.value<QList<QDBusObjectPath>>();
    QStringList out;
    for (const QDBusObjectPath &p : list)
        out << p.path();
    return out;
}

QVariant settingsArgument(const NmConnection &settings)
{
    return QVariant::fromValue(settings);
}

NmConnection settingsOf(const QDBusMessage &getSettingsReply)
{
    return NmSettings::fromDBus(qdbus_cast<NmConnection>(getSettingsReply.arguments().value(0)));
}

// A bond's profiles among all NetworkManager holds: the first bond profile with the bond's
// interface name, and the port profiles that name it (by interface name or UUID) as controller.
struct Profiles {
    QString bondPath; // empty: NetworkManager has no profile for the bond
    NmConnection bond;
    QMap<QString, QString> portPaths; // port interface -> profile path
    QList<NmConnection> ports;
    int otherBondProfiles = 0; // further bond profiles for the same interface
};

Profiles pickProfiles(const QString &bond, const QList<QPair<QString, NmConnection>> &all)
{
    Profiles p;
    for (const auto &[path, settings] : all) {
        if (!NmSettings::isBondProfile(settings) || NmSettings::interfaceName(settings) != bond)
            continue;
        if (p.bondPath.isEmpty()) {
            p.bondPath = path;
            p.bond = settings;
        } else {
            ++p.otherBondProfiles;
        }
    }
    const QString uuid = NmSettings::uuid(p.bond);
    for (const auto &[path, settings] : all) {
        const QString controller = NmSettings::portController(settings);
        if (controller.isEmpty() || (controller != bond && (uuid.isEmpty() || controller != uuid)))
            continue;
        const QString port = NmSettings::interfaceName(settings);
        if (!port.isEmpty() && !p.portPaths.contains(port))
            p.portPaths.insert(port, path);
        p.ports << settings;
    }
    return p;
}

QStringList without(QStringList names, const QStringList &leaving)
{
    for (const QString &name : leaving)
        names.removeAll(name);
    return names;
}

QString join(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

// One write: a chain of asynchronous calls to NetworkManager under one checkpoint, ending in
// exactly one call of Done. Replies that arrive after the write has started to fail are ignored,
// so a failure cannot run into a step that was still under way.
class Operation : public QObject
{
    Q_OBJECT

public:
    using Next = std::function<void()>;
    using Reply = std::function<void(const QDBusMessage &)>;
    enum class Check { NotYet, Done, Failed };
    using Verdict = std::function<void(Check, const QString &status)>;
    using Condition = std::function<void(Verdict)>;

    // What a staged trial leaves for its commit or discard (NetworkManagerService::stageTrial).
    struct Staged {
        QString checkpoint;
        QStringList save;     // profiles added or changed in memory: saved to disk on commit
        QStringList remove;   // profiles on their way out (autoconnect off in memory): deleted on commit
        QStringList created;  // profiles added (the checkpoint's rollback deletes them)
        QStringList released; // interfaces whose devices the trial disconnected
        QStringList external; // slaves NetworkManager only followed: the helper puts them back
    };

    // The part's keys: checkpoint (string), save, remove, created (profile paths), released,
    // external (interface names), interfaces (the bond and its slaves, which NetworkManager's
    // rollback puts back: the helper leaves them alone, ServiceTrial.h).
    static QJsonObject toJournal(const Staged &staged, const QStringList &interfaces)
    {
        return {{QStringLiteral("checkpoint"), staged.checkpoint},
                {QStringLiteral("save"), QJsonArray::fromStringList(staged.save)},
                {QStringLiteral("remove"), QJsonArray::fromStringList(staged.remove)},
                {QStringLiteral("created"), QJsonArray::fromStringList(staged.created)},
                {QStringLiteral("released"), QJsonArray::fromStringList(staged.released)},
                {QStringLiteral("external"), QJsonArray::fromStringList(staged.external)},
                {QStringLiteral("interfaces"), QJsonArray::fromStringList(interfaces)}};
    }

    static Staged fromJournal(const QJsonObject &part)
    {
        const auto list = [&part](const char *key) {
            QStringList out;
            const QJsonArray array = part.value(QLatin1String(key)).toArray();
            for (const QJsonValue &v : array)
                out << v.toString();
            return out;
        };
        return {part.value(QStringLiteral("checkpoint")).toString(),
                list("save"),
                list("remove"),
                list("created"),
                list("released"),
                list("external")};
    }

    Operation(const QDBusConnection &bus, int timeoutMs, NetworkService::Done done, QObject *parent)
        : QObject(parent)
        , m_bus(bus)
        , m_timeoutMs(timeoutMs)
        , m_done(std::move(done))
    {
        // Subscribed before the first call, so no state change after it goes unseen.
        m_bus.connect(NmService, QString(), DeviceInterface, QStringLiteral("StateChanged"), this,
                      SLOT(nmSignal(QDBusMessage)));
        m_bus.connect(NmService, QString(), ActiveInterface, QStringLiteral("StateChanged"), this,
                      SLOT(nmSignal(QDBusMessage)));
        m_bus.connect(NmService, NmPath, NmInterface, QStringLiteral("DeviceRemoved"), this,
                      SLOT(nmSignal(QDBusMessage)));
        m_bus.connect(NmService, NmPath, NmInterface, QStringLiteral("DeviceAdded"), this,
                      SLOT(nmSignal(QDBusMessage)));
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            if (m_lenient) {
                stopWaiting();
                Next then = std::move(m_then);
                return then();
            }
            fail(QStringLiteral("%1 within %2 s%3")
                         .arg(m_waitingFor, QString::number(m_timeoutMs / 1000.0),
                              m_status.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_status)));
        });
        // NetworkManager announces device states but not every step we wait for (a link leaving
        // the kernel): a slow second look catches those.
        m_poll.setInterval(2000);
        connect(&m_poll, &QTimer::timeout, this, &Operation::recheck);
    }

    ~Operation() override
    {
        m_bus.disconnect(NmService, QString(), DeviceInterface, QStringLiteral("StateChanged"), this,
                         SLOT(nmSignal(QDBusMessage)));
        m_bus.disconnect(NmService, QString(), ActiveInterface, QStringLiteral("StateChanged"), this,
                         SLOT(nmSignal(QDBusMessage)));
        m_bus.disconnect(NmService, NmPath, NmInterface, QStringLiteral("DeviceRemoved"), this,
                         SLOT(nmSignal(QDBusMessage)));
        m_bus.disconnect(NmService, NmPath, NmInterface, QStringLiteral("DeviceAdded"), this,
                         SLOT(nmSignal(QDBusMessage)));
    }

    // --- trials ---

    // The next write is a trial's: its profiles change in memory only, its checkpoint stays until
    // commit() or discard(), and what to save or drop then is recorded through `trial`.
    void setTrial(const ServiceTrial &trial)
    {
        m_trial = true;
        m_deadlineUsec = qint64(trial.deadlineUsec);
        m_record = trial.record;
    }

    // Saves the profiles to disk, deletes those on their way out, then lets the checkpoint go.
    void commit(const Staged &staged)
    {
        forEach(staged.save, QStringLiteral("Save"), {}, QStringLiteral("save a profile"), [this, staged] {
            forEach(staged.remove, QStringLiteral("Delete"), {}, QStringLiteral("delete a profile"),
                    [this, staged] {
                        allowAutoconnect(staged.released, [this, staged] {
                            if (staged.checkpoint.isEmpty())
                                return finish(std::nullopt);
                            call(NmPath, NmInterface, QStringLiteral("CheckpointDestroy"),
                                 {QVariant::fromValue(QDBusObjectPath(staged.checkpoint))},
                                 QStringLiteral("keep the change (destroy its checkpoint)"),
                                 [this](const QDBusMessage &) { finish(std::nullopt); });
                        });
                    });
        });
    }

    // NetworkManager puts back the profiles and devices of the checkpoint (DELETE_NEW_CONNECTIONS
    // removes the profiles the trial added); a checkpoint gone already (its timer ran out) has
    // done so. The profiles the trial added go too, should the rollback have left any.
    void discard(const Staged &staged)
    {
        const auto leftovers = [this, staged] {
            deleteQuietly(staged.created, [this, staged] { awaitReleased(staged.external); });
        };
        if (staged.checkpoint.isEmpty())
            return leftovers();
        callAny(NmPath, NmInterface, QStringLiteral("CheckpointRollback"),
                {QVariant::fromValue(QDBusObjectPath(staged.checkpoint))},
                [leftovers](const QDBusMessage &r) {
                    if (r.type() == QDBusMessage::ErrorMessage)
                        qWarning("NetworkManager: rolling back a trial's checkpoint: %s",
                                 qPrintable(r.errorMessage()));
                    leftovers();
                });
    }

    // Deletes each of `profiles` that is still there (errors are expected).
    void deleteQuietly(const QStringList &profiles, Next next)
    {
        if (profiles.isEmpty())
            return next();
        callAny(profiles.first(), ConnectionInterface, QStringLiteral("Delete"), {},
                [this, profiles, next](const QDBusMessage &) { deleteQuietly(profiles.mid(1), next); });
    }

    // NetworkManager deactivates the port of a deleted port profile after Delete has answered;
    // were the helper to give a slave it only followed its addresses back before that, the
    // deactivation would take them away again. Waits (briefly: the rollback is due) until each
    // of `names` is no longer activated as a port, then finishes; past the bound it finishes all
    // the same, as the helper's restore is still better than none.
    void awaitReleased(const QStringList &names)
    {
        if (names.isEmpty())
            return finish(std::nullopt);
        m_lenient = true;
        await(
                QString(),
                [this, names](Verdict verdict) {
                    deviceStates(names, {}, [verdict](const QList<uint> &states) {
                        bool all = true;
                        for (uint state : states)
                            all = all && state <= DeviceDisconnected;
                        verdict(all ? Check::Done : Check::NotYet, QString());
                    });
                },
                [this] { finish(std::nullopt); }, ReleaseTimeoutMs);
    }

    // --- the three writes ---

    void create(const BondConfig &config)
    {
        m_interfaces = QStringList {config.name} + config.slaves;
        m_candidates = config.slaves;
        followedOnly(config.slaves, {}, [this, config](const QStringList &external) {
            leaveToHelper(external);
            // The slaves' devices only: a rollback deletes the new profiles (DELETE_NEW_CONNECTIONS),
            // which takes the new bond down with them. Not DISCONNECT_NEW_DEVICES: with a list of
            // devices, NetworkManager 1.42 would disconnect every device outside it, the host's
            // other connections included (src/core/nm-checkpoint.c).
            devicePaths(without(config.slaves, external), [this, config](const QStringList &paths) {
                checkpoint(paths, [this, config] {
                    carriedProfile(m_candidates, [this, config](const NmConnection &carrier) {
                        addAndActivate(config, carrier);
                    });
                });
            });
        });
    }

    void change(const BondConfig &current, const BondConfig &wanted)
    {
        findProfiles(current.name, [this, current, wanted](const Profiles &p) {
            if (p.bondPath.isEmpty()) {
                // A bond NetworkManager has no profile for (made behind its back): saving it is
                // making its profiles; activating them takes the running bond over.
                create(wanted);
                return;
            }
            QStringList names {current.name};
            for (const QString &s : current.slaves + wanted.slaves) {
                if (!names.contains(s))
                    names << s;
            }
            m_interfaces = names;
            for (const QString &s : wanted.slaves)
                if (!current.slaves.contains(s))
                    m_candidates << s;
            followedOnly(m_candidates, {}, [this, p, wanted, names](const QStringList &external) {
                leaveToHelper(external);
                optionalDevicePaths(without(names, external), {}, [this, p, wanted](const QStringList &paths) {
                    checkpoint(paths, [this, p, wanted] {
                        carriedProfile(m_candidates, [this, p, wanted](const NmConnection &carrier) {
                            updateProfiles(p, wanted, carrier);
                        });
                    });
                });
            });
        });
    }

    void remove(const BondConfig &current)
    {
        m_interfaces = QStringList {current.name} + current.slaves;
        findProfiles(current.name, [this, current](const Profiles &p) {
            optionalDevicePaths(QStringList {current.name} + current.slaves, {},
                                [this, p, current](const QStringList &paths) {
                                    checkpoint(paths, [this, p, current] { deleteProfiles(p, current.name); });
                                });
        });
    }

private Q_SLOTS:
    void nmSignal(const QDBusMessage &message)
    {
        if (!m_condition)
            return;
        if (!m_activePath.isEmpty() && message.path() == m_activePath
            && message.interface() == ActiveInterface
            && message.arguments().value(0).toUInt() == ActiveDeactivated) {
            fail(QStringLiteral("NetworkManager gave up activating %1: %2")
                         .arg(m_subject, deactivationReason(message.arguments().value(1).toUInt())));
            return;
        }
        recheck();
    }

private:
    // --- calls ---

    // `next` gets every reply, errors included.
    void callAny(const QString &path, const QString &interface, const QString &method,
                 const QVariantList &args, Reply next)
    {
        auto *watcher = new QDBusPendingCallWatcher(
                m_bus.asyncCall(methodCall(path, interface, method, args), CallTimeoutMs), this);
        const int generation = m_generation;
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, watcher, generation, next = std::move(next)] {
                    watcher->deleteLater();
                    if (generation == m_generation)
                        next(watcher->reply());
                });
    }

    // An error reply fails the write with `what` and NetworkManager's words.
    void call(const QString &path, const QString &interface, const QString &method, const QVariantList &args,
              const QString &what, Reply next)
    {
        callAny(path, interface, method, args, [this, what, next = std::move(next)](const QDBusMessage &r) {
            if (r.type() == QDBusMessage::ErrorMessage)
                fail(QStringLiteral("NetworkManager refused to %1: %2").arg(what, r.errorMessage()));
            else
                next(r);
        });
    }

    // Trials only: those of `names` NetworkManager merely follows ("connected (externally)": a
    // device someone else configured, with a profile NetworkManager generated in memory).
    void followedOnly(const QStringList &names, QStringList found,
                      std::function<void(const QStringList &)> next)
    {
        if (!m_trial || names.isEmpty())
            return next(found);
        const QString name = names.first();
        const auto rest = [this, names, next](const QStringList &f) { followedOnly(names.mid(1), f, next); };
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {name},
                [this, name, found, rest](const QDBusMessage &device) {
                    if (device.type() != QDBusMessage::ReplyMessage)
                        return rest(found);
                    property(objectPath(device.arguments().value(0)), DeviceInterface,
                             QStringLiteral("ActiveConnection"),
                             [this, name, found, rest](const QVariant &active) {
                                 const QString activePath = objectPath(active);
                                 if (activePath.isEmpty() || activePath == QLatin1String("/"))
                                     return rest(found);
                                 property(activePath, ActiveInterface, QStringLiteral("StateFlags"),
                                          [name, found, rest](const QVariant &flags) {
                                              rest((flags.toUInt() & ActivationExternal)
                                                           ? found + QStringList {name}
                                                           : found);
                                          });
                             });
                });
    }

    // Slaves NetworkManager only followed stay out of the checkpoint and of the interfaces it
    // puts back: its rollback would activate the profile it generated for them as one of its own
    // (seconds later, with addresses of its own making and a file under /run/NetworkManager),
    // where the helper's snapshot puts back what the kernel had (TrialSnapshot::restore).
    void leaveToHelper(const QStringList &external)
    {
        m_staged.external = external;
        for (const QString &name : external)
            m_interfaces.removeAll(name);
    }

    // The device paths of `names`; a name NetworkManager has no device for fails the write.
    void devicePaths(const QStringList &names, std::function<void(const QStringList &)> next,
                     QStringList found = {})
    {
        if (found.size() == names.size()) {
            next(found);
            return;
        }
        const QString name = names.at(found.size());
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {name},
                [this, names, found, name, next](const QDBusMessage &r) mutable {
                    if (r.type() == QDBusMessage::ErrorMessage) {
                        fail(QStringLiteral("NetworkManager has no device %1: %2").arg(name, r.errorMessage()));
                        return;
                    }
                    found << objectPath(r.arguments().value(0));
                    devicePaths(names, std::move(next), found);
                });
    }

    // The device paths of those of `names` NetworkManager has a device for.
    void optionalDevicePaths(const QStringList &names, QStringList found,
                             std::function<void(const QStringList &)> next)
    {
        if (names.isEmpty()) {
            next(found);
            return;
        }
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {names.first()},
                [this, names, found, next](const QDBusMessage &r) mutable {
                    if (r.type() == QDBusMessage::ReplyMessage)
                        found << objectPath(r.arguments().value(0));
                    optionalDevicePaths(names.mid(1), found, std::move(next));
                });
    }

    // NMDeviceState of each of `names`, 0 for those NetworkManager has no device for.
    void deviceStates(const QStringList &names, QList<uint> states,
                      std::function<void(const QList<uint> &)> next)
    {
        if (states.size() == names.size()) {
            next(states);
            return;
        }
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {names.at(states.size())},
                [this, names, states, next](const QDBusMessage &r) mutable {
                    if (r.type() != QDBusMessage::ReplyMessage) {
                        deviceStates(names, states << 0, std::move(next));
                        return;
                    }
                    callAny(objectPath(r.arguments().value(0)), PropertiesInterface, QStringLiteral("Get"),
                            {DeviceInterface, QStringLiteral("State")},
                            [this, names, states, next](const QDBusMessage &s) mutable {
                                const uint state = s.type() == QDBusMessage::ReplyMessage
                                                           ? s.arguments()
                                                                     .value(0)
                                                                     .value<QDBusVariant>()
                                                                     .variant()
                                                                     .toUInt()
                                                           : 0;
                                deviceStates(names, states << state, std::move(next));
                            });
                });
    }

    void findProfiles(const QString &bond, std::function<void(const Profiles &)> next)
    {
        call(SettingsPath, SettingsInterface, QStringLiteral("ListConnections"), {},
             QStringLiteral("list its profiles"), [this, bond, next](const QDBusMessage &r) {
                 readProfiles(bond, objectPaths(r.arguments().value(0)), {}, next);
             });
    }

    void readProfiles(const QString &bond, const QStringList &paths, QList<QPair<QString, NmConnection>> read,
                      std::function<void(const Profiles &)> next)
    {
        if (read.size() == paths.size()) {
            next(pickProfiles(bond, read));
            return;
        }
        const QString path = paths.at(read.size());
        // A profile deleted meanwhile is simply not there.
        callAny(path, ConnectionInterface, QStringLiteral("GetSettings"), {},
                [this, bond, paths, read, path, next](const QDBusMessage &r) mutable {
                    read << qMakePair(path, r.type() == QDBusMessage::ReplyMessage ? settingsOf(r)
                                                                                   : NmConnection());
                    readProfiles(bond, paths, read, std::move(next));
                });
    }

    // --- checkpoint, profiles, activation ---

    void checkpoint(const QStringList &devices, Next next)
    {
        // No devices would be all of them to NetworkManager. A trial's new profiles go at its
        // rollback all the same (discard(), or the helper's journal after a crash).
        if (m_trial && devices.isEmpty()) {
            recordPart();
            return next();
        }
        QList<QDBusObjectPath> paths;
        for (const QString &d : devices)
            paths << QDBusObjectPath(d);
        // The rollback timer runs inside NetworkManager: if the helper dies half-way, NM still
        // puts everything back. It outlasts the wait for activation by a margin.
        const uint rollbackS = m_trial ? trialRollbackSeconds(m_deadlineUsec) : uint(m_timeoutMs / 1000 + 30);
        call(NmPath, NmInterface, QStringLiteral("CheckpointCreate"),
             {QVariant::fromValue(paths), rollbackS, DeleteNewConnections},
             QStringLiteral("make a checkpoint to roll back to"), [this, next](const QDBusMessage &r) {
                 m_checkpoint = objectPath(r.arguments().value(0));
                 recordPart();
                 next();
             });
    }

    void addProfile(const NmConnection &settings, const QString &what,
                    std::function<void(const QString &)> next)
    {
        call(SettingsPath, SettingsInterface, QStringLiteral("AddConnection2"),
             {settingsArgument(settings), (m_trial ? InMemory : ToDisk) | BlockAutoconnect, QVariantMap()},
             QStringLiteral("add the profile %1").arg(what), [this, next](const QDBusMessage &r) {
                 const QString path = objectPath(r.arguments().value(0));
                 m_created << path;
                 m_staged.save << path;
                 m_staged.created << path;
                 recordPart();
                 next(path);
             });
    }

    void addPorts(const QString &bond, const QStringList &ports, QStringList added,
                  std::function<void(const QStringList &)> next)
    {
        if (added.size() == ports.size()) {
            next(added);
            return;
        }
        const QString port = ports.at(added.size());
        // Added with autoconnect blocked (until the next boot), so that NetworkManager does not
        // start the bond from its first port while the others are still being added.
        addProfile(NmSettings::portProfile(bond, port, QUuid::createUuid().toString(QUuid::WithoutBraces)),
                   NmSettings::portProfileId(bond, port),
                   [this, bond, ports, added, next](const QString &path) mutable {
                       addPorts(bond, ports, added << path, std::move(next));
                   });
    }

    void activate(const QString &profile, const QString &what, std::function<void(const QString &)> next)
    {
        call(NmPath, NmInterface, QStringLiteral("ActivateConnection"),
             {QVariant::fromValue(QDBusObjectPath(profile)),
              QVariant::fromValue(QDBusObjectPath(QStringLiteral("/"))),
              QVariant::fromValue(QDBusObjectPath(QStringLiteral("/")))},
             QStringLiteral("activate %1").arg(what),
             [next](const QDBusMessage &r) { next(objectPath(r.arguments().value(0))); });
    }

    void activateAll(const QStringList &profiles, const QString &what, Next next)
    {
        if (profiles.isEmpty()) {
            next();
            return;
        }
        activate(profiles.first(), what,
                 [this, profiles, what, next](const QString &) { activateAll(profiles.mid(1), what, next); });
    }

    // In a trial a profile cannot go before the commit (its file would be gone at once): it stays
    // with autoconnect off, in memory, and its device is disconnected, which releases a port or
    // takes a bond down as deleting it would; commit() deletes it.
    void deleteAll(const QStringList &profiles, Next next)
    {
        if (profiles.isEmpty()) {
            next();
            return;
        }
        const QString path = profiles.first();
        const auto rest = [this, profiles, next] { deleteAll(profiles.mid(1), next); };
        if (!m_trial) {
            call(path, ConnectionInterface, QStringLiteral("Delete"), {}, QStringLiteral("delete a profile"),
                 [rest](const QDBusMessage &) { rest(); });
            return;
        }
        call(path, ConnectionInterface, QStringLiteral("GetSettings"), {}, QStringLiteral("read a profile"),
             [this, path, rest](const QDBusMessage &r) {
                 const NmConnection settings = settingsOf(r);
                 call(path, ConnectionInterface, QStringLiteral("Update2"),
                      {settingsArgument(NmSettings::withoutAutoconnect(settings)), InMemory, QVariantMap()},
                      QStringLiteral("turn off autoconnect of a profile"),
                      [this, path, settings, rest](const QDBusMessage &) {
                          m_staged.remove << path;
                          m_staged.released << NmSettings::interfaceName(settings);
                          recordPart();
                          disconnectDevice(NmSettings::interfaceName(settings), rest);
                      });
             });
    }

    // A device the trial disconnected may autoconnect again (Disconnect blocked it), so that a
    // released slave's own profile comes back as after a plain deletion. Errors (a device gone)
    // are nothing to stop for.
    void allowAutoconnect(const QStringList &names, Next next)
    {
        if (names.isEmpty())
            return next();
        const auto rest = [this, names, next](const QDBusMessage &) { allowAutoconnect(names.mid(1), next); };
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {names.first()},
                [this, rest](const QDBusMessage &r) {
                    if (r.type() != QDBusMessage::ReplyMessage)
                        return rest(r);
                    callAny(objectPath(r.arguments().value(0)), PropertiesInterface, QStringLiteral("Set"),
                            {DeviceInterface, QStringLiteral("Autoconnect"),
                             QVariant::fromValue(QDBusVariant(true))},
                            rest);
                });
    }

    // Device.Disconnect of `name` when NetworkManager has a device for it; errors (a device not
    // active) are nothing to stop for.
    void disconnectDevice(const QString &name, Next next)
    {
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {name},
                [this, next](const QDBusMessage &r) {
                    if (r.type() != QDBusMessage::ReplyMessage)
                        return next();
                    callAny(objectPath(r.arguments().value(0)), DeviceInterface, QStringLiteral("Disconnect"),
                            {}, [next](const QDBusMessage &) { next(); });
                });
    }

    // `method` on each of `profiles` in turn.
    void forEach(const QStringList &profiles, const QString &method, const QVariantList &args,
                 const QString &what, Next next)
    {
        if (profiles.isEmpty())
            return next();
        call(profiles.first(), ConnectionInterface, method, args, what,
             [this, profiles, method, args, what, next](const QDBusMessage &) {
                 forEach(profiles.mid(1), method, args, what, next);
             });
    }

    // Carry-over (trials only): the settings of the profile active on the first of `candidates`
    // whose profile gives it addresses (not a port's; IPv4 manual or DHCP, IPv6 manual or DHCP),
    // its MAC in m_mac; empty when none. Read under the checkpoint, so that nothing changes it in
    // between.
    void carriedProfile(const QStringList &candidates, std::function<void(const NmConnection &)> next)
    {
        if (!m_trial || candidates.isEmpty())
            return next({});
        const QString name = candidates.first();
        const std::function<void()> skip = [this, candidates, next] {
            carriedProfile(candidates.mid(1), next);
        };
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {name},
                [this, skip, next](const QDBusMessage &device) {
                    if (device.type() != QDBusMessage::ReplyMessage)
                        return skip();
                    const QString devicePath = objectPath(device.arguments().value(0));
                    property(devicePath, DeviceInterface, QStringLiteral("ActiveConnection"),
                             [this, devicePath, skip, next](const QVariant &active) {
                                 const QString activePath = objectPath(active);
                                 if (activePath.isEmpty() || activePath == QLatin1String("/"))
                                     return skip();
                                 property(activePath, ActiveInterface, QStringLiteral("Connection"),
                                          [this, devicePath, skip, next](const QVariant &profile) {
                                              readCarrier(objectPath(profile), devicePath, skip, next);
                                          });
                             });
                });
    }

    void readCarrier(const QString &profile, const QString &devicePath, const std::function<void()> &skip,
                     std::function<void(const NmConnection &)> next)
    {
        if (profile.isEmpty() || profile == QLatin1String("/"))
            return skip();
        callAny(profile, ConnectionInterface, QStringLiteral("GetSettings"), {},
                [this, devicePath, skip, next](const QDBusMessage &r) {
                    if (r.type() != QDBusMessage::ReplyMessage)
                        return skip();
                    const NmConnection settings = settingsOf(r);
                    const auto method = [&settings](const char *family) {
                        return settings.value(QLatin1String(family)).value(QStringLiteral("method")).toString();
                    };
                    const QString v4 = method("ipv4");
                    const QString v6 = method("ipv6");
                    const bool carries = v4 == QLatin1String("manual") || v4 == QLatin1String("auto")
                                         || v6 == QLatin1String("manual") || v6 == QLatin1String("dhcp");
                    if (!NmSettings::portController(settings).isEmpty() || !carries)
                        return skip();
                    property(devicePath, DeviceInterface, QStringLiteral("HwAddress"),
                             [this, settings, next](const QVariant &mac) {
                                 m_mac = mac.toString();
                                 next(settings);
                             });
                });
    }

    // A property's value; an invalid QVariant when it cannot be read.
    void property(const QString &path, const QString &interface, const QString &name,
                  std::function<void(const QVariant &)> next)
    {
        callAny(path, PropertiesInterface, QStringLiteral("Get"), {interface, name},
                [next](const QDBusMessage &r) {
                    next(r.type() == QDBusMessage::ReplyMessage
                                 ? r.arguments().value(0).value<QDBusVariant>().variant()
                                 : QVariant());
                });
    }

    void addAndActivate(const BondConfig &config, const NmConnection &carrier)
    {
        NmSettings::BondProfile bond = NmSettings::bondProfile(
                config, QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!carrier.isEmpty() || !m_mac.isEmpty())
            bond.settings = NmSettings::withCarriedIp(bond.settings, carrier, m_mac,
                                                      CarryPlan::leaving(config.ip));
        addProfile(bond.settings, NmSettings::bondProfileId(config.name),
                   [this, config](const QString &bondPath) {
                       addPorts(config.name, config.slaves, {}, [this, config, bondPath](const QStringList &) {
                           // autoconnect-slaves brings the ports up with the bond.
                           activate(bondPath, config.name, [this, config](const QString &active) {
                               awaitActivated(config, active);
                           });
                       });
                   });
    }

    void updateProfiles(const Profiles &p, const BondConfig &wanted, const NmConnection &carrier = {})
    {
        QStringList leaving;
        for (auto it = p.portPaths.cbegin(); it != p.portPaths.cend(); ++it) {
            if (!wanted.slaves.contains(it.key()))
                leaving << it.value();
        }
        QStringList joining;
        for (const QString &s : wanted.slaves) {
            if (!p.portPaths.contains(s))
                joining << s;
        }
        // Ports leave first (deleting an active port profile releases the slave), so that the
        // bond's new options never meet a slave it is about to lose.
        deleteAll(leaving, [this, p, wanted, joining, carrier] {
            NmConnection settings = NmSettings::updatedBondProfile(p.bond, wanted).settings;
            if (!carrier.isEmpty() || !m_mac.isEmpty())
                settings = NmSettings::withCarriedIp(settings, carrier, m_mac, CarryPlan::leaving(wanted.ip));
            call(p.bondPath, ConnectionInterface, QStringLiteral("Update2"),
                 {settingsArgument(settings), m_trial ? InMemory : ToDisk, QVariantMap()},
                 QStringLiteral("update the profile %1").arg(wanted.name),
                 [this, p, wanted, joining](const QDBusMessage &) {
                     m_staged.save << p.bondPath;
                     recordPart();
                     addPorts(wanted.name, joining, {}, [this, p, wanted](const QStringList &newPorts) {
                         apply(p.bondPath, wanted, newPorts);
                     });
                 });
        });
    }

    // NetworkManager 1.42 reapplies the bond options the kernel takes on a running bond (miimon,
    // delays, primary, arp targets, ...), addresses and MTU (Device.Reapply; can_reapply_change()
    // in src/core/devices/nm-device-bond.c); anything else (the mode, lacp_rate, ...) it refuses,
    // and the bond is activated afresh, which takes it down for a moment.
    void apply(const QString &bondProfile, const BondConfig &wanted, const QStringList &newPorts)
    {
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {wanted.name},
                [this, bondProfile, wanted, newPorts](const QDBusMessage &r) {
                    const auto reactivate = [this, bondProfile, wanted] {
                        activate(bondProfile, wanted.name,
                                 [this, wanted](const QString &active) { awaitActivated(wanted, active); });
                    };
                    if (r.type() != QDBusMessage::ReplyMessage) {
                        reactivate();
                        return;
                    }
                    callAny(objectPath(r.arguments().value(0)), DeviceInterface, QStringLiteral("Reapply"),
                            {settingsArgument({}), qulonglong(0), 0u},
                            [this, wanted, newPorts, reactivate](const QDBusMessage &reapplied) {
                                if (reapplied.type() == QDBusMessage::ErrorMessage) {
                                    m_notes << reapplied.errorMessage();
                                    reactivate();
                                    return;
                                }
                                activateAll(newPorts, QStringLiteral("a new port of %1").arg(wanted.name),
                                            [this, wanted] { awaitActivated(wanted, QString()); });
                            });
                });
    }

    void deleteProfiles(const Profiles &p, const QString &bond)
    {
        QStringList profiles = p.portPaths.values();
        if (!p.bondPath.isEmpty())
            profiles << p.bondPath;
        deleteAll(profiles, [this, bond] {
            // NetworkManager takes down the bonds it made when their profile goes; one it found
            // running (or no longer has a profile for) stays until its device is deleted.
            m_subject = bond;
            await(
                    QStringLiteral("NetworkManager did not take %1 down").arg(bond),
                    [this, bond](Verdict verdict) {
                        deviceStates({bond}, {}, [bond, verdict](const QList<uint> &s) {
                            const uint state = s.value(0);
                            const QString status = QStringLiteral("%1: %2").arg(bond, deviceStateName(state));
                            verdict(state <= 30 ? Check::Done : Check::NotYet, status);
                        });
                    },
                    [this, bond] { deleteDevice(bond); });
        });
    }

    void deleteDevice(const QString &bond)
    {
        callAny(NmPath, NmInterface, QStringLiteral("GetDeviceByIpIface"), {bond},
                [this, bond](const QDBusMessage &r) {
                    const auto awaitGone = [this, bond] {
                        await(
                                QStringLiteral("%1 is still there").arg(bond),
                                [this, bond](Verdict verdict) {
                                    deviceStates({bond}, {}, [bond, verdict](const QList<uint> &s) {
                                        const bool inKernel = QFileInfo::exists(
                                                QStringLiteral("/sys/class/net/") + bond);
                                        verdict(s.value(0) == 0 && !inKernel ? Check::Done : Check::NotYet,
                                                QStringLiteral("%1: %2%3")
                                                        .arg(bond, deviceStateName(s.value(0)),
                                                             inKernel ? QStringLiteral(", in the kernel")
                                                                      : QString()));
                                    });
                                },
                                [this] { succeed(); });
                    };
                    if (r.type() != QDBusMessage::ReplyMessage) {
                        awaitGone();
                        return;
                    }
                    // The link outlived its profiles: NetworkManager deletes a software device on request.
                    // A device that is on its way out already may refuse; the wait below decides.
                    callAny(objectPath(r.arguments().value(0)), DeviceInterface, QStringLiteral("Delete"), {},
                            [awaitGone](const QDBusMessage &) { awaitGone(); });
                });
    }

    // Until the bond and all of `config`'s slaves are activated in NetworkManager (the ports are
    // then attached to it); `active` is the bond's new active connection, watched for giving up.
    void awaitActivated(const BondConfig &config, const QString &active)
    {
        m_activePath = active;
        m_subject = config.name;
        const QStringList names = QStringList {config.name} + config.slaves;
        await(
                QStringLiteral("NetworkManager did not activate %1 with %2")
                        .arg(config.name, join(config.slaves)),
                [this, names](Verdict verdict) {
                    deviceStates(names, {}, [names, verdict](const QList<uint> &states) {
                        QStringList status;
                        bool all = true;
                        for (int i = 0; i < names.size(); ++i) {
                            status << QStringLiteral("%1: %2").arg(names.at(i), deviceStateName(states.at(i)));
                            all = all && states.at(i) == DeviceActivated;
                        }
                        verdict(all ? Check::Done : Check::NotYet, join(status));
                    });
                },
                [this] { succeed(); });
    }

    // --- waiting on NetworkManager ---

    // Past `timeoutMs` (the write's own bound by default) the write fails, or with m_lenient
    // goes on to `next` all the same.
    void await(const QString &failure, Condition condition, Next next, int timeoutMs = 0)
    {
        m_waitingFor = failure;
        m_condition = std::move(condition);
        m_then = std::move(next);
        m_deadline.start(timeoutMs > 0 ? timeoutMs : m_timeoutMs);
        m_poll.start();
        recheck();
    }

    void recheck()
    {
        if (!m_condition)
            return;
        if (m_checking) {
            m_recheck = true; // something changed while we looked: look again
            return;
        }
        m_checking = true;
        const int generation = m_generation;
        m_condition([this, generation](Check result, const QString &status) {
            if (generation != m_generation)
                return;
            m_checking = false;
            m_status = status;
            if (result == Check::Done) {
                stopWaiting();
                Next then = std::move(m_then);
                then();
            } else if (result == Check::Failed) {
                fail(status);
            } else if (m_recheck) {
                m_recheck = false;
                recheck();
            }
        });
    }

    void stopWaiting()
    {
        m_condition = nullptr;
        m_deadline.stop();
        m_poll.stop();
        m_checking = m_recheck = false;
        m_activePath.clear();
    }

    // --- the end ---

    void succeed()
    {
        if (m_trial) {
            // The checkpoint stays until the trial's commit or discard.
            recordPart();
            m_checkpoint.clear();
            m_created.clear();
            finish(std::nullopt);
            return;
        }
        if (m_checkpoint.isEmpty()) {
            finish(std::nullopt);
            return;
        }
        // Until it is destroyed the checkpoint would still roll everything back when its timer runs out.
        call(NmPath, NmInterface, QStringLiteral("CheckpointDestroy"),
             {QVariant::fromValue(QDBusObjectPath(m_checkpoint))},
             QStringLiteral("keep the change (destroy its checkpoint)"), [this](const QDBusMessage &) {
                 m_checkpoint.clear();
                 finish(std::nullopt);
             });
    }

    void fail(const QString &why)
    {
        ++m_generation; // replies to calls still under way are ignored from now on
        stopWaiting();
        Failure failure {BondManager::DBus::Error::ServiceRefused, why};
        if (!m_notes.isEmpty())
            failure.text += QStringLiteral(" (earlier: %1)").arg(m_notes.join(QStringLiteral("; ")));
        if (m_checkpoint.isEmpty()) {
            removeCreated(failure);
            return;
        }
        const QString checkpoint = std::exchange(m_checkpoint, QString());
        callAny(NmPath, NmInterface, QStringLiteral("CheckpointRollback"),
                {QVariant::fromValue(QDBusObjectPath(checkpoint))},
                [this, failure](const QDBusMessage &r) mutable {
                    if (r.type() == QDBusMessage::ErrorMessage)
                        failure.text += QStringLiteral("; rolling back failed too: %1").arg(r.errorMessage());
                    removeCreated(failure);
                });
    }

    // The rollback deletes the profiles made since the checkpoint (DELETE_NEW_CONNECTIONS); those
    // it did not (no checkpoint yet, or a rollback that failed) go here. Errors are expected.
    void removeCreated(const Failure &failure)
    {
        if (m_created.isEmpty()) {
            finish(failure);
            return;
        }
        const QString path = m_created.takeLast();
        callAny(path, ConnectionInterface, QStringLiteral("Delete"), {},
                [this, failure](const QDBusMessage &) { removeCreated(failure); });
    }

    void finish(const Outcome &outcome)
    {
        ++m_generation;
        stopWaiting();
        if (NetworkService::Done done = std::exchange(m_done, nullptr))
            done(outcome);
        deleteLater();
    }

    QDBusConnection m_bus;
    int m_timeoutMs;
    NetworkService::Done m_done;
    int m_generation = 0;
    QString m_checkpoint;
    QStringList m_created; // profiles this write added
    QStringList m_notes;   // what NetworkManager said on the way that did not stop the write

    bool m_trial = false;
    qint64 m_deadlineUsec = 0;
    std::function<void(const QJsonObject &)> m_record;
    QStringList m_interfaces; // the bond and its slaves: NetworkManager puts them back on rollback
    QStringList m_candidates; // slaves whose addresses the bond may carry over
    QString m_mac;
    Staged m_staged;

    // The trial's part as it stands, in its journal (ServiceTrial::record) before the step it
    // makes undoable goes on.
    void recordPart()
    {
        if (!m_trial || !m_record)
            return;
        Staged part = m_staged;
        part.checkpoint = m_checkpoint;
        m_record(toJournal(part, m_interfaces));
    }

    QString m_subject;    // the bond being waited for
    QString m_activePath; // its active connection, when this write activated it
    QString m_waitingFor;
    QString m_status;
    Condition m_condition;
    Next m_then;
    QTimer m_deadline;
    QTimer m_poll;
    bool m_checking = false;
    bool m_recheck = false;
    bool m_lenient = false; // the wait's bound is not a failure (awaitReleased)
};

} // namespace

NetworkManagerService::NetworkManagerService(const QDBusConnection &systemBus, QObject *parent)
    : QObject(parent)
    , m_bus(systemBus)
{
    NmSettings::registerDBusTypes();
}

NetworkManagerService::~NetworkManagerService() = default;

std::optional<SavedBond> NetworkManagerService::load(const QString &bond)
{
    // The interface makes load() synchronous. NetworkManager answers these from memory, so each call
    // is short; each is bounded so that a hung NetworkManager costs seconds, not the helper.
    const QDBusMessage list = m_bus.call(
            methodCall(SettingsPath, SettingsInterface, QStringLiteral("ListConnections"), {}), QDBus::Block,
            LoadTimeoutMs);
    if (list.type() != QDBusMessage::ReplyMessage)
        return std::nullopt;
    QList<QPair<QString, NmConnection>> all;
    for (const QString &path : objectPaths(list.arguments().value(0))) {
        const QDBusMessage reply = m_bus.call(
                methodCall(path, ConnectionInterface, QStringLiteral("GetSettings"), {}), QDBus::Block,
                LoadTimeoutMs);
        if (reply.type() == QDBusMessage::ReplyMessage)
            all << qMakePair(path, settingsOf(reply));
    }
    const Profiles p = pickProfiles(bond, all);
    if (p.bondPath.isEmpty())
        return std::nullopt;

    SavedBond saved;
    saved.config = NmSettings::parseBondProfile(p.bond, p.ports, &saved.problems);
    saved.where = Persistence::networkManager(
            p.bond.value(QStringLiteral("connection")).value(QStringLiteral("id")).toString(),
            NmSettings::uuid(p.bond));
    if (p.otherBondProfiles > 0)
        saved.problems << QStringLiteral("NetworkManager has %1 more bond profile(s) for %2; shown is %3")
                                  .arg(p.otherBondProfiles)
                                  .arg(bond, saved.where.profile);
    return saved;
}

QStringList NetworkManagerService::unsaved(const BondConfig &config) const
{
    return NmSettings::bondProfile(config, QString()).unsaved;
}

QString NetworkManagerService::refusal(const BondConfig &config) const
{
    // NetworkManager runs DHCP and SLAAC itself and its profiles hold every address setting of
    // IpConfig; the options it cannot save are unsaved(), not a reason to refuse. But ifupdown's
    // dispatcher script runs /etc/network/if-post-down.d for every device NetworkManager takes
    // down, and ifenslave's hook there frees the device from whatever bond holds it by then:
    // each port NetworkManager attaches leaves the bond again, over and over (seen in the lab,
    // tests/lab/guest/network-service). Refused rather than made to flap.
    if (config.slaves.isEmpty())
        return QString();
    const QString dispatcher = QStringLiteral("/etc/NetworkManager/dispatcher.d/01-ifupdown");
    const QString hook = QStringLiteral("/etc/network/if-post-down.d/ifenslave");
    if (!QFileInfo(SystemRoot::path(dispatcher)).isExecutable()
        || !QFileInfo(SystemRoot::path(hook)).isExecutable())
        return QString();
    return QStringLiteral("NetworkManager would not keep the slaves of %1 in it: its dispatcher runs "
                          "ifupdown's hooks (%2), and ifenslave's %3 frees every port NetworkManager "
                          "takes down and attaches to a bond. Remove the package ifenslave (NetworkManager "
                          "does not need it), or make %3 not executable, then try again.")
            .arg(config.name, dispatcher, hook);
}

void NetworkManagerService::create(const BondConfig &config, Done done)
{
    auto *op = new Operation(m_bus, m_activationTimeoutMs, std::move(done), this);
    if (m_trial)
        op->setTrial(*m_trial);
    op->create(config);
}

void NetworkManagerService::change(const BondConfig &current, const BondConfig &wanted, Done done)
{
    auto *op = new Operation(m_bus, m_activationTimeoutMs, std::move(done), this);
    if (m_trial)
        op->setTrial(*m_trial);
    op->change(current, wanted);
}

void NetworkManagerService::remove(const BondConfig &current, Done done)
{
    auto *op = new Operation(m_bus, m_activationTimeoutMs, std::move(done), this);
    if (m_trial)
        op->setTrial(*m_trial);
    op->remove(current);
}

void NetworkManagerService::setTrial(const ServiceTrial *trial)
{
    m_trial = trial ? std::optional(*trial) : std::nullopt;
}

void NetworkManagerService::commitTrial(const QString &, const QJsonObject &part, Done done)
{
    (new Operation(m_bus, m_activationTimeoutMs, std::move(done), this))->commit(Operation::fromJournal(part));
}

void NetworkManagerService::rollbackTrial(const QString &, const QJsonObject &part, Done done)
{
    (new Operation(m_bus, m_activationTimeoutMs, std::move(done), this))->discard(Operation::fromJournal(part));
}

} // namespace bm::helper

#include "NetworkManagerService.moc"
