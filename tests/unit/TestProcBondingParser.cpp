// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// ProcBondingParser on every fixture (typed values), on the hostile files, and on generated
// hostile input (size, line length, random bytes) that must end in a clear error, never a crash.
#include "ProcBondingParser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace bm;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString fixtureDir()
{
    return QStringLiteral(BM_SOURCE_DIR "/tests/fixtures/proc");
}

QByteArray readFixture(const QString &relative)
{
    QFile f(fixtureDir() + QLatin1Char('/') + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

QString slaveNames(const BondInfo &b)
{
    QStringList names;
    for (const SlaveInfo &sl : b.slaves)
        names << sl.name + QLatin1Char('=') + miiStatusName(sl.miiStatus);
    return names.join(QLatin1Char(' '));
}

} // namespace

class TestProcBondingParser : public QObject
{
    Q_OBJECT

private slots:
    void goodFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("bondMii");
        QTest::addColumn<uint>("miimon");
        QTest::addColumn<uint>("arpInterval");
        QTest::addColumn<QString>("active");
        QTest::addColumn<QString>("primary");
        QTest::addColumn<QString>("slaves");   // name=mii ...
        QTest::addColumn<QString>("failures"); // link failure counts, "-" when not printed

        QTest::newRow("6.x active-backup primary root")
                << s("good/v6-active-backup-primary-root.txt") << s("active-backup") << s("up") << 100u << 0u
                << s("eth1") << s("eth0") << s("eth0=down eth1=up") << s("3 0");
        QTest::newRow("6.x 802.3ad partner root")
                << s("good/v6-8023ad-partner-root.txt") << s("802.3ad") << s("up") << 100u << 0u << QString()
                << QString() << s("veth0=up veth1=up") << s("0 1");
        QTest::newRow("6.x 802.3ad no partner user")
                << s("good/v6-8023ad-nopartner-user.txt") << s("802.3ad") << s("up") << 100u << 0u
                << QString() << QString() << s("veth0=up veth1=down") << s("0 1");
        QTest::newRow("6.x 802.3ad no partner root, no slaves")
                << s("good/v6-8023ad-nopartner-root.txt") << s("802.3ad") << s("down") << 100u << 0u
                << QString() << QString() << QString() << QString();
        QTest::newRow("6.x balance-xor arp")
                << s("good/v6-balance-xor-arp.txt") << s("balance-xor") << s("up") << 0u << 250u << QString()
                << QString() << s("eth0=up eth1=going back") << s("0 4");
        QTest::newRow("6.x active-backup arp no targets")
                << s("good/v6-active-backup-arp-notargets.txt") << s("active-backup") << s("down") << 0u
                << 1000u << QString() << QString() << s("eth0=down eth1=going down") << s("1 0");
        QTest::newRow("6.x balance-tlb flapped")
                << s("good/v6-balance-tlb-flapped.txt") << s("balance-tlb") << s("up") << 50u << 0u
                << s("eth1") << QString() << s("eth0=up eth1=up") << s("17 12");
        QTest::newRow("6.x broadcast all down")
                << s("good/v6-broadcast-alldown.txt") << s("broadcast") << s("down") << 100u << 0u
                << QString() << QString() << s("eth0=down eth1=down") << s("1 1");
        QTest::newRow("6.x balance-alb future lines")
                << s("good/v6-balance-alb-future-lines.txt") << s("balance-alb") << s("up") << 100u << 0u
                << s("ib0") << s("ib0") << s("ib0=up eth1=unknown") << s("0 0");
        QTest::newRow("6.x no slaves") << s("good/v6-no-slaves.txt") << s("balance-rr") << s("down") << 0u
                                       << 0u << QString() << QString() << QString() << QString();
        QTest::newRow("6.x cut at a line end")
                << s("good/v6-truncated-at-line-boundary.txt") << s("active-backup") << s("up") << 100u << 0u
                << s("eth0") << QString() << s("eth0=up") << s("-");
        QTest::newRow("6.x DOS line ends") << s("good/v6-dos-line-ends.txt") << s("balance-rr") << s("up")
                                           << 100u << 0u << QString() << QString() << s("eth0=up") << s("0");
        QTest::newRow("4.x active-backup")
                << s("good/v4-active-backup.txt") << s("active-backup") << s("up") << 100u << 0u << s("eno1")
                << s("eno1") << s("eno1=up eno2=up") << s("0 0");
        QTest::newRow("3.x balance-rr") << s("good/v3-balance-rr.txt") << s("balance-rr") << s("up") << 100u
                                        << 0u << QString() << QString() << s("eth0=up eth1=down") << s("0 2");
        QTest::newRow("3.x 802.3ad") << s("good/v3-8023ad-root.txt") << s("802.3ad") << s("up") << 100u << 0u
                                     << QString() << QString() << s("eth0=up eth1=up") << s("0 0");
        QTest::newRow("2.6 active-backup")
                << s("good/v2.6-active-backup.txt") << s("active-backup") << s("up") << 100u << 0u
                << s("eth0") << QString() << s("eth0=up eth1=up") << s("0 1");
        QTest::newRow("2.6 balance-xor arp")
                << s("good/v2.6-balance-xor-arp.txt") << s("balance-xor") << s("up") << 0u << 500u
                << QString() << QString() << s("eth0=up eth1=down") << s("0 5");
        QTest::newRow("2.4 no header, short mode name")
                << s("good/v2.4-noheader-shortmode.txt") << s("active-backup") << s("up") << 100u << 0u
                << s("eth0") << QString() << s("eth0=up eth1=down") << s("0 2");
        // Captured from Debian's 6.1 kernel in the lab (tests/fixtures/proc/lab/README.md).
        const auto lab = [](const char *tag, const char *f, const char *mode, const char *active,
                            const char *slaves, const char *failures) {
            QTest::newRow(tag) << s("lab/") + s(f) << s(mode) << s("up") << 100u << 0u << s(active)
                               << QString() << s(slaves) << s(failures);
        };
        lab("lab balance-rr", "balance-rr.txt", "balance-rr", "", "eth0=up eth1=up", "0 0");
        lab("lab active-backup", "active-backup.txt", "active-backup", "eth0", "eth0=up eth1=up", "0 0");
        lab("lab balance-xor", "balance-xor.txt", "balance-xor", "", "eth0=up eth1=up", "0 0");
        lab("lab broadcast", "broadcast.txt", "broadcast", "", "eth0=up eth1=up", "0 0");
        lab("lab 802.3ad", "802.3ad-partner.txt", "802.3ad", "", "lacp0=up lacp1=up", "0 0");
        lab("lab balance-tlb", "balance-tlb.txt", "balance-tlb", "eth0", "eth0=up eth1=up", "0 0");
        lab("lab balance-alb", "balance-alb.txt", "balance-alb", "eth0", "eth0=up eth1=up", "0 0");
        lab("lab one slave down", "one-slave-down.txt", "active-backup", "eth1", "eth0=down eth1=up", "1 0");
        lab("lab flaps", "link-flaps.txt", "active-backup", "eth0", "eth0=up eth1=up", "3 2");
        lab("lab going down", "slave-going-down.txt", "active-backup", "eth0", "eth0=going down eth1=up",
            "0 0");
        lab("lab going back", "slave-going-back.txt", "active-backup", "eth1", "eth0=going back eth1=up",
            "1 0");
        QTest::newRow("lab all slaves down")
                << s("lab/all-slaves-down.txt") << s("active-backup") << s("down") << 100u << 0u << QString()
                << QString() << s("eth0=down eth1=down") << s("1 1");
        QTest::newRow("lab arp monitor")
                << s("lab/arp-monitor.txt") << s("active-backup") << s("up") << 0u << 200u << s("eth0")
                << QString() << s("eth0=up eth1=up") << s("0 0");
        QTest::newRow("lab primary reselect")
                << s("lab/primary-reselect.txt") << s("active-backup") << s("up") << 100u << 0u << s("eth1")
                << s("eth1") << s("eth0=up eth1=up") << s("0 0");
    }
    void goodFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, mode);
        QFETCH(QString, bondMii);
        QFETCH(uint, miimon);
        QFETCH(uint, arpInterval);
        QFETCH(QString, active);
        QFETCH(QString, primary);
        QFETCH(QString, slaves);
        QFETCH(QString, failures);

        const ProcBondingParser::Result r = ProcBondingParser::parse(readFixture(file));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const BondInfo &b = r.bond;
        QCOMPARE(b.options.value(s("mode")).toString(), mode);
        QCOMPARE(miiStatusName(b.miiStatus), bondMii);
        QCOMPARE(b.options.value(s("miimon")), QVariant(miimon));
        QCOMPARE(b.options.value(s("arp_interval")), QVariant(arpInterval));
        QCOMPARE(b.activeSlave(), active);
        QCOMPARE(b.primary(), primary);
        QCOMPARE(slaveNames(b), slaves);
        QStringList counts;
        for (const SlaveInfo &sl : b.slaves)
            counts << (sl.linkFailureCount ? QString::number(*sl.linkFailureCount) : s("-"));
        QCOMPARE(counts.join(QLatin1Char(' ')), failures);
    }

    void activeBackupDetails()
    {
        const auto r = ProcBondingParser::parse(readFixture(s("good/v6-active-backup-primary-root.txt")));
        QVERIFY(r.ok());
        QCOMPARE(r.bond.driverVersion, s("6.1.0-18-amd64"));
        QCOMPARE(r.bond.options.value(s("fail_over_mac")), QVariant(s("active")));
        QCOMPARE(r.bond.options.value(s("primary_reselect")), QVariant(s("better")));
        QCOMPARE(r.bond.options.value(s("updelay")), QVariant(200u));
        QCOMPARE(r.bond.options.value(s("peer_notify_delay")), QVariant(0u));
        const SlaveInfo &down = r.bond.slaves.at(0);
        QCOMPARE(down.speedMbps, std::nullopt); // "Speed: Unknown"
        QVERIFY(down.duplex.isNull());          // "Duplex: Unknown"
        QCOMPARE(down.permHwAddr, s("52:54:00:12:34:56"));
        const SlaveInfo &up = r.bond.slaves.at(1);
        QCOMPARE(up.speedMbps, std::optional<quint32>(10000));
        QCOMPARE(up.duplex, s("full"));
        QCOMPARE(up.queueId, std::optional<quint32>(2));
        QCOMPARE(up.state, std::nullopt); // /proc does not say
        QVERIFY(r.bond.extra.isEmpty());
    }

    void lacpRootDetails()
    {
        const auto r = ProcBondingParser::parse(readFixture(s("good/v6-8023ad-partner-root.txt")));
        QVERIFY(r.ok());
        const BondInfo &b = r.bond;
        QCOMPARE(b.options.value(s("xmit_hash_policy")), QVariant(s("layer3+4")));
        QCOMPARE(b.options.value(s("lacp_active")), QVariant(s("on")));
        QCOMPARE(b.options.value(s("lacp_rate")), QVariant(s("fast")));
        QCOMPARE(b.options.value(s("min_links")), QVariant(1u));
        QCOMPARE(b.options.value(s("ad_select")), QVariant(s("bandwidth")));
        QCOMPARE(b.ad.value(s("systemPriority")), QVariant(65535u));
        QCOMPARE(b.ad.value(s("systemMac")), QVariant(s("02:11:22:33:44:55")));
        QCOMPARE(b.ad.value(s("activeAggregator")), QVariant(true));
        QCOMPARE(b.ad.value(s("aggregatorId")), QVariant(1u));
        QCOMPARE(b.ad.value(s("numPorts")), QVariant(2u));
        QCOMPARE(b.ad.value(s("actorKey")), QVariant(15u));
        QCOMPARE(b.ad.value(s("partnerKey")), QVariant(9u));
        QCOMPARE(b.ad.value(s("partnerMac")), QVariant(s("02:aa:bb:cc:dd:ee")));
        const SlaveInfo &v0 = b.slaves.at(0);
        QCOMPARE(v0.aggregatorId, std::optional<quint32>(1));
        QCOMPARE(v0.actorChurnState, s("none"));
        QCOMPARE(v0.partnerChurnedCount, std::optional<quint32>(1));
        QCOMPARE(v0.actorLacpPdu.value(s("portKey")), QVariant(15u));
        QCOMPARE(v0.actorLacpPdu.value(s("portNumber")), QVariant(1u));
        QCOMPARE(v0.actorLacpPdu.value(s("portState")), QVariant(63u));
        QCOMPARE(v0.partnerLacpPdu.value(s("operKey")), QVariant(9u));
        QCOMPARE(v0.partnerLacpPdu.value(s("systemPriority")), QVariant(32768u));
        QCOMPARE(v0.partnerLacpPdu.value(s("portNumber")), QVariant(2u));
        QCOMPARE(b.slaves.at(1).actorLacpPdu.value(s("portNumber")), QVariant(2u));
        QVERIFY(b.extra.isEmpty());
        QVERIFY(v0.extra.isEmpty());
    }

    void lacpUnprivilegedView()
    {
        const auto r = ProcBondingParser::parse(readFixture(s("good/v6-8023ad-nopartner-user.txt")));
        QVERIFY(r.ok());
        QVERIFY(r.bond.ad.isEmpty()); // no system or aggregator lines without CAP_NET_ADMIN
        QCOMPARE(r.bond.slaves.at(0).actorChurnState, s("churned"));
        QVERIFY(r.bond.slaves.at(0).actorLacpPdu.isEmpty());
        QCOMPARE(r.bond.slaves.at(1).aggregatorId, std::nullopt); // "N/A"
    }

    void noActiveAggregatorNamesTheBond()
    {
        const auto r = ProcBondingParser::parse(readFixture(s("good/v6-8023ad-nopartner-root.txt")));
        QVERIFY(r.ok());
        QCOMPARE(r.bond.name, s("bond0"));
        QCOMPARE(r.bond.ad.value(s("activeAggregator")), QVariant(false));
        QCOMPARE(r.bond.options.value(s("xmit_hash_policy")), QVariant(s("encap3+4")));
    }

    void arpTargets()
    {
        auto r = ProcBondingParser::parse(readFixture(s("good/v6-balance-xor-arp.txt")));
        QVERIFY(r.ok());
        QCOMPARE(r.bond.options.value(s("arp_ip_target")).toStringList(),
                 (QStringList {s("192.0.2.1"), s("192.0.2.2")}));
        QCOMPARE(r.bond.options.value(s("ns_ip6_target")).toStringList(), QStringList {s("2001:db8::1")});
        QCOMPARE(r.bond.options.value(s("arp_missed_max")), QVariant(3u));
        r = ProcBondingParser::parse(readFixture(s("good/v6-active-backup-arp-notargets.txt")));
        QVERIFY(r.ok());
        QCOMPARE(r.bond.options.value(s("arp_ip_target")).toStringList(), QStringList {});
        QCOMPARE(r.bond.options.value(s("fail_over_mac")), QVariant(s("follow")));
    }

    void oldKernels()
    {
        auto r = ProcBondingParser::parse(readFixture(s("good/v3-8023ad-root.txt")));
        QVERIFY(r.ok());
        QCOMPARE(r.bond.slaves.at(1).aggregatorId, std::optional<quint32>(3));
        QCOMPARE(r.bond.slaves.at(1).queueId, std::optional<quint32>(0));
        QVERIFY(!r.bond.options.contains(s("lacp_active")));
        r = ProcBondingParser::parse(readFixture(s("good/v3-balance-rr.txt")));
        QVERIFY(r.ok());
        QCOMPARE(r.bond.slaves.at(1).speedMbps, std::nullopt); // "Speed: -1 Mbps"
        QCOMPARE(r.bond.slaves.at(1).duplex, s("half"));
        r = ProcBondingParser::parse(readFixture(s("good/v2.4-noheader-shortmode.txt")));
        QVERIFY(r.ok());
        QVERIFY(r.bond.driverVersion.isNull());
        QVERIFY(r.bond.slaves.at(0).permHwAddr.isNull());
    }

    void unprivilegedViewIsRootViewWithoutLacpDetails_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::newRow("partner") << s("lab/802.3ad-partner");
        QTest::newRow("no partner") << s("lab/802.3ad-no-partner");
    }
    void unprivilegedViewIsRootViewWithoutLacpDetails()
    {
        // Captured from the same bond a moment apart: without CAP_NET_ADMIN the kernel hides the
        // system priority/MAC, the active aggregator and the LACPDU details, and nothing else.
        QFETCH(QString, stem);
        const auto root = ProcBondingParser::parse(readFixture(stem + s(".txt")));
        const auto user = ProcBondingParser::parse(readFixture(stem + s(".unprivileged.txt")));
        QVERIFY(root.ok() && user.ok());
        QVERIFY(!root.bond.ad.isEmpty());
        QVERIFY(user.bond.ad.isEmpty());
        BondInfo stripped = root.bond;
        stripped.ad.clear();
        for (SlaveInfo &sl : stripped.slaves) {
            QVERIFY(!sl.actorLacpPdu.isEmpty() && !sl.partnerLacpPdu.isEmpty());
            sl.actorLacpPdu.clear();
            sl.partnerLacpPdu.clear();
        }
        QCOMPARE(user.bond.toVariantMap(), stripped.toVariantMap());
    }

    void unknownLinesKeptInTheirSection()
    {
        const auto r = ProcBondingParser::parse(readFixture(s("good/v6-balance-alb-future-lines.txt")));
        QVERIFY(r.ok());
        QCOMPARE(r.bond.extra, QStringList {s("Coupled Control: on")});
        QCOMPARE(r.bond.slaves.at(0).extra, QStringList {s("Slave Priority: 10")});
        QVERIFY(r.bond.slaves.at(1).extra.isEmpty());
        QCOMPARE(r.bond.slaves.at(0).permHwAddr.count(QLatin1Char(':')), 19); // 20 bytes
        QCOMPARE(r.bond.slaves.at(1).miiStatus, MiiStatus::Unknown);
    }

    void badFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *f, const char *e) { QTest::newRow(f) << s("bad/") + s(f) << s(e); };
        row("empty.txt", "the file is empty");
        row("binary.bin", "binary data");
        row("truncated-mid-line.txt", "ends in the middle of a line");
        row("header-only.txt", "no \"Bonding Mode:\" line; it looks truncated");
        row("huge-number.txt", "line 5: \"99999999999999999999999999999\" is not a number");
        row("number-above-int-max.txt", "line 5: miimon must be between 0 and 2147483647 ms");
        row("negative-count.txt", "line 7: \"-3\" is not a number");
        // The name is echoed up to its 16th character.
        row("long-slave-name.txt", "line 9: interface name 'enp0s31f6verylon\u2026' is 21 bytes long");
        row("long-primary-name.txt", "line 2: interface name 'abcdefghijklmnop' is 16 bytes long");
        row("slave-name-with-colon.txt", "line 4: interface name 'eth0:1' must not contain ':'");
        row("invalid-utf8.txt", "not valid UTF-8");
        row("control-characters.txt", "line 2: the line contains control characters");
        row("not-bonding-proc-net-dev.txt", "line 1: expected \"Bonding Mode:\"");
        row("unknown-mode.txt", "line 3: unknown bonding mode \"quantum entanglement\"");
        row("two-files-concatenated.txt", "line 6: a second bonding status starts here");
        row("bad-hw-address.txt", "line 6: \"zz:54:00:00:00:01\" is not a hardware address");
        row("duplicate-slave.txt", "line 7: slave eth0 is listed twice");
        row("duplicate-key.txt", "line 4: \"MII Polling Interval (ms):\" appears twice");
    }
    void badFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QString, error);
        const ProcBondingParser::Result r = ProcBondingParser::parse(readFixture(file));
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        QVERIFY(!r.error.contains(QLatin1Char('\n')));
        QVERIFY(r.bond == BondInfo {}); // nothing half-parsed leaks out
    }

    void everyBadFixtureIsListed()
    {
        // A new hostile file must get a row above with its expected message.
        const QStringList files = QDir(fixtureDir() + s("/bad")).entryList(QDir::Files);
        QCOMPARE(files.size(), 18);
    }

    void tooLarge()
    {
        QByteArray big = readFixture(s("good/v6-balance-xor-arp.txt"));
        while (big.size() <= ProcBondingParser::MaxInputBytes)
            big += "Future Line: x\n";
        const auto r = ProcBondingParser::parse(big);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(s("larger than 1048576 bytes")), qPrintable(r.error));
    }

    void largestAcceptedInputIsFast()
    {
        // Just under the limit, all slaves: one linear pass.
        QByteArray text("Bonding Mode: load balancing (round-robin)\nMII Status: up\n");
        int n = 0;
        while (text.size() < ProcBondingParser::MaxInputBytes - 100)
            text += "\nSlave Interface: s" + QByteArray::number(n++) + "\nMII Status: up\n";
        QElapsedTimer timer;
        timer.start();
        const auto r = ProcBondingParser::parse(text);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.bond.slaves.size(), n);
        QVERIFY2(timer.elapsed() < 20000, "parsing 1 MiB took over 20 s");
    }

    void overlongLine()
    {
        QByteArray text("Bonding Mode: load balancing (round-robin)\nMII Status: ");
        text += QByteArray(ProcBondingParser::MaxLineLength + 1, 'u') + '\n';
        const auto r = ProcBondingParser::parse(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(s("line 2: the line is longer than 4096")), qPrintable(r.error));
    }

    void randomBytesNeverCrash()
    {
        // Deterministic: a fixed seed, so a failure reproduces.
        QRandomGenerator rng(20261123);
        const QByteArray base = readFixture(s("good/v6-8023ad-partner-root.txt"));
        for (int round = 0; round < 2000; ++round) {
            QByteArray input = base;
            const int edits = 1 + int(rng.bounded(8));
            for (int e = 0; e < edits; ++e) {
                const int at = int(rng.bounded(input.size()));
                switch (rng.bounded(3)) {
                case 0:
                    input[at] = char(rng.bounded(256));
                    break;
                case 1:
                    input.remove(at, int(rng.bounded(40)));
                    break;
                default:
                    input.insert(at, input.mid(int(rng.bounded(input.size())), 30));
                    break;
                }
            }
            const auto r = ProcBondingParser::parse(input);
            QVERIFY(r.ok() || !r.error.isEmpty());
            QVERIFY(!r.error.contains(QLatin1Char('\n')));
        }
    }
};

QTEST_GUILESS_MAIN(TestProcBondingParser)
#include "TestProcBondingParser.moc"
