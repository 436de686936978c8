// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Trials (helper/src/change/TrialManager) through the helper's D-Bus service, on a private system
// bus with the real dbus-daemon and polkitd and the in-memory kernel: eth0 carries 192.0.2.10/24
// and the default route via 192.0.2.1 (FakeHelper's kernel). A write over eth0 is refused without
// a deadline, whether it comes as a plain write or by Try; a trial carries eth0's address, routes
// and MAC over to the bond, is confirmed from another connection, or is rolled back at its
// deadline, on Rollback, or by the next helper after a SIGKILL.
#include "ErrorNames.h"
#include "FakeHelper.h"
#include "PrivateBusTestMain.h"
#include "TestCaller.h"
#include "DBusTypes.h"
#include "DBusValues.h"
#include "helper1_proxy.h"

#include <QDBusConnection>
#include <QDBusMetaType>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

namespace E = BondManager::DBus::Error;
using namespace Qt::StringLiterals;

namespace {
constexpr uid_t Nobody = 65534;

const QString CarryReason = u"eth0 carries 192.0.2.10/24 and the default route"_s;
const QString CarryMove = u"192.0.2.10/24 and the default route via 192.0.2.1 move from eth0 to bond1"_s;
const QString EthBack = u"eth0 is up with 192.0.2.10/24 and the default route via 192.0.2.1 again"_s;

// TrialRolledBack as a receiver on the test's connection, from any sender: it can listen before
// the helper that sends it has started.
class RolledBack : public QObject
{
    Q_OBJECT
public:
    struct Seen {
        QString id, reason;
        QStringList restored;
    };
    QList<Seen> seen;
public Q_SLOTS:
    void take(const QString &id, const QString &reason, const QStringList &restored)
    {
        seen.append({id, reason, restored});
    }
};
} // namespace

class TestTrialManager : public QObject
{
    Q_OBJECT

private:
    PrivateSystemBus m_bus;
    FakeHelper m_helper;
    std::unique_ptr<HelperProxy> m_proxy;

    void startHelper(const QStringList &args = {u"--idle-timeout"_s, u"0"_s},
                     const FakeHelper::Kernel &kernel = FakeHelper::Kernel())
    {
        const QString error = m_helper.start(m_bus.address(), kernel, args);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_proxy = std::make_unique<HelperProxy>(QLatin1String(BondManager::DBus::ServiceName),
                                                QLatin1String(BondManager::DBus::ObjectPath),
                                                m_bus.connection());
        m_proxy->setTimeout(60000);
    }

    static QString errorOf(QDBusPendingCall call)
    {
        call.waitForFinished();
        return call.isError() ? call.error().name() : u"ok"_s;
    }

    QVariantMap candidate(const QString &name)
    {
        QDBusPendingReply<BondManager::CandidateList> r = m_proxy->ListCandidates();
        r.waitForFinished();
        for (const bm::CandidateInfo &c : r.value())
            if (c.name == name)
                return c.toVariantMap();
        return {};
    }

    // Every interface as ListCandidates shows it, and every bond's map but its counters: what a
    // rollback must bring back exactly. The nested maps (ip, persistence, drift) as plain values,
    // which compare by content as QtDBus's QDBusArgument does not.
    QList<QVariantMap> everything()
    {
        QDBusPendingReply<BondManager::CandidateList> r = m_proxy->ListCandidates();
        r.waitForFinished();
        QList<QVariantMap> all;
        for (const bm::CandidateInfo &c : r.value())
            all << c.toVariantMap();
        QDBusPendingReply<BondManager::VariantMapList> bonds = m_proxy->GetBonds();
        bonds.waitForFinished();
        for (QVariantMap b : bonds.value()) {
            b.remove(u"slaves"_s);
            all << bm::DBusValues::plainMap(b);
        }
        return all;
    }

    QVariantList createOverEth0() const
    {
        return {u"bond1"_s,
                QVariant::fromValue(QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}}),
                QStringList {u"eth0"_s}};
    }

    // Try CreateBond bond1 over eth0; the outcome map, checked.
    QVariantMap tryCreate(uint confirmWithin)
    {
        QDBusPendingReply<QVariantMap> r = m_proxy->Try(u"CreateBond"_s, createOverEth0(), confirmWithin);
        r.waitForFinished();
        if (r.isError())
            qWarning("%s: %s", qPrintable(r.error().name()), qPrintable(r.error().message()));
        return r.isError() ? QVariantMap() : r.value();
    }

    // One of the contract's write methods called by name, as any client may call it: "ok", or
    // the error's name with its message in `message`.
    QString plainWrite(const QString &call, const QVariantList &arguments, QString *message = nullptr)
    {
        QDBusMessage m = QDBusMessage::createMethodCall(
                QLatin1String(BondManager::DBus::ServiceName), QLatin1String(BondManager::DBus::ObjectPath),
                QLatin1String(BondManager::DBus::InterfaceName), call);
        m.setArguments(arguments);
        const QDBusMessage reply = m_bus.connection().call(m, QDBus::Block, 60000);
        if (reply.type() != QDBusMessage::ErrorMessage)
            return u"ok"_s;
        if (message)
            *message = reply.errorMessage();
        return reply.errorName();
    }

    // The state a row of plainWriteOverCarryingInterfaceIsRefused starts from: "carrying" is
    // bond1 over eth0 made as a trial and confirmed (it carries eth0's 192.0.2.10/24 and the
    // default route now), "empty" bond2 without slaves or addresses, "addressed" bond2 (mode
    // balance-rr) without slaves with 198.51.100.20/24 of its own.
    void setUp(const QString &setup)
    {
        if (setup == u"carrying"_s) {
            const QString id = tryCreate(30).value(u"trial"_s).toString();
            QVERIFY(!id.isEmpty());
            QCOMPARE(errorOf(m_proxy->Confirm(id)), u"ok"_s);
        } else if (setup == u"empty"_s) {
            QCOMPARE(plainWrite(u"CreateBond"_s,
                                {u"bond2"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}}, QStringList()}),
                     u"ok"_s);
        } else if (setup == u"addressed"_s) {
            const QVariantMap config {
                    {u"name"_s, u"bond2"_s},
                    {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                           {u"ipv4Addresses"_s, QStringList {u"198.51.100.20/24"_s}}}}};
            QCOMPARE(plainWrite(u"CreateConfiguredBond"_s, {config, QString()}), u"ok"_s);
        }
    }

    QString journalOf(const QString &id) const
    {
        return m_helper.systemRoot() + u"/run/bond-manager/trials/"_s + id + u".json"_s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QTest::qSkip("needs root: private mount namespace and the real polkitd", __FILE__, __LINE__);
        BondManager::registerDBusTypes();
        const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanupTestCase() { m_bus.stop(); }
    void init() { startHelper(); }
    void cleanup()
    {
        m_proxy.reset();
        m_helper.stop();
    }

    void writeOverCarryingInterfaceIsRefusedWithoutTrial()
    {
        const QList<QVariantMap> before = everything();
        QDBusPendingReply<QVariantMap> noTrial = m_proxy->Try(u"CreateBond"_s, createOverEth0(), 0);
        QCOMPARE(errorOf(noTrial), QString::fromLatin1(E::TrialRequired));
        QVERIFY2(noTrial.error().message().contains(
                         u"eth0, which carries 192.0.2.10/24 and the default route"_s),
                 qPrintable(noTrial.error().message()));
        QCOMPARE(everything(), before);
        // A deadline outside 10..600 s is no trial either.
        QCOMPARE(errorOf(m_proxy->Try(u"CreateBond"_s, createOverEth0(), 5)),
                 QString::fromLatin1(E::InvalidArgument));
        // eth1 carries nothing: no trial needed, and Try makes none.
        QDBusPendingReply<QVariantMap> plain = m_proxy->Try(
                u"CreateBond"_s,
                {u"bond2"_s, QVariant::fromValue(QVariantMap {{u"mode"_s, u"active-backup"_s}}),
                 QStringList {u"eth1"_s}},
                0);
        QCOMPARE(errorOf(plain), u"ok"_s);
        QCOMPARE(plain.value().value(u"trial"_s).toString(), QString());
        QCOMPARE(candidate(u"eth1"_s).value(u"master"_s).toString(), u"bond2"_s);
    }

    // Issue 15: each write the contract counts, made plainly (by root, who is not exempt) over an
    // interface that carries addresses or routes, is refused with TrialRequired, says which and
    // what it carries, and changes nothing; the same write made as a trial is done.
    void plainWriteOverCarryingInterfaceIsRefused_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QVariantList>("arguments");
        QTest::addColumn<QString>("why");
        const QString eth0 = u"eth0, which carries 192.0.2.10/24 and the default route"_s;
        const QString bond1 = u"bond1, which carries 192.0.2.10/24 and the default route"_s;
        const QVariantMap address {{u"ipv4Method"_s, u"static"_s},
                                   {u"ipv4Addresses"_s, QStringList {u"198.51.100.20/24"_s}}};
        QTest::newRow("CreateBond") << QString() << u"CreateBond"_s << createOverEth0() << eth0;
        QTest::newRow("CreateConfiguredBond")
                << QString() << u"CreateConfiguredBond"_s
                << QVariantList {QVariantMap {{u"name"_s, u"bond1"_s}, {u"slaves"_s, QStringList {u"eth0"_s}}},
                                 QString()}
                << eth0;
        QTest::newRow("AddSlave") << u"empty"_s << u"AddSlave"_s << QVariantList {u"bond2"_s, u"eth0"_s}
                                  << eth0;
        QTest::newRow("AddSlave to a carrying bond")
                << u"carrying"_s << u"AddSlave"_s << QVariantList {u"bond1"_s, u"eth1"_s} << bond1;
        QTest::newRow("RemoveSlave") << u"carrying"_s << u"RemoveSlave"_s
                                     << QVariantList {u"bond1"_s, u"eth0"_s} << bond1;
        QTest::newRow("DeleteBond") << u"carrying"_s << u"DeleteBond"_s << QVariantList {u"bond1"_s} << bond1;
        QTest::newRow("SetIpConfig") << u"carrying"_s << u"SetIpConfig"_s
                                     << QVariantList {u"bond1"_s, address} << bond1;
        QTest::newRow("mode change") << u"addressed"_s << u"SetOptions"_s
                                     << QVariantList {u"bond2"_s,
                                                      QVariantMap {{u"mode"_s, u"active-backup"_s}}}
                                     << u"bond2, which carries 198.51.100.20/24"_s;
    }

    void plainWriteOverCarryingInterfaceIsRefused()
    {
        QFETCH(QString, setup);
        QFETCH(QString, call);
        QFETCH(QVariantList, arguments);
        QFETCH(QString, why);
        setUp(setup);
        if (QTest::currentTestFailed())
            return;
        const QList<QVariantMap> before = everything();
        QString message;
        QCOMPARE(plainWrite(call, arguments, &message), QString::fromLatin1(E::TrialRequired));
        QVERIFY2(message.startsWith(u"This change touches "_s + why + u": make it as a trial"_s),
                 qPrintable(message));
        QCOMPARE(everything(), before);
        QDBusPendingReply<BondManager::VariantMapList> listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QVERIFY(listed.value().isEmpty());

        // How exactly each rollback restores is for the tests above; here: the write is made,
        // as a trial of this call.
        QSignalSpy rolledBack(m_proxy.get(), &HelperProxy::TrialRolledBack);
        QDBusPendingReply<QVariantMap> trial = m_proxy->Try(call, arguments, 30);
        QCOMPARE(errorOf(trial), u"ok"_s);
        const QString id = trial.value().value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(everything() != before);
        listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QCOMPARE(listed.value().size(), 1);
        QCOMPARE(listed.value().at(0).value(u"call"_s).toString(), call);
        QCOMPARE(errorOf(m_proxy->Rollback(id)), u"ok"_s);
        QTRY_COMPARE(rolledBack.size(), 1);
    }

    // Root's plain writes from a process of their own are refused as well; a write that touches
    // nothing carrying is made plainly, and one on a bond that is not there is NoSuchBond, not a
    // trial, whatever its slave carries.
    void plainWriteThatNeedsNoTrialIsMade()
    {
        const CallerResult root = runTestCaller(
                {u"CreateBond"_s, u"bond3"_s, u"mode=active-backup"_s, u"eth0"_s});
        QCOMPARE(root.first, QString::fromLatin1(E::TrialRequired));
        QVERIFY2(root.message.contains(u"eth0, which carries 192.0.2.10/24"_s), qPrintable(root.message));
        QCOMPARE(candidate(u"eth0"_s).value(u"master"_s).toString(), QString());

        QCOMPARE(plainWrite(u"CreateBond"_s, {u"bond2"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}},
                                              QStringList {u"eth1"_s}}),
                 u"ok"_s);
        QCOMPARE(plainWrite(u"AddSlave"_s, {u"bond2"_s, u"eth2"_s}), u"ok"_s);
        QCOMPARE(candidate(u"eth2"_s).value(u"master"_s).toString(), u"bond2"_s);
        QCOMPARE(plainWrite(u"SetOptions"_s, {u"bond2"_s, QVariantMap {{u"miimon"_s, 200}}}), u"ok"_s);
        QCOMPARE(plainWrite(u"RemoveSlave"_s, {u"bond2"_s, u"eth1"_s}), u"ok"_s);
        QCOMPARE(candidate(u"eth1"_s).value(u"master"_s).toString(), QString());
        QCOMPARE(plainWrite(u"AddSlave"_s, {u"bond9"_s, u"eth0"_s}), QString::fromLatin1(E::NoSuchBond));
        QDBusPendingReply<QVariantMap> preview = m_proxy->Preview(u"AddSlave"_s, {u"bond9"_s, u"eth0"_s});
        preview.waitForFinished();
        QCOMPARE(preview.value().value(u"trialRequired"_s).toBool(), false);
        QCOMPARE(plainWrite(u"DeleteBond"_s, {u"bond2"_s}), u"ok"_s);
        QDBusPendingReply<BondManager::VariantMapList> listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QVERIFY(listed.value().isEmpty());
        QCOMPARE(m_proxy->ListBonds().value(), QStringList());
    }

    void previewSaysWhyAndWhatMoves()
    {
        QDBusPendingReply<QVariantMap> r = m_proxy->Preview(u"CreateBond"_s, createOverEth0());
        r.waitForFinished();
        QVERIFY(!r.isError());
        QCOMPARE(r.value().value(u"trialRequired"_s).toBool(), true);
        QCOMPARE(r.value().value(u"reasons"_s).toStringList(), QStringList {CarryReason});
        QCOMPARE(r.value().value(u"moves"_s).toStringList(), QStringList {CarryMove});
        QDBusPendingReply<QVariantMap> free = m_proxy->Preview(u"AddSlave"_s, {u"bond9"_s, u"eth1"_s});
        free.waitForFinished();
        QCOMPARE(free.value().value(u"trialRequired"_s).toBool(), false);
        QDBusPendingReply<QVariantMap> wrong = m_proxy->Preview(u"AddSlave"_s, {u"bond9"_s});
        QCOMPARE(errorOf(wrong), QString::fromLatin1(E::InvalidArgument));
        QDBusPendingReply<QVariantMap> notWrite = m_proxy->Preview(u"ListBonds"_s, {});
        QCOMPARE(errorOf(notWrite), QString::fromLatin1(E::InvalidArgument));
    }

    void trialCarriesOverAndIsConfirmedFromAnotherConnection()
    {
        const QString eth0Mac = candidate(u"eth0"_s).value(u"mac"_s).toString();
        QSignalSpy started(m_proxy.get(), &HelperProxy::TrialStarted);
        QSignalSpy confirmed(m_proxy.get(), &HelperProxy::TrialConfirmed);
        const QVariantMap outcome = tryCreate(30);
        const QString id = outcome.value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(outcome.value(u"moves"_s).toStringList(), QStringList {CarryMove});
        const qint64 deadlineMs = qint64(outcome.value(u"deadlineUsec"_s).toULongLong() / 1000);
        QVERIFY(qAbs(deadlineMs - QDateTime::currentMSecsSinceEpoch() - 30000) < 5000);
        QTRY_COMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(0).toString(), id);

        const QVariantMap bond = candidate(u"bond1"_s);
        QCOMPARE(bond.value(u"addresses"_s).toStringList(), QStringList {u"192.0.2.10/24"_s});
        QCOMPARE(bond.value(u"defaultRoute"_s).toBool(), true);
        QCOMPARE(bond.value(u"mac"_s).toString(), eth0Mac);
        const QVariantMap eth0 = candidate(u"eth0"_s);
        QCOMPARE(eth0.value(u"master"_s).toString(), u"bond1"_s);
        QVERIFY(eth0.value(u"addresses"_s).toStringList().isEmpty());

        QDBusPendingReply<BondManager::VariantMapList> listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QCOMPARE(listed.value().size(), 1);
        QCOMPARE(listed.value().at(0).value(u"id"_s).toString(), id);
        QCOMPARE(listed.value().at(0).value(u"call"_s).toString(), u"CreateBond"_s);
        QCOMPARE(listed.value().at(0).value(u"bond"_s).toString(), u"bond1"_s);
        QCOMPARE(listed.value().at(0).value(u"uid"_s).toUInt(), 0u);
        QVERIFY(QFile::exists(journalOf(id)));

        // A new connection confirms: the proof that the host is still reachable.
        QCOMPARE(runTestCaller({u"Confirm"_s, id}).first, u"ok"_s);
        QTRY_COMPARE(confirmed.size(), 1);
        QCOMPARE(confirmed.at(0).at(0).toString(), id);
        listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QVERIFY(listed.value().isEmpty());
        QVERIFY(!QFile::exists(journalOf(id)));
        QCOMPARE(candidate(u"bond1"_s).value(u"addresses"_s).toStringList(), QStringList {u"192.0.2.10/24"_s});
        QCOMPARE(errorOf(m_proxy->Confirm(id)), QString::fromLatin1(E::NoSuchTrial));
    }

    void deadlineRestoresTheEarlierState()
    {
        // The helper would quit after 1 s idle: a pending trial holds it until the deadline.
        cleanup();
        startHelper({u"--idle-timeout"_s, u"1"_s});
        const QList<QVariantMap> before = everything();
        QSignalSpy rolledBack(m_proxy.get(), &HelperProxy::TrialRolledBack);
        const QString id = tryCreate(10).value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(everything() != before);
        QVERIFY(rolledBack.wait(20000));
        QCOMPARE(rolledBack.at(0).at(0).toString(), id);
        QCOMPARE(rolledBack.at(0).at(1).toString(), u"deadline"_s);
        const QStringList restored = rolledBack.at(0).at(2).toStringList();
        QVERIFY2(restored.contains(EthBack), qPrintable(restored.join(u" / "_s)));
        QVERIFY2(restored.contains(u"bond1 is gone"_s), qPrintable(restored.join(u" / "_s)));
        QCOMPARE(everything(), before);
        QVERIFY(!QFile::exists(journalOf(id)));
    }

    // Rolled back at the deadline it announced, not on Qt's whole second of a "very coarse"
    // timer (any of 20 s or more), which fired up to a second early or late.
    void deadlineIsKeptToTheMillisecond()
    {
        QSignalSpy rolledBack(m_proxy.get(), &HelperProxy::TrialRolledBack);
        const QVariantMap outcome = tryCreate(21);
        QVERIFY(!outcome.value(u"trial"_s).toString().isEmpty());
        const qint64 deadlineMs = qint64(outcome.value(u"deadlineUsec"_s).toULongLong() / 1000);
        QVERIFY(rolledBack.wait(30000));
        const qint64 heardMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(heardMs >= deadlineMs, qPrintable(u"rolled back %1 ms early"_s.arg(deadlineMs - heardMs)));
        // The rollback itself (the fake kernel's) and the signal's way take milliseconds.
        QVERIFY2(heardMs - deadlineMs < 600, qPrintable(u"rolled back %1 ms late"_s.arg(heardMs - deadlineMs)));
    }

    void rollbackNow()
    {
        const QList<QVariantMap> before = everything();
        QSignalSpy rolledBack(m_proxy.get(), &HelperProxy::TrialRolledBack);
        const QString id = tryCreate(60).value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        // Another write on eth0 or bond1 waits for the trial.
        QDBusPendingReply<QVariantMap> busy = m_proxy->Try(u"AddSlave"_s, {u"bond1"_s, u"eth1"_s}, 30);
        QCOMPARE(errorOf(busy), QString::fromLatin1(E::Busy));
        QVERIFY2(busy.error().message().contains(id), qPrintable(busy.error().message()));
        QCOMPARE(errorOf(m_proxy->Rollback(QString())), u"ok"_s);
        QTRY_COMPARE(rolledBack.size(), 1);
        QCOMPARE(rolledBack.at(0).at(1).toString(), u"asked"_s);
        QCOMPARE(everything(), before);
        QCOMPARE(errorOf(m_proxy->Rollback(id)), QString::fromLatin1(E::NoSuchTrial));
    }

    // A trial of AddSlave over the carrying eth0 to a bond that was there already, rolled back:
    // eth0 has its address and default route again (restored while the bond still held the
    // carried default route, the kernel would refuse eth0's), bond2 is as empty as it was.
    void rollbackOfAddSlaveToAnEmptyBond()
    {
        setUp(u"empty"_s);
        if (QTest::currentTestFailed())
            return;
        const QList<QVariantMap> before = everything();
        QSignalSpy rolledBack(m_proxy.get(), &HelperProxy::TrialRolledBack);
        QDBusPendingReply<QVariantMap> trial = m_proxy->Try(u"AddSlave"_s, {u"bond2"_s, u"eth0"_s}, 60);
        QCOMPARE(errorOf(trial), u"ok"_s);
        const QString id = trial.value().value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(candidate(u"bond2"_s).value(u"defaultRoute"_s).toBool(), true);
        QCOMPARE(errorOf(m_proxy->Rollback(id)), u"ok"_s);
        QTRY_COMPARE(rolledBack.size(), 1);
        const QStringList restored = rolledBack.at(0).at(2).toStringList();
        QVERIFY2(restored.contains(EthBack), qPrintable(restored.join(u" / "_s)));
        const QVariantMap eth0 = candidate(u"eth0"_s);
        QCOMPARE(eth0.value(u"master"_s).toString(), QString());
        QVERIFY(eth0.value(u"addresses"_s).toStringList().contains(u"192.0.2.10/24"_s));
        QCOMPARE(eth0.value(u"defaultRoute"_s).toBool(), true);
        QCOMPARE(eth0.value(u"gateway"_s).toString(), u"192.0.2.1"_s);
        QCOMPARE(candidate(u"bond2"_s).value(u"defaultRoute"_s).toBool(), false);
        QCOMPARE(everything(), before);
    }

    // The bond map's ip is the kernel's as the view has it now: after a trial that carried eth0's
    // address and default route over to bond1 is confirmed, GetBonds and GetBond show both (the
    // write's own read of the addresses, taken before the carry-over, lacked the address).
    void confirmedTrialShowsTheCarriedAddressInIp()
    {
        setUp(u"carrying"_s);
        if (QTest::currentTestFailed())
            return;
        // GetBonds first, as a client looks first: it does not read where the bond is saved again.
        QDBusPendingReply<BondManager::VariantMapList> all = m_proxy->GetBonds();
        all.waitForFinished();
        QCOMPARE(all.value().size(), 1);
        QDBusPendingReply<QVariantMap> one = m_proxy->GetBond(u"bond1"_s);
        one.waitForFinished();
        QVERIFY(!one.isError());
        for (const QVariantMap &bond :
             {bm::DBusValues::plainMap(one.value()), bm::DBusValues::plainMap(all.value().at(0))}) {
            const QVariantMap ip = bond.value(u"ip"_s).toMap();
            QCOMPARE(ip.value(u"ipv4Addresses"_s).toStringList(), QStringList {u"192.0.2.10/24"_s});
            QCOMPARE(ip.value(u"ipv4Gateway"_s).toString(), u"192.0.2.1"_s);
        }
    }

    void unauthorisedConfirmIsRefused()
    {
        const QString id = tryCreate(60).value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(runTestCaller({u"Confirm"_s, id}, Nobody).first, QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(runTestCaller({u"Rollback"_s, id}, Nobody).first, QString::fromLatin1(E::NotAuthorized));
        QDBusPendingReply<BondManager::VariantMapList> listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QCOMPARE(listed.value().size(), 1);
        QCOMPARE(errorOf(m_proxy->Rollback(id)), u"ok"_s);
    }

    void killedHelperRollsBackWhenStartedAgain()
    {
        const QString id = tryCreate(60).value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(QFile::exists(journalOf(id)));
        RolledBack listener;
        QVERIFY(m_bus.connection().connect(QString(), QLatin1String(BondManager::DBus::ObjectPath),
                                           QLatin1String(BondManager::DBus::InterfaceName),
                                           u"TrialRolledBack"_s, &listener,
                                           SLOT(take(QString, QString, QStringList))));
        m_proxy.reset();
        m_helper.process().kill();
        QVERIFY(m_helper.process().waitForFinished(10000));
        // The journal outlives the helper; the next one, on the same host, finds it.
        QVERIFY(QFile::exists(journalOf(id)));
        m_helper.keepSystemRoot();
        startHelper();
        QTRY_COMPARE(listener.seen.size(), 1);
        QCOMPARE(listener.seen.at(0).id, id);
        QCOMPARE(listener.seen.at(0).reason, u"restart"_s);
        QVERIFY2(listener.seen.at(0).restored.contains(EthBack),
                 qPrintable(listener.seen.at(0).restored.join(u" / "_s)));
        QVERIFY(!QFile::exists(journalOf(id)));
        QDBusPendingReply<BondManager::VariantMapList> listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QVERIFY(listed.value().isEmpty());
    }

    // eth0's 192.0.2.10/24 is a DHCP client's lease (an hour left), and nothing could save bond1
    // (no network service): on bond1 nothing would renew it, so the bond would lose its address
    // when the lease ends. Preview names the lease; the trial is refused, naming it, and changes
    // nothing; with an address of its own the bond takes no lease and the trial is made.
    void leaseOnABondSavedNowhereIsRefused()
    {
        cleanup();
        FakeHelper::Kernel kernel;
        kernel.defaultRouteLease = 3600;
        startHelper({u"--idle-timeout"_s, u"0"_s}, kernel);
        QDBusPendingReply<QVariantMap> preview = m_proxy->Preview(u"CreateBond"_s, createOverEth0());
        preview.waitForFinished();
        QCOMPARE(preview.value().value(u"reasons"_s).toStringList(),
                 QStringList {u"eth0 carries 192.0.2.10/24 (a lease, 1:00:00 left) and the default route"_s});
        QCOMPARE(preview.value().value(u"moves"_s).toStringList(),
                 QStringList {u"192.0.2.10/24 (a lease, 1:00:00 left) and the default route via 192.0.2.1 "
                              "move from eth0 to bond1"_s});

        const QList<QVariantMap> before = everything();
        QDBusPendingReply<QVariantMap> refused = m_proxy->Try(u"CreateBond"_s, createOverEth0(), 30);
        QCOMPARE(errorOf(refused), QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(refused.error().message(),
                 u"192.0.2.10/24 on eth0 is a lease (1:00:00 left) that its DHCP client renews on eth0 only: "
                 "bond1, saved by no network service, would lose it when the lease ends. Give bond1 an "
                 "address of its own."_s);
        QCOMPARE(everything(), before);
        QDBusPendingReply<BondManager::VariantMapList> listed = m_proxy->ListTrials();
        listed.waitForFinished();
        QVERIFY(listed.value().isEmpty());

        const QVariantMap config {
                {u"name"_s, u"bond1"_s},
                {u"options"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}}},
                {u"slaves"_s, QStringList {u"eth0"_s}},
                {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                       {u"ipv4Addresses"_s, QStringList {u"192.0.2.10/24"_s}}}}};
        QDBusPendingReply<QVariantMap> own = m_proxy->Try(u"CreateConfiguredBond"_s, {config, QString()}, 30);
        QCOMPARE(errorOf(own), u"ok"_s);
        const QString id = own.value().value(u"trial"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(errorOf(m_proxy->Rollback(id)), u"ok"_s);
    }
};

BM_PRIVATE_BUS_TEST_MAIN(TestTrialManager)
#include "TestTrialManager.moc"
