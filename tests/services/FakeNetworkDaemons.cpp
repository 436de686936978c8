// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeNetworkDaemons.h"

#include <csignal>
#include <sys/types.h>

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>

using namespace bm::helper;

namespace fixtures {

namespace {

const QString Root = QStringLiteral("/org/freedesktop/NetworkManager");
const QString ServerName = QStringLiteral("bm-fake-network-daemons");
const QString ClientName = QStringLiteral("bm-fake-network-client");

QVariant path(const QString &p)
{
    return QVariant::fromValue(QDBusObjectPath(p));
}

NmConnection settingsArgument(const QVariant &v)
{
    return NmSettings::fromDBus(qdbus_cast<NmConnection>(v.value<QDBusArgument>()));
}

} // namespace

FakeNetworkManager::FakeNetworkManager(const QStringList &interfaces)
{
    for (const QString &name : interfaces)
        m_devices.insert(name, Root + QStringLiteral("/Devices/%1").arg(m_next++));
}

QString FakeNetworkManager::addActiveProfile(const NmConnection &settings, bool external)
{
    const QString profile = Root + QStringLiteral("/Settings/%1").arg(m_next++);
    profiles.insert(profile, settings);
    onDisk.insert(profile, true);
    const QString active = Root + QStringLiteral("/ActiveConnection/%1").arg(m_next++);
    m_activeProfile.insert(active, profile);
    m_deviceActive.insert(devicePath(NmSettings::interfaceName(settings)), active);
    if (external)
        m_external << active;
    return profile;
}

QList<NmCall> FakeNetworkManager::callsOf(const char *member) const
{
    QList<NmCall> out;
    for (const NmCall &c : calls)
        if (c.member == QLatin1String(member))
            out << c;
    return out;
}

QString FakeNetworkManager::devicePath(const QString &name) const
{
    return m_devices.value(name);
}

bool FakeNetworkManager::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    QString error;
    const QVariantList reply = answer(message, &error);
    connection.send(error.isEmpty() ? message.createReply(reply)
                                    : message.createErrorReply(
                                            QStringLiteral("org.freedesktop.NetworkManager.Failed"), error));
    return true;
}

QVariantList FakeNetworkManager::answer(const QDBusMessage &m, QString *error)
{
    const QString member = m.member();
    const QVariantList args = m.arguments();
    NmCall call {member, m.path(), 0, {}};
    if (member == QLatin1String("AddConnection2") || member == QLatin1String("Update2")) {
        call.settings = settingsArgument(args.value(0));
        call.flags = args.value(1).toUInt();
    }
    calls << call;

    if (member == QLatin1String("GetDeviceByIpIface")) {
        const QString device = m_devices.value(args.value(0).toString());
        if (device.isEmpty())
            *error = QStringLiteral("No device found for the requested iface.");
        return {path(device)};
    }
    if (member == QLatin1String("CheckpointCreate")) {
        NmCheckpoint c;
        c.path = Root + QStringLiteral("/Checkpoint/%1").arg(m_next++);
        for (const QDBusObjectPath &p :
             qdbus_cast<QList<QDBusObjectPath>>(args.value(0).value<QDBusArgument>()))
            c.devices << p.path();
        c.timeoutS = args.value(1).toUInt();
        c.flags = args.value(2).toUInt();
        checkpoints << c;
        return {path(c.path)};
    }
    if (member == QLatin1String("CheckpointDestroy")) {
        destroyed << args.value(0).value<QDBusObjectPath>().path();
        return {};
    }
    if (member == QLatin1String("CheckpointRollback")) {
        const QString checkpoint = args.value(0).value<QDBusObjectPath>().path();
        rolledBack << checkpoint;
        // DELETE_NEW_CONNECTIONS: the profiles added since go.
        for (const QString &p : profiles.keys())
            if (!onDisk.value(p) && calls.size() > 0)
                for (const NmCall &c : std::as_const(calls))
                    if (c.member == QLatin1String("AddConnection2") && c.path == p)
                        profiles.remove(p);
        return {QVariant::fromValue(QMap<QString, uint>())};
    }
    if (member == QLatin1String("ListConnections")) {
        QList<QDBusObjectPath> list;
        for (const QString &p : profiles.keys())
            list << QDBusObjectPath(p);
        return {QVariant::fromValue(list)};
    }
    if (member == QLatin1String("AddConnection2")) {
        const QString profile = Root + QStringLiteral("/Settings/%1").arg(m_next++);
        profiles.insert(profile, call.settings);
        onDisk.insert(profile, (call.flags & 0x1) != 0);
        calls.last().path = profile; // the new profile's, for the checks
        return {path(profile), QVariantMap()};
    }
    if (member == QLatin1String("GetSettings")) {
        if (!profiles.contains(m.path()))
            *error = QStringLiteral("no such profile");
        return {QVariant::fromValue(profiles.value(m.path()))};
    }
    if (member == QLatin1String("Update2")) {
        profiles.insert(m.path(), call.settings);
        if (call.flags & 0x1)
            onDisk.insert(m.path(), true);
        return {QVariantMap()};
    }
    if (member == QLatin1String("Save")) {
        onDisk.insert(m.path(), true);
        return {};
    }
    if (member == QLatin1String("Delete")) {
        const NmConnection deleted = profiles.value(m.path());
        if (!profiles.remove(m.path()))
            *error = QStringLiteral("no such profile");
        onDisk.remove(m.path());
        // A port whose profile goes is released: its device is disconnected.
        if (!NmSettings::portController(deleted).isEmpty()) {
            const QString device = devicePath(NmSettings::interfaceName(deleted));
            m_deviceActive.remove(device);
            m_disconnected << device;
        }
        return {};
    }
    if (member == QLatin1String("ActivateConnection")) {
        const QString profile = args.value(0).value<QDBusObjectPath>().path();
        const QString name = NmSettings::interfaceName(profiles.value(profile));
        if (!m_devices.contains(name))
            m_devices.insert(name, Root + QStringLiteral("/Devices/%1").arg(m_next++));
        const QString active = Root + QStringLiteral("/ActiveConnection/%1").arg(m_next++);
        m_activeProfile.insert(active, profile);
        m_deviceActive.insert(m_devices.value(name), active);
        m_disconnected.removeAll(m_devices.value(name));
        return {path(active)};
    }
    if (member == QLatin1String("Get")) {
        const QString property = args.value(1).toString();
        QVariant value;
        if (property == QLatin1String("State"))
            value = m_disconnected.contains(m.path()) ? 30u : 100u;
        else if (property == QLatin1String("StateFlags"))
            value = m_external.contains(m.path()) ? 0x80u : 0u;
        else if (property == QLatin1String("ActiveConnection"))
            value = path(m_deviceActive.value(m.path(), QStringLiteral("/")));
        else if (property == QLatin1String("HwAddress"))
            value = QStringLiteral("52:54:00:12:34:56");
        else if (property == QLatin1String("Connection"))
            value = path(m_activeProfile.value(m.path(), QStringLiteral("/")));
        else
            *error = QStringLiteral("no such property");
        return {QVariant::fromValue(QDBusVariant(value))};
    }
    if (member == QLatin1String("Disconnect")) {
        m_deviceActive.remove(m.path());
        return {};
    }
    if (member == QLatin1String("Reapply") || member == QLatin1String("Delete")
        || member == QLatin1String("Set")) // Set: Device.Autoconnect, recorded in calls
        return {};
    *error = QStringLiteral("%1 is not faked").arg(member);
    return {};
}

bool FakeNetworkd::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    if (silent.contains(message.member()))
        return true;
    if (message.member() == QLatin1String("Reload")) {
        ++reloads;
        if (onReload)
            onReload();
    } else if (message.member() == QLatin1String("ReconfigureLink")) {
        reconfigured << message.arguments().value(0).toInt();
    }
    connection.send(message.createReply());
    return true;
}

FakeNetworkBus::~FakeNetworkBus()
{
    QDBusConnection::disconnectFromBus(ClientName);
    QDBusConnection::disconnectFromBus(ServerName);
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }
}

QString FakeNetworkBus::start(const QStringList &interfaces)
{
    NmSettings::registerDBusTypes();
    qDBusRegisterMetaType<QMap<QString, uint>>();
    m_daemon.setProgram(QStringLiteral("dbus-daemon"));
    m_daemon.setArguments(
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    m_daemon.start();
    if (!m_daemon.waitForStarted(5000))
        return QStringLiteral("dbus-daemon did not start: %1").arg(m_daemon.errorString());
    while (!m_daemon.canReadLine()) {
        if (!m_daemon.waitForReadyRead(5000))
            return QStringLiteral("dbus-daemon did not say its address");
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QDBusConnection server = QDBusConnection::connectToBus(m_address, ServerName);
    if (!server.isConnected())
        return QStringLiteral("cannot connect to %1").arg(m_address);
    m_nm = std::make_unique<FakeNetworkManager>(interfaces);
    if (!server.registerVirtualObject(Root, m_nm.get(), QDBusConnection::SubPath)
        || !server.registerVirtualObject(QStringLiteral("/org/freedesktop/network1"), &m_networkd,
                                         QDBusConnection::SubPath))
        return QStringLiteral("cannot register the stand-ins");
    if (!server.registerService(QStringLiteral("org.freedesktop.NetworkManager"))
        || !server.registerService(QStringLiteral("org.freedesktop.network1")))
        return QStringLiteral("cannot own the daemons' names");
    return client().isConnected() ? QString() : QStringLiteral("the client cannot connect");
}

QDBusConnection FakeNetworkBus::client() const
{
    return QDBusConnection::connectToBus(m_address, ClientName);
}

void FakeNetworkBus::setStopped(bool stopped)
{
    ::kill(pid_t(m_daemon.processId()), stopped ? SIGSTOP : SIGCONT);
}

bool FakeNetworkBus::setOnBus(const QString &name, bool on)
{
    QDBusConnection server = QDBusConnection::connectToBus(m_address, ServerName);
    return on ? server.registerService(name) : server.unregisterService(name);
}

} // namespace fixtures
