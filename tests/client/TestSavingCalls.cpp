// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The clients' side of issue 14 over real D-Bus (a private dbus-daemon): HelperClient reads a
// bond's link, address configuration, persistence and drift from its map and sends the saving
// calls with the contract's arguments; bondctl's create, set-ip, save, restore and show use them.
// The helper is FakeSavingHelper (in this process), which answers the saving calls and records
// them.
#include "ErrorNames.h"
#include "FakeSavingHelper.h"
#include "HelperClient.h"
#include "HelperConnection.h"
#include "PrivateBusTestMain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace bm;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestSavingCalls : public QObject
{
    Q_OBJECT

    PrivateSystemBus m_bus;
    std::unique_ptr<FakeSavingHelper> m_fake;
    std::unique_ptr<HelperConnection> m_connection;
    std::unique_ptr<HelperClient> m_client;

    // The fake helper answers from this thread's event loop: a reply is awaited with it running
    // (Call::wait() would block it).
    template<typename T>
    Result<T> replyTo(const bm::Call<T> &call)
    {
        std::optional<Result<T>> result;
        call.then(this, [&result](const Result<T> &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 30000)) {
            Result<T> timedOut;
            timedOut.error = {ClientError::Failed, QString(), s("no answer")};
            return timedOut;
        }
        return *result;
    }

    // bondctl runs while this process's event loop serves the fake helper.
    Run bondctl(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(s("DBUS_SYSTEM_BUS_ADDRESS"), m_bus.address());
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        QSignalSpy finished(&p, &QProcess::finished);
        // Changes never wait for a password here.
        const bool read = args.value(0) == QLatin1String("show");
        p.start(s(BONDCTL_PATH), read ? args : args + QStringList {s("--no-ask")});
        Run r;
        if (!p.waitForStarted(10000) || !finished.wait(60000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0) {
            QTest::qSkip("needs root: a private mount namespace", __FILE__, __LINE__);
            return;
        }
        const QString error = m_bus.start(s(BM_SOURCE_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_bus.stop(); }

    void init()
    {
        m_fake = std::make_unique<FakeSavingHelper>();
        const QString error = m_fake->start(m_bus.address());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_connection = std::make_unique<HelperConnection>(HelperTarget::address(m_bus.address()));
        QVERIFY2(m_connection->open(), qPrintable(m_connection->errorString()));
        m_client = std::make_unique<HelperClient>(m_connection->bus());
    }

    void cleanup()
    {
        m_client.reset();
        m_connection.reset();
        m_fake.reset();
    }

    void bondMapCarriesLinkPersistenceAndDrift()
    {
        m_fake->setBond(FakeSavingHelper::sampleBond());
        const Result<BondInfo> r = replyTo(m_client->getBond(s("bond0")));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        const BondLink &link = r.value.link;
        QCOMPARE(link.mac, s("52:54:00:12:34:01"));
        QCOMPARE(link.mtu, std::optional<quint32>(1500));
        QCOMPARE(link.addresses, (QStringList {s("192.0.2.10/24"), s("2001:db8::10/64")}));
        QVERIFY(link.ip.has_value());
        QCOMPARE(link.ip->ipv4Method, Ipv4Method::Static);
        QCOMPARE(link.ip->ipv4Gateway, s("192.0.2.1"));
        QCOMPARE(link.ip->ipv6Method, Ipv6Method::Auto);
        QCOMPARE(link.ip->dnsSearch, QStringList {s("example.org")});
        QVERIFY(link.persistence.has_value());
        QCOMPARE(link.persistence->backend, s("NetworkManager"));
        QCOMPARE(link.persistence->profile, s("bond0"));
        QVERIFY(link.persistence->isSaved());
        QCOMPARE(link.drift.size(), 1);
        QCOMPARE(link.drift.first(), (BondDrift {s("miimon"), s("100"), s("200")}));
        // The kernel's part is read as before.
        QCOMPARE(r.value.options.value(s("miimon")).toUInt(), 100u);
    }

    void olderHelperLeavesTheLinkEmpty()
    {
        QVariantMap old = FakeSavingHelper::sampleBond();
        for (const char *key : {"mac", "mtu", "addresses", "ip", "persistence", "drift"})
            old.remove(QLatin1String(key));
        m_fake->setBond(old);
        const Result<BondInfo> r = replyTo(m_client->getBond(s("bond0")));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.link, BondLink());
        QCOMPARE(r.value.mode(), BondMode::ActiveBackup);
    }

    void createConfiguredBondSendsTheConfig()
    {
        m_fake->setPersistence({{s("backend"), s("networkd")},
                                {s("location"), s("/etc/systemd/network/50-bond-manager-bond1.netdev")}});
        BondConfig config;
        config.name = s("bond1");
        config.options = {{s("mode"), s("active-backup")}, {s("miimon"), 100u}};
        config.slaves = {s("eth0"), s("eth1")};
        config.primary = s("eth0");
        config.ip.ipv4Method = Ipv4Method::Static;
        config.ip.ipv4Addresses = {s("192.0.2.10/24")};
        config.ip.mtu = 9000;
        const Result<BondPersistence> r = replyTo(
                m_client->createConfiguredBond(config, s("networkd"), HelperClient::Auth::NonInteractive));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.value.backend, s("networkd"));
        QCOMPARE(r.value.location, s("/etc/systemd/network/50-bond-manager-bond1.netdev"));

        QCOMPARE(m_fake->calls().size(), 1);
        const FakeSavingHelper::Call &call = m_fake->calls().first();
        QCOMPARE(call.method, s("CreateConfiguredBond"));
        QCOMPARE(call.args.at(1).toString(), s("networkd"));
        QStringList problems;
        const BondConfig sent = BondConfig::fromVariantMap(call.args.at(0).toMap(), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(sent, config);
    }

    void theOtherSavingCalls()
    {
        m_fake->setBond(FakeSavingHelper::sampleBond());
        m_fake->setPersistence(FakeSavingHelper::networkManagerPersistence());
        IpConfig ip;
        ip.ipv4Method = Ipv4Method::Dhcp;
        QVERIFY(replyTo(m_client->setIpConfig(s("bond0"), ip, HelperClient::Auth::NonInteractive)).ok());
        const Result<BondPersistence> saved = replyTo(
                m_client->saveBond(s("bond0"), s("NetworkManager"), HelperClient::Auth::NonInteractive));
        QVERIFY(saved.ok());
        QCOMPARE(saved.value.uuid, s("0f3c8d52-5a43-4c1b-9d8e-7e4b2a1c9f00"));
        QVERIFY(replyTo(m_client->restoreSaved(s("bond0"), HelperClient::Auth::NonInteractive)).ok());

        const QList<FakeSavingHelper::Call> &calls = m_fake->calls();
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls.at(0).method, s("SetIpConfig"));
        QCOMPARE(calls.at(0).args.at(0).toString(), s("bond0"));
        QCOMPARE(IpConfig::fromVariantMap(calls.at(0).args.at(1).toMap()), ip);
        QCOMPARE(calls.at(1).method, s("SaveBond"));
        QCOMPARE(calls.at(1).args, (QVariantList {s("bond0"), s("NetworkManager")}));
        QCOMPARE(calls.at(2).method, s("RestoreSaved"));
        QCOMPARE(calls.at(2).args, QVariantList {s("bond0")});
    }

    void serviceRefusalIsTyped()
    {
        m_fake->setBond(FakeSavingHelper::sampleBond());
        m_fake->refuseNext(QLatin1String(BondManager::DBus::Error::ServiceRefused),
                           s("NetworkManager refused the profile."));
        const Result<BondPersistence> r = replyTo(
                m_client->saveBond(s("bond0"), QString(), HelperClient::Auth::NonInteractive));
        QCOMPARE(r.error.kind, ClientError::ServiceRefused);
        QCOMPARE(r.error.message, s("NetworkManager refused the profile."));
    }

    void bondctlCreateWithAddresses()
    {
        m_fake->setPersistence({{s("backend"), s("networkd")},
                                {s("location"), s("/etc/systemd/network/50-bond-manager-bond1.netdev")}});
        const Run run = bondctl({s("create"),      s("bond1"),       s("--mode"), s("active-backup"),
                                 s("--slave"),     s("eth0"),        s("--ip4"),  s("192.0.2.10/24"),
                                 s("--gw4"),       s("192.0.2.1"),   s("--ip6"),  s("auto"),
                                 s("--dns"),       s("192.0.2.53"),  s("--dns"),  s("2001:db8::53"),
                                 s("--search"),    s("example.org"), s("--mtu"),  s("9000"),
                                 s("--save-with"), s("networkd")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out,
                 s("bond1: saved in /etc/systemd/network/50-bond-manager-bond1.netdev (networkd)\n"));
        QCOMPARE(m_fake->calls().size(), 1);
        const FakeSavingHelper::Call &call = m_fake->calls().first();
        QCOMPARE(call.method, s("CreateConfiguredBond"));
        QCOMPARE(call.args.at(1).toString(), s("networkd"));
        const BondConfig sent = BondConfig::fromVariantMap(call.args.at(0).toMap());
        QCOMPARE(sent.slaves, QStringList {s("eth0")});
        QCOMPARE(sent.ip.ipv4Method, Ipv4Method::Static);
        QCOMPARE(sent.ip.ipv4Addresses, QStringList {s("192.0.2.10/24")});
        QCOMPARE(sent.ip.ipv4Gateway, s("192.0.2.1"));
        QCOMPARE(sent.ip.ipv6Method, Ipv6Method::Auto);
        QCOMPARE(sent.ip.dnsServers, (QStringList {s("192.0.2.53"), s("2001:db8::53")}));
        QCOMPARE(sent.ip.dnsSearch, QStringList {s("example.org")});
        QCOMPARE(sent.ip.mtu, std::optional<quint32>(9000));

        // Checked before sending: a gateway outside the subnet is refused with exit 2, nothing sent.
        const Run bad = bondctl({s("create"), s("bond2"), s("--mode"), s("active-backup"), s("--ip4"),
                                 s("192.0.2.10/24"), s("--gw4"), s("198.51.100.1")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(s("not inside a configured subnet")), qPrintable(bad.err));
        QCOMPARE(m_fake->calls().size(), 1);
    }

    void bondctlSetIpKeepsWhatIsNotGiven()
    {
        m_fake->setBond(FakeSavingHelper::sampleBond());
        const Run run = bondctl({s("set-ip"), s("bond0"), s("--mtu"), s("9000")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_fake->calls().size(), 1);
        const IpConfig sent = IpConfig::fromVariantMap(m_fake->calls().first().args.at(1).toMap());
        QCOMPARE(sent.mtu, std::optional<quint32>(9000));
        QCOMPARE(sent.ipv4Addresses, QStringList {s("192.0.2.10/24")});
        QCOMPARE(sent.ipv4Gateway, s("192.0.2.1"));
        QCOMPARE(sent.ipv6Method, Ipv6Method::Auto);
    }

    void bondctlShowSaveRestore()
    {
        m_fake->setBond(FakeSavingHelper::sampleBond());
        const Run show = bondctl({s("show"), s("bond0")});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QVERIFY2(show.out.contains(s("  saved in NetworkManager (profile bond0, uuid "
                                     "0f3c8d52-5a43-4c1b-9d8e-7e4b2a1c9f00)\n")),
                 qPrintable(show.out));
        QVERIFY(show.out.contains(s("  MAC 52:54:00:12:34:01, MTU 1500\n")));
        QVERIFY(show.out.contains(s("  addresses: 192.0.2.10/24, 2001:db8::10/64\n")));
        QVERIFY(show.out.contains(s("    miimon: saved 100, running 200\n")));

        const Run json = bondctl({s("show"), s("bond0"), s("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object.value(u"persistence").toObject().value(u"backend").toString(), s("NetworkManager"));
        QCOMPARE(object.value(u"ip").toObject().value(u"ipv4Gateway").toString(), s("192.0.2.1"));
        QCOMPARE(object.value(u"drift").toArray().first().toObject().value(u"live").toString(), s("200"));
        QCOMPARE(object.value(u"mtu").toInt(), 1500);

        m_fake->setPersistence(FakeSavingHelper::networkManagerPersistence());
        const Run save = bondctl({s("save"), s("bond0"), s("--save-with"), s("NetworkManager")});
        QVERIFY2(save.exitCode == 0, qPrintable(save.err));
        QVERIFY(save.out.startsWith(s("bond0: saved in NetworkManager (profile bond0")));
        const Run restore = bondctl({s("restore"), s("bond0")});
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
        QCOMPARE(m_fake->calls().size(), 2);
        QCOMPARE(m_fake->calls().at(0).method, s("SaveBond"));
        QCOMPARE(m_fake->calls().at(0).args, (QVariantList {s("bond0"), s("NetworkManager")}));
        QCOMPARE(m_fake->calls().at(1).method, s("RestoreSaved"));

        // A service's refusal is the helper's (exit 1), its sentence on stderr.
        m_fake->refuseNext(QLatin1String(BondManager::DBus::Error::ServiceRefused),
                           s("The bond is kept by netplan, which Bond Manager does not write."));
        const Run refused = bondctl({s("save"), s("bond0")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(s("netplan")), qPrintable(refused.err));
    }

    void bondctlShowsUnsavedBonds()
    {
        QVariantMap bond = FakeSavingHelper::sampleBond();
        bond.insert(s("persistence"), QVariantMap {{s("backend"), s("none")},
                                                   {s("saveWith"), QStringList {s("NetworkManager")}}});
        bond.insert(s("drift"), FakeSavingHelper::driftValue({}));
        m_fake->setBond(bond);
        const Run show = bondctl({s("show"), s("bond0")});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QVERIFY2(show.out.contains(s("  not saved: gone after a reboot\n"
                                     "    can be saved with NetworkManager: bondctl save bond0 --save-with "
                                     "NetworkManager\n")),
                 qPrintable(show.out));
        QVERIFY(!show.out.contains(s("differs from the saved configuration")));
    }
};

BM_PRIVATE_BUS_TEST_MAIN(TestSavingCalls)
#include "TestSavingCalls.moc"
