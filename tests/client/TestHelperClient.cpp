// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// HelperClient against the real helper Service (fake kernel) on a private system bus with the real
// dbus-daemon and polkitd: typed replies, the error kinds, both call styles, and the
// interactive-authorisation flag as it travels on the wire.
#include "HelperFixture.h"
#include "PrivateBusTestMain.h"

#include "ErrorNames.h"

#include <QDBusServer>
#include <QDBusVirtualObject>
#include <QDir>
#include <QTest>

using bm::HelperClient;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}
constexpr auto Write = HelperClient::Auth::NonInteractive;

// The far end of a peer connection: keeps every call and answers it with an empty reply.
class Recorder : public QDBusVirtualObject
{
public:
    QList<QDBusMessage> calls;
    QString introspect(const QString &) const override { return QString(); }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        calls << message;
        connection.send(message.createReply());
        return true;
    }
};

} // namespace

class TestHelperClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void reads();
    void errorKinds();
    void asyncStyle();
    void interactiveFlagOnTheWire();
    void unreachable();

private:
    HelperClient *client() const { return m_fixture.client(); }

    HelperFixture m_fixture {HelperFixture::Client::Open};
};

void TestHelperClient::initTestCase()
{
    m_fixture.initTestCase();
}
void TestHelperClient::cleanupTestCase()
{
    m_fixture.cleanupTestCase();
}
void TestHelperClient::init()
{
    m_fixture.init();
}
void TestHelperClient::cleanup()
{
    m_fixture.cleanup();
}

void TestHelperClient::reads()
{
    const auto available = client()->bondingAvailable().wait();
    QVERIFY(available.ok());
    QVERIFY(available.value);
    const auto names = client()->listBonds().wait();
    QVERIFY(names.ok());
    QVERIFY(names.value.isEmpty());
    const auto candidates = client()->listCandidates().wait();
    QVERIFY(candidates.ok());
    QStringList seen;
    for (const bm::CandidateInfo &c : candidates.value) {
        seen << c.name;
        if (c.name == s("eth0")) {
            QVERIFY(c.defaultRoute);
            QVERIFY(c.adminUp);
            QVERIFY(c.carrier);
            QVERIFY(!c.mac.isEmpty());
            QVERIFY(c.master.isEmpty());
        }
    }
    for (const char *nic : {"eth0", "eth1", "eth2", "eth3"})
        QVERIFY2(seen.contains(s(nic)), nic);
}

void TestHelperClient::errorKinds()
{
    auto bond = client()->getBond(s("nosuch")).wait();
    QCOMPARE(bond.error.kind, bm::ClientError::NoSuchBond);
    QCOMPARE(bond.error.name, s("org.bondmanager.Error.NoSuchBond"));
    QVERIFY(bond.error.message.contains(s("nosuch")));
    QCOMPARE(client()->addSlave(s("nosuch"), s("eth0"), Write).wait().error.kind, bm::ClientError::NoSuchBond);
    QCOMPARE(client()->createBond(s("bad/name"), {{s("mode"), s("balance-rr")}}, {}, Write).wait().error.kind,
             bm::ClientError::InvalidArgument);
    QCOMPARE(client()->createBond(s("bond0"), {{s("mode"), s("balance-rr")}}, {s("nic9")}, Write)
                     .wait()
                     .error.kind,
             bm::ClientError::NoSuchInterface);
    // eth0 carries the default route (FakeHelper's kernel): a plain write over it is refused with
    // the helper's sentence, which says why and what to do instead (issue 15).
    const auto plain = client()->createBond(s("bond0"), {{s("mode"), s("active-backup")}}, {s("eth0")}, Write)
                               .wait();
    QCOMPARE(plain.error.kind, bm::ClientError::TrialRequired);
    QVERIFY2(plain.error.message.contains(s("eth0, which carries 192.0.2.10/24 and the default route")),
             qPrintable(plain.error.message));
    QVERIFY2(plain.error.message.contains(s("as a trial")), qPrintable(plain.error.message));
    QVERIFY(client()->listBonds().wait().value.isEmpty());
}

void TestHelperClient::asyncStyle()
{
    bool done = false;
    client()->getBond(s("nosuch")).then(this, [&](const bm::Result<bm::BondInfo> &r) {
        QCOMPARE(r.error.kind, bm::ClientError::NoSuchBond);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);

    // A reply for a context that is gone is dropped, not delivered.
    bool delivered = false;
    {
        QObject context;
        client()->listBonds().then(&context, [&](const bm::Result<QStringList> &) { delivered = true; });
    }
    bool after = false;
    client()->listBonds().then(this, [&](const bm::Result<QStringList> &) { after = true; });
    QTRY_VERIFY_WITH_TIMEOUT(after, 10000);
    QVERIFY(!delivered);
}

void TestHelperClient::interactiveFlagOnTheWire()
{
    // The flag is seen where it arrives: a peer connection whose far end records each call's
    // header and answers it (dbus-monitor cannot watch the private system bus: its policy, like
    // Debian's, does not allow monitoring).
    QDBusServer server(s("unix:tmpdir=") + QDir::tempPath());
    QVERIFY(server.isConnected());
    Recorder recorder;
    connect(&server, &QDBusServer::newConnection, this, [&recorder](const QDBusConnection &c) {
        QDBusConnection(c).registerVirtualObject(QLatin1String(BondManager::DBus::ObjectPath), &recorder);
    });
    QDBusConnection peer = QDBusConnection::connectToPeer(server.address(), s("recorder-peer"));
    QVERIFY(peer.isConnected());
    {
        HelperClient client(peer);
        int answered = 0;
        auto count = [&answered](const bm::Result<bm::Done> &r) {
            QVERIFY(r.ok());
            ++answered;
        };
        client.deleteBond(s("probe-ask"), HelperClient::Auth::Interactive).then(this, count);
        client.deleteBond(s("probe-quiet"), HelperClient::Auth::NonInteractive).then(this, count);
        client.setPrimary(s("bond0"), s("eth1"), HelperClient::Auth::Interactive).then(this, count);
        QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 10000);
    }
    QDBusConnection::disconnectFromPeer(s("recorder-peer"));

    QCOMPARE(recorder.calls.size(), 3);
    // Qt may hand the calls to the object in any order: find each by its method and bond.
    auto call = [&recorder](const char *member, const char *bond) {
        for (const QDBusMessage &m : std::as_const(recorder.calls)) {
            if (m.member() == QLatin1String(member)
                && m.arguments().value(0).toString() == QLatin1String(bond))
                return m;
        }
        return QDBusMessage();
    };
    const QDBusMessage ask = call("DeleteBond", "probe-ask");
    const QDBusMessage quiet = call("DeleteBond", "probe-quiet");
    const QDBusMessage primary = call("SetPrimary", "bond0");
    QCOMPARE(ask.interface(), QLatin1String(BondManager::DBus::InterfaceName));
    QVERIFY(ask.isInteractiveAuthorizationAllowed());
    QCOMPARE(quiet.type(), QDBusMessage::MethodCallMessage);
    QVERIFY(!quiet.isInteractiveAuthorizationAllowed());
    QCOMPARE(primary.arguments().value(1).toString(), s("eth1"));
    QVERIFY(primary.isInteractiveAuthorizationAllowed());
}

void TestHelperClient::unreachable()
{
    m_fixture.helper().stop();
    const auto list = client()->listBonds().wait();
    QCOMPARE(list.error.kind, bm::ClientError::Unreachable);
    QVERIFY2(list.error.message.contains(s("not reachable")), qPrintable(list.error.message));
}

BM_PRIVATE_BUS_TEST_MAIN(TestHelperClient)

#include "TestHelperClient.moc"
