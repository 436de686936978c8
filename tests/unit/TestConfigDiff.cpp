// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The steps from one bond configuration to another (helper/src/change/ConfigDiff.h) that every
// network service's change() starts from.
#include "ConfigDiff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace bm;
using namespace bm::helper;

namespace {

BondConfig activeBackup()
{
    BondConfig c;
    c.name = u"bond0"_s;
    c.options = {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100u}, {u"arp_ip_target"_s, QStringList()}};
    c.slaves = {u"eth0"_s, u"eth1"_s};
    c.primary = u"eth0"_s;
    return c;
}

} // namespace

class TestConfigDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameIsEmpty() { QVERIFY(ConfigDiff::between(activeBackup(), activeBackup()).isEmpty()); }

    void optionsThatDiffer()
    {
        BondConfig wanted = activeBackup();
        wanted.options.insert(u"miimon"_s, 50u);
        wanted.options.insert(u"updelay"_s, 200u);
        const ConfigDiff diff = ConfigDiff::between(activeBackup(), wanted);
        QCOMPARE(diff.options, (QVariantMap {{u"miimon"_s, 50u}, {u"updelay"_s, 200u}}));
        QVERIFY(diff.addSlaves.isEmpty());
        QVERIFY(diff.removeSlaves.isEmpty());
        QVERIFY(!diff.primary);
        QVERIFY(!diff.ipChanged);
    }

    // An option the wanted configuration leaves out is left as it is: a saved configuration
    // leaves most options to the driver's defaults.
    void optionsLeftOutStay()
    {
        BondConfig wanted = activeBackup();
        wanted.options.remove(u"miimon"_s);
        QVERIFY(ConfigDiff::between(activeBackup(), wanted).isEmpty());
    }

    // Values compare by what they mean: a number however it came, address lists as sets.
    void valuesCompareByMeaning()
    {
        BondConfig current = activeBackup();
        current.options.insert(u"arp_ip_target"_s, QStringList {u"192.0.2.1"_s, u"192.0.2.2"_s});
        BondConfig wanted = current;
        wanted.options.insert(u"miimon"_s, 100);
        wanted.options.insert(u"arp_ip_target"_s, QStringList {u"192.0.2.2"_s, u"192.0.2.1"_s});
        QVERIFY(ConfigDiff::between(current, wanted).isEmpty());
        wanted.options.insert(u"arp_ip_target"_s, QStringList {u"192.0.2.2"_s});
        QCOMPARE(ConfigDiff::between(current, wanted).options.keys(), QStringList {u"arp_ip_target"_s});
    }

    void slavesAddedAndRemovedInOrder()
    {
        BondConfig wanted = activeBackup();
        wanted.slaves = {u"eth3"_s, u"eth1"_s, u"eth2"_s};
        const ConfigDiff diff = ConfigDiff::between(activeBackup(), wanted);
        QCOMPARE(diff.removeSlaves, QStringList {u"eth0"_s});
        QCOMPARE(diff.addSlaves, (QStringList {u"eth3"_s, u"eth2"_s}));
    }

    void primarySetAndCleared()
    {
        BondConfig wanted = activeBackup();
        wanted.primary = u"eth1"_s;
        QCOMPARE(ConfigDiff::between(activeBackup(), wanted).primary, std::optional<QString>(u"eth1"_s));
        wanted.primary.clear();
        QCOMPARE(ConfigDiff::between(activeBackup(), wanted).primary, std::optional<QString>(QString()));
    }

    void addressesChanged()
    {
        BondConfig wanted = activeBackup();
        wanted.ip.ipv4Method = Ipv4Method::Dhcp;
        const ConfigDiff diff = ConfigDiff::between(activeBackup(), wanted);
        QVERIFY(diff.ipChanged);
        QVERIFY(!diff.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConfigDiff)

#include "TestConfigDiff.moc"
