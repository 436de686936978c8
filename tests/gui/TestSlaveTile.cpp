// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GuiTestData.h"
#include "SlaveTile.h"
#include "Sparkline.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace bm;
using namespace bm::gui;
using namespace bm::test;

class TestSlaveTile : public QObject
{
    Q_OBJECT

    static QString text(const SlaveTile &tile, const char *name)
    {
        return tile.findChild<QLabel *>(QLatin1String(name))->text();
    }
    static QPushButton *button(const SlaveTile &tile, const char *name)
    {
        return tile.findChild<QPushButton *>(QLatin1String(name));
    }

private Q_SLOTS:
    void miiStatusByIconAndWord_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("up") << int(MiiStatus::Up) << QStringLiteral("Link up");
        QTest::newRow("going down") << int(MiiStatus::GoingDown) << QStringLiteral("Link going down");
        QTest::newRow("down") << int(MiiStatus::Down) << QStringLiteral("Link down");
        QTest::newRow("going back") << int(MiiStatus::GoingBack) << QStringLiteral("Link going back");
        QTest::newRow("unknown") << int(MiiStatus::Unknown) << QStringLiteral("Link unknown");
    }
    void miiStatusByIconAndWord()
    {
        QFETCH(int, status);
        QFETCH(QString, words);
        SlaveTile tile;
        const SlaveInfo s = slave(QStringLiteral("eth0"), MiiStatus(status), SlaveState::Backup);
        tile.setSlave(s, bond(QStringLiteral("active-backup"), {s}));
        QCOMPARE(text(tile, "miiText"), words);
        QVERIFY(!tile.findChild<QLabel *>(QStringLiteral("miiIcon"))->pixmap().isNull());
        QVERIFY(tile.accessibleDescription().contains(words.toLower()));
    }

    void activeBackupRolesAndPrimary()
    {
        const SlaveInfo a = slave(QStringLiteral("eth0"), MiiStatus::Up, SlaveState::Active);
        const SlaveInfo b = slave(QStringLiteral("eth1"), MiiStatus::Up, SlaveState::Backup);
        BondInfo info = bond(QStringLiteral("active-backup"), {a, b});
        info.options.insert(QStringLiteral("primary"), QStringLiteral("eth1"));
        SlaveTile active, backup;
        active.setSlave(a, info);
        backup.setSlave(b, info);
        QCOMPARE(text(active, "roleText"), QStringLiteral("Active: carries traffic"));
        QCOMPARE(text(backup, "roleText"), QStringLiteral("Backup: standing by"));
        QVERIFY(backup.findChild<QLabel *>(QStringLiteral("primaryText"))->isVisibleTo(&backup));
        QVERIFY(!active.findChild<QLabel *>(QStringLiteral("primaryText"))->isVisibleTo(&active));
        QCOMPARE(text(active, "failures"), QStringLiteral("Link failures: 3"));
        QCOMPARE(text(active, "speed"), QStringLiteral("1 Gb/s, full duplex"));
        QCOMPARE(text(active, "address"), QStringLiteral("Permanent address: 52:54:00:00:00:01"));
        // Already primary / already active: nothing to click.
        QVERIFY(!button(backup, "makePrimary")->isEnabled());
        QVERIFY(button(backup, "makeActive")->isEnabled());
        QVERIFY(!button(active, "makeActive")->isEnabled());
        QCOMPARE(active.accessibleName(), QStringLiteral("Slave eth0"));
        QCOMPARE(active.focusPolicy(), Qt::StrongFocus);
    }

    void roleFromActiveSlaveWhenStateMissing()
    {
        // /proc does not say active/backup per slave; the bond's active slave does.
        const SlaveInfo a = slave(QStringLiteral("eth0"), MiiStatus::Up);
        const SlaveInfo b = slave(QStringLiteral("eth1"), MiiStatus::Up);
        BondInfo info = bond(QStringLiteral("balance-tlb"), {a, b});
        info.options.insert(QStringLiteral("active_slave"), QStringLiteral("eth1"));
        SlaveTile tile;
        tile.setSlave(a, info);
        QCOMPARE(text(tile, "roleText"), QStringLiteral("Backup: standing by"));
    }

    void actionsOnlyWhereTheModeHasAnActiveSlave_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("offered");
        QTest::newRow("balance-rr") << QStringLiteral("balance-rr") << false;
        QTest::newRow("active-backup") << QStringLiteral("active-backup") << true;
        QTest::newRow("balance-xor") << QStringLiteral("balance-xor") << false;
        QTest::newRow("broadcast") << QStringLiteral("broadcast") << false;
        QTest::newRow("802.3ad") << QStringLiteral("802.3ad") << false;
        QTest::newRow("balance-tlb") << QStringLiteral("balance-tlb") << true;
        QTest::newRow("balance-alb") << QStringLiteral("balance-alb") << true;
    }
    void actionsOnlyWhereTheModeHasAnActiveSlave()
    {
        QFETCH(QString, mode);
        QFETCH(bool, offered);
        const SlaveInfo s = slave(QStringLiteral("eth0"), MiiStatus::Up, SlaveState::Backup);
        SlaveTile tile;
        tile.setSlave(s, bond(mode, {s}));
        QCOMPARE(button(tile, "makePrimary")->isVisibleTo(&tile), offered);
        QCOMPARE(button(tile, "makeActive")->isVisibleTo(&tile), offered);
        QCOMPARE(tile.findChild<QLabel *>(QStringLiteral("lacp"))->isVisibleTo(&tile),
                 mode == QLatin1String("802.3ad"));
    }

    void cannotActivateASlaveWithoutLink()
    {
        const SlaveInfo s = slave(QStringLiteral("eth1"), MiiStatus::Down, SlaveState::Backup);
        SlaveTile tile;
        tile.setSlave(s, bond(QStringLiteral("active-backup"), {s}));
        QVERIFY(!button(tile, "makeActive")->isEnabled());
        QVERIFY(button(tile, "makePrimary")->isEnabled());
    }

    void clicksEmitTheSlaveName()
    {
        const SlaveInfo s = slave(QStringLiteral("eth1"), MiiStatus::Up, SlaveState::Backup);
        SlaveTile tile;
        tile.setSlave(s, bond(QStringLiteral("active-backup"), {s}));
        QSignalSpy primary(&tile, &SlaveTile::makePrimaryRequested);
        QSignalSpy active(&tile, &SlaveTile::makeActiveRequested);
        QTest::mouseClick(button(tile, "makePrimary"), Qt::LeftButton);
        QTest::mouseClick(button(tile, "makeActive"), Qt::LeftButton);
        QCOMPARE(primary.size(), 1);
        QCOMPARE(primary.first().first().toString(), QStringLiteral("eth1"));
        QCOMPARE(active.size(), 1);
        tile.setBusy(true);
        QVERIFY(!button(tile, "makePrimary")->isEnabled());
    }

    void lacpAggregatorAndPartner()
    {
        SlaveInfo s = slave(QStringLiteral("enp3s0"), MiiStatus::Up, SlaveState::Active);
        s.aggregatorId = 2;
        BondInfo info = bond(QStringLiteral("802.3ad"), {s});
        info.ad.insert(QStringLiteral("aggregatorId"), 2u);
        info.ad.insert(QStringLiteral("partnerMac"), QStringLiteral("00:1b:21:aa:bb:cc"));
        SlaveTile tile;
        tile.setSlave(s, info);
        QCOMPARE(text(tile, "lacp"), QStringLiteral("Aggregator 2 (active), partner 00:1b:21:aa:bb:cc"));

        s.aggregatorId = 3; // not the active aggregator: the bond's partner is not this one's
        tile.setSlave(s, info);
        QCOMPARE(text(tile, "lacp"), QStringLiteral("Aggregator 3, partner no partner"));
    }

    void sparklineKeepsRecentSamples()
    {
        SlaveTile tile;
        for (int i = 0; i < 100; ++i)
            tile.sparkline()->addSample(i * 1000.0, 10.0);
        QCOMPARE(tile.sparkline()->sampleCount(), 60);
        QCOMPARE(tile.sparkline()->lastRx(), 99000.0);
        QVERIFY(tile.sparkline()->toolTip().contains(QStringLiteral("792 kbit/s")));
    }
};

QTEST_MAIN(TestSlaveTile)
#include "TestSlaveTile.moc"
