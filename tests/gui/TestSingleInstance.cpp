// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One Bond Manager per session on a private session bus: the first start owns the name and
// answers Activate, a second one does not get the name, and without a bus every start runs.
// (TestCloseToTray starts the real thing twice.)
#include "PrivateSessionBus.h"
#include "SingleInstance.h"

#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

using namespace bm::gui;

class TestSingleInstance : public QObject
{
    Q_OBJECT

    PrivateSessionBus m_bus;
    QString m_address;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString problem = m_bus.start(); !problem.isEmpty())
            QSKIP(qPrintable(problem));
        m_address = m_bus.address();
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
