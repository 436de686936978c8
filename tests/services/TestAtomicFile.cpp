// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// AtomicFile: only the allowed folders, whole files replaced by rename with mode 0644, no temporary
// file left behind, symbolic links refused, and snapshots that put a file back as it was.
#include "AtomicFile.h"
#include "SystemRoot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace bm::helper;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

    QString real(const char *path) const { return m_root.path() + QString::fromUtf8(path); }
    QByteArray read(const char *path) const
    {
        QFile f(real(path));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }
    QStringList entries(const char *folder) const
    {
        return QDir(real(folder)).entryList(QDir::Files | QDir::Hidden | QDir::System);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(QDir().mkpath(real("/etc/systemd/network")));
        QVERIFY(QDir().mkpath(real("/etc/network/interfaces.d")));
        SystemRoot::setForTesting(m_root.path());
    }
    void cleanupTestCase() { SystemRoot::setForTesting(QString()); }

    void allowList_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("networkd") << s("/etc/systemd/network/10-bond-manager-bond0.netdev") << true;
        QTest::newRow("interfaces.d") << s("/etc/network/interfaces.d/bond-manager-bond0") << true;
        QTest::newRow("interfaces") << s("/etc/network/interfaces") << true;
        QTest::newRow("other in /etc/network") << s("/etc/network/if-up.d/evil") << false;
        QTest::newRow("sibling of interfaces") << s("/etc/network/interfaces.new") << false;
        QTest::newRow("passwd") << s("/etc/passwd") << false;
        QTest::newRow("dot-dot") << s("/etc/systemd/network/../../passwd") << false;
        QTest::newRow("double slash") << s("/etc/systemd//network/x.network") << false;
        QTest::newRow("subfolder") << s("/etc/network/interfaces.d/sub/x") << false;
        QTest::newRow("folder itself") << s("/etc/systemd/network") << false;
        QTest::newRow("trailing slash") << s("/etc/systemd/network/") << false;
        QTest::newRow("relative") << s("etc/systemd/network/x.network") << false;
        QTest::newRow("hidden") << s("/etc/systemd/network/.x.network") << false;
        // A trial's networkd files wait in /run/systemd/network (issue 15); nothing else of /run.
        QTest::newRow("run, trial") << s("/run/systemd/network/09-bond-manager-bond0.network") << true;
        QTest::newRow("run, other") << s("/run/systemd/netif/x.network") << false;
        QTest::newRow("run, subfolder") << s("/run/systemd/network/sub/x.network") << false;
        QTest::newRow("run, hidden") << s("/run/systemd/network/.x.network") << false;
    }
    void allowList()
    {
        QFETCH(QString, path);
        QFETCH(bool, allowed);
        QCOMPARE(AtomicFile::checkAllowed(path).isEmpty(), allowed);
        if (!allowed) {
            QVERIFY(!AtomicFile::write(path, "x").isEmpty());
            QVERIFY(!AtomicFile::remove(path).isEmpty());
        }
    }

    void writeCreatesAndReplaces()
    {
        const mode_t oldMask = ::umask(077); // the mode must not depend on the umask
        const QString path = s("/etc/systemd/network/10-bond-manager-bond0.netdev");
        QCOMPARE(AtomicFile::write(path, "first\n"), QString());
        QCOMPARE(read("/etc/systemd/network/10-bond-manager-bond0.netdev"), QByteArray("first\n"));
        QCOMPARE(AtomicFile::write(path, "second"), QString());
        ::umask(oldMask);
        QCOMPARE(read("/etc/systemd/network/10-bond-manager-bond0.netdev"), QByteArray("second"));
        struct stat st {
        };
        QCOMPARE(
                ::stat(QFile::encodeName(real("/etc/systemd/network/10-bond-manager-bond0.netdev")).constData(),
                       &st),
                0);
        QCOMPARE(int(st.st_mode & 07777), 0644);
        QCOMPARE(entries("/etc/systemd/network"), QStringList {s("10-bond-manager-bond0.netdev")});
    }

    void interfacesFileItself()
    {
        QCOMPARE(AtomicFile::write(s("/etc/network/interfaces"), "auto lo\n"), QString());
        QCOMPARE(read("/etc/network/interfaces"), QByteArray("auto lo\n"));
    }

    void symlinkIsRefused()
    {
        QFile target(real("/elsewhere"));
        QVERIFY(target.open(QIODevice::WriteOnly));
        target.write("keep");
        target.close();
        QVERIFY(QFile::link(real("/elsewhere"), real("/etc/network/interfaces.d/linked")));
        const QString error = AtomicFile::write(s("/etc/network/interfaces.d/linked"), "changed");
        QVERIFY(error.contains(s("symbolic link")));
        QCOMPARE(read("/elsewhere"), QByteArray("keep"));
    }

    void missingFolderIsReported()
    {
        QTemporaryDir bare;
        SystemRoot::setForTesting(bare.path());
        const QString error = AtomicFile::write(s("/etc/systemd/network/x.network"), "x");
        SystemRoot::setForTesting(m_root.path());
        QVERIFY(error.contains(s("/etc/systemd/network/x.network")));
        QVERIFY(!error.contains(bare.path())); // messages name the host path
    }

    void snapshotAndRestore()
    {
        const QString existing = s("/etc/network/interfaces.d/eth0");
        const QString fresh = s("/etc/network/interfaces.d/bond-manager-bond1");
        QCOMPARE(AtomicFile::write(existing, "iface eth0 inet dhcp\n"), QString());
        QString error;
        const FileSnapshot before = AtomicFile::snapshot(existing, &error);
        const FileSnapshot none = AtomicFile::snapshot(fresh, &error);
        QCOMPARE(error, QString());
        QVERIFY(before.existed);
        QVERIFY(!none.existed);

        QCOMPARE(AtomicFile::apply({existing, "iface eth0 inet manual\n", false}), QString());
        QCOMPARE(AtomicFile::apply({fresh, "auto bond1\n", false}), QString());
        QCOMPARE(AtomicFile::restore(before), QString());
        QCOMPARE(AtomicFile::restore(none), QString());
        QCOMPARE(read("/etc/network/interfaces.d/eth0"), QByteArray("iface eth0 inet dhcp\n"));
        QVERIFY(!QFile::exists(real("/etc/network/interfaces.d/bond-manager-bond1")));
        QCOMPARE(AtomicFile::remove(fresh), QString()); // already gone: no error
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
