// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One Bond Manager per session on a private session bus: the first start owns the name and
// answers Activate, a second one does not get the name, and without a bus every start runs.
// (TestCloseToTray starts the real thing twice.)
#include "SingleInstance.h"

#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace bm::gui;

class TestSingleInstance : public QObject
{
    Q_OBJECT

    QProcess m_bus;
    QString m_address;

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-daemon")).isEmpty())
            QSKIP("dbus-daemon is not installed (scripts/install-deps installs it)");
        m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                    QStringLiteral("--print-address=1")});
        QVERIFY(m_bus.waitForStarted());
        QVERIFY(m_bus.waitForReadyRead(10000));
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }

    void cleanupTestCase()
    {
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    void firstOwnsTheNameSecondDoesNot()
    {
        QDBusConnection one = QDBusConnection::connectToBus(m_address, QStringLiteral("one"));
        QDBusConnection two = QDBusConnection::connectToBus(m_address, QStringLiteral("two"));
        {
            SingleInstance first(one);
            QVERIFY(first.claim());
            QCOMPARE(one.interface()->serviceOwner(QLatin1String(SingleInstance::ServiceName)).value(),
                     one.baseService());
            SingleInstance second(two);
            QVERIFY(!second.claim());
            QCOMPARE(one.interface()->serviceOwner(QLatin1String(SingleInstance::ServiceName)).value(),
                     one.baseService());
        }
        // The first one gone, the next start is the first again.
        SingleInstance third(two);
        QVERIFY(third.claim());
        QDBusConnection::disconnectFromBus(QStringLiteral("one"));
        QDBusConnection::disconnectFromBus(QStringLiteral("two"));
    }

    void activateOverTheBusRaises()
    {
        QDBusConnection one = QDBusConnection::connectToBus(m_address, QStringLiteral("one"));
        QDBusConnection two = QDBusConnection::connectToBus(m_address, QStringLiteral("two"));
        SingleInstance first(one);
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &SingleInstance::activated);
        // What a second start sends, asynchronously here: both ends live in this thread.
        QDBusMessage call = QDBusMessage::createMethodCall(
                QLatin1String(SingleInstance::ServiceName), QLatin1String(SingleInstance::ObjectPath),
                QStringLiteral("org.freedesktop.Application"), QStringLiteral("Activate"));
        call << QVariantMap {{QStringLiteral("activation-token"), QStringLiteral("token-1")}};
        QDBusPendingCall pending = two.asyncCall(call);
        QVERIFY(activated.wait(10000));
        QCOMPARE(qgetenv("XDG_ACTIVATION_TOKEN"), QByteArray("token-1"));
        pending.waitForFinished();
        QVERIFY2(!pending.isError(), qPrintable(pending.error().message()));
        QDBusConnection::disconnectFromBus(QStringLiteral("one"));
        QDBusConnection::disconnectFromBus(QStringLiteral("two"));
    }

    void withoutABusEveryStartRuns()
    {
        QDBusConnection none = QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent"),
                                                             QStringLiteral("none"));
        SingleInstance alone(none);
        QVERIFY(alone.claim());
        QString error;
        QVERIFY(!alone.activateRunning(&error));
        QVERIFY(!error.isEmpty());
        QDBusConnection::disconnectFromBus(QStringLiteral("none"));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
