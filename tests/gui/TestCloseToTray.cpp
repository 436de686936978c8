// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Life in the tray, as the desktop sees it: the app (test-app-probe, which is bond-manager's
// runApp with a test's hands on it) runs on a private X display (Xvfb) and a private session bus
// (dbus-daemon), with or without a StatusNotifier host there (test-sni-watcher, which Qt's tray
// registers its icon with). A second start is the real bond-manager binary. The hint's "once" and
// the quit rules are checked in this process, offscreen.
#include "CloseToTray.h"
#include "PrivateSessionBus.h"
#include "Settings.h"
#include "StopProcess.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSystemTrayIcon>
#include <QTest>
#include <QWidget>

using namespace bm::gui;

class TestCloseToTray : public QObject
{
    Q_OBJECT

    QProcess m_display;
    QString m_displayName;
    PrivateSessionBus m_bus;
    QProcess m_watcher;
    QProcess m_app;
    QStringList m_appLines; // what the probe printed, line by line
    std::unique_ptr<QTemporaryDir> m_config;

    static QString readLine(QProcess &p, int timeoutMs = 10000)
    {
        if (!p.canReadLine() && !p.waitForReadyRead(timeoutMs))
            return QString();
        return QString::fromUtf8(p.readLine()).trimmed();
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_bus.address());
        env.insert(QStringLiteral("DISPLAY"), m_displayName);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config->path());
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        // The generic theme, whatever desktop the tests run in: it is the one that asks the bus
        // for a StatusNotifier host.
        for (const char *name : {"WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "KDE_FULL_SESSION",
                                 "DESKTOP_SESSION", "QT_QPA_PLATFORMTHEME", "XDG_ACTIVATION_TOKEN"})
            env.remove(QLatin1String(name));
        return env;
    }

    void startWatcher()
    {
        m_watcher.setProcessEnvironment(environment());
        m_watcher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_watcher.start(QStringLiteral(BM_WATCHER_PATH), {});
        QVERIFY(m_watcher.waitForStarted());
        QCOMPARE(readLine(m_watcher), QStringLiteral("ready"));
    }

    void startApp(const QStringList &arguments)
    {
        m_appLines.clear();
        m_app.setProcessEnvironment(environment());
        m_app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_app.start(QStringLiteral(BM_PROBE_PATH), arguments);
        QVERIFY(m_app.waitForStarted());
    }

    // Waits until the probe printed `line` (after those already seen).
    bool appSays(const QString &line, int timeoutMs = 15000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            while (m_app.canReadLine()) {
                const QString got = QString::fromUtf8(m_app.readLine()).trimmed();
                m_appLines << got;
                if (got == line)
                    return true;
            }
            if (m_app.state() == QProcess::NotRunning)
                return false;
            m_app.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed())));
        }
        return false;
    }

    // A second start of the real bond-manager; its exit code.
    int startAgain(const QStringList &arguments)
    {
        QProcess second;
        second.setProcessEnvironment(environment());
        second.setProcessChannelMode(QProcess::ForwardedChannels);
        second.start(QStringLiteral(BM_APP_PATH), arguments);
        if (!second.waitForFinished(20000)) {
            second.kill();
            second.waitForFinished();
            return -1;
        }
        return second.exitStatus() == QProcess::NormalExit ? second.exitCode() : -2;
    }

    // What the app keeps in its settings file.
    QVariant setting(const QString &key) const
    {
        return QSettings(m_config->path() + QStringLiteral("/bondmanager/bond-manager.conf"),
                         QSettings::IniFormat)
                .value(key);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"dbus-daemon", "Xvfb"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/install-deps installs it)")
                                         .arg(QLatin1String(tool))));
        }
        m_display.start(QStringLiteral("Xvfb"),
                        {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                         QStringLiteral("0"), QStringLiteral("1280x1024x24"), QStringLiteral("-nolisten"),
                         QStringLiteral("tcp")});
        QVERIFY(m_display.waitForStarted());
        const QString display = readLine(m_display);
        QVERIFY2(!display.isEmpty(), "Xvfb did not say which display it took");
        m_displayName = QLatin1Char(':') + display;
    }

    void init()
    {
        m_config = std::make_unique<QTemporaryDir>();
        QVERIFY(m_config->isValid());
        if (const QString problem = m_bus.start(); !problem.isEmpty())
            QFAIL(qPrintable(problem));
    }

    void cleanup()
    {
        stopProcess(m_app);
        stopProcess(m_watcher);
        m_bus.stop();
    }

    void cleanupTestCase() { stopProcess(m_display); }

    void closingKeepsTheAppInTheTray()
    {
        startWatcher();
        startApp({QStringLiteral("--demo")});
        QVERIFY(appSays(QStringLiteral("shown")));
        // Qt's tray found the host and put the icon there.
        QVERIFY(readLine(m_watcher).startsWith(QStringLiteral("registered ")));
        QVERIFY(!setting(QStringLiteral("tray/hintShown")).toBool());

        m_app.write("close\n");
        QVERIFY(appSays(QStringLiteral("hidden")));
        QCOMPARE(m_app.state(), QProcess::Running);
        // The hint came with it, from the tray icon, and is remembered.
        QCOMPARE(readLine(m_watcher), QStringLiteral("notify Bond Manager keeps running"));
        QTRY_VERIFY_WITH_TIMEOUT(setting(QStringLiteral("tray/hintShown")).toBool(), 10000);

        // Still running, and still the only one: a second start shows this window and leaves.
        QCOMPARE(startAgain({QStringLiteral("--demo")}), 0);
        QVERIFY(appSays(QStringLiteral("shown")));
        QVERIFY2(!m_appLines.contains(QStringLiteral("quitting")), qPrintable(m_appLines.join(u',')));

        // Quit in the tray menu ends it.
        m_app.write("quit-from-tray\n");
        QVERIFY(appSays(QStringLiteral("quitting")));
        QVERIFY(m_app.waitForFinished(10000));
        QCOMPARE(m_app.exitCode(), 0);
    }

    void startsHiddenInTheTrayAndStaysSoOnASecondTrayStart()
    {
        startWatcher();
        startApp({QStringLiteral("--demo"), QStringLiteral("--tray")});
        QVERIFY(readLine(m_watcher).startsWith(QStringLiteral("registered ")));
        // At login a second --tray start (say, a second autostart entry) shows nothing; a start
        // by hand shows the window, and that is the first the probe has shown.
        QCOMPARE(startAgain({QStringLiteral("--demo"), QStringLiteral("--tray")}), 0);
        QCOMPARE(startAgain({QStringLiteral("--demo")}), 0);
        QVERIFY(appSays(QStringLiteral("shown")));
        QCOMPARE(m_appLines.count(QStringLiteral("shown")), 1);
        QCOMPARE(m_appLines.first(), QStringLiteral("shown"));
    }

    void withoutAHostClosingQuits()
    {
        startApp({QStringLiteral("--demo")});
        QVERIFY(appSays(QStringLiteral("shown")));
        m_app.write("close\n");
        QVERIFY(appSays(QStringLiteral("quitting")));
        QVERIFY(m_app.waitForFinished(10000));
        QCOMPARE(m_app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_app.exitCode(), 0);
        QVERIFY(!setting(QStringLiteral("tray/hintShown")).toBool());
        // The window's size was kept for the next start.
        QVERIFY(!setting(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    }

    void hintIsShownOnceAndRemembered()
    {
        const QString path = m_config->path() + QStringLiteral("/hint.conf");
        Settings settings(path);
        QWidget window;
        window.show();
        QSystemTrayIcon tray(QIcon(QStringLiteral(":/icons/org.bondmanager.BondManager.svg")));
        tray.show();
        CloseToTray closeToTray(&window, &settings);
        closeToTray.setTray(&tray);
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        QSignalSpy hidden(&closeToTray, &CloseToTray::hiddenToTray);
        QVERIFY(!window.close());
        QVERIFY(window.isHidden());
        QCOMPARE(hidden.size(), 1);
        QCOMPARE(hidden.at(0).at(0).toBool(), true);
        window.show();
        QVERIFY(!window.close());
        QCOMPARE(hidden.size(), 2);
        QCOMPARE(hidden.at(1).at(0).toBool(), false);

        // The next run remembers it was said.
        Settings again(path);
        CloseToTray nextRun(&window, &again);
        nextRun.setTray(&tray);
        QSignalSpy hiddenNextRun(&nextRun, &CloseToTray::hiddenToTray);
        window.show();
        window.close();
        QCOMPARE(hiddenNextRun.size(), 1);
        QCOMPARE(hiddenNextRun.at(0).at(0).toBool(), false);

        // Without a tray the window really closes, and with it the app.
        nextRun.setTray(nullptr);
        closeToTray.setTray(nullptr);
        QVERIFY(QApplication::quitOnLastWindowClosed());
        window.show();
        QVERIFY(window.close());
        QCOMPARE(hiddenNextRun.size(), 1);
    }
};

QTEST_MAIN(TestCloseToTray)
#include "TestCloseToTray.moc"
