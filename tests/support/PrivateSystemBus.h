// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A system bus of the tests' own: a private dbus-daemon (the project's bus policy included, the
// default policy of Debian's system bus) and the real polkitd on it, with the project's polkit
// actions and the test's rules bind-mounted over polkitd's fixed folders inside a private mount
// namespace, so the host is never changed. Needs root (mount namespaces, polkitd).
#pragma once

#include <QDBusConnection>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

class PrivateSystemBus
{
public:
    // Call first in main(): moves this process into a private mount namespace.
    static QString enterPrivateMountNamespace();
    // The same for a test's main(), as root only (without root the test skips itself): false when it
    // failed, and why said on stderr after testName.
    static bool enterPrivateMountNamespaceAsRoot(const char *testName);

    // Empty on success, else what went wrong.
    QString start(const QString &sourceDir);
    void stop();
    QString startPolkit();
    void stopPolkit();

    QString address() const { return m_address; }
    // For tests of a bus that hangs or dies: the daemon's pid; after stop(), the daemon again on
    // the same socket with polkitd on it; and the socket's address without the guid of one run of
    // the daemon, so that it reaches the restarted one too.
    qint64 daemonPid() const { return m_daemon.processId(); }
    QString restart();
    QString socketAddress() const;
    QDBusConnection connection() const;

private:
    QString bindMount(const QString &from, const QString &onto);

    QTemporaryDir m_dir;
    QProcess m_daemon;
    QProcess m_polkit;
    QString m_address;
};
