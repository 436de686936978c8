// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The timeline shows what earlier runs kept, and filters by bond and kind.

#include "EventHistory.h"
#include "FailoverTimeline.h"
#include "SampleBackend.h"
#include "TimelineFilter.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace bm;
using namespace bm::gui;

namespace {

BondEvent kept(const QString &bond, BondEvent::Kind kind, const QString &text, int minutesAgo)
{
    BondEvent e;
    e.when = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    e.bond = bond;
    e.kind = kind;
    e.text = text;
    return e;
}

QStringList rows(const FailoverTimeline &timeline)
{
    QStringList out;
    for (int i = 0; i < timeline.topLevelItemCount(); ++i)
        out << timeline.topLevelItem(i)->text(FailoverTimeline::EventColumn);
    return out;
}

} // namespace

class TestFailoverTimeline : public QObject
{
    Q_OBJECT
    QTemporaryDir m_state;
    SampleBackend m_backend;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_state.isValid());
        qputenv("XDG_STATE_HOME", QFile::encodeName(m_state.path()));
        // An earlier run's events, of bond0, lacp0 and a bond deleted since.
        EventHistory earlier(QStringLiteral("lab"));
        earlier.append(kept(QStringLiteral("old0"), BondEvent::Kind::BondCreated,
                            QStringLiteral("bond created"), 50));
        earlier.append(kept(QStringLiteral("bond0"), BondEvent::Kind::LinkDown,
                            QStringLiteral("eth0 link went down"), 40));
        earlier.append(kept(QStringLiteral("bond0"), BondEvent::Kind::Failover,
                            QStringLiteral("eth0 went down, eth1 is now active"), 40));
        earlier.append(kept(QStringLiteral("lacp0"), BondEvent::Kind::LinkUp,
                            QStringLiteral("enp4s0 link is up"), 30));
        earlier.append(kept(QStringLiteral("bond0"), BondEvent::Kind::LinkUp,
                            QStringLiteral("eth0 link is up"), 20));
        earlier.append(kept(QStringLiteral("old0"), BondEvent::Kind::BondDeleted,
                            QStringLiteral("bond deleted"), 10));
        m_backend.loadSampleData();
    }

    void earlierRunsAreShownAtStart()
    {
        EventLog log(&m_backend, new EventHistory(QStringLiteral("lab")));
        FailoverTimeline timeline(&log);
        timeline.showBond(QStringLiteral("bond0"));
        QCOMPARE(rows(timeline), (QStringList {QStringLiteral("eth0 link is up"),
                                               QStringLiteral("eth0 went down, eth1 is now active"),
                                               QStringLiteral("eth0 link went down")}));
        QVERIFY(timeline.isColumnHidden(FailoverTimeline::BondColumn));
        QVERIFY(!timeline.isColumnHidden(FailoverTimeline::DateColumn));
    }

    void filterByKindAndBond()
    {
        EventLog log(&m_backend, new EventHistory(QStringLiteral("lab")));
        FailoverTimeline timeline(&log);
        timeline.showBond(QStringLiteral("bond0"));

        timeline.setKindFilter(FailoverTimeline::KindFilter::Failovers);
        QCOMPARE(rows(timeline), QStringList {QStringLiteral("eth0 went down, eth1 is now active")});
        timeline.setKindFilter(FailoverTimeline::KindFilter::SlaveUp);
        QCOMPARE(rows(timeline), QStringList {QStringLiteral("eth0 link is up")});

        timeline.setScope(FailoverTimeline::Scope::AllBonds);
        QCOMPARE(rows(timeline),
                 (QStringList {QStringLiteral("eth0 link is up"), QStringLiteral("enp4s0 link is up")}));
        QVERIFY(!timeline.isColumnHidden(FailoverTimeline::BondColumn));
        QCOMPARE(timeline.topLevelItem(1)->text(FailoverTimeline::BondColumn), QStringLiteral("lacp0"));

        // A bond deleted since is still there to look at.
        timeline.setScope(FailoverTimeline::Scope::OneBond, QStringLiteral("old0"));
        timeline.setKindFilter(FailoverTimeline::KindFilter::All);
        QCOMPARE(rows(timeline),
                 (QStringList {QStringLiteral("bond deleted"), QStringLiteral("bond created")}));
        QCOMPARE(timeline.matchingEvents().size(), 2);
        QCOMPARE(timeline.matchingEvents().first().kind, BondEvent::Kind::BondCreated);

        // New events pass the same filter.
        SampleBackend live;
        live.loadSampleData();
        EventLog liveLog(&live, new EventHistory(QString()));
        FailoverTimeline liveTimeline(&liveLog);
        liveTimeline.showBond(QStringLiteral("bond0"));
        liveTimeline.setKindFilter(FailoverTimeline::KindFilter::SlaveDown);
        live.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::Down);
        live.setLink(QStringLiteral("lacp0"), QStringLiteral("enp3s0"), MiiStatus::Down);
        QTRY_COMPARE(rows(liveTimeline), QStringList {QStringLiteral("eth0 link went down")});
    }

    void filterRowDrivesTheTimeline()
    {
        EventLog log(&m_backend, new EventHistory(QStringLiteral("lab")));
        FailoverTimeline timeline(&log);
        TimelineFilter filter(&log, &timeline);
        timeline.showBond(QStringLiteral("bond0"));
        // Selected, all, then every bond the history knows, sorted.
        QStringList bonds;
        for (int i = 0; i < filter.bondBox()->count(); ++i)
            bonds << filter.bondBox()->itemText(i);
        QCOMPARE(bonds,
                 (QStringList {QStringLiteral("Selected bond"), QStringLiteral("All bonds"),
                               QStringLiteral("bond0"), QStringLiteral("lacp0"), QStringLiteral("old0")}));
        filter.bondBox()->setCurrentIndex(filter.bondBox()->findText(QStringLiteral("lacp0")));
        QCOMPARE(timeline.scope(), FailoverTimeline::Scope::OneBond);
        QCOMPARE(rows(timeline), QStringList {QStringLiteral("enp4s0 link is up")});
        filter.kindBox()->setCurrentIndex(
                filter.kindBox()->findData(QVariant::fromValue(FailoverTimeline::KindFilter::Failovers)));
        QVERIFY(rows(timeline).isEmpty());
        filter.bondBox()->setCurrentIndex(1);
        QCOMPARE(rows(timeline), QStringList {QStringLiteral("eth0 went down, eth1 is now active")});

        QSignalSpy exportAsked(&filter, &TimelineFilter::exportRequested);
        filter.exportButton()->click();
        QCOMPARE(exportAsked.size(), 1);
    }
};

QTEST_MAIN(TestFailoverTimeline)
#include "TestFailoverTimeline.moc"
