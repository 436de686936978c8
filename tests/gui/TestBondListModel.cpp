// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondListModel.h"
#include "GuiTestData.h"
#include "SampleBackend.h"
#include "StatusText.h"

#include <QSignalSpy>
#include <QTest>

using namespace bm;
using namespace bm::gui;
using namespace bm::test;

class TestBondListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void healthAtAGlance_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        QTest::addColumn<QString>("health");
        QTest::newRow("all up") << int(MiiStatus::Up) << int(MiiStatus::Up)
                                << QStringLiteral("all slaves up");
        QTest::newRow("one down") << int(MiiStatus::Up) << int(MiiStatus::Down) << QStringLiteral("degraded");
        QTest::newRow("one going down")
                << int(MiiStatus::GoingDown) << int(MiiStatus::Up) << QStringLiteral("degraded");
        QTest::newRow("both down") << int(MiiStatus::Down) << int(MiiStatus::Down) << QStringLiteral("down");
    }
    void healthAtAGlance()
    {
        QFETCH(int, first);
        QFETCH(int, second);
        QFETCH(QString, health);
        SampleBackend backend;
        backend.setBond(
                bond(QStringLiteral("active-backup"), {slave(QStringLiteral("eth0"), MiiStatus(first)),
                                                       slave(QStringLiteral("eth1"), MiiStatus(second))}));
        BondListModel model(&backend);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(BondListModel::HealthTextRole).toString(), health);
        QCOMPARE(i.data().toString(), QStringLiteral("bond0\nActive-backup (failover) · %1").arg(health));
        QVERIFY(!i.data(Qt::DecorationRole).value<QIcon>().isNull());
    }

    void emptyBondSaysSo()
    {
        SampleBackend backend;
        backend.setBond(bond(QStringLiteral("balance-rr")));
        BondListModel model(&backend);
        QCOMPARE(model.index(0).data(BondListModel::HealthTextRole).toString(), QStringLiteral("no slaves"));
    }

    void followsTheBackendsSignals()
    {
        SampleBackend backend;
        backend.loadSampleData();
        BondListModel model(&backend);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.nameAt(0), QStringLiteral("bond0"));
        QCOMPARE(model.index(0).data(BondListModel::HealthRole).toInt(), int(Health::AllUp));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth1"), MiiStatus::Down);
        // Views hear of changes once per frame.
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(model.index(0).data(BondListModel::HealthRole).toInt(), int(Health::Degraded));

        BondInfo extra = bond(QStringLiteral("balance-rr"));
        extra.name = QStringLiteral("bond1");
        backend.setBond(extra);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.nameAt(1), QStringLiteral("bond1")); // sorted

        bool done = false;
        backend.deleteBond(QStringLiteral("bond0"), [&](const ActionResult &) { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("bond0")), -1);
    }

    // In a flap storm a bond changes many times a second; its row is repainted only when what it
    // shows (name, mode, health) changed.
    void rowsThatShowTheSameAreNotRepainted()
    {
        SampleBackend backend;
        backend.loadSampleData();
        BondListModel model(&backend);
        for (int row = 0; row < model.rowCount(); ++row)
            model.index(row).data(); // as a view showing them would
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy backendChanged(&backend, &BondBackend::bondChanged);
        bool done = false;
        backend.setOptions(QStringLiteral("bond0"), {{QStringLiteral("updelay"), 400u}},
                           [&](const ActionResult &) { done = true; });
        QTRY_VERIFY(done);
        QVERIFY(!backendChanged.isEmpty()); // bond0 changed, in nothing its row shows

        backend.setLink(QStringLiteral("lacp0"), QStringLiteral("enp4s0"), MiiStatus::Up);
        QTRY_COMPARE(changed.size(), 1);
        const int lacp = model.rowOf(QStringLiteral("lacp0"));
        QCOMPARE(changed.first().first().value<QModelIndex>().row(), lacp);
        QCOMPARE(model.index(lacp).data(BondListModel::HealthRole).toInt(), int(Health::AllUp));
    }
};

QTEST_MAIN(TestBondListModel)
#include "TestBondListModel.moc"
