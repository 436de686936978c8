// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Ownership: who owns an interface from the facts, one owner for a bond and its slaves or a
// refusal naming both, and the file facts (ifupdown's files with their includes, netplan's YAML)
// read from fixtures.
#include "Ownership.h"
#include "OwnershipProbe.h"
#include "Persistence.h"
#include "ServiceFixtures.h"
#include "SystemRoot.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace bm::helper;

namespace {

using fixtures::s;
using fixtures::writeFile;

InterfaceFacts nmManaged(const char *name)
{
    InterfaceFacts f;
    f.name = s(name);
    f.nmRunning = true;
    f.nmManaged = true;
    return f;
}

InterfaceFacts networkd(const char *name, const char *state = "configured")
{
    InterfaceFacts f;
    f.name = s(name);
    f.networkdRunning = true;
    f.networkdState = s(state);
    return f;
}

InterfaceFacts ifupdown(const char *name, const char *file = "/etc/network/interfaces")
{
    InterfaceFacts f;
    f.name = s(name);
    f.ifupdownFile = s(file);
    return f;
}

InterfaceFacts nothing(const char *name)
{
    InterfaceFacts f;
    f.name = s(name);
    return f;
}

} // namespace

class TestOwnership : public QObject
{
    Q_OBJECT

private slots:
    void singleInterface()
    {
        QCOMPARE(decideOwner(nmManaged("eth0")).owner, NetworkOwner::NetworkManager);
        QCOMPARE(decideOwner(nmManaged("eth0")).reason, s("eth0 is managed by NetworkManager"));
        QCOMPARE(decideOwner(networkd("eth0")).owner, NetworkOwner::Networkd);
        QCOMPARE(decideOwner(networkd("eth0", "configuring")).owner, NetworkOwner::Networkd);
        QCOMPARE(decideOwner(networkd("eth0", "unmanaged")).owner, NetworkOwner::None);
        QCOMPARE(decideOwner(networkd("eth0", "")).owner, NetworkOwner::None);
        QCOMPARE(decideOwner(ifupdown("eth0")).reason,
                 s("eth0 is configured in /etc/network/interfaces (ifupdown)"));
        QCOMPARE(decideOwner(nothing("eth0")).owner, NetworkOwner::None);
        QCOMPARE(decideOwner(nothing("eth0")).reason, s("no network service configures eth0"));

        // NetworkManager running but keeping the device unmanaged (Debian: it is in ifupdown's file).
        InterfaceFacts unmanaged = ifupdown("eth0");
        unmanaged.nmRunning = true;
        unmanaged.nmManaged = false;
        QCOMPARE(decideOwner(unmanaged).owner, NetworkOwner::Ifupdown);
        QCOMPARE(decideOwner(unmanaged).warnings, QStringList());
        // Managed, but NetworkManager is not on the bus (a stale fact): not NetworkManager's.
        InterfaceFacts stale = nmManaged("eth0");
        stale.nmRunning = false;
        QCOMPARE(decideOwner(stale).owner, NetworkOwner::None);
    }

    void netplanIsSaidAndNotSaved()
    {
        InterfaceFacts f = networkd("eth0");
        f.netplanFile = s("/etc/netplan/01-netcfg.yaml");
        const OwnerDecision d = decideOwner(f);
        QCOMPARE(d.owner, NetworkOwner::Netplan);
        QVERIFY(!d.canSave());
        QVERIFY(!d.refused());
        QCOMPARE(d.warnings.size(), 2);
        QVERIFY(d.warnings.filter(s("configured by netplan (/etc/netplan/01-netcfg.yaml)")).size() == 1);
        QVERIFY(d.warnings.filter(s("lasts only until netplan applies")).size() == 1);
    }

    void secondClaimantIsAWarning()
    {
        InterfaceFacts f = nmManaged("eth0");
        f.ifupdownFile = s("/etc/network/interfaces.d/eth0");
        const OwnerDecision d = decideOwner(f);
        QCOMPARE(d.owner, NetworkOwner::NetworkManager);
        QCOMPARE(d.warnings, QStringList {s("eth0 is also configured in /etc/network/interfaces.d/eth0 "
                                            "(ifupdown), which may undo what NetworkManager saves")});
        QVERIFY(d.canSave());
    }

    void groupSharesOneOwner()
    {
        // A new bond (nothing knows it yet) takes its slaves' owner.
        OwnerDecision d = decideGroupOwner(nothing("bond0"), {nmManaged("eth0"), nmManaged("eth1")});
        QCOMPARE(d.owner, NetworkOwner::NetworkManager);
        QVERIFY(d.canSave());
        d = decideGroupOwner(ifupdown("bond0", "/etc/network/interfaces.d/bond-manager-bond0"),
                             {nothing("eth0"), ifupdown("eth1")});
        QCOMPARE(d.owner, NetworkOwner::Ifupdown);
        QCOMPARE(d.reason,
                 s("bond0 is configured in /etc/network/interfaces.d/bond-manager-bond0 (ifupdown)"));
        d = decideGroupOwner(nothing("bond0"), {networkd("eth0", "unmanaged"), networkd("eth1")});
        QCOMPARE(d.owner, NetworkOwner::Networkd);
    }

    void groupWithoutOwnerIsRuntimeOnly()
    {
        const OwnerDecision d = decideGroupOwner(nothing("bond0"), {nothing("eth0")});
        QCOMPARE(d.owner, NetworkOwner::None);
        QVERIFY(!d.refused());
        QVERIFY(!d.canSave());
        QCOMPARE(d.warnings,
                 QStringList {s("no network service saves bond0: the change lasts until the next boot")});
    }

    void differentOwnersAreRefused()
    {
        const OwnerDecision d = decideGroupOwner(nothing("bond0"), {nmManaged("eth0"), ifupdown("eth1")});
        QVERIFY(d.refused());
        QVERIFY(!d.canSave());
        QCOMPARE(d.refusal, s("bond0 and its slaves must be saved by one network service, but eth0 is "
                              "managed by NetworkManager and eth1 is configured in "
                              "/etc/network/interfaces (ifupdown)"));
        const OwnerDecision bondFirst = decideGroupOwner(networkd("bond0"),
                                                         {nothing("eth0"), nmManaged("eth1")});
        QVERIFY(bondFirst.refusal.contains(s("but bond0 is configured by systemd-networkd and eth1 is "
                                             "managed by NetworkManager")));
    }

    void networkManagerNeedsEveryMemberManaged()
    {
        InterfaceFacts unmanaged = nothing("eth1");
        unmanaged.nmRunning = true;
        unmanaged.nmManaged = false;
        const OwnerDecision d = decideGroupOwner(nothing("bond0"), {nmManaged("eth0"), unmanaged});
        QVERIFY(d.refused());
        QCOMPARE(d.refusal, s("eth0 is managed by NetworkManager, but it does not manage eth1; let "
                              "NetworkManager manage eth1 first"));
        // A device NetworkManager does not know (a bond to create) is no obstacle.
        InterfaceFacts unknown = nothing("bond0");
        unknown.nmRunning = true;
        QVERIFY(!decideGroupOwner(unknown, {nmManaged("eth0")}).refused());
    }

    void persistence()
    {
        QCOMPARE(Persistence().toVariantMap(), (QVariantMap {{s("backend"), s("none")}}));
        QVERIFY(!Persistence().isSaved());
        QCOMPARE(Persistence::networkManager(s("bond0"), s("u-1")).toVariantMap(),
                 (QVariantMap {{s("backend"), s("NetworkManager")},
                               {s("profile"), s("bond0")},
                               {s("uuid"), s("u-1")}}));
        const Persistence file = Persistence::file(NetworkOwner::Networkd,
                                                   s("/etc/systemd/network/10-bond-manager-bond0.netdev"));
        QVERIFY(file.isSaved());
        QCOMPARE(file.toVariantMap(),
                 (QVariantMap {{s("backend"), s("systemd-networkd")},
                               {s("location"), s("/etc/systemd/network/10-bond-manager-bond0.netdev")}}));
    }

    void fileFacts()
    {
        QTemporaryDir root;
        writeFile(root.path(), "/etc/network/interfaces",
                  "source-directory /etc/network/interfaces.d\n"
                  "auto lo\niface lo inet loopback\n"
                  "auto bond7\niface bond7 inet manual\n    bond_slaves eth4 eth5\n"
                  "# iface eth9 inet dhcp\n");
        writeFile(root.path(), "/etc/network/interfaces.d/eth0", "allow-hotplug eth0\niface eth0 inet dhcp\n");
        writeFile(root.path(), "/etc/network/interfaces.d/not.read", "iface eth6 inet dhcp\n");
        writeFile(root.path(), "/etc/netplan/01-netcfg.yaml",
                  "# eth3 is mentioned only in a comment\n"
                  "network:\n  version: 2\n  ethernets:\n    eth2:\n      dhcp4: true\n"
                  "  bonds:\n    bond1:\n      interfaces: [eth2, eth20]  # eth3 again\n");
        writeFile(root.path(), "/etc/netplan/README", "eth3\n");
        SystemRoot::setForTesting(root.path());

        const QMap<QString, QString> names = OwnershipProbe::ifupdownInterfaces();
        QCOMPARE(names.keys(), (QStringList {s("bond7"), s("eth0"), s("eth4"), s("eth5"), s("lo")}));
        QCOMPARE(names.value(s("eth0")), s("/etc/network/interfaces.d/eth0"));
        QCOMPARE(names.value(s("eth4")), s("/etc/network/interfaces"));

        QCOMPARE(OwnershipProbe::netplanFile(s("eth2")), s("/etc/netplan/01-netcfg.yaml"));
        QCOMPARE(OwnershipProbe::netplanFile(s("bond1")), s("/etc/netplan/01-netcfg.yaml"));
        QCOMPARE(OwnershipProbe::netplanFile(s("eth20")), s("/etc/netplan/01-netcfg.yaml"));
        QCOMPARE(OwnershipProbe::netplanFile(s("eth3")), QString());
        QCOMPARE(OwnershipProbe::netplanFile(s("eth")), QString());
        QCOMPARE(OwnershipProbe::netplanFile(s("bond")), QString());

        QList<InterfaceFacts> facts {nothing("eth0"), nothing("eth2"), nothing("eth6")};
        OwnershipProbe::addFileFacts(&facts);
        SystemRoot::setForTesting(QString());
        QCOMPARE(facts.at(0).ifupdownFile, s("/etc/network/interfaces.d/eth0"));
        QCOMPARE(facts.at(1).netplanFile, s("/etc/netplan/01-netcfg.yaml"));
        QCOMPARE(facts.at(2).ifupdownFile, QString());
        QCOMPARE(decideOwner(facts.at(2)).owner, NetworkOwner::None);
    }
};

QTEST_GUILESS_MAIN(TestOwnership)
#include "TestOwnership.moc"
