// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The choice of the network service a write goes through (helper/src/services/ServiceRegistry):
// the owner's, or the one saveWith names when it may take the interfaces. Facts from fixture files
// under a temporary root; the bus is one that is not connected, so neither NetworkManager nor
// systemd-networkd is running.
#include "ErrorNames.h"
#include "ServiceFixtures.h"
#include "ServiceRegistry.h"
#include "SystemRoot.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bm;
using namespace bm::helper;
using fixtures::s;
namespace E = BondManager::DBus::Error;

namespace {

using fixtures::StubService;

QString errorOf(const ServiceRegistry::Choice &choice)
{
    return choice.refusal ? QString::fromLatin1(choice.refusal->name) : QString();
}

} // namespace

class TestServiceRegistry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    std::unique_ptr<ServiceRegistry> m_registry;
    StubService *m_ifupdown = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        // eth0 is ifupdown's, eth2 netplan's; eth1 and eth3 nobody's.
        fixtures::writeFile(m_root.path(), "/etc/network/interfaces",
                            "source-directory /etc/network/interfaces.d\n"
                            "auto eth0\niface eth0 inet dhcp\n");
        fixtures::writeFile(m_root.path(), "/etc/netplan/01-eth2.yaml",
                            "network:\n  ethernets:\n    eth2:\n      dhcp4: true\n");
        SystemRoot::setForTesting(m_root.path());
    }

    void cleanupTestCase() { SystemRoot::setForTesting(QString()); }

    void init()
    {
        m_registry = std::make_unique<ServiceRegistry>(QDBusConnection(s("not connected")),
                                                       std::make_unique<StubService>(NetworkOwner::None));
        auto ifupdown = std::make_unique<StubService>(NetworkOwner::Ifupdown);
        m_ifupdown = ifupdown.get();
        m_registry->add(std::move(ifupdown));
    }

    void ownersServiceByDefault()
    {
        const auto choice = m_registry->choose(s("bond0"), {s("eth0"), s("eth1")}, QString());
        QCOMPARE(errorOf(choice), QString());
        QCOMPARE(choice.service, m_ifupdown);
        QCOMPARE(choice.decision.owner, NetworkOwner::Ifupdown);
    }

    void runtimeWhenNobodyOwnsThem()
    {
        const auto choice = m_registry->choose(s("bond0"), {s("eth1"), s("eth3")}, QString());
        QCOMPARE(errorOf(choice), QString());
        QCOMPARE(choice.service, m_registry->runtime());
        QCOMPARE(m_registry->choose(s("bond0"), {s("eth1")}, s("none")).service, m_registry->runtime());
    }

    // netplan's files are not ours to change: runtime, with the decision's warning.
    void netplanIsRuntimeWithAWarning()
    {
        const auto choice = m_registry->choose(s("bond0"), {s("eth2")}, QString());
        QCOMPARE(choice.service, m_registry->runtime());
        QVERIFY2(choice.decision.warnings.join(u' ').contains(s("netplan")),
                 qPrintable(choice.decision.warnings.join(u' ')));
        const auto saved = m_registry->choose(s("bond0"), {s("eth2")}, s("ifupdown"));
        QCOMPARE(errorOf(saved), QString::fromLatin1(E::ServiceRefused));
        QVERIFY2(saved.refusal->text.startsWith(s("eth2 is configured by netplan")),
                 qPrintable(saved.refusal->text));
    }

    void namedService()
    {
        const auto choice = m_registry->choose(s("bond0"), {s("eth1")}, s("ifupdown"));
        QCOMPARE(errorOf(choice), QString());
        QCOMPARE(choice.service, m_ifupdown);
    }

    void namedServiceRefused_data()
    {
        QTest::addColumn<QStringList>("slaves");
        QTest::addColumn<QString>("saveWith");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("says");
        const QString refused = QString::fromLatin1(E::ServiceRefused);
        QTest::newRow("not registered") << QStringList {s("eth1")} << s("NetworkManager") << refused
                                        << s("cannot save bonds with NetworkManager yet");
        // Registered or not, a service that is not running cannot take it.
        QTest::newRow("networkd") << QStringList {s("eth1")} << s("networkd") << refused
                                  << s("systemd-networkd");
        QTest::newRow("owned by another")
                << QStringList {s("eth0")} << s("networkd") << refused
                << s("eth0 is configured in /etc/network/interfaces (ifupdown), so");
        QTest::newRow("runtime on a saved one")
                << QStringList {s("eth0")} << s("none") << refused << s("eth0 is configured in");
        QTest::newRow("unknown") << QStringList {s("eth1")} << s("wicked")
                                 << QString::fromLatin1(E::InvalidArgument)
                                 << s("'wicked' is not a network service");
    }

    void namedServiceRefused()
    {
        QFETCH(QStringList, slaves);
        QFETCH(QString, saveWith);
        QFETCH(QString, error);
        QFETCH(QString, says);
        const auto choice = m_registry->choose(s("bond0"), slaves, saveWith);
        QCOMPARE(errorOf(choice), error);
        QCOMPARE(choice.service, nullptr);
        QVERIFY2(choice.refusal->text.contains(says), qPrintable(choice.refusal->text));
        QVERIFY2(choice.refusal->text.endsWith(u'.'), qPrintable(choice.refusal->text));
    }

    // A bond whose slaves two services claim is refused whatever saveWith says.
    void slavesOfTwoOwnersAreRefused()
    {
        fixtures::writeFile(m_root.path(), "/etc/netplan/02-eth3.yaml",
                            "network:\n  ethernets:\n    eth3:\n      dhcp4: true\n");
        const auto choice = m_registry->choose(s("bond0"), {s("eth0"), s("eth3")}, QString());
        QFile::remove(m_root.path() + s("/etc/netplan/02-eth3.yaml"));
        QCOMPARE(errorOf(choice), QString::fromLatin1(E::ServiceRefused));
        QVERIFY2(choice.refusal->text.startsWith(
                         s("bond0 and its slaves must be saved by one network service")),
                 qPrintable(choice.refusal->text));
    }

    // The owner's service unregistered: refused rather than changed behind its back.
    void ownerWithoutServiceIsRefused()
    {
        ServiceRegistry bare(QDBusConnection(s("not connected")),
                             std::make_unique<StubService>(NetworkOwner::None));
        const auto choice = bare.choose(s("bond0"), {s("eth0")}, QString());
        QCOMPARE(errorOf(choice), QString::fromLatin1(E::ServiceRefused));
        QVERIFY(bare.couldSave(bare.decide(s("bond0"), {s("eth1")})).isEmpty());
    }

    void couldSaveAndLoad()
    {
        QCOMPARE(m_registry->couldSave(m_registry->decide(s("bond0"), {s("eth1")})),
                 QStringList {s("ifupdown")});
        QCOMPARE(m_registry->couldSave(m_registry->decide(s("bond0"), {s("eth2")})), QStringList());
        QVERIFY(!m_registry->load(s("bond0")).second);
        m_ifupdown->saved = s("bond0");
        const auto [service, saved] = m_registry->load(s("bond0"));
        QCOMPARE(service, m_ifupdown);
        QVERIFY(saved);
        QCOMPARE(saved->where.backend, NetworkOwner::Ifupdown);
    }

    void saveWithNames()
    {
        QCOMPARE(ServiceRegistry::ownerOfSaveWith(s("networkd")), std::optional(NetworkOwner::Networkd));
        QCOMPARE(ServiceRegistry::ownerOfSaveWith(s("systemd-networkd")),
                 std::optional(NetworkOwner::Networkd));
        QCOMPARE(ServiceRegistry::ownerOfSaveWith(s("none")), std::optional(NetworkOwner::None));
        QCOMPARE(ServiceRegistry::ownerOfSaveWith(QString()), std::nullopt);
        QCOMPARE(ServiceRegistry::saveWithName(NetworkOwner::Networkd), s("networkd"));
        QCOMPARE(asSentence(s("no network service configures bond0")),
                 s("No network service configures bond0."));
        QCOMPARE(asSentence(s("eth0 is managed by NetworkManager")), s("eth0 is managed by NetworkManager."));
    }
};

QTEST_GUILESS_MAIN(TestServiceRegistry)

#include "TestServiceRegistry.moc"
