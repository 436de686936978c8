// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The timeline on disk: kept across restarts, bounded, safe against a torn last line.

#include "EventHistory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace bm::gui;

namespace {

BondEvent sample(int i, const QDateTime &when = QDateTime::currentDateTimeUtc())
{
    BondEvent e;
    e.when = when;
    e.bond = i % 2 ? QStringLiteral("bond0") : QStringLiteral("lab-bond");
    e.kind = i % 3 ? BondEvent::Kind::LinkDown : BondEvent::Kind::Failover;
    e.slave = QStringLiteral("eth%1").arg(i % 4);
    e.from = QStringLiteral("up");
    e.to = QStringLiteral("down");
    e.text = QStringLiteral("event %1, \"quoted\"\nsecond line").arg(i);
    return e;
}

QStringList texts(const QList<BondEvent> &events)
{
    QStringList out;
    for (const BondEvent &e : events)
        out << e.text;
    return out;
}

qsizetype lineCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().count('\n');
}

} // namespace

class TestEventHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_state;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_state.isValid());
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_state.path()));
    }

    void cleanup() { QDir(EventHistory::defaultDirectory()).removeRecursively(); }

    void keptUnderTheXdgStateDirectoryPerHost()
    {
        QCOMPARE(EventHistory::defaultDirectory(), m_state.path() + QStringLiteral("/bond-manager/history"));
        EventHistory local(QStringLiteral("local"));
        QCOMPARE(local.path(), EventHistory::defaultDirectory() + QStringLiteral("/local.events"));
        EventHistory host(QStringLiteral("admin@db1.example.org"));
        QCOMPARE(host.path(),
                 EventHistory::defaultDirectory() + QStringLiteral("/admin@db1.example.org.events"));
        // Nothing climbs out of the directory.
        EventHistory odd(QStringLiteral("../x/y"));
        QCOMPARE(odd.path(), EventHistory::defaultDirectory() + QStringLiteral("/_._x_y.events"));
        EventHistory memory {QString()};
        QVERIFY(memory.path().isEmpty());
    }

    void survivesARestart()
    {
        const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(-60);
        QList<BondEvent> written;
        {
            EventHistory history(QStringLiteral("lab"));
            QVERIFY(history.events().isEmpty());
            for (int i = 0; i < 5; ++i) {
                written << sample(i, t.addMSecs(i * 250));
                history.append(written.last());
            }
        }
        EventHistory again(QStringLiteral("lab"));
        QCOMPARE(again.events().size(), written.size());
        for (qsizetype i = 0; i < written.size(); ++i) {
            const BondEvent &a = again.events().at(i);
            const BondEvent &b = written.at(i);
            QCOMPARE(a.when, b.when);
            QCOMPARE(a.bond, b.bond);
            QCOMPARE(a.kind, b.kind);
            QCOMPARE(a.slave, b.slave);
            QCOMPARE(a.from, b.from);
            QCOMPARE(a.to, b.to);
            QCOMPARE(a.text, b.text);
        }
        // Each host its own.
        QVERIFY(EventHistory(QStringLiteral("local")).events().isEmpty());
    }

    void writtenInBatchesWithoutWaitingForTheEnd()
    {
        EventHistory history(QStringLiteral("lab"));
        history.append(sample(1));
        history.append(sample(2));
        QTRY_COMPARE(lineCount(history.path()), 2);
    }

    void boundHoldsAtMaxEvents()
    {
        constexpr int extra = EventHistory::CompactMargin + 500;
        {
            EventHistory history(QStringLiteral("lab"));
            for (int i = 0; i < EventHistory::MaxEvents + extra; ++i) {
                history.append(sample(i));
                if (i % 997 == 0)
                    history.flush();
            }
            QCOMPARE(history.events().size(), EventHistory::MaxEvents);
        }
        EventHistory again(QStringLiteral("lab"));
        QCOMPARE(again.events().size(), EventHistory::MaxEvents);
        QCOMPARE(again.events().first().text, sample(extra).text);
        QCOMPARE(again.events().last().text, sample(EventHistory::MaxEvents + extra - 1).text);
        // Compacted once the margin was exceeded: the file does not grow without end.
        QVERIFY2(lineCount(again.path()) <= EventHistory::MaxEvents + EventHistory::CompactMargin,
                 qPrintable(QString::number(lineCount(again.path()))));
    }

    void eventsOlderThanTheAgeLimitAreDropped()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            EventHistory history(QStringLiteral("lab"));
            history.append(sample(1, now.addDays(-EventHistory::MaxAgeDays - 2)));
            history.append(sample(2, now.addDays(-EventHistory::MaxAgeDays).addSecs(-60)));
            history.append(sample(3, now.addDays(-EventHistory::MaxAgeDays + 1)));
            history.append(sample(4, now.addSecs(-1)));
        }
        EventHistory again(QStringLiteral("lab"));
        QCOMPARE(texts(again.events()), texts({sample(3), sample(4)}));
    }

    void tornLastLineIsIgnored()
    {
        QString path;
        {
            EventHistory history(QStringLiteral("lab"));
            history.append(sample(1));
            history.append(sample(2));
            path = history.path();
        }
        {
            // A crash in the middle of a write.
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"t\":\"2026-11-30T10:00:00.000Z\",\"b\":\"bond0\",\"k\":\"failo");
        }
        {
            EventHistory history(QStringLiteral("lab"));
            QCOMPARE(texts(history.events()), texts({sample(1), sample(2)}));
            history.append(sample(3));
        }
        // The next append starts a line of its own.
        EventHistory again(QStringLiteral("lab"));
        QCOMPARE(texts(again.events()), texts({sample(1), sample(2), sample(3)}));
        QCOMPARE(lineCount(path), 3);
    }

    void lastSeenIsKept()
    {
        QHash<QString, SeenBond> seen;
        seen.insert(QStringLiteral("bond0"),
                    {QStringLiteral("eth1"), {{QStringLiteral("eth0"), 4u}, {QStringLiteral("eth1"), 0u}}});
        seen.insert(QStringLiteral("idle"), {QString(), {}});
        {
            EventHistory history(QStringLiteral("lab"));
            QVERIFY(!history.hasLastSeen());
            history.setSeen(seen);
        }
        EventHistory again(QStringLiteral("lab"));
        QVERIFY(again.hasLastSeen());
        QCOMPARE(again.lastSeen(), seen);
    }

    void kindNamesRoundTrip()
    {
        for (int k = int(BondEvent::Kind::Failover); k <= int(BondEvent::Kind::WhileAway); ++k) {
            const QString name = EventHistory::kindName(BondEvent::Kind(k));
            QVERIFY(!name.isEmpty());
            QCOMPARE(EventHistory::kindFromName(name), std::optional(BondEvent::Kind(k)));
        }
        QCOMPARE(EventHistory::kindName(BondEvent::Kind::LinkDown), QStringLiteral("link-down"));
        QVERIFY(!EventHistory::kindFromName(u"nonsense"));
    }
};

QTEST_GUILESS_MAIN(TestEventHistory)
#include "TestEventHistory.moc"
