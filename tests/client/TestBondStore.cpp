// BondStore against the real helper Service (fake kernel) on a private system bus with the real
// dbus-daemon and polkitd: the first read, updates from the helper's signals, a full re-read when
// the helper is replaced, and its status while no helper answers.
#include "BondStore.h"
#include "FakeHelper.h"
#include "HelperClient.h"
#include "HelperConnection.h"
#include "PrivateSystemBus.h"

#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using bm::BondStore;
using bm::HelperClient;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }
constexpr auto Write = HelperClient::Auth::NonInteractive;

} // namespace

class TestBondStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void firstRead();
    void followsSignals();
    void rereadWhenHelperIsReplaced();
    void helperUnavailable();

private:
    PrivateSystemBus m_bus;
    FakeHelper m_helper;
    std::unique_ptr<bm::HelperConnection> m_connection;
    std::unique_ptr<HelperClient> m_client;
};

void TestBondStore::initTestCase()
{
    if (geteuid() != 0) {
        // qSkip, not QSKIP: clang -Wpedantic refuses QSKIP's empty variadic argument.
        QTest::qSkip("needs root: private mount namespace and the real polkitd", __FILE__, __LINE__);
        return;
    }
    const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestBondStore::cleanupTestCase()
{
    m_client.reset();
    m_connection.reset();
    m_helper.stop();
    m_bus.stop();
}

void TestBondStore::init()
{
    const QString error = m_helper.start(m_bus.address());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_connection = std::make_unique<bm::HelperConnection>(bm::HelperTarget::address(m_bus.address()));
    QVERIFY2(m_connection->open(), qPrintable(m_connection->errorString()));
    m_client = std::make_unique<HelperClient>(m_connection->bus());
}

void TestBondStore::cleanup()
{
    m_client.reset();
    m_connection.reset();
    m_helper.stop();
}

void TestBondStore::firstRead()
{
    QVERIFY(m_client->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                 {s("eth1"), s("eth2")}, Write)
                .wait()
                .ok());
    BondStore store(m_client.get());
    QSignalSpy reset(&store, &BondStore::reset);
    QCOMPARE(store.status(), BondStore::Status::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(store.names(), QStringList{s("bond0")});
    const bm::BondInfo *bond = store.bond(s("bond0"));
    QVERIFY(bond);
    QCOMPARE(bond->mode(), bm::BondMode::ActiveBackup);
    QCOMPARE(bond->options.value(s("miimon")).toUInt(), 100u);
    QCOMPARE(bond->slaves.size(), 2);
    QVERIFY(!store.bond(s("bond1")));
    QVERIFY(store.statusMessage().isEmpty());
}

void TestBondStore::followsSignals()
{
    BondStore store(m_client.get());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QVERIFY(store.names().isEmpty());
    QSignalSpy added(&store, &BondStore::bondAdded);
    QSignalSpy changed(&store, &BondStore::bondChanged);
    QSignalSpy removed(&store, &BondStore::bondRemoved);
    QSignalSpy failover(&store, &BondStore::failover);

    QVERIFY(m_client->createBond(s("bond0"), {{s("mode"), s("active-backup")}, {s("miimon"), 100u}},
                                 {s("eth1"), s("eth2")}, Write)
                .wait()
                .ok());
    QTRY_VERIFY_WITH_TIMEOUT(store.bond(s("bond0")) && store.bond(s("bond0"))->slaves.size() == 2,
                             10000);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().toString(), s("bond0"));

    changed.clear();
    QVERIFY(m_client->setOptions(s("bond0"), {{s("updelay"), 200u}}, Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(store.bond(s("bond0"))->options.value(s("updelay")).toUInt(), 200u,
                              10000);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.last().first().toString(), s("bond0"));

    const QString active = store.bond(s("bond0"))->activeSlave();
    const QString other = active == s("eth1") ? s("eth2") : s("eth1");
    QVERIFY(m_client->setActiveSlave(s("bond0"), other, Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(failover.count(), 1, 10000);
    QCOMPARE(failover.first().at(0).toString(), s("bond0"));
    QCOMPARE(failover.first().at(2).toString(), other);
    QVERIFY(failover.first().at(3).toDateTime().isValid());
    QTRY_COMPARE_WITH_TIMEOUT(store.bond(s("bond0"))->activeSlave(), other, 10000);

    QVERIFY(m_client->deleteBond(s("bond0"), Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);
    QVERIFY(!store.bond(s("bond0")));
    QVERIFY(store.names().isEmpty());
}

void TestBondStore::rereadWhenHelperIsReplaced()
{
    QVERIFY(m_client->createBond(s("bond0"), {{s("mode"), s("balance-rr")}}, {}, Write).wait().ok());
    BondStore store(m_client.get());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QCOMPARE(store.names(), QStringList{s("bond0")});
    QSignalSpy reset(&store, &BondStore::reset);

    // A new helper over a new (empty) fake kernel: no signal says bond0 went away; only the
    // re-read on the owner change can tell.
    m_helper.stop();
    QVERIFY2(m_helper.start(m_bus.address()).isEmpty(), "helper did not restart");
    QTRY_VERIFY_WITH_TIMEOUT(store.status() == BondStore::Status::Ready && store.names().isEmpty(),
                             15000);
    QVERIFY(reset.count() >= 1);

    // And it follows the new helper's signals.
    QVERIFY(m_client->createBond(s("bond7"), {{s("mode"), s("balance-xor")}}, {}, Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(store.names(), QStringList{s("bond7")}, 10000);
}

void TestBondStore::helperUnavailable()
{
    BondStore store(m_client.get());
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QSignalSpy status(&store, &BondStore::statusChanged);
    m_helper.stop();
    // No activation on this bus: the store's retry finds nobody.
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::HelperUnavailable, 15000);
    QVERIFY2(store.statusMessage().contains(s("not reachable")), qPrintable(store.statusMessage()));
    QVERIFY(status.count() >= 1);
    // When a helper appears it is Ready again without anyone asking.
    QVERIFY2(m_helper.start(m_bus.address()).isEmpty(), "helper did not restart");
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 15000);
}

int main(int argc, char **argv)
{
    // Before any thread exists: polkitd's folders are bind-mounted over in this process tree only.
    if (geteuid() == 0) {
        const QString error = PrivateSystemBus::enterPrivateMountNamespace();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "TestBondStore: %s\n", qPrintable(error));
            return 1;
        }
    }
    QCoreApplication app(argc, argv);
    TestBondStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestBondStore.moc"
