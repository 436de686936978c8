// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeHelper.h"

#include "ErrorNames.h"
#include "StopProcess.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>

#include <utility>

QString FakeHelper::start(const QString &busAddress, const Kernel &kernel, const QStringList &arguments)
{
    if (!std::exchange(m_keepRoot, false) || !m_root)
        m_root = std::make_unique<QTemporaryDir>();
    if (!m_root->isValid())
        return QStringLiteral("no temporary folder for the helper's system root");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BM_FAKE_SYSTEM_ROOT"), m_root->path());
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), busAddress);
    env.insert(QStringLiteral("BM_FAKE_LINKS"), kernel.links);
    env.insert(QStringLiteral("BM_FAKE_REFUSE_ENSLAVE"), kernel.refuseEnslave);
    env.insert(QStringLiteral("BM_FAKE_DEFAULT_ROUTE"), kernel.defaultRoute);
    env.insert(QStringLiteral("BM_FAKE_DEFAULT_ROUTE_LEASE"), QString::number(kernel.defaultRouteLease));
    env.insert(QStringLiteral("BM_FAKE_ARP"), kernel.arpNeighbours);
    env.insert(QStringLiteral("BM_FAKE_ARP_DEAD"), kernel.arpDead);
    if (kernel.arpRefused)
        env.insert(QStringLiteral("BM_FAKE_ARP_REFUSED"), QStringLiteral("1"));
    if (!kernel.bonding)
        env.insert(QStringLiteral("BM_FAKE_NO_BONDING"), QStringLiteral("1"));
    else if (kernel.bondingModule)
        env.insert(QStringLiteral("BM_FAKE_BONDING_MODULE"), QStringLiteral("1"));
    if (kernel.control)
        env.insert(QStringLiteral("BM_FAKE_CONTROL"), QStringLiteral("-"));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(kernel.control ? QProcess::ForwardedErrorChannel
                                                   : QProcess::ForwardedChannels);
    m_process.start(QStringLiteral(BM_FAKE_HELPER_PATH), arguments);
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("bm-fake-helper did not start");
    // Named after the address: a bus started again (a new address) gets a connection of its own.
    QDBusConnection bus = QDBusConnection::connectToBus(busAddress,
                                                        QStringLiteral("fake-helper-watch ") + busAddress);
    QDeadlineTimer deadline(20000);
    while (!bus.interface()->isServiceRegistered(QLatin1String(BondManager::DBus::ServiceName))) {
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return QStringLiteral("bm-fake-helper did not take its bus name");
        m_process.waitForFinished(50); // bounded wait on the condition above
    }
    return QString();
}

QByteArray FakeHelper::control(const QByteArray &command, const QByteArray &answer, int timeoutMs)
{
    m_process.write(command + '\n');
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            if (line.startsWith(answer))
                return line;
        }
        // The caller's signals and replies keep coming while the helper works.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        m_process.waitForReadyRead(10);
    }
    return {};
}

void FakeHelper::stop()
{
    stopProcess(m_process);
}
