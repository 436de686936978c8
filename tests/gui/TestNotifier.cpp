// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Failover notifications reach a real notification server: a private session bus (dbus-daemon),
// a private X display (Xvfb) and dunst, which implements org.freedesktop.Notifications. The text
// the server received is read back from dunst's history.
#include "BondEvents.h"
#include "Notifier.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace bm::gui;

class TestNotifier : public QObject
{
    Q_OBJECT

    QProcess m_bus;
    QProcess m_display;
    QProcess m_server;
    QString m_address;
    QDBusConnection m_connection {QStringLiteral("unset")};

    static QString readLine(QProcess &p)
    {
        if (!p.canReadLine() && !p.waitForReadyRead(10000))
            return QString();
        return QString::fromUtf8(p.readLine()).trimmed();
    }

    QDBusMessage dunst(const QString &method)
    {
        const QDBusMessage call = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.Notifications"),
                QStringLiteral("/org/freedesktop/Notifications"), QStringLiteral("org.dunstproject.cmd0"),
                method);
        return m_connection.call(call, QDBus::Block, 10000);
    }

    // Dunst's history of closed notifications, one "summary|body" line each.
    QString closedNotifications()
    {
        const QDBusMessage reply = dunst(QStringLiteral("NotificationListHistory"));
        if (reply.type() != QDBusMessage::ReplyMessage)
            return QString();
        const auto history = qdbus_cast<QList<QVariantMap>>(reply.arguments().value(0));
        QString out;
        for (const QVariantMap &n : history) {
            out += n.value(QStringLiteral("summary")).toString() + QLatin1Char('|')
                   + n.value(QStringLiteral("body")).toString() + QLatin1Char('\n');
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"dbus-daemon", "Xvfb", "dunst"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/install-deps installs it)")
                                         .arg(QLatin1String(tool))));
        }
        m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                    QStringLiteral("--print-address=1")});
        QVERIFY(m_bus.waitForStarted());
        m_address = readLine(m_bus);
        QVERIFY(!m_address.isEmpty());

        m_display.start(QStringLiteral("Xvfb"),
                        {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                         QStringLiteral("0"), QStringLiteral("800x600x24"), QStringLiteral("-nolisten"),
                         QStringLiteral("tcp")});
        QVERIFY(m_display.waitForStarted());
        const QString display = readLine(m_display);
        QVERIFY2(!display.isEmpty(), "Xvfb did not say which display it took");

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        env.insert(QStringLiteral("DISPLAY"), QLatin1Char(':') + display);
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        m_server.setProcessEnvironment(env);
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start(QStringLiteral("dunst"), {});
        QVERIFY(m_server.waitForStarted());

        m_connection = QDBusConnection::connectToBus(m_address, QStringLiteral("test-session"));
        QVERIFY(m_connection.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(m_connection.interface()->isServiceRegistered(
                                         QStringLiteral("org.freedesktop.Notifications")),
                                 10000);
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("test-session"));
        for (QProcess *p : {&m_server, &m_display, &m_bus}) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(5000))
                    p->kill();
            }
        }
    }

    void onlyFailoversAndLinkLossAreAnnounced()
    {
        BondEvent e;
        e.kind = BondEvent::Kind::OptionsChanged;
        QVERIFY(!Notifier::worthNotifying(e));
        e.kind = BondEvent::Kind::Failover;
        QVERIFY(Notifier::worthNotifying(e));
        e.kind = BondEvent::Kind::LinkDown;
        QVERIFY(Notifier::worthNotifying(e));
        e.kind = BondEvent::Kind::WhileAway;
        QVERIFY(Notifier::worthNotifying(e));
    }

    // What changed while the app was not running, over several bonds: one notification naming
    // each, sent at once.
    void whileAwayIsOneNotification()
    {
        Notifier notifier(m_connection);
        QSignalSpy sent(&notifier, &Notifier::sent);
        QList<BondEvent> events;
        for (const char *bond : {"bond0", "bond1"}) {
            BondEvent e;
            e.when = QDateTime::currentDateTime();
            e.bond = QLatin1String(bond);
            e.kind = BondEvent::Kind::WhileAway;
            e.text = QStringLiteral("eth0 failed 2 times while Bond Manager was not running");
            events << e;
            // Left to notifyTogether(): not announced one by one.
            notifier.notify(e);
        }
        notifier.notifyTogether(events);
        QVERIFY(sent.wait(10000));
        QVERIFY2(sent.first().at(1).toString().isEmpty(), qPrintable(sent.first().at(1).toString()));
        QCOMPARE(dunst(QStringLiteral("NotificationCloseAll")).type(), QDBusMessage::ReplyMessage);
        QString bodies;
        QTRY_VERIFY_WITH_TIMEOUT(
                (bodies = closedNotifications()).contains(QStringLiteral("Bond Manager: 2 bonds changed")),
                5000);
        QVERIFY2(bodies.contains(
                         QStringLiteral("bond1: eth0 failed 2 times while Bond Manager was not running")),
                 qPrintable(bodies));
        QCOMPARE(sent.size(), 1);
    }

    void failoverReachesTheServer()
    {
        Notifier notifier(m_connection);
        QSignalSpy sent(&notifier, &Notifier::sent);
        BondEvent e;
        e.when = QDateTime::currentDateTime();
        e.bond = QStringLiteral("bond0");
        e.kind = BondEvent::Kind::Failover;
        e.text = QStringLiteral("eth0 went down, eth1 is now active");
        notifier.notify(e);
        QVERIFY(sent.wait(10000));
        QVERIFY2(sent.first().at(1).toString().isEmpty(), qPrintable(sent.first().at(1).toString()));
        QVERIFY(sent.first().at(0).toUInt() > 0);

        // Closed notifications go to dunst's history, where their summary can be read back.
        QCOMPARE(dunst(QStringLiteral("NotificationCloseAll")).type(), QDBusMessage::ReplyMessage);
        QString summaries;
        QTRY_VERIFY_WITH_TIMEOUT(
                (summaries = closedNotifications())
                        .contains(QStringLiteral("bond0: eth0 went down, eth1 is now active")),
                5000);
        QVERIFY2(summaries.contains(QStringLiteral("bond0:")), qPrintable(summaries));
    }

    void stormIsOneNotificationThenOneSummary()
    {
        Notifier notifier(m_connection);
        QSignalSpy sent(&notifier, &Notifier::sent);
        for (int i = 0; i < 300; ++i) {
            BondEvent e;
            e.when = QDateTime::currentDateTime();
            e.bond = QStringLiteral("bmb%1").arg(i % 3);
            e.kind = i % 5 == 0 ? BondEvent::Kind::Failover : BondEvent::Kind::LinkDown;
            e.text = QStringLiteral("event %1").arg(i);
            notifier.notify(e);
        }
        // The first at once, the other 299 in one summary when the interval is over.
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, Notifier::IntervalMs + 5000);
        QVERIFY2(sent.at(1).at(1).toString().isEmpty(), qPrintable(sent.at(1).at(1).toString()));
        QVERIFY(sent.at(1).at(0).toUInt() > 0);
    }

    void noServerIsReportedNotFatal()
    {
        QDBusConnection none = QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent"),
                                                             QStringLiteral("no-bus"));
        Notifier notifier(none);
        QSignalSpy sent(&notifier, &Notifier::sent);
        BondEvent e;
        e.kind = BondEvent::Kind::LinkDown;
        notifier.notify(e);
        QVERIFY(sent.wait(10000));
        QCOMPARE(sent.first().at(0).toUInt(), 0u);
        QVERIFY(!sent.first().at(1).toString().isEmpty());
        QDBusConnection::disconnectFromBus(QStringLiteral("no-bus"));
    }
};

QTEST_MAIN(TestNotifier)
#include "TestNotifier.moc"
