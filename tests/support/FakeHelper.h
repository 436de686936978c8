// The test-only helper of tests/dbus (the real Service and polkit Authorizer around an in-memory
// kernel) on a PrivateSystemBus, started and stopped by the client and GUI tests.
#pragma once

#include <QProcess>
#include <QString>

class FakeHelper
{
public:
    // The fake kernel's interfaces (FakeKernelBackend.h: BM_FAKE_*), comma-separated.
    struct Kernel {
        QString links = QStringLiteral("eth0,eth1,eth2,eth3");
        QString refuseEnslave = QStringLiteral("eth3");
        QString defaultRoute = QStringLiteral("eth0");
    };

    ~FakeHelper() { stop(); }
    // Empty on success; waits until the helper owns its name.
    QString start(const QString &busAddress) { return start(busAddress, Kernel()); }
    QString start(const QString &busAddress, const Kernel &kernel);
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    QProcess m_process;
};
