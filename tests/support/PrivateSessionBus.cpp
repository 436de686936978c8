// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PrivateSessionBus.h"

#include "StopProcess.h"

#include <QStandardPaths>

PrivateSessionBus::~PrivateSessionBus()
{
    stop();
}

QString PrivateSessionBus::start()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty())
        return QStringLiteral("dbus-daemon is not installed (scripts/install-deps installs it)");
    m_daemon.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                   QStringLiteral("--print-address=1")});
    if (!m_daemon.waitForStarted())
        return QStringLiteral("dbus-daemon did not start: %1").arg(m_daemon.errorString());
    if (!m_daemon.canReadLine() && !m_daemon.waitForReadyRead(10000))
        return QStringLiteral("dbus-daemon said no address");
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    return m_address.isEmpty() ? QStringLiteral("dbus-daemon said no address") : QString();
}

void PrivateSessionBus::stop()
{
    stopProcess(m_daemon);
    m_address.clear();
}
