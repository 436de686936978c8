// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PrivateSystemBus.h"

#include "StopProcess.h"

#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace {
const QString BusName = QStringLiteral("bm-test-system-bus");

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}
} // namespace

QString PrivateSystemBus::enterPrivateMountNamespace()
{
    if (unshare(CLONE_NEWNS) != 0)
        return QStringLiteral("unshare(CLONE_NEWNS): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    // Without this, mounts made here would propagate back to the host.
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return QStringLiteral("making / private: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

bool PrivateSystemBus::enterPrivateMountNamespaceAsRoot(const char *testName)
{
    if (geteuid() != 0)
        return true;
    const QString error = enterPrivateMountNamespace();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s: %s\n", testName, qPrintable(error));
        return false;
    }
    return true;
}

QString PrivateSystemBus::bindMount(const QString &from, const QString &onto)
{
    if (mount(QFile::encodeName(from).constData(), QFile::encodeName(onto).constData(), nullptr, MS_BIND,
              nullptr)
        != 0)
        return QStringLiteral("bind mount %1 on %2: %3")
                .arg(from, onto, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

QString PrivateSystemBus::start(const QString &sourceDir)
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    // polkitd runs as its own user and must read the rules and actions.
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                                | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                                | QFileDevice::ExeGroup);
    const QString dir = m_dir.path();
    const QString socket = dir + QStringLiteral("/system_bus_socket");
    const QByteArray config
            = QStringLiteral(
                      R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=%1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
  </policy>
  <include>%2/helper/data/org.bondmanager.Helper1.conf</include>
  <include>/usr/share/dbus-1/system.d/org.freedesktop.PolicyKit1.conf</include>
</busconfig>
)")
                      .arg(socket, sourceDir)
                      .toUtf8();
    if (!writeFile(dir + QStringLiteral("/bus.conf"), config))
        return QStringLiteral("cannot write the bus configuration");

    // polkitd reads actions and rules only from fixed folders: cover them with ours.
    QDir(dir).mkpath(QStringLiteral("actions"));
    QDir(dir).mkpath(QStringLiteral("rules"));
    QDir(dir).mkpath(QStringLiteral("empty"));
    if (!QFile::copy(sourceDir + QStringLiteral("/helper/data/org.bondmanager.policy"),
                     dir + QStringLiteral("/actions/org.bondmanager.policy"))
        || !QFile::copy(sourceDir + QStringLiteral("/tests/support/polkit-test.rules"),
                        dir + QStringLiteral("/rules/50-bond-manager-test.rules")))
        return QStringLiteral("cannot copy the polkit files");
    for (const QString &sub : {QStringLiteral("actions"), QStringLiteral("rules"), QStringLiteral("empty")})
        QFile::setPermissions(dir + QLatin1Char('/') + sub, QFile::permissions(dir));
    for (const QString &file : {QStringLiteral("/actions/org.bondmanager.policy"),
                                QStringLiteral("/rules/50-bond-manager-test.rules")})
        QFile::setPermissions(dir + file, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                  | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    for (const auto &[from, onto] :
         {std::pair {QStringLiteral("/actions"), QStringLiteral("/usr/share/polkit-1/actions")},
          std::pair {QStringLiteral("/rules"), QStringLiteral("/etc/polkit-1/rules.d")},
          std::pair {QStringLiteral("/empty"), QStringLiteral("/usr/share/polkit-1/rules.d")}}) {
        const QString error = bindMount(dir + from, onto);
        if (!error.isEmpty())
            return error;
    }

    m_daemon.setProgram(QStringLiteral("dbus-daemon"));
    m_daemon.setArguments({QStringLiteral("--config-file=") + dir + QStringLiteral("/bus.conf"),
                           QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    m_daemon.setProcessChannelMode(QProcess::SeparateChannels);
    return restart();
}

QString PrivateSystemBus::socketAddress() const
{
    return QStringLiteral("unix:path=") + m_dir.path() + QStringLiteral("/system_bus_socket");
}

QString PrivateSystemBus::restart()
{
    m_daemon.start();
    if (!m_daemon.waitForStarted(10000))
        return QStringLiteral("dbus-daemon did not start");
    // The daemon prints its address once it listens.
    QDeadlineTimer deadline(10000);
    while (!m_daemon.canReadLine() && !deadline.hasExpired())
        m_daemon.waitForReadyRead(int(deadline.remainingTime()));
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    if (m_address.isEmpty())
        return QStringLiteral("dbus-daemon printed no address: %1")
                .arg(QString::fromUtf8(m_daemon.readAllStandardError()));
    qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_address.toUtf8());
    return startPolkit();
}

QString PrivateSystemBus::startPolkit()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_address);
    m_polkit.setProcessEnvironment(env);
    m_polkit.setProgram(QStringLiteral("/usr/lib/polkit-1/polkitd"));
    m_polkit.setArguments({QStringLiteral("--no-debug")});
    m_polkit.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_polkit.start();
    if (!m_polkit.waitForStarted(10000))
        return QStringLiteral("polkitd did not start");
    QDBusConnection bus = connection();
    QDeadlineTimer deadline(20000);
    while (!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.PolicyKit1"))) {
        if (deadline.hasExpired() || m_polkit.state() == QProcess::NotRunning)
            return QStringLiteral("polkitd did not appear on the bus");
        m_polkit.waitForFinished(50); // bounded wait on the condition above
    }
    return {};
}

void PrivateSystemBus::stopPolkit()
{
    stopProcess(m_polkit);
}

void PrivateSystemBus::stop()
{
    stopPolkit();
    QDBusConnection::disconnectFromBus(BusName);
    stopProcess(m_daemon);
}

QDBusConnection PrivateSystemBus::connection() const
{
    return QDBusConnection::connectToBus(m_address, BusName);
}
