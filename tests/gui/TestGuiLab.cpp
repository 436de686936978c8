// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The window against the real helper and the real bonding driver, inside the lab guest (two-switch
// topology): a bond made through the helper shows its tiles; a cut cable is seen in the tiles, the
// header and the timeline as the kernel's failover; the window is saved as a PNG test artefact.
//   tests/gui/lab-suite runs it under Xvfb in the guest; it skips outside the lab.
#include "BondHeader.h"
#include "BondListModel.h"
#include "BondView.h"
#include "DBusTypes.h"
#include "ErrorNames.h"
#include "FailoverTimeline.h"
#include "HelperBackend.h"
#include "MainWindow.h"
#include "PrivateSystemBus.h"
#include "SlaveTile.h"
#include "StopProcess.h"

#include <QApplication>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMetaEnum>
#include <QLabel>
#include <QTest>

using namespace bm;
using namespace bm::gui;

namespace {

int fault(const QString &what, const QString &link)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral(BM_SOURCE_DIR "/tests/lab/fault"), {what, link});
    return p.waitForFinished(30000) ? p.exitCode() : -1;
}

QString tileText(MainWindow &w, const QString &slave, const char *label)
{
    SlaveTile *tile = w.bondView()->tile(slave);
    return tile ? tile->findChild<QLabel *>(QLatin1String(label))->text() : QString();
}

// What the kernel says next to what the window shows, for a failed wait: tells a slow guest from
// a signal that never came.
void printKernelState(MainWindow &w)
{
    QFile proc(QStringLiteral("/proc/net/bonding/bond0"));
    if (proc.open(QIODevice::ReadOnly))
        fprintf(stderr, "TestGuiLab: the kernel's bond0:\n%s\n", proc.readAll().constData());
    for (const QString &slave : {QStringLiteral("eth0"), QStringLiteral("eth1")})
        fprintf(stderr, "TestGuiLab: tile %s: %s / %s / %s\n", qPrintable(slave),
                qPrintable(tileText(w, slave, "miiText")), qPrintable(tileText(w, slave, "roleText")),
                qPrintable(tileText(w, slave, "failures")));
}

} // namespace

class TestGuiLab : public QObject
{
    Q_OBJECT

    PrivateSystemBus m_bus;
    QProcess m_helper;
    QString m_out;

private Q_SLOTS:
    void initTestCase()
    {
        if (qgetenv("BM_LAB") != "1") {
            QTest::qSkip("runs inside the lab guest (tests/gui/lab-suite)", __FILE__, __LINE__);
            return;
        }
        m_out = qEnvironmentVariable("BM_GUI_LAB_OUT", QDir::currentPath());
        BondManager::registerDBusTypes();
        const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_bus.address());
        m_helper.setProcessEnvironment(env);
        m_helper.setProcessChannelMode(QProcess::ForwardedChannels);
        m_helper.start(QStringLiteral(BM_HELPER_PATH),
                       {QStringLiteral("--idle-timeout"), QStringLiteral("0")});
        QVERIFY(m_helper.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.connection().interface()->isServiceRegistered(
                                         QLatin1String(BondManager::DBus::ServiceName)),
                                 60000);
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", m_bus.address().toUtf8());
    }

    void cleanupTestCase()
    {
        stopProcess(m_helper);
        m_bus.stop();
    }

    void cutCableShowsAsFailover()
    {
        HelperBackend backend(HelperTarget::systemBus());
        QElapsedTimer clock;
        clock.start();
        // A connection found dead (a ping unanswered) leaves the tiles at the last known state:
        // printed with the time, so that a failed wait below says whether that happened.
        connect(&backend, &BondBackend::stateChanged, this,
                [&clock](BondBackend::State state, const QString &reason) {
                    fprintf(stderr, "TestGuiLab: %.1f s: backend %s %s\n", clock.elapsed() / 1000.0,
                            QMetaEnum::fromType<BondBackend::State>().valueToKey(int(state)),
                            qPrintable(reason));
                });
        QVERIFY2(backend.open(), qPrintable(backend.errorString()));
        MainWindow window;
        window.setBackend(&backend);
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(backend.state(), BondBackend::State::Connected, 30000);
        QVERIFY(backend.bondingAvailable());

        std::optional<CallError> created;
        backend.createBond(QStringLiteral("bond0"),
                           {{QStringLiteral("mode"), QStringLiteral("active-backup")},
                            {QStringLiteral("miimon"), 100u},
                            {QStringLiteral("primary"), QStringLiteral("eth0")}},
                           {QStringLiteral("eth0"), QStringLiteral("eth1")},
                           [&](const CallError &e) { created = e; });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 60000);
        QVERIFY2(!created->isError(), qPrintable(created->message));
        window.selectBond(QStringLiteral("bond0"));
        QTRY_COMPARE_WITH_TIMEOUT(window.bondView()->tiles().size(), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window.bondView()->header()->activeText(), QStringLiteral("eth0"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(tileText(window, QStringLiteral("eth1"), "miiText"),
                                  QStringLiteral("Link up"), 30000);
        QVERIFY(window.grab().save(m_out + QStringLiteral("/lab-before-cut.png")));

        QCOMPARE(fault(QStringLiteral("cut"), QStringLiteral("eth0")), 0);
        fprintf(stderr, "TestGuiLab: %.1f s: eth0's cable cut\n", clock.elapsed() / 1000.0);
        if (!QTest::qWaitFor(
                    [&] {
                        return tileText(window, QStringLiteral("eth0"), "miiText")
                               == QStringLiteral("Link down");
                    },
                    30000)) {
            printKernelState(window);
            QFAIL("eth0's tile did not say \"Link down\" within 30 s of the cut");
        }
        fprintf(stderr, "TestGuiLab: %.1f s: eth0 shown down\n", clock.elapsed() / 1000.0);
        QTRY_COMPARE_WITH_TIMEOUT(window.bondView()->header()->activeText(), QStringLiteral("eth1"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(tileText(window, QStringLiteral("eth1"), "roleText"),
                                  QStringLiteral("Active: carries traffic"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.bondView()
                                          ->timeline()
                                          ->findItems(QStringLiteral("eth0 went down, eth1 is now active"),
                                                      Qt::MatchExactly, 1)
                                          .isEmpty(),
                                 30000);
        QCOMPARE(window.bondModel()->index(0).data(BondListModel::HealthTextRole).toString(),
                 QStringLiteral("degraded"));
        QVERIFY(tileText(window, QStringLiteral("eth0"), "failures") != QStringLiteral("Link failures: 0"));
        QApplication::processEvents();
        QVERIFY(window.grab().save(m_out + QStringLiteral("/lab-failover.png")));
        fprintf(stderr, "TestGuiLab: screenshots in %s\n", qPrintable(m_out));

        QCOMPARE(fault(QStringLiteral("restore"), QStringLiteral("eth0")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(tileText(window, QStringLiteral("eth0"), "miiText"),
                                  QStringLiteral("Link up"), 30000);
        // primary eth0 (reselect always): it takes over again, and the timeline says so.
        QTRY_COMPARE_WITH_TIMEOUT(window.bondView()->header()->activeText(), QStringLiteral("eth0"), 30000);
    }
};

int main(int argc, char **argv)
{
    // Not BM_PRIVATE_BUS_GUI_TEST_MAIN: outside the lab the test skips without a namespace.
    if (qgetenv("BM_LAB") == "1" && !PrivateSystemBus::enterPrivateMountNamespaceAsRoot("TestGuiLab"))
        return 1;
    QApplication app(argc, argv);
    TestGuiLab test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestGuiLab.moc"
