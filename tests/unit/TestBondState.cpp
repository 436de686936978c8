// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// BondState::build: what GetBond and BondChanged carry of a slave's speed and duplex when
// netlink's MII status and /proc's disagree.
#include "BondState.h"

#include <QTest>

using namespace bm;
using namespace bm::helper;

namespace {

LinkTable bondWithSlave(MiiStatus netlinkMii)
{
    LinkInfo bond;
    bond.ifindex = 10;
    bond.name = QStringLiteral("bond0");
    bond.kind = QStringLiteral("bond");
    LinkInfo eth0;
    eth0.ifindex = 2;
    eth0.name = QStringLiteral("eth0");
    eth0.masterIndex = 10;
    eth0.slaveKind = QStringLiteral("bond");
    SlaveInfo s;
    s.name = eth0.name;
    s.miiStatus = netlinkMii;
    eth0.slave = s;
    return LinkTable({bond, eth0});
}

BondInfo procWithSlave(MiiStatus mii)
{
    BondInfo proc;
    SlaveInfo s;
    s.name = QStringLiteral("eth0");
    s.miiStatus = mii;
    s.speedMbps = 10000;
    s.duplex = QStringLiteral("full");
    proc.slaves << s;
    return proc;
}

QVariantMap slaveOf(const QVariantMap &state)
{
    return state.value(QStringLiteral("slaves")).toList().value(0).toMap();
}

} // namespace

class TestBondState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshProcGivesSpeedWhateverNetlinksMiiSays()
    {
        // ARP monitoring moved the slave's MII status between the event and the read.
        const LinkTable links = bondWithSlave(MiiStatus::Up);
        const QVariantMap state = BondState::build(*links.find(10), links, {}, procWithSlave(MiiStatus::Down),
                                                   BondState::Proc::Fresh);
        QCOMPARE(slaveOf(state).value(QStringLiteral("speedMbps")).toUInt(), 10000u);
        QCOMPARE(slaveOf(state).value(QStringLiteral("duplex")).toString(), QStringLiteral("full"));
    }

    void earlierProcGivesSpeedOnlyForTheSameMii()
    {
        const LinkTable down = bondWithSlave(MiiStatus::Down);
        const QVariantMap stale = BondState::build(*down.find(10), down, {}, procWithSlave(MiiStatus::Up),
                                                   BondState::Proc::Earlier);
        QVERIFY(!slaveOf(stale).contains(QStringLiteral("speedMbps")));
        QVERIFY(!slaveOf(stale).contains(QStringLiteral("duplex")));
        const LinkTable up = bondWithSlave(MiiStatus::Up);
        const QVariantMap same = BondState::build(*up.find(10), up, {}, procWithSlave(MiiStatus::Up),
                                                  BondState::Proc::Earlier);
        QCOMPARE(slaveOf(same).value(QStringLiteral("speedMbps")).toUInt(), 10000u);
    }
};

QTEST_GUILESS_MAIN(TestBondState)
#include "TestBondState.moc"
