// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the app remembers: the window's geometry and splitter, the last host, the notification
// switches per bond and kind (honoured by Notifier against a notification server of the test's
// own on a private session bus), and the Settings dialog that changes them.
#include "Autostart.h"
#include "BondBackend.h"
#include "BondEvents.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "PrivateSessionBus.h"
#include "Settings.h"
#include "SettingsDialog.h"

#include <QCheckBox>
#include <QDBusConnection>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace bm;
using namespace bm::gui;

// org.freedesktop.Notifications as far as Notifier uses it: records each summary.
class NotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &,
                const QStringList &, const QVariantMap &, int)
    {
        summaries << summary;
        return uint(summaries.size());
    }
};

class TestSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PrivateSessionBus m_bus;

    QString file(const QString &name) const { return m_dir.path() + QLatin1Char('/') + name; }

    static BondEvent event(const QString &bond, BondEvent::Kind kind, const QString &text)
    {
        BondEvent e;
        e.when = QDateTime::currentDateTimeUtc();
        e.bond = bond;
        e.kind = kind;
        e.text = text;
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.path()));
    }

    void windowLayoutRoundTrips()
    {
        const QString path = file(QStringLiteral("layout.conf"));
        QList<int> sizes;
        {
            MainWindow w;
            w.resize(900, 560);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.splitter()->setSizes({320, 560});
            sizes = w.splitter()->sizes();
            Settings settings(path);
            w.saveLayout(settings);
            settings.sync();
        }
        Settings settings(path);
        MainWindow w;
        QVERIFY(w.size() != QSize(900, 560));
        w.restoreLayout(settings);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(900, 560));
        QCOMPARE(w.splitter()->sizes(), sizes);
        QCOMPARE(sizes.first(), 320);
    }

    void lastTargetRoundTrips()
    {
        const QString path = file(QStringLiteral("target.conf"));
        QCOMPARE(Settings(path).lastTarget().kind, HelperTarget::Kind::SystemBus);
        Settings(path).setLastTarget(HelperTarget::host(QStringLiteral("admin@filer")));
        QCOMPARE(Settings(path).lastTarget().kind, HelperTarget::Kind::Host);
        QCOMPARE(Settings(path).lastTarget().value, QStringLiteral("admin@filer"));
        Settings(path).setLastTarget(HelperTarget::lab());
        QCOMPARE(Settings(path).lastTarget().kind, HelperTarget::Kind::Lab);
        // The host typed last is still offered in Connect to Host.
        QCOMPARE(Settings(path).lastHost(), QStringLiteral("admin@filer"));
        // A bare bus address (tests, tools) is nothing to come back to.
        Settings(path).setLastTarget(HelperTarget::address(QStringLiteral("unix:path=/tmp/x")));
        QCOMPARE(Settings(path).lastTarget().kind, HelperTarget::Kind::Lab);
        Settings(path).setLastTarget(HelperTarget::systemBus());
        QCOMPARE(Settings(path).lastTarget().kind, HelperTarget::Kind::SystemBus);
    }

    // 60 s unless set, within what the helper's Try takes, and set in the dialog.
    void confirmWithinRoundTripsWithinTheHelpersLimits()
    {
        const QString path = file(QStringLiteral("trials.conf"));
        QCOMPARE(Settings(path).confirmWithin(), 60u);
        Settings(path).setConfirmWithin(120);
        QCOMPARE(Settings(path).confirmWithin(), 120u);
        Settings(path).setConfirmWithin(5);
        QCOMPARE(Settings(path).confirmWithin(), 10u);
        Settings(path).setConfirmWithin(6000);
        QCOMPARE(Settings(path).confirmWithin(), 600u);

        Settings settings(path);
        SettingsDialog dialog(&settings, {}, true);
        QCOMPARE(dialog.confirmWithinBox()->value(), 600);
        dialog.confirmWithinBox()->setValue(90);
        QVERIFY2(dialog.apply(), qPrintable(dialog.lastError()));
        QCOMPARE(Settings(path).confirmWithin(), 90u);
    }

    void notificationSwitchesPerBondAndKind()
    {
        const QString path = file(QStringLiteral("notify.conf"));
        {
            Settings settings(path);
            // As before the switches existed: failovers and slaves going down, not coming back.
            QVERIFY(settings.notifies(QStringLiteral("bond0"), Settings::Notify::Failover));
            QVERIFY(settings.notifies(QStringLiteral("bond0"), Settings::Notify::SlaveDown));
            QVERIFY(!settings.notifies(QStringLiteral("bond0"), Settings::Notify::SlaveUp));
            settings.setNotifies(QStringLiteral("bond0"), Settings::Notify::Failover, false);
            settings.setNotifies(QStringLiteral("bond1"), Settings::Notify::SlaveUp, true);
        }
        Settings settings(path);
        QVERIFY(!settings.notifies(QStringLiteral("bond0"), Settings::Notify::Failover));
        QVERIFY(settings.notifies(QStringLiteral("bond0"), Settings::Notify::SlaveDown));
        QVERIFY(settings.notifies(QStringLiteral("bond1"), Settings::Notify::Failover));
        QVERIFY(settings.notifies(QStringLiteral("bond1"), Settings::Notify::SlaveUp));
        QCOMPARE(settings.bondsWithNotifySettings(),
                 (QStringList {QStringLiteral("bond0"), QStringLiteral("bond1")}));
        // Back to the default leaves nothing behind.
        settings.setNotifies(QStringLiteral("bond1"), Settings::Notify::SlaveUp, false);
        QCOMPARE(settings.bondsWithNotifySettings(), QStringList {QStringLiteral("bond0")});
    }

    void notifierHonoursTheSwitches()
    {
        if (const QString problem = m_bus.start(); !problem.isEmpty())
            QSKIP(qPrintable(problem));
        QDBusConnection serverBus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("server"));
        NotificationServer server;
        QVERIFY(serverBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &server,
                                         QDBusConnection::ExportAllSlots));
        QVERIFY(serverBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
        QDBusConnection clientBus = QDBusConnection::connectToBus(m_bus.address(), QStringLiteral("client"));

        Settings settings(file(QStringLiteral("notifier.conf")));
        settings.setNotifies(QStringLiteral("bond0"), Settings::Notify::Failover, false);
        settings.setNotifies(QStringLiteral("bond1"), Settings::Notify::SlaveUp, true);
        Notifier notifier(clientBus);
        notifier.setSettings(&settings);
        QSignalSpy sent(&notifier, &Notifier::sent);

        // Switched off: never sent, so the next one goes out at once and alone.
        notifier.notify(event(QStringLiteral("bond0"), BondEvent::Kind::Failover,
                              QStringLiteral("eth1 is now active")));
        notifier.notify(
                event(QStringLiteral("bond0"), BondEvent::Kind::LinkUp, QStringLiteral("eth0 is up again")));
        notifier.notify(
                event(QStringLiteral("bond1"), BondEvent::Kind::LinkUp, QStringLiteral("eth2 is up again")));
        QVERIFY(sent.wait(10000));
        QCOMPARE(server.summaries, QStringList {QStringLiteral("bond1: eth2 is up again")});
        QVERIFY(notifier.wants(event(QStringLiteral("bond0"), BondEvent::Kind::LinkDown, QString())));
        QVERIFY(!notifier.wants(event(QStringLiteral("bond0"), BondEvent::Kind::OptionsChanged, QString())));

        // Within the interval the rest are gathered: the switched-off ones are not among them.
        notifier.notify(event(QStringLiteral("bond0"), BondEvent::Kind::Failover,
                              QStringLiteral("eth0 is now active")));
        notifier.notify(event(QStringLiteral("bond1"), BondEvent::Kind::Failover,
                              QStringLiteral("eth3 is now active")));
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, Notifier::IntervalMs + 5000);
        QCOMPARE(server.summaries.size(), 2);
        QCOMPARE(server.summaries.last(), QStringLiteral("bond1: eth3 is now active"));

        QDBusConnection::disconnectFromBus(QStringLiteral("client"));
        QDBusConnection::disconnectFromBus(QStringLiteral("server"));
    }

    void dialogShowsAndWritesTheSwitchesAndAutostart()
    {
        Settings settings(file(QStringLiteral("dialog.conf")));
        settings.setNotifies(QStringLiteral("old0"), Settings::Notify::SlaveDown, false);
        SettingsDialog dialog(&settings, {QStringLiteral("bond0"), QStringLiteral("lacp0")}, true);
        QTreeWidget *table = dialog.notifyTable();
        // The bonds shown now and the one remembered from before.
        QCOMPARE(table->topLevelItemCount(), 3);
        QCOMPARE(table->topLevelItem(2)->text(0), QStringLiteral("old0"));
        const int failover = 1 + int(Settings::Notify::Failover);
        const int down = 1 + int(Settings::Notify::SlaveDown);
        const int up = 1 + int(Settings::Notify::SlaveUp);
        QCOMPARE(table->topLevelItem(0)->checkState(failover), Qt::Checked);
        QCOMPARE(table->topLevelItem(0)->checkState(up), Qt::Unchecked);
        QCOMPARE(table->topLevelItem(2)->checkState(down), Qt::Unchecked);
        QVERIFY(!dialog.autostartBox()->isChecked());

        table->topLevelItem(1)->setCheckState(failover, Qt::Unchecked);
        table->topLevelItem(0)->setCheckState(up, Qt::Checked);
        dialog.autostartBox()->setChecked(true);
        QVERIFY2(dialog.apply(), qPrintable(dialog.lastError()));
        QVERIFY(!settings.notifies(QStringLiteral("lacp0"), Settings::Notify::Failover));
        QVERIFY(settings.notifies(QStringLiteral("bond0"), Settings::Notify::SlaveUp));
        QVERIFY(!settings.notifies(QStringLiteral("old0"), Settings::Notify::SlaveDown));
        QVERIFY(Autostart::isEnabled());

        SettingsDialog again(&settings, {}, true);
        QVERIFY(again.autostartBox()->isChecked());
        again.autostartBox()->setChecked(false);
        QVERIFY(again.apply());
        QVERIFY(!Autostart::isEnabled());
    }
};

QTEST_MAIN(TestSettings)
#include "TestSettings.moc"
