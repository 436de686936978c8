// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// HelperLink and BondStore when the bus goes away, against the real helper Service (fake kernel)
// on a private system bus: a bus that hangs (SIGSTOP: a link that went quiet, as a host that died
// behind ssh) is found lost within 10 s with the bonds kept as last known, and a bus that dies and
// comes back with another helper is reconnected to by itself and read again in full.
#include "BondStore.h"
#include "HelperFixture.h"
#include "HelperLink.h"
#include "PrivateBusTestMain.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using bm::BondStore;
using bm::HelperClient;
using bm::HelperLink;
using bm::HelperTarget;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}
constexpr auto Write = HelperClient::Auth::NonInteractive;
constexpr int LostWithinMs = 10000;

} // namespace

class TestHelperLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_fixture.initTestCase(); }
    void cleanupTestCase() { m_fixture.cleanupTestCase(); }
    void init() { m_fixture.init(); }
    void cleanup()
    {
        // A test that failed half-way must not leave the bus stopped for the next one.
        ::kill(pid_t(m_fixture.bus().daemonPid()), SIGCONT);
        m_fixture.cleanup();
    }
    void hungBusIsLostThenBack();
    void busThatStoodStillBrieflyIsNotLost();
    void deadBusComesBackWithAnotherHelper();

private:
    HelperFixture m_fixture {HelperFixture::Client::None};
};

void TestHelperLink::hungBusIsLostThenBack()
{
    HelperLink link(HelperTarget::address(m_fixture.bus().socketAddress()));
    QVERIFY2(link.open(), qPrintable(link.errorString()));
    BondStore store(link.client());
    connect(&link, &HelperLink::lost, &store, &BondStore::connectionLost);
    connect(&link, &HelperLink::reconnected, &store, &BondStore::setClient);
    QVERIFY(link.client()
                    ->createBond(s("bond0"), {{s("mode"), s("active-backup")}}, {s("eth1")}, Write)
                    .wait()
                    .ok());
    QTRY_VERIFY_WITH_TIMEOUT(store.status() == BondStore::Status::Ready && store.bond(s("bond0")), 10000);
    QVERIFY(!store.isStale());

    QSignalSpy lost(&link, &HelperLink::lost);
    QSignalSpy reconnected(&link, &HelperLink::reconnected);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(::kill(pid_t(m_fixture.bus().daemonPid()), SIGSTOP), 0);
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, LostWithinMs);
    QVERIFY2(clock.elapsed() < LostWithinMs, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(link.state(), HelperLink::State::Lost);
    QVERIFY(link.lostAt().isValid());
    // The last known state stays, marked as such.
    QCOMPARE(store.status(), BondStore::Status::ConnectionLost);
    QCOMPARE(store.names(), QStringList {s("bond0")});
    QCOMPARE(store.lostAt(), link.lostAt());
    QVERIFY(store.isStale());

    QSignalSpy reset(&store, &BondStore::reset);
    QCOMPARE(::kill(pid_t(m_fixture.bus().daemonPid()), SIGCONT), 0);
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.count(), 1, 20000);
    QCOMPARE(link.state(), HelperLink::State::Open);
    QTRY_COMPARE_WITH_TIMEOUT(store.status(), BondStore::Status::Ready, 10000);
    QVERIFY(reset.count() >= 1);
    QVERIFY(!store.isStale());
    QCOMPARE(store.names(), QStringList {s("bond0")});
    // And it follows the helper's signals on the new connection.
    QVERIFY(link.client()->createBond(s("bond1"), {{s("mode"), s("balance-rr")}}, {}, Write).wait().ok());
    QTRY_COMPARE_WITH_TIMEOUT(store.names(), (QStringList {s("bond0"), s("bond1")}), 10000);
}

// A ping that timed out is not yet a lost link: the process, or the whole VM, may have stood still
// with the answer unread (lab_gui under a load of 16). Here the bus stands still longer than one
// ping's timeout and shorter than two.
void TestHelperLink::busThatStoodStillBrieflyIsNotLost()
{
    HelperLink link(HelperTarget::address(m_fixture.bus().socketAddress()));
    link.setTimings(400, 1000, 500, 2000);
    QVERIFY2(link.open(), qPrintable(link.errorString()));
    QSignalSpy lost(&link, &HelperLink::lost);
    const pid_t daemon = pid_t(m_fixture.bus().daemonPid());
    QCOMPARE(::kill(daemon, SIGSTOP), 0);
    QTimer::singleShot(1600, this, [daemon] { ::kill(daemon, SIGCONT); });
    // The scenario's own span (stopped 1.6 s, then time for both pings to be answered), not a
    // synchronisation: nothing else would say that no lost() is coming.
    QTest::qWait(4000);
    QCOMPARE(lost.count(), 0);
    QCOMPARE(link.state(), HelperLink::State::Open);
}

void TestHelperLink::deadBusComesBackWithAnotherHelper()
{
    HelperLink link(HelperTarget::address(m_fixture.bus().socketAddress()));
    link.setTimings(2000, 4000, 500, 2000);
    QVERIFY2(link.open(), qPrintable(link.errorString()));
    BondStore store(link.client());
    connect(&link, &HelperLink::lost, &store, &BondStore::connectionLost);
    connect(&link, &HelperLink::reconnected, &store, &BondStore::setClient);
    QVERIFY(link.client()->createBond(s("bond0"), {{s("mode"), s("balance-rr")}}, {}, Write).wait().ok());
    QTRY_VERIFY_WITH_TIMEOUT(store.status() == BondStore::Status::Ready && store.bond(s("bond0")), 10000);

    QSignalSpy lost(&link, &HelperLink::lost);
    QElapsedTimer clock;
    clock.start();
    m_fixture.bus().stop();
    QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, LostWithinMs);
    QVERIFY2(clock.elapsed() < LostWithinMs, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(store.names(), QStringList {s("bond0")});
    QVERIFY(store.isStale());

    // The bus comes back with a new helper over a new, empty fake kernel: only a full read can
    // tell that bond0 is gone.
    m_fixture.helper().stop();
    QSignalSpy reset(&store, &BondStore::reset);
    QString error = m_fixture.bus().restart();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_fixture.helper().start(m_fixture.bus().address());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(store.status() == BondStore::Status::Ready && store.names().isEmpty(), 20000);
    QVERIFY(reset.count() >= 1);
    QVERIFY(!store.isStale());
    QCOMPARE(link.state(), HelperLink::State::Open);
}

BM_PRIVATE_BUS_TEST_MAIN(TestHelperLink)

#include "TestHelperLink.moc"
