// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The timeline's CSV export: RFC 4180 quoting, local time with its offset.

#include "EventCsv.h"

#include <QTest>

#include <ctime>

using namespace bm::gui;

class TestEventCsv : public QObject
{
    Q_OBJECT
    QByteArray m_oldTz;

private Q_SLOTS:
    void initTestCase()
    {
        m_oldTz = qgetenv("TZ");
        qputenv("TZ", "BMT-3"); // POSIX: three hours ahead of UTC, no daylight saving, no tzdata needed
        tzset();
    }

    void cleanupTestCase()
    {
        if (m_oldTz.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", m_oldTz);
        tzset();
    }

    void fieldsAreQuotedOnlyWhenNeeded()
    {
        QCOMPARE(EventCsv::field(QStringLiteral("eth0")), QStringLiteral("eth0"));
        QCOMPARE(EventCsv::field(QString()), QString());
        QCOMPARE(EventCsv::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(EventCsv::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(EventCsv::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(EventCsv::field(QStringLiteral("cr\r")), QStringLiteral("\"cr\r\""));
    }

    void timeIsLocalWithItsOffset()
    {
        const QDateTime when(QDate(2026, 1, 15), QTime(12, 0, 0, 250), Qt::UTC);
        QCOMPARE(EventCsv::time(when), QStringLiteral("2026-01-15T15:00:00.250+03:00"));
    }

    void exactText()
    {
        BondEvent failover;
        failover.when = QDateTime(QDate(2026, 1, 15), QTime(12, 0, 0, 250), Qt::UTC);
        failover.bond = QStringLiteral("bond0");
        failover.kind = BondEvent::Kind::Failover;
        failover.slave = QStringLiteral("eth1");
        failover.from = QStringLiteral("eth0");
        failover.to = QStringLiteral("eth1");
        failover.text = QStringLiteral("eth0 went down, eth1 is now active");
        BondEvent options;
        options.when = QDateTime(QDate(2026, 1, 15), QTime(21, 30, 1, 7), Qt::UTC);
        options.bond = QStringLiteral("bond0");
        options.kind = BondEvent::Kind::OptionsChanged;
        options.text = QStringLiteral("options changed: arp_ip_target=10.0.2.2,10.0.2.3, a \"test\"");
        QCOMPARE(EventCsv::toCsv({failover, options}, QStringLiteral("admin@db1")),
                 QStringLiteral("time,host,bond,kind,slave,from,to,text\r\n"
                                "2026-01-15T15:00:00.250+03:00,admin@db1,bond0,failover,eth1,eth0,eth1,"
                                "\"eth0 went down, eth1 is now active\"\r\n"
                                "2026-01-16T00:30:01.007+03:00,admin@db1,bond0,options-changed,,,,"
                                "\"options changed: arp_ip_target=10.0.2.2,10.0.2.3, a \"\"test\"\"\"\r\n"));
        QCOMPARE(EventCsv::toCsv({}, QStringLiteral("local")),
                 QStringLiteral("time,host,bond,kind,slave,from,to,text\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestEventCsv)
#include "TestEventCsv.moc"
