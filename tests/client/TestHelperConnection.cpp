// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// HelperConnection: the address rules (escaping, hosts ssh would misread), and opening each kind
// of target against a real private dbus-daemon: a plain address, the lab's bus-address file, and
// the ssh unixexec address through the real systemd-stdio-bridge (a stand-in "ssh" on PATH records
// its arguments and runs the bridge locally, which is what ssh would do on the far side).
#include "HelperConnection.h"

#include <QDBusConnectionInterface>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using bm::HelperConnection;
using bm::HelperTarget;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestHelperConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void escaping_data();
    void escaping();
    void hosts_data();
    void hosts();
    void address();
    void lab();
    void labMissing();
    void sshThroughStdioBridge();
    void sshRefusesOptionLikeHost();
    void unreachable();

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

void TestHelperConnection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_daemon.start(s("dbus-daemon"), {s("--session"), s("--nofork"), s("--print-address=1"),
                                      s("--address=unix:path=") + m_dir.filePath(s("bus"))});
    QVERIFY2(m_daemon.waitForStarted(10000), "cannot start dbus-daemon");
    QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 10000);
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(m_address.startsWith(s("unix:path=")));
}

void TestHelperConnection::cleanupTestCase()
{
    m_daemon.terminate();
    m_daemon.waitForFinished(10000);
}

void TestHelperConnection::escaping_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << s("host-1.example_2/x*") << s("host-1.example_2/x*");
    QTest::newRow("user@host") << s("admin@server") << s("admin%40server");
    QTest::newRow("separators") << s("a,b=c;d:e") << s("a%2cb%3dc%3bd%3ae");
    QTest::newRow("percent") << s("100%") << s("100%25");
    QTest::newRow("backslash") << s("a\\b") << s("a%5cb");
    QTest::newRow("utf-8") << s("h\u00e9") << s("h%c3%a9");
}

void TestHelperConnection::escaping()
{
    QFETCH(QString, value);
    QFETCH(QString, escaped);
    QCOMPARE(HelperConnection::escapeAddressValue(value), escaped);
}

void TestHelperConnection::hosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("ok");
    QTest::newRow("name") << s("server") << true;
    QTest::newRow("user@name") << s("admin@server.example") << true;
    QTest::newRow("ipv6") << s("root@[2001:db8::1]") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("ssh option") << s("-oProxyCommand=touch /tmp/owned") << false;
    QTest::newRow("blank") << s("a b") << false;
    QTest::newRow("newline") << s("a\nb") << false;
    QTest::newRow("no user") << s("@server") << false;
    QTest::newRow("no host") << s("admin@") << false;
}

void TestHelperConnection::hosts()
{
    QFETCH(QString, host);
    QFETCH(bool, ok);
    QCOMPARE(HelperConnection::checkHost(host).isEmpty(), ok);
}

void TestHelperConnection::address()
{
    HelperConnection c(HelperTarget::address(m_address));
    QVERIFY2(c.open(), qPrintable(c.errorString()));
    QVERIFY(c.bus().interface()->isServiceRegistered(s("org.freedesktop.DBus")));
}

void TestHelperConnection::lab()
{
    QTemporaryDir runtime;
    const QByteArray old = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
    const QString file = HelperConnection::labBusAddressFile();
    QCOMPARE(file, runtime.path() + QStringLiteral("/bond-manager-lab-%1/bus-address").arg(getuid()));
    QVERIFY(QDir().mkpath(QFileInfo(file).path()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_address.toUtf8() + "\n");
    f.close();
    HelperConnection c(HelperTarget::lab());
    const bool opened = c.open();
    qputenv("XDG_RUNTIME_DIR", old);
    QVERIFY2(opened, qPrintable(c.errorString()));
    QVERIFY(c.bus().isConnected());
}

void TestHelperConnection::labMissing()
{
    QTemporaryDir runtime;
    const QByteArray old = qgetenv("XDG_RUNTIME_DIR");
    qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
    HelperConnection c(HelperTarget::lab());
    const bool opened = c.open();
    qputenv("XDG_RUNTIME_DIR", old);
    QVERIFY(!opened);
    QVERIFY2(c.errorString().contains(s("tests/lab/host start")), qPrintable(c.errorString()));
}

void TestHelperConnection::sshThroughStdioBridge()
{
    // The stand-in ssh: records its arguments, then runs the bridge as ssh would on the host.
    QTemporaryDir bin;
    const QString log = bin.filePath(s("args"));
    QFile ssh(bin.filePath(s("ssh")));
    QVERIFY(ssh.open(QIODevice::WriteOnly));
    ssh.write("#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + log.toUtf8()
              + "'\n"
                "[ \"$6\" = systemd-stdio-bridge ] || exit 99\n"
                "exec systemd-stdio-bridge --bus-path='"
              + m_address.toUtf8() + "'\n");
    ssh.close();
    QVERIFY(ssh.setPermissions(ssh.permissions() | QFileDevice::ExeOwner));
    const QByteArray oldPath = qgetenv("PATH");
    qputenv("PATH", bin.path().toUtf8() + ':' + oldPath);

    const QString host = s("admin@server,odd=name");
    QCOMPARE(HelperConnection::sshBusAddress(host),
             s("unixexec:path=ssh,argv1=-xT,argv2=-oServerAliveInterval%3d3,"
               "argv3=-oServerAliveCountMax%3d2,argv4=-oConnectTimeout%3d10,"
               "argv5=admin%40server%2codd%3dname,argv6=systemd-stdio-bridge"));
    HelperConnection c(HelperTarget::host(host));
    const bool opened = c.open();
    qputenv("PATH", oldPath);
    QVERIFY2(opened, qPrintable(c.errorString()));
    QVERIFY(c.bus().interface()->isServiceRegistered(s("org.freedesktop.DBus")));

    QFile args(log);
    QVERIFY(args.open(QIODevice::ReadOnly));
    // The host reaches ssh as one argument, unescaped, after -xT and the keep-alives that end a
    // link to a vanished host within 9 s.
    QCOMPARE(QString::fromUtf8(args.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             QStringList({s("-xT"), s("-oServerAliveInterval=3"), s("-oServerAliveCountMax=2"),
                          s("-oConnectTimeout=10"), host, s("systemd-stdio-bridge")}));
}

void TestHelperConnection::sshRefusesOptionLikeHost()
{
    HelperConnection c(HelperTarget::host(s("-oProxyCommand=sh")));
    QVERIFY(!c.open());
    QVERIFY(c.errorString().contains(s("must not start with '-'")));
}

void TestHelperConnection::unreachable()
{
    HelperConnection c(HelperTarget::address(s("unix:path=") + m_dir.filePath(s("nothing-here"))));
    QVERIFY(!c.open());
    QVERIFY(!c.errorString().isEmpty());
    QVERIFY(!c.isOpen());
}

QTEST_GUILESS_MAIN(TestHelperConnection)
#include "TestHelperConnection.moc"
