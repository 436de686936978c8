// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Trials (helper/src/change/TrialManager) through the helper's D-Bus service, on a private system
// bus with the real dbus-daemon and polkitd and the in-memory kernel: eth0 carries 192.0.2.10/24
// and the default route via 192.0.2.1 (FakeHelper's kernel). A write over eth0 is refused without
// a deadline; a trial carries eth0's address, routes and MAC over to the bond, is confirmed from
// another connection, or is rolled back at its deadline, on Rollback, or by the next helper after
// a SIGKILL.
#include "ErrorNames.h"
#include "FakeHelper.h"
#include "PrivateBusTestMain.h"
#include "TestCaller.h"
#include "DBusTypes.h"
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

    void startHelper(const QStringList &args = {u"--idle-timeout"_s, u"0"_s})
    {
        const QString error = m_helper.start(m_bus.address(), FakeHelper::Kernel(), args);
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
        QDBusPendingReply<BondManager::VariantMapList> r = m_proxy->ListCandidates();
        r.waitForFinished();
        for (const QVariantMap &c : r.value())
            if (c.value(u"name"_s).toString() == name)
                return c;
        return {};
    }

    // Every interface as ListCandidates shows it, and every bond's map but its counters: what a
    // rollback must bring back exactly.
    QList<QVariantMap> everything()
    {
        QDBusPendingReply<BondManager::VariantMapList> r = m_proxy->ListCandidates();
        r.waitForFinished();
        QList<QVariantMap> all = r.value();
        QDBusPendingReply<BondManager::VariantMapList> bonds = m_proxy->GetBonds();
        bonds.waitForFinished();
        for (QVariantMap b : bonds.value()) {
            b.remove(u"slaves"_s);
            all << b;
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
};

BM_PRIVATE_BUS_TEST_MAIN(TestTrialManager)
#include "TestTrialManager.moc"
