// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The test-only helper of tests/dbus (the real Service and polkit Authorizer around an in-memory
// kernel) on a PrivateSystemBus, started and stopped by the client and GUI tests.
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class FakeHelper
{
public:
    // The fake kernel (FakeKernelBackend.h: BM_FAKE_*): its interfaces, comma-separated, whether
    // it has the bonding driver, and whether that is a module the first bond loads.
    struct Kernel {
        QString links = QStringLiteral("eth0,eth1,eth2,eth3");
        QString refuseEnslave = QStringLiteral("eth3");
        QString defaultRoute = QStringLiteral("eth0");
        // Seconds of the lease that address is (BM_FAKE_DEFAULT_ROUTE_LEASE); 0: a static one.
        int defaultRouteLease = 0;
        bool bonding = true;
        bool bondingModule = false;
        // ARP (BM_FAKE_ARP, BM_FAKE_ARP_DEAD, BM_FAKE_ARP_REFUSED): the neighbours that answer
        // ("ADDR=MAC,..."), the slaves through which no answer comes, and whether ARP cannot be
        // sent at all.
        QString arpNeighbours {};
        QString arpDead {};
        bool arpRefused = false;
        // bm-fake-helper's control channel (BM_FAKE_CONTROL=-, fake_helper_main.cpp) on its
        // stdin and stdout: control() then asks it for a flap storm or a cut.
        bool control = false;
    };

    ~FakeHelper() { stop(); }
    // Empty on success; waits until the helper owns its name. By default it never exits idle.
    QString start(const QString &busAddress) { return start(busAddress, Kernel()); }
    QString start(const QString &busAddress, const Kernel &kernel,
                  const QStringList &arguments = {QStringLiteral("--idle-timeout"), QStringLiteral("0")});
    void stop();
    // With Kernel::control: sends one command line and returns the first answer line that starts
    // with `answer` (the event loop running meanwhile); empty when none came within timeoutMs.
    QByteArray control(const QByteArray &command, const QByteArray &answer, int timeoutMs = 60000);
    // The next start() keeps the system root of this one (with what the helper left under its
    // /run), as a host keeps its folders when the helper is killed and started again.
    void keepSystemRoot() { m_keepRoot = true; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    // For tests that signal the helper or watch it exit.
    QProcess &process() { return m_process; }
    // The folder the helper takes for the host's root when it reads or writes configuration
    // files (services/SystemRoot.h): empty at each start, so nothing of the real /etc is seen.
    QString systemRoot() const { return m_root ? m_root->path() : QString(); }

private:
    QProcess m_process;
    std::unique_ptr<QTemporaryDir> m_root;
    bool m_keepRoot = false;
};
