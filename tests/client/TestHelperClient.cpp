// HelperClient against the real helper Service (fake kernel) on a private system bus with the real
// dbus-daemon and polkitd: typed replies, the error kinds, both call styles, and the
// interactive-authorisation flag as it travels on the wire (seen by the real dbus-monitor).
#include "FakeHelper.h"
#include "HelperClient.h"
#include "HelperConnection.h"
#include "PrivateSystemBus.h"

#include <QProcess>
#include <QTest>

#include <csignal>
#include <unistd.h>

using bm::HelperClient;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }
constexpr auto Write = HelperClient::Auth::NonInteractive;

// D-Bus header flag ALLOW_INTERACTIVE_AUTHORIZATION (the third byte of every message).
constexpr quint8 AllowInteractive = 0x4;

// The messages of a pcap capture (dbus-monitor --pcap): 24-byte file header, then per record a
// 16-byte header whose third word is the captured length.
QList<QByteArray> pcapMessages(const QByteArray &pcap)
{
    QList<QByteArray> out;
    qsizetype at = 24;
    while (at + 16 <= pcap.size()) {
        quint32 length = 0;
        std::memcpy(&length, pcap.constData() + at + 8, 4);
        at += 16;
        if (at + qsizetype(length) > pcap.size())
            break;
        out << pcap.mid(at, length);
        at += length;
    }
    return out;
}

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
    PrivateSystemBus m_bus;
    FakeHelper m_helper;
    std::unique_ptr<bm::HelperConnection> m_connection;
    std::unique_ptr<HelperClient> m_client;
};

void TestHelperClient::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("needs root: private mount namespace and the real polkitd");
    const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestHelperClient::cleanupTestCase()
{
    m_client.reset();
    m_connection.reset();
    m_helper.stop();
    m_bus.stop();
}

void TestHelperClient::init()
{
    const QString error = m_helper.start(m_bus.address());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_connection = std::make_unique<bm::HelperConnection>(bm::HelperTarget::address(m_bus.address()));
    QVERIFY2(m_connection->open(), qPrintable(m_connection->errorString()));
    m_client = std::make_unique<HelperClient>(m_connection->bus());
}

void TestHelperClient::cleanup()
{
    m_client.reset();
    m_connection.reset();
    m_helper.stop();
}

void TestHelperClient::reads()
{
    const auto available = m_client->bondingAvailable().wait();
    QVERIFY(available.ok());
    QVERIFY(available.value);
    const auto names = m_client->listBonds().wait();
    QVERIFY(names.ok());
    QVERIFY(names.value.isEmpty());
    const auto candidates = m_client->listCandidates().wait();
    QVERIFY(candidates.ok());
    QStringList seen;
    for (const bm::Candidate &c : candidates.value) {
        seen << c.name;
        if (c.name == s("eth0")) {
            QVERIFY(c.defaultRoute);
            QVERIFY(c.up);
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
    auto bond = m_client->getBond(s("nosuch")).wait();
    QCOMPARE(bond.error.kind, bm::ClientError::NoSuchBond);
    QCOMPARE(bond.error.name, s("org.bondmanager.Error.NoSuchBond"));
    QVERIFY(bond.error.message.contains(s("nosuch")));
    QCOMPARE(m_client->addSlave(s("nosuch"), s("eth0"), Write).wait().error.kind,
             bm::ClientError::NoSuchBond);
    QCOMPARE(m_client->createBond(s("bad/name"), {{s("mode"), s("balance-rr")}}, {}, Write)
                 .wait()
                 .error.kind,
             bm::ClientError::InvalidArgument);
    QCOMPARE(m_client->createBond(s("bond0"), {{s("mode"), s("balance-rr")}}, {s("nic9")}, Write)
                 .wait()
                 .error.kind,
             bm::ClientError::NoSuchInterface);
}

void TestHelperClient::asyncStyle()
{
    bool done = false;
    m_client->getBond(s("nosuch")).then(this, [&](const bm::Result<bm::BondInfo> &r) {
        QCOMPARE(r.error.kind, bm::ClientError::NoSuchBond);
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);

    // A reply for a context that is gone is dropped, not delivered.
    bool delivered = false;
    {
        QObject context;
        m_client->listBonds().then(&context, [&](const bm::Result<QStringList> &) {
            delivered = true;
        });
    }
    bool after = false;
    m_client->listBonds().then(this, [&](const bm::Result<QStringList> &) { after = true; });
    QTRY_VERIFY_WITH_TIMEOUT(after, 10000);
    QVERIFY(!delivered);
}

void TestHelperClient::interactiveFlagOnTheWire()
{
    QProcess monitor;
    monitor.start(s("dbus-monitor"), {s("--address"), m_bus.address(), s("--pcap"),
                                      s("type='method_call',interface='org.bondmanager.Helper1'")});
    QVERIFY(monitor.waitForStarted(10000));
    // The monitor is in place once it has written its pcap file header.
    QTRY_VERIFY_WITH_TIMEOUT(monitor.bytesAvailable() >= 24, 10000);

    QCOMPARE(m_client->deleteBond(s("probe-ask"), HelperClient::Auth::Interactive).wait().error.kind,
             bm::ClientError::NoSuchBond);
    QCOMPARE(m_client->deleteBond(s("probe-quiet"), HelperClient::Auth::NonInteractive)
                 .wait()
                 .error.kind,
             bm::ClientError::NoSuchBond);
    QByteArray pcap;
    auto captured = [&](const char *marker) {
        pcap += monitor.readAllStandardOutput();
        return pcap.contains(marker);
    };
    QTRY_VERIFY_WITH_TIMEOUT(captured("probe-quiet"), 10000);
    monitor.terminate();
    monitor.waitForFinished(5000);

    int checked = 0;
    for (const QByteArray &message : pcapMessages(pcap)) {
        if (message.size() < 4)
            continue;
        const bool interactive = quint8(message.at(2)) & AllowInteractive;
        if (message.contains("probe-ask")) {
            QVERIFY2(interactive, "Interactive call sent without ALLOW_INTERACTIVE_AUTHORIZATION");
            ++checked;
        } else if (message.contains("probe-quiet")) {
            QVERIFY2(!interactive, "NonInteractive call sent with ALLOW_INTERACTIVE_AUTHORIZATION");
            ++checked;
        }
    }
    QCOMPARE(checked, 2);
}

void TestHelperClient::unreachable()
{
    m_helper.stop();
    const auto list = m_client->listBonds().wait();
    QCOMPARE(list.error.kind, bm::ClientError::Unreachable);
    QVERIFY2(list.error.message.contains(s("not reachable")), qPrintable(list.error.message));
}

int main(int argc, char **argv)
{
    // Before any thread exists: polkitd's folders are bind-mounted over in this process tree only.
    if (geteuid() == 0) {
        const QString error = PrivateSystemBus::enterPrivateMountNamespace();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "TestHelperClient: %s\n", qPrintable(error));
            return 1;
        }
    }
    QCoreApplication app(argc, argv);
    TestHelperClient test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestHelperClient.moc"
