// The test-only helper of tests/dbus (the real Service and polkit Authorizer around an in-memory
// kernel) on a PrivateSystemBus, started and stopped by the client tests.
#pragma once

#include <QProcess>
#include <QString>

class FakeHelper
{
public:
    ~FakeHelper() { stop(); }
    // Empty on success; waits until the helper owns its name.
    QString start(const QString &busAddress);
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    QProcess m_process;
};
