// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The helper's D-Bus service against a private system bus with the real dbus-daemon and the real
// polkitd, the kernel replaced by FakeKernelBackend: contract, validation, transactions and
// authorisation (root allowed, nobody denied, another uid challenged, vanished caller, no polkit).
// The contract's keys (shared/BondTypes.h) and errors (ErrorNames.h) are each checked against what
// the helper sends, the XML's documentation and the client's table of error kinds.
#include "BondTypes.h"
#include "ClientError.h"
#include "DBusTypes.h"
#include "ErrorNames.h"
#include "FakeHelper.h"
#include "HelperClient.h"
#include "LinkCounters.h"
#include "OptionSamples.h"
#include "OptionTable.h"
#include "PrivateBusTestMain.h"
#include "ReachTypes.h"
#include "TestCaller.h"
#include "helper1_proxy.h"

#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <unistd.h>

namespace E = BondManager::DBus::Error;
using namespace Qt::StringLiterals;

namespace {
constexpr uid_t Nobody = 65534;
constexpr uid_t Bin = 2;
constexpr uid_t Daemon = 1;

// Every signature each key's values came as over the wire, by key.
using Signatures = QHash<QString, QSet<QString>>;

struct SentKeys {
    Signatures bond, slave;
};

QString signatureOf(const QVariant &v)
{
    // QtDBus leaves nested containers other than as and ay undecoded.
    if (v.metaType() == QMetaType::fromType<QDBusArgument>())
        return v.value<QDBusArgument>().currentSignature();
    return QString::fromLatin1(QDBusMetaType::typeToSignature(v.metaType()));
}

void collect(const QVariantMap &map, Signatures &into)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        into[it.key()].insert(signatureOf(it.value()));
}

// A bond map with its slaves' maps, as a GetBond, GetBonds or BondChanged brought it.
void collectBond(const QVariantMap &bond, SentKeys &into)
{
    collect(bond, into.bond);
    for (const QVariant &slave : qdbus_cast<QVariantList>(bond.value(u"slaves"_s)))
        collect(qdbus_cast<QVariantMap>(slave), into.slave);
}

QMap<QString, QString> keysOf(const QList<bm::MapKey> &keys)
{
    QMap<QString, QString> out;
    for (const bm::MapKey &k : keys)
        out.insert(QLatin1String(k.name), QLatin1String(k.signature));
    return out;
}

// The paragraph of the XML's opening comment that starts with `heading`, whitespace simplified.
QString contractParagraph(const QString &heading)
{
    QFile xml(QStringLiteral(BM_SOURCE_DIR "/shared/dbus/org.bondmanager.Helper1.xml"));
    if (!xml.open(QIODevice::ReadOnly))
        return QString();
    const QString text = QString::fromUtf8(xml.readAll());
    const qsizetype from = text.indexOf(u"<!--"_s);
    const QString comment = text.mid(from, text.indexOf(u"-->"_s, from) - from);
    static const QRegularExpression blankLine(u"\\n\\s*\\n"_s);
    for (const QString &paragraph : comment.split(blankLine)) {
        const QString simple = paragraph.simplified();
        if (simple.startsWith(heading))
            return simple;
    }
    return QString();
}
} // namespace

class TestService : public QObject
{
    Q_OBJECT

private:
    PrivateSystemBus m_bus;
    FakeHelper m_helper;
    std::unique_ptr<HelperProxy> m_proxy;

    // FakeHelper's kernel with the host's connection on a link of its own: mgmt0 carries
    // 192.0.2.10/24 and the default route, eth0..eth3 nothing (eth3 refuses to be enslaved), so
    // the writes over them need no trial (issue 15: one over mgmt0 is refused without one).
    static FakeHelper::Kernel hostKernel()
    {
        FakeHelper::Kernel kernel;
        kernel.links += u",mgmt0"_s;
        kernel.defaultRoute = u"mgmt0"_s;
        return kernel;
    }

    void startHelper(const QStringList &args = {u"--idle-timeout"_s, u"0"_s},
                     const FakeHelper::Kernel &kernel = hostKernel())
    {
        const QString error = m_helper.start(m_bus.address(), kernel, args);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_proxy = std::make_unique<HelperProxy>(QLatin1String(BondManager::DBus::ServiceName),
                                                QLatin1String(BondManager::DBus::ObjectPath),
                                                m_bus.connection());
        m_proxy->setTimeout(60000);
    }

    void stopHelper()
    {
        m_proxy.reset();
        m_helper.stop();
    }

    // Everything a caller can observe, to prove that a refused request changed nothing.
    QString observableState()
    {
        QVariantMap all;
        const QDBusReply<QStringList> bonds = m_proxy->ListBonds();
        all.insert(u"bonds"_s, bonds.value());
        for (const QString &b : bonds.value()) {
            QDBusPendingReply<QVariantMap> bond = m_proxy->GetBond(b);
            bond.waitForFinished();
            all.insert(u"bond:"_s + b, bond.value());
        }
        QDBusPendingReply<BondManager::VariantMapList> every = m_proxy->GetBonds();
        every.waitForFinished();
        QVariantList maps;
        for (const QVariantMap &m : every.value())
            maps << m;
        all.insert(u"getBonds"_s, maps);
        QDBusPendingReply<BondManager::CandidateList> candidates = m_proxy->ListCandidates();
        candidates.waitForFinished();
        QVariantList list;
        for (const bm::CandidateInfo &c : candidates.value())
            list << c.toVariantMap();
        all.insert(u"candidates"_s, list);
        return QString::fromUtf8(
                QJsonDocument(QJsonObject::fromVariantMap(all)).toJson(QJsonDocument::Compact));
    }

    template<typename Reply>
    static QString errorOf(Reply reply)
    {
        reply.waitForFinished();
        return reply.isError() ? reply.error().name() : u"ok"_s;
    }

    // A write over an interface that carries addresses or routes, as it must be made (issue 15):
    // a trial, confirmed in a call of its own. "ok", or the error's name.
    QString confirmedTrial(const QString &call, const QVariantList &arguments)
    {
        QDBusPendingReply<QVariantMap> tried = m_proxy->Try(call, arguments, 30);
        tried.waitForFinished();
        if (tried.isError())
            return tried.error().name();
        const QString id = tried.value().value(u"trial"_s).toString();
        return id.isEmpty() ? u"no trial"_s : errorOf(m_proxy->Confirm(id));
    }

    QVariantMap bond(const QString &name)
    {
        QDBusPendingReply<QVariantMap> reply = m_proxy->GetBond(name);
        reply.waitForFinished();
        return reply.value();
    }

    QStringList slaveNames(const QString &name)
    {
        QStringList names;
        // Nested containers arrive as QDBusArgument.
        for (const QVariant &s : qdbus_cast<QVariantList>(bond(name).value(u"slaves"_s)))
            names << qdbus_cast<QVariantMap>(s).value(u"name"_s).toString();
        return names;
    }

    QVariantMap candidate(const QString &name)
    {
        QDBusPendingReply<BondManager::CandidateList> reply = m_proxy->ListCandidates();
        reply.waitForFinished();
        for (const bm::CandidateInfo &c : reply.value())
            if (c.name == name)
                return c.toVariantMap();
        return {};
    }

    // Every bond and slave map the helper sends while `build` runs (its BondChanged and
    // SlaveChanged) and after it (GetBonds).
    void sentKeys(SentKeys &sent, const std::function<void()> &build)
    {
        QList<QVariantMap> changedBonds, changedSlaves;
        QMetaObject::Connection bonds = connect(
                m_proxy.get(), &HelperProxy::BondChanged, this,
                [&](const QString &, const QVariantMap &m) { changedBonds << m; });
        QMetaObject::Connection slaves = connect(
                m_proxy.get(), &HelperProxy::SlaveChanged, this,
                [&](const QString &, const QString &, const QVariantMap &m) { changedSlaves << m; });
        // The slots hold this frame's lists: gone with it, whichever way it is left.
        const auto unplug = qScopeGuard([&] {
            disconnect(bonds);
            disconnect(slaves);
        });
        build();
        if (QTest::currentTestFailed())
            return;
        // The signals of the writes have come once those of a later marker write have: the
        // helper signals in order.
        const qsizetype before = changedBonds.size();
        QCOMPARE(errorOf(m_proxy->CreateBond(u"marker"_s, {}, {})), u"ok"_s);
        QTRY_VERIFY(std::any_of(changedBonds.cbegin() + before, changedBonds.cend(),
                                [](const QVariantMap &m) { return m.value(u"name"_s) == u"marker"_s; }));
        for (const QVariantMap &m : std::as_const(changedBonds))
            collectBond(m, sent);
        for (const QVariantMap &m : std::as_const(changedSlaves))
            collect(m, sent.slave);
        QDBusPendingReply<BondManager::VariantMapList> all = m_proxy->GetBonds();
        all.waitForFinished();
        const BondManager::VariantMapList maps = all.value();
        for (const QVariantMap &m : maps)
            collectBond(m, sent);
    }

    // Bonds that between them give every key that is not an option's: an 802.3ad bond (the
    // aggregator, the slaves' LACP details from /proc) and an active-backup one.
    void everyStateKey()
    {
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s, {{u"mode"_s, u"802.3ad"_s}, {u"miimon"_s, 100}},
                                             {u"eth0"_s, u"eth1"_s})),
                 u"ok"_s);
        QCOMPARE(errorOf(m_proxy->CreateBond(
                         u"bond1"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}}, {u"eth2"_s})),
                 u"ok"_s);
    }

    // A bond with the option set, in a mode that takes it (and, for an option naming a slave,
    // with that slave).
    void bondWithOption(const bm::OptionSpec &spec)
    {
        const QString value = OptionSamples::goodValue(spec);
        QVariantMap options {{u"mode"_s, OptionSamples::modeFor(spec)}};
        options.insert(QLatin1String(spec.name), value);
        const QStringList slaves = spec.kind == bm::OptionKind::IfIndex ? QStringList {value} : QStringList();
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s, options, slaves)), u"ok"_s);
    }

    void createActiveBackup()
    {
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s, {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}},
                                             {u"eth0"_s, u"eth1"_s})),
                 u"ok"_s);
    }

    // A kernel whose 198.51.100.1 answers ARP, and bond1 (active-backup over eth1 and eth2,
    // eth1 active) with 198.51.100.20/24 and its default route via 198.51.100.1.
    void startWithGateway(FakeHelper::Kernel kernel = hostKernel())
    {
        stopHelper();
        kernel.defaultRoute.clear();
        kernel.arpNeighbours = u"198.51.100.1=02:00:00:00:01:01"_s;
        startHelper({u"--idle-timeout"_s, u"0"_s}, kernel);
        QDBusPendingReply<QVariantMap> created = m_proxy->CreateConfiguredBond(
                {{u"name"_s, u"bond1"_s},
                 {u"options"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}}},
                 {u"slaves"_s, QStringList {u"eth1"_s, u"eth2"_s}},
                 {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                        {u"ipv4Addresses"_s, QStringList {u"198.51.100.20/24"_s}},
                                        {u"ipv4Gateway"_s, u"198.51.100.1"_s}}}},
                QString());
        created.waitForFinished();
        QVERIFY2(!created.isError(), qPrintable(created.error().message()));
        QCOMPARE(bond(u"bond1"_s).value(u"activeSlave"_s).toString(), u"eth1"_s);
    }

    QDBusPendingReply<QVariantMap> drill(const QString &name)
    {
        QDBusPendingReply<QVariantMap> reply = m_proxy->Drill(name);
        reply.waitForFinished();
        return reply;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0) {
            // QSKIP's variadic form trips clang's -Wpedantic; this is what it expands to.
            QTest::qSkip("needs root: private mount namespace and the real polkitd", __FILE__, __LINE__);
            return;
        }
        BondManager::registerDBusTypes();
        const QString error = m_bus.start(QStringLiteral(BM_SOURCE_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_bus.stop(); }

    void init() { startHelper(); }
    void cleanup() { stopHelper(); }

    void introspectionMatchesContract()
    {
        QFile xml(QStringLiteral(BM_SOURCE_DIR "/shared/dbus/org.bondmanager.Helper1.xml"));
        QVERIFY(xml.open(QIODevice::ReadOnly));
        const QString contract = QString::fromUtf8(xml.readAll());
        QDBusMessage call = QDBusMessage::createMethodCall(
                QLatin1String(BondManager::DBus::ServiceName), QLatin1String(BondManager::DBus::ObjectPath),
                u"org.freedesktop.DBus.Introspectable"_s, u"Introspect"_s);
        const QDBusMessage reply = m_bus.connection().call(call);
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        const QString introspected = reply.arguments().value(0).toString();
        static const QRegularExpression member(u"<(method|signal) name=\"(\\w+)\""_s);
        int members = 0;
        for (auto it = member.globalMatch(contract); it.hasNext(); ++members) {
            const QString name = it.next().captured(2);
            QVERIFY2(introspected.contains(u"name=\""_s + name + u'"'), qPrintable(name));
        }
        QCOMPARE(members, 34);
    }

    // One row per key of the shared types (shared/BondTypes.h): the helper sends it, and always
    // with the signature the contract gives. A key added to a type and not to the helper fails
    // here; one the helper sends that no type knows fails in helperSendsOnlyContractKeys.
    void helperSendsEveryKey_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("signature");
        const auto rows = [](const char *map, const QList<bm::MapKey> &keys) {
            for (const bm::MapKey &k : keys)
                QTest::addRow("%s %s", map, k.name) << QString::fromLatin1(map) << QString::fromLatin1(k.name)
                                                    << QString::fromLatin1(k.signature);
        };
        rows("bond", bm::BondInfo::keys());
        rows("bond", bm::BondInfo::linkKeys());
        rows("bond", bm::BondInfo::savedKeys());
        rows("slave", bm::SlaveInfo::keys());
    }

    void helperSendsEveryKey()
    {
        QFETCH(QString, map);
        QFETCH(QString, key);
        QFETCH(QString, signature);
        const bm::OptionSpec *option = map == u"bond"_s ? bm::OptionTable::findByKey(key) : nullptr;
        SentKeys sent;
        sentKeys(sent, [&] {
            if (option)
                bondWithOption(*option);
            else
                everyStateKey();
        });
        if (QTest::currentTestFailed())
            return;
        const Signatures &signatures = map == u"bond"_s ? sent.bond : sent.slave;
        if (key == u"extra"_s) {
            // Lines of /proc no parser understood: BondInfo and SlaveInfo keep them for `bondctl
            // parse`; the helper does not pass them on.
            QVERIFY(!signatures.contains(key));
            return;
        }
        QVERIFY2(signatures.contains(key), qPrintable(u"the helper sends no %1 key %2"_s.arg(map, key)));
        QCOMPARE(signatures.value(key), QSet<QString> {signature});
    }

    void helperSendsOnlyContractKeys()
    {
        SentKeys sent;
        sentKeys(sent, [this] {
            everyStateKey();
            QCOMPARE(errorOf(m_proxy->CreateBond(u"bond2"_s,
                                                 {{u"mode"_s, u"balance-xor"_s},
                                                  {u"xmit_hash_policy"_s, u"layer3+4"_s},
                                                  {u"arp_interval"_s, 100},
                                                  {u"arp_ip_target"_s, u"192.0.2.1"_s}},
                                                 {})),
                     u"ok"_s);
        });
        QMap<QString, QString> bondKeys = keysOf(bm::BondInfo::keys());
        bondKeys.insert(keysOf(bm::BondInfo::linkKeys()));
        bondKeys.insert(keysOf(bm::BondInfo::savedKeys()));
        const std::pair<const Signatures *, QMap<QString, QString>> maps[] = {
                {&sent.bond, bondKeys},
                {&sent.slave, keysOf(bm::SlaveInfo::keys())},
        };
        for (const auto &[signatures, contract] : maps) {
            QVERIFY(!signatures->isEmpty());
            for (auto it = signatures->cbegin(); it != signatures->cend(); ++it) {
                QVERIFY2(contract.contains(it.key()), qPrintable(u"not in the contract: "_s + it.key()));
                QCOMPARE(it.value(), QSet<QString> {contract.value(it.key())});
            }
        }
    }

    // The XML documents each key of the shared types with its signature ("name (s)"), the
    // options' keys by the rule that spells them (OptionTable's key column), and each error.
    void contractDocumentsEveryKeyAndError()
    {
        const auto documents = [](const QString &heading, const QList<bm::MapKey> &keys) {
            const QString paragraph = contractParagraph(heading);
            QVERIFY2(!paragraph.isEmpty(), qPrintable(heading));
            for (const bm::MapKey &k : keys) {
                if (bm::OptionTable::findByKey(QString::fromLatin1(k.name)))
                    continue;
                const QString entry = u"%1 (%2)"_s.arg(QLatin1String(k.name), QLatin1String(k.signature));
                QVERIFY2(paragraph.contains(entry), qPrintable(heading + u": no "_s + entry));
            }
        };
        documents(u"Bond maps"_s, bm::BondInfo::keys());
        documents(u"Bond maps"_s, bm::BondInfo::linkKeys());
        documents(u"Bond maps"_s, bm::BondInfo::savedKeys());
        QVERIFY(contractParagraph(u"Bond maps"_s).contains(u"OptionTable's key column"_s));
        documents(u"Slave maps"_s, bm::SlaveInfo::keys());
        documents(u"Candidate entries"_s, bm::CandidateInfo::keys());
        documents(u"Counter maps"_s, bm::LinkCounters::keys());
        documents(u"Reach maps"_s, bm::ReachReport::keys());
        documents(u"Drill maps"_s, bm::DrillReport::keys());
        const QString errors = contractParagraph(u"Errors"_s);
        for (const char *name : E::All)
            QVERIFY2(errors.contains(QLatin1String(name) + u':'), name);
    }

    // One row per error of ErrorNames.h: a real call provokes it, and the client's table knows it.
    void everyErrorIsProvoked_data()
    {
        QTest::addColumn<QString>("error");
        for (const char *name : E::All)
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyErrorIsProvoked()
    {
        QFETCH(QString, error);
        createActiveBackup();
        const QVariantMap ab {{u"mode"_s, u"active-backup"_s}};
        const auto replyError = [](QDBusPendingReply<> reply) {
            reply.waitForFinished();
            return reply.error();
        };
        const auto callerError = [](const CallerResult &r) {
            return QDBusError(QDBusMessage::createError(r.first, r.message));
        };
        const QHash<QString, std::function<QDBusError()>> provoke {
                {QLatin1String(E::NotAuthorized),
                 [&] {
                     return callerError(runTestCaller({u"DeleteBond"_s, u"bond0"_s}, Nobody));
                 }},
                {QLatin1String(E::InvalidArgument),
                 [&] {
                     return replyError(m_proxy->SetOptions(u"bond0"_s, {{u"miimon"_s, u"often"_s}}));
                 }},
                {QLatin1String(E::NoSuchBond), [&] { return replyError(m_proxy->DeleteBond(u"bond9"_s)); }},
                {QLatin1String(E::NoSuchInterface),
                 [&] { return replyError(m_proxy->AddSlave(u"bond0"_s, u"eth9"_s)); }},
                // eth0 is bond0's.
                {QLatin1String(E::Busy),
                 [&] { return replyError(m_proxy->CreateBond(u"bond1"_s, ab, {u"eth0"_s})); }},
                // No systemd-networkd is registered with the helper, nor running on the test bus.
                {QLatin1String(E::ServiceRefused),
                 [&] {
                     QDBusPendingReply<QVariantMap> r = m_proxy->CreateConfiguredBond(
                             {{u"name"_s, u"bond1"_s}, {u"slaves"_s, QStringList {u"eth2"_s}}}, u"networkd"_s);
                     r.waitForFinished();
                     return r.error();
                 }},
                // mgmt0 carries 192.0.2.10/24 and the default route: a bond over it must be a
                // trial, and a plain write is refused as Try without one is.
                {QLatin1String(E::TrialRequired),
                 [&] { return replyError(m_proxy->CreateBond(u"bond1"_s, ab, {u"mgmt0"_s})); }},
                {QLatin1String(E::NoSuchTrial), [&] { return replyError(m_proxy->Confirm(u"trial-9"_s)); }},
                // The fake kernel refuses to enslave eth3.
                {QLatin1String(E::KernelRefused),
                 [&] { return replyError(m_proxy->AddSlave(u"bond0"_s, u"eth3"_s)); }},
                {QLatin1String(E::BondingUnavailable),
                 [&] {
                     stopHelper();
                     FakeHelper::Kernel noBonding = hostKernel();
                     noBonding.bonding = false;
                     startHelper({u"--idle-timeout"_s, u"0"_s}, noBonding);
                     // The kernel's refusal is what tells (missingBondingDriverIsLearntFromTheKernelsAnswer).
                     const QDBusError refused = replyError(m_proxy->CreateBond(u"bond1"_s, ab, {}));
                     const QDBusReply<bool> available = m_proxy->BondingAvailable();
                     if (!available.isValid() || available.value())
                         return QDBusError(
                                 QDBusMessage::createError(u"test.BondingStillAvailable"_s, QString()));
                     return refused;
                 }},
        };
        QVERIFY2(provoke.contains(error), "no call provokes this error yet: add one");
        const QDBusError got = provoke.value(error)();
        QCOMPARE(got.name(), error);
        QVERIFY2(got.message().endsWith(u'.'), qPrintable(got.message()));
        const bm::CallError client = bm::CallError::from(got);
        QCOMPARE(std::optional<bm::ClientError>(client.kind), bm::errorKindOf(error));
        QCOMPARE(client.message, got.message());
    }

    // The client's one table (app/client/ClientError.h) gives every error a kind of its own, and
    // holds no name of this interface that ErrorNames.h does not.
    void clientMapsEveryError()
    {
        QSet<int> kinds;
        for (const char *name : E::All) {
            const std::optional<bm::ClientError> kind = bm::errorKindOf(QString::fromLatin1(name));
            QVERIFY2(kind, name);
            QVERIFY2(*kind != bm::ClientError::None && *kind != bm::ClientError::Failed
                             && *kind != bm::ClientError::Unreachable,
                     name);
            kinds.insert(int(*kind));
        }
        QCOMPARE(kinds.size(), qsizetype(std::size(E::All)));
        for (const bm::ErrorKind &entry : bm::ErrorKinds) {
            const QString name = QLatin1String(entry.name);
            if (name.startsWith(u"org.bondmanager."_s))
                QVERIFY2(std::any_of(std::begin(E::All), std::end(E::All),
                                     [&](const char *known) { return name == QLatin1String(known); }),
                         entry.name);
        }
    }

    // GetBonds is GetBond for every bond at once, in ListBonds' order: the same maps, read right
    // after the writes that made them (the reads take in the kernel's queued events first).
    void getBondsIsGetBondOfEveryBond()
    {
        QDBusPendingReply<BondManager::VariantMapList> none = m_proxy->GetBonds();
        none.waitForFinished();
        QVERIFY(!none.isError());
        QVERIFY(none.value().isEmpty());
        createActiveBackup();
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond1"_s, {{u"mode"_s, u"802.3ad"_s}}, {u"eth2"_s})), u"ok"_s);
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"miimon"_s, 250}})), u"ok"_s);
        QDBusPendingReply<BondManager::VariantMapList> all = m_proxy->GetBonds();
        all.waitForFinished();
        QVERIFY(!all.isError());
        const QStringList names = m_proxy->ListBonds().value();
        QCOMPARE(names, (QStringList {u"bond0"_s, u"bond1"_s}));
        QCOMPARE(all.value().size(), names.size());
        for (qsizetype i = 0; i < names.size(); ++i)
            QCOMPARE(all.value().at(i).value(u"name"_s).toString(), names.at(i));
        QCOMPARE(all.value().at(0).value(u"miimonMs"_s).toUInt(), 250u);
        QCOMPARE(slaveNames(u"bond0"_s), (QStringList {u"eth0"_s, u"eth1"_s}));
        // The same maps as GetBond, key for key.
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QVariantMap one = bond(names.at(i));
            QCOMPARE(all.value().at(i).keys(), one.keys());
            QCOMPARE(all.value().at(i).value(u"activeSlave"_s), one.value(u"activeSlave"_s));
            QCOMPARE(all.value().at(i).value(u"mode"_s), one.value(u"mode"_s));
        }
        QCOMPARE(runTestCaller({u"GetBonds"_s}, Nobody).first, u"ok"_s);
    }

    void readsNeedNoAuthorization()
    {
        QDBusReply<bool> available = m_proxy->BondingAvailable();
        QVERIFY(available.value());
        QCOMPARE(m_proxy->ListBonds().value(), QStringList());
        const QVariantMap mgmt0 = candidate(u"mgmt0"_s);
        QCOMPARE(mgmt0.value(u"defaultRoute"_s).toBool(), true);
        QCOMPARE(mgmt0.value(u"addresses"_s).toStringList(), QStringList {u"192.0.2.10/24"_s});
        QCOMPARE(mgmt0.value(u"gateway"_s).toString(), u"192.0.2.1"_s);
        QCOMPARE(candidate(u"eth0"_s).value(u"defaultRoute"_s).toBool(), false);
        QCOMPARE(candidate(u"eth0"_s).value(u"addresses"_s).toStringList(), QStringList());
        QCOMPARE(candidate(u"eth1"_s).value(u"defaultRoute"_s).toBool(), false);
        QCOMPARE(candidate(u"eth1"_s).value(u"gateway"_s).toString(), QString());
        QVERIFY(candidate(u"lo"_s).isEmpty());
        // The same reads as an unprivileged user.
        QCOMPARE(runTestCaller({u"ListBonds"_s}, Nobody).first, u"ok"_s);
        QCOMPARE(runTestCaller({u"ListCandidates"_s}, Nobody).first, u"ok"_s);
    }

    // ListCandidates answers the contract's struct, its fields in CandidateInfo::keys()'s order
    // (each documented in the XML: contractDocumentsEveryKeyAndError), as a caller that knows
    // none of our types reads it, field by field.
    void candidatesAreTheContractStruct()
    {
        QString fields;
        for (const bm::MapKey &k : bm::CandidateInfo::keys())
            fields += QLatin1String(k.signature);
        QCOMPARE(fields, u"sisbbssasbsa{sv}"_s);
        const QDBusMessage reply = m_bus.connection().call(QDBusMessage::createMethodCall(
                QLatin1String(BondManager::DBus::ServiceName), QLatin1String(BondManager::DBus::ObjectPath),
                QLatin1String(BondManager::DBus::InterfaceName), u"ListCandidates"_s));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        QCOMPARE(reply.signature(), u"a(%1)"_s.arg(fields));
        const QDBusArgument list = reply.arguments().constFirst().value<QDBusArgument>();
        QStringList names;
        list.beginArray();
        while (!list.atEnd()) {
            QString name, kind, mac, master, gateway;
            int ifindex = 0;
            bool adminUp = false, carrier = false, defaultRoute = false;
            QStringList addresses;
            QVariantMap extra;
            list.beginStructure();
            list >> name >> ifindex >> kind >> adminUp >> carrier >> mac >> master >> addresses >> defaultRoute
                    >> gateway >> extra;
            list.endStructure();
            names << name;
            QVERIFY2(ifindex > 0, qPrintable(name));
            QVERIFY2(extra.isEmpty(), qPrintable(name));
            if (name == u"mgmt0"_s) {
                QCOMPARE(addresses, QStringList {u"192.0.2.10/24"_s});
                QVERIFY(defaultRoute);
                QCOMPARE(gateway, u"192.0.2.1"_s);
                QVERIFY(adminUp);
                QCOMPARE(master, QString());
            }
        }
        list.endArray();
        QVERIFY2(names.contains(u"mgmt0"_s) && names.contains(u"eth0"_s), qPrintable(names.join(u' ')));
        QVERIFY(!names.contains(u"lo"_s));
        // The client's reading gives the same.
        QDBusPendingReply<BondManager::CandidateList> typed = m_proxy->ListCandidates();
        typed.waitForFinished();
        QStringList typedNames;
        for (const bm::CandidateInfo &c : typed.value())
            typedNames << c.name;
        QCOMPARE(typedNames, names);
    }

    // Issue 18, finding 6: ListCandidates answers from the view, which the kernel's address and
    // route events keep, so a call costs no dump of every route, whoever asks and however often;
    // nor does BondingAvailable. The helper dumps the routes when it starts.
    void candidatesCostNoRouteDump()
    {
        stopHelper();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString log = dir.filePath(u"dumps"_s);
        qputenv("BM_FAKE_DUMP_LOG", QFile::encodeName(log));
        const auto unset = qScopeGuard([] { qunsetenv("BM_FAKE_DUMP_LOG"); });
        startHelper();
        const auto routeDumps = [&log] {
            QFile file(log);
            return file.open(QIODevice::ReadOnly) ? file.readAll().split('\n').count("routes") : -1;
        };
        const int atStart = routeDumps();
        QVERIFY(atStart >= 1);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(candidate(u"mgmt0"_s).value(u"gateway"_s).toString(), u"192.0.2.1"_s);
            QVERIFY(m_proxy->BondingAvailable().value());
        }
        QCOMPARE(runTestCaller({u"ListCandidates"_s}, Nobody).first, u"ok"_s);
        QCOMPARE(runTestCaller({u"BondingAvailable"_s}, Nobody).first, u"ok"_s);
        QCOMPARE(routeDumps(), atStart);
    }

    void readErrors_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("error");
        QTest::newRow("no such bond") << u"GetBond"_s << u"bond9"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("not a bond") << u"GetBond"_s << u"eth0"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("path in name") << u"GetBond"_s << u"../x"_s << QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("proc path") << u"GetProcText"_s << u".."_s << QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("proc slash") << u"GetProcText"_s << u"a/b"_s
                                    << QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("proc missing") << u"GetProcText"_s << u"bond9"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("counters missing")
                << u"GetCounters"_s << u"bond9"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("counters not a bond")
                << u"GetCounters"_s << u"eth0"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("counters path")
                << u"GetCounters"_s << u"../x"_s << QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("reach missing") << u"CheckReach"_s << u"bond9"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("reach not a bond")
                << u"CheckReach"_s << u"eth0"_s << QString::fromLatin1(E::NoSuchBond);
        QTest::newRow("reach path") << u"CheckReach"_s << u"../x"_s
                                    << QString::fromLatin1(E::InvalidArgument);
    }

    // GetCounters asks the kernel afresh each time (the fake kernel's traffic passes as it is
    // looked at, FakeKernelBackend.h): the bond's and each slave's numbers move from one call to
    // the next, every key of the contract comes as t, and the bond's are its slaves' summed.
    void countersMove()
    {
        createActiveBackup();
        const auto read = [this] {
            QDBusPendingReply<QVariantMap> reply = m_proxy->GetCounters(u"bond0"_s);
            reply.waitForFinished();
            return reply;
        };
        const QDBusPendingReply<QVariantMap> first = read();
        QVERIFY2(!first.isError(), qPrintable(first.error().message()));
        const QVariantMap firstMap = first.value();
        QCOMPARE(QSet<QString>(firstMap.keyBegin(), firstMap.keyEnd()),
                 (QSet<QString> {u"bond0"_s, u"eth0"_s, u"eth1"_s}));
        const QMap<QString, QString> contract = keysOf(bm::LinkCounters::keys());
        QMap<QString, bm::LinkCounters> before;
        for (auto it = firstMap.cbegin(); it != firstMap.cend(); ++it) {
            const QVariantMap map = qdbus_cast<QVariantMap>(it.value());
            QCOMPARE(QStringList(map.keys()), QStringList(contract.keys()));
            for (auto key = map.cbegin(); key != map.cend(); ++key)
                QCOMPARE(signatureOf(key.value()), contract.value(key.key()));
            before.insert(it.key(), bm::LinkCounters::fromVariantMap(map));
        }
        QVERIFY(before.value(u"eth0"_s).rxBytes > 0);
        QCOMPARE(before.value(u"eth0"_s).rxErrors, 0u);

        const QDBusPendingReply<QVariantMap> second = read();
        QVERIFY(!second.isError());
        const QVariantMap secondMap = second.value();
        QMap<QString, bm::LinkCounters> after;
        for (auto it = secondMap.cbegin(); it != secondMap.cend(); ++it)
            after.insert(it.key(), bm::LinkCounters::fromVariantMap(qdbus_cast<QVariantMap>(it.value())));
        for (const QString &name : {u"eth0"_s, u"eth1"_s}) {
            QVERIFY2(after.value(name).rxBytes > before.value(name).rxBytes, qPrintable(name));
            QVERIFY2(after.value(name).txPackets > before.value(name).txPackets, qPrintable(name));
        }
        QVERIFY(after.value(u"bond0"_s).rxBytes > before.value(u"bond0"_s).rxBytes);
        QCOMPARE(after.value(u"bond0"_s).rxBytes,
                 before.value(u"eth0"_s).rxBytes + before.value(u"eth1"_s).rxBytes);
        // Not for anyone in particular: an unprivileged caller reads them too.
        QCOMPARE(runTestCaller({u"GetCounters"_s, u"bond0"_s}, Nobody).first, u"ok"_s);
    }

    // CheckReach on a bond with an address and a default route through it: the facts from the
    // kernel's view and the answer of the (fake) gateway to the helper's ARP request, every key
    // with the contract's signature. Callers who ask while a probe is out share its answer (the
    // fake's round trip tells each probe apart); an unprivileged caller may ask too.
    void checkReach()
    {
        startWithGateway();
        if (QTest::currentTestFailed())
            return;

        QList<QDBusPendingReply<QVariantMap>> together;
        for (int i = 0; i < 3; ++i)
            together << m_proxy->CheckReach(u"bond1"_s);
        for (QDBusPendingReply<QVariantMap> &r : together) {
            r.waitForFinished();
            QVERIFY2(!r.isError(), qPrintable(r.error().message()));
        }
        const QVariantMap map = together.constFirst().value();
        const QMap<QString, QString> contract = keysOf(bm::ReachReport::keys());
        QCOMPARE(QStringList(map.keys()), QStringList(contract.keys()));
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            QCOMPARE(signatureOf(it.value()), contract.value(it.key()));
        const bm::ReachReport report = bm::ReachReport::fromVariantMap(map);
        QVERIFY(report.carrier);
        QCOMPARE(report.addresses, QStringList {u"198.51.100.20/24"_s});
        QVERIFY(report.defaultRoute);
        QCOMPARE(report.gateway, u"198.51.100.1"_s);
        QVERIFY(report.answered);
        QVERIFY(report.rttUsec > 1000);
        QCOMPARE(report.answeredBy, u"02:00:00:00:01:01"_s);
        for (const QDBusPendingReply<QVariantMap> &r : std::as_const(together))
            QCOMPARE(r.value().value(u"rttUsec"_s).toULongLong(), report.rttUsec);
        QDBusPendingReply<QVariantMap> later = m_proxy->CheckReach(u"bond1"_s);
        later.waitForFinished();
        QVERIFY(later.value().value(u"rttUsec"_s).toULongLong() > report.rttUsec);
        QCOMPARE(runTestCaller({u"CheckReach"_s, u"bond1"_s}, Nobody).first, u"ok"_s);

        // No address, no route, no ARP target: nothing to ask, answered at once.
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond2"_s, {{u"mode"_s, u"active-backup"_s}}, {})), u"ok"_s);
        QDBusPendingReply<QVariantMap> none = m_proxy->CheckReach(u"bond2"_s);
        none.waitForFinished();
        const bm::ReachReport nothing = bm::ReachReport::fromVariantMap(none.value());
        QVERIFY(!nothing.defaultRoute);
        QVERIFY(nothing.addresses.isEmpty());
        QCOMPARE(nothing.gateway, QString());
        QVERIFY(!nothing.answered);
        QCOMPARE(nothing.rttUsec, 0ull);
        QCOMPARE(nothing.answeredBy, QString());
        // An ARP target stands in for the gateway; one that does not answer is not answered.
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond1"_s, {{u"miimon"_s, 0},
                                                          {u"arp_interval"_s, 100},
                                                          {u"arp_ip_target"_s, u"192.0.2.99"_s}})),
                 u"ok"_s);
        // bond1 carries the default route: its addresses change in a trial.
        QCOMPARE(confirmedTrial(u"SetIpConfig"_s,
                                {u"bond1"_s,
                                 QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                              {u"ipv4Addresses"_s, QStringList {u"198.51.100.20/24"_s}}}}),
                 u"ok"_s);
        QDBusPendingReply<QVariantMap> target = m_proxy->CheckReach(u"bond1"_s);
        target.waitForFinished();
        const bm::ReachReport byTarget = bm::ReachReport::fromVariantMap(target.value());
        QVERIFY(!byTarget.defaultRoute);
        QCOMPARE(byTarget.gateway, u"192.0.2.99"_s);
        QVERIFY(!byTarget.answered);
    }

    // The drill switches to the backup and back, each switch seen by clients as a Failover, and
    // reports both times, the gateway's answer in between, every key with the contract's
    // signature. A caller polkit refuses changes nothing.
    void drillSwitchesProbesAndRestores()
    {
        startWithGateway();
        if (QTest::currentTestFailed())
            return;
        QSignalSpy failover(m_proxy.get(), &HelperProxy::Failover);
        const QDBusPendingReply<QVariantMap> reply = drill(u"bond1"_s);
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        const QVariantMap map = reply.value();
        const QMap<QString, QString> contract = keysOf(bm::DrillReport::keys());
        QCOMPARE(QStringList(map.keys()), QStringList(contract.keys()));
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            QCOMPARE(signatureOf(it.value()), contract.value(it.key()));
        const bm::DrillReport r = bm::DrillReport::fromVariantMap(map);
        QCOMPARE(r.from, u"eth1"_s);
        QCOMPARE(r.to, u"eth2"_s);
        QVERIFY(r.switchUsec > 0);
        QCOMPARE(r.target, u"198.51.100.1"_s);
        QVERIFY(r.answered);
        QVERIFY(r.rttUsec > 1000);
        QCOMPARE(r.answeredBy, u"02:00:00:00:01:01"_s);
        QVERIFY(r.restored);
        QVERIFY(r.restoreUsec > 0);
        QVERIFY2(r.summary.startsWith(u"eth1 → eth2 in "_s), qPrintable(r.summary));
        QVERIFY2(r.summary.contains(u"; 198.51.100.1 answered in "_s), qPrintable(r.summary));
        QVERIFY2(r.summary.endsWith(u"; eth1 is active again."_s), qPrintable(r.summary));
        QCOMPARE(bond(u"bond1"_s).value(u"activeSlave"_s).toString(), u"eth1"_s);
        QTRY_COMPARE(failover.count(), 2);
        QCOMPARE(failover.at(0).at(2).toString(), u"eth2"_s);
        QCOMPARE(failover.at(1).at(2).toString(), u"eth1"_s);

        const CallerResult nobody = runTestCaller({u"Drill"_s, u"bond1"_s}, Nobody);
        QCOMPARE(nobody.first, QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(failover.count(), 2);
    }

    // Through a backup whose path ends behind a cut link, the gateway does not answer: said so,
    // and the earlier slave is active again all the same.
    void drillReportsNoAnswer()
    {
        FakeHelper::Kernel kernel = hostKernel();
        kernel.arpDead = u"eth2"_s;
        startWithGateway(kernel);
        if (QTest::currentTestFailed())
            return;
        const QDBusPendingReply<QVariantMap> reply = drill(u"bond1"_s);
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        const bm::DrillReport r = bm::DrillReport::fromVariantMap(reply.value());
        QVERIFY(!r.answered);
        QCOMPARE(r.rttUsec, 0ull);
        QVERIFY(r.restored);
        QVERIFY2(r.summary.contains(u"; 198.51.100.1 did not answer; "_s), qPrintable(r.summary));
        QCOMPARE(bond(u"bond1"_s).value(u"activeSlave"_s).toString(), u"eth1"_s);
    }

    // A step after the switch refused (ARP cannot be sent): the drill fails, but only after the
    // earlier active slave is active again, and its message says so.
    void drillRestoresAfterARefusedStep()
    {
        FakeHelper::Kernel kernel = hostKernel();
        kernel.arpRefused = true;
        startWithGateway(kernel);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy failover(m_proxy.get(), &HelperProxy::Failover);
        const QDBusPendingReply<QVariantMap> reply = drill(u"bond1"_s);
        QCOMPARE(reply.error().name(), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(reply.error().message(),
                 u"The failover drill on bond1 stopped: ARP could not be sent on bond1 (cannot open a packet "
                 "socket: Operation not permitted); eth1 is active again."_s);
        QCOMPARE(bond(u"bond1"_s).value(u"activeSlave"_s).toString(), u"eth1"_s);
        QTRY_COMPARE(failover.count(), 2);
        QCOMPARE(failover.at(1).at(2).toString(), u"eth1"_s);
    }

    // Refused in a sentence, before polkit is asked, with nothing changed.
    void drillRefusals_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such bond") << u"none"_s << QString::fromLatin1(E::NoSuchBond) << QString();
        QTest::newRow("mode") << u"balance-rr"_s << QString::fromLatin1(E::InvalidArgument)
                              << u"A failover drill needs an active-backup bond, and bond0 is in mode "
                                 "balance-rr."_s;
        QTest::newRow("one slave")
                << u"one slave"_s << QString::fromLatin1(E::InvalidArgument)
                << u"bond0 has no healthy backup to fail over to: no slave other than eth1 "
                   "has its link up."_s;
        QTest::newRow("no gateway")
                << u"no gateway"_s << QString::fromLatin1(E::InvalidArgument)
                << u"bond0 has no gateway or ARP target to probe after the switch; give it "
                   "a default route or an arp_ip_target first."_s;
        QTest::newRow("no slave") << u"no slave"_s << QString::fromLatin1(E::InvalidArgument)
                                  << u"bond0 has no active slave, so there is nothing to fail over from."_s;
    }

    void drillRefusals()
    {
        QFETCH(QString, setup);
        QFETCH(QString, error);
        QFETCH(QString, message);
        const QVariantMap ab {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}};
        if (setup == u"balance-rr"_s)
            QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s, {{u"mode"_s, u"balance-rr"_s}},
                                                 {u"eth1"_s, u"eth2"_s})),
                     u"ok"_s);
        else if (setup == u"one slave"_s)
            QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s, ab, {u"eth1"_s})), u"ok"_s);
        else if (setup == u"no gateway"_s)
            QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s, ab, {u"eth1"_s, u"eth2"_s})), u"ok"_s);
        else if (setup == u"no slave"_s)
            QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s, ab, {})), u"ok"_s);
        const QString before = observableState();
        // As an unprivileged caller: a refusal comes before polkit, which would say no.
        const CallerResult r = runTestCaller({u"Drill"_s, u"bond0"_s}, Nobody);
        QCOMPARE(r.first, error);
        if (!message.isEmpty())
            QCOMPARE(r.message, message);
        QCOMPARE(observableState(), before);
    }

    void readErrors()
    {
        QFETCH(QString, method);
        QFETCH(QString, argument);
        QFETCH(QString, error);
        const CallerResult r = runTestCaller({method, argument});
        QCOMPARE(r.first, error);
        QVERIFY2(r.message.endsWith(u'.'), qPrintable(r.message));
    }

    void createActiveBackupWithSlaves()
    {
        QSignalSpy added(m_proxy.get(), &HelperProxy::BondAdded);
        QSignalSpy slaveChanged(m_proxy.get(), &HelperProxy::SlaveChanged);
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s,
                                             {{u"mode"_s, u"active-backup"_s},
                                              {u"miimon"_s, 100},
                                              {u"updelay"_s, u"200"_s},
                                              {u"primary"_s, u"eth1"_s}},
                                             {u"eth0"_s, u"eth1"_s})),
                 u"ok"_s);
        QTRY_COMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toString(), u"bond0"_s);
        QTRY_VERIFY(slaveChanged.count() >= 2);
        QCOMPARE(m_proxy->ListBonds().value(), QStringList {u"bond0"_s});
        const QVariantMap b = bond(u"bond0"_s);
        QCOMPARE(b.value(u"mode"_s).toString(), u"active-backup"_s);
        QCOMPARE(b.value(u"miimonMs"_s).toUInt(), 100u);
        QCOMPARE(b.value(u"updelayMs"_s).toUInt(), 200u);
        QCOMPARE(b.value(u"primary"_s).toString(), u"eth1"_s);
        QCOMPARE(b.value(u"adminUp"_s).toBool(), true);
        QCOMPARE(slaveNames(u"bond0"_s), (QStringList {u"eth0"_s, u"eth1"_s}));
        // Each slave was taken down to be enslaved and is up again, as before.
        QCOMPARE(candidate(u"eth0"_s).value(u"adminUp"_s).toBool(), true);
        QCOMPARE(candidate(u"eth0"_s).value(u"master"_s).toString(), u"bond0"_s);
        QCOMPARE(runTestCaller({u"GetProcText"_s, u"bond0"_s}).first, u"ok"_s);
    }

    void badRequestsChangeNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QStringList>("slaves");
        QTest::addColumn<QString>("error");
        const QString invalid = QString::fromLatin1(E::InvalidArgument);
        const QVariantMap ab {{u"mode"_s, u"active-backup"_s}};
        QTest::newRow("empty name") << QString() << ab << QStringList() << invalid;
        QTest::newRow("slash") << u"bo/nd"_s << ab << QStringList() << invalid;
        QTest::newRow("colon") << u"b.o-n_d:1"_s << ab << QStringList() << invalid;
        QTest::newRow("space") << u"bo nd"_s << ab << QStringList() << invalid;
        QTest::newRow("dotdot") << u".."_s << ab << QStringList() << invalid;
        QTest::newRow("16 bytes") << u"bond012345678901"_s << ab << QStringList() << invalid;
        QTest::newRow("exists") << u"eth2"_s << ab << QStringList() << invalid;
        QTest::newRow("bad mode") << u"bond1"_s << QVariantMap {{u"mode"_s, u"fastest"_s}} << QStringList()
                                  << invalid;
        QTest::newRow("unknown option")
                << u"bond1"_s << QVariantMap {{u"speed"_s, 10}} << QStringList() << invalid;
        QTest::newRow("not a number")
                << u"bond1"_s << QVariantMap {{u"miimon"_s, u"often"_s}} << QStringList() << invalid;
        QTest::newRow("out of range")
                << u"bond1"_s << QVariantMap {{u"min_links"_s, u"-1"_s}} << QStringList() << invalid;
        QTest::newRow("miimon and arp") << u"bond1"_s
                                        << QVariantMap {{u"miimon"_s, 100},
                                                        {u"arp_interval"_s, 200},
                                                        {u"arp_ip_target"_s, u"192.0.2.1"_s}}
                                        << QStringList() << invalid;
        QTest::newRow("lacp_rate in active-backup")
                << u"bond1"_s << QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"lacp_rate"_s, u"fast"_s}}
                << QStringList() << invalid;
        QTest::newRow("updelay without miimon")
                << u"bond1"_s << QVariantMap {{u"miimon"_s, 0}, {u"updelay"_s, 200}} << QStringList()
                << invalid;
        QTest::newRow("primary not a slave")
                << u"bond1"_s << QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"primary"_s, u"eth3"_s}}
                << QStringList {u"eth2"_s} << invalid;
        QTest::newRow("slave twice") << u"bond1"_s << ab << QStringList {u"eth2"_s, u"eth2"_s} << invalid;
        QTest::newRow("slave is loopback") << u"bond1"_s << ab << QStringList {u"lo"_s} << invalid;
        QTest::newRow("slave is a bond") << u"bond1"_s << ab << QStringList {u"bond0"_s} << invalid;
        QTest::newRow("no such slave")
                << u"bond1"_s << ab << QStringList {u"eth9"_s} << QString::fromLatin1(E::NoSuchInterface);
        QTest::newRow("slave in another bond")
                << u"bond1"_s << ab << QStringList {u"eth0"_s} << QString::fromLatin1(E::Busy);
    }

    void badRequestsChangeNothing()
    {
        QFETCH(QString, name);
        QFETCH(QVariantMap, options);
        QFETCH(QStringList, slaves);
        QFETCH(QString, error);
        createActiveBackup();
        const QString before = observableState();
        QDBusPendingReply<> reply = m_proxy->CreateBond(name, options, slaves);
        reply.waitForFinished();
        QVERIFY(reply.isError());
        QCOMPARE(reply.error().name(), error);
        QVERIFY2(reply.error().message().endsWith(u'.'), qPrintable(reply.error().message()));
        QCOMPARE(observableState(), before);
    }

    void refusedLastStepIsRolledBack()
    {
        // eth2 is enslaved, then the "kernel" refuses eth3: bond1 and eth2's enslavement are undone.
        const QString before = observableState();
        QDBusPendingReply<> reply = m_proxy->CreateBond(
                u"bond1"_s, {{u"mode"_s, u"balance-xor"_s}, {u"xmit_hash_policy"_s, u"layer3+4"_s}},
                {u"eth2"_s, u"eth3"_s});
        reply.waitForFinished();
        QCOMPARE(reply.error().name(), QString::fromLatin1(E::KernelRefused));
        // The kernel's own words are passed through.
        QVERIFY2(reply.error().message().contains(u"Device is in use and cannot be enslaved"_s),
                 qPrintable(reply.error().message()));
        QCOMPARE(observableState(), before);
        QCOMPARE(candidate(u"eth2"_s).value(u"adminUp"_s).toBool(), true);
    }

    // Issue 18: eth3, with addresses and the default route, is taken down for AddSlave (which
    // costs it its routes and its IPv6 address) and the kernel then refuses it. Afterwards it
    // has every address and the default route again: the write undoes itself, before the
    // trial it has to be (issue 15) would.
    void refusedAddSlaveRestoresAddressesAndRoutes()
    {
        stopHelper();
        qputenv("BM_FAKE_ADDRESSES", "eth3=2001:db8::30/64");
        const auto unset = qScopeGuard([] { qunsetenv("BM_FAKE_ADDRESSES"); });
        FakeHelper::Kernel kernel = hostKernel();
        kernel.defaultRoute = u"eth3"_s;
        startHelper({u"--idle-timeout"_s, u"0"_s}, kernel);
        createActiveBackup();
        const QVariantMap before = candidate(u"eth3"_s);
        QCOMPARE(before.value(u"defaultRoute"_s).toBool(), true);
        QCOMPARE(before.value(u"addresses"_s).toStringList(),
                 (QStringList {u"192.0.2.10/24"_s, u"2001:db8::30/64"_s}));
        QCOMPARE(errorOf(m_proxy->Try(u"AddSlave"_s, {u"bond0"_s, u"eth3"_s}, 30)),
                 QString::fromLatin1(E::KernelRefused));
        QCOMPARE(m_proxy->ListTrials().value().size(), 0);
        const QVariantMap after = candidate(u"eth3"_s);
        QCOMPARE(after.value(u"adminUp"_s).toBool(), true);
        QCOMPARE(after.value(u"defaultRoute"_s).toBool(), true);
        QCOMPARE(after.value(u"addresses"_s).toStringList(), before.value(u"addresses"_s).toStringList());
    }

    // The bond map's mtu and addresses: what the kernel has, link-local addresses left out.
    void bondMapHasMtuAndAddresses()
    {
        createActiveBackup();
        const QVariantMap b = bond(u"bond0"_s);
        QCOMPARE(b.value(u"mtu"_s).toUInt(), 1500u);
        QCOMPARE(b.value(u"mtu"_s).metaType(), QMetaType::fromType<uint>());
        QCOMPARE(b.value(u"addresses"_s).toStringList(), QStringList());
    }

    void setOptions()
    {
        createActiveBackup();
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"miimon"_s, 50}, {u"downdelay"_s, 100}})),
                 u"ok"_s);
        QCOMPARE(bond(u"bond0"_s).value(u"miimonMs"_s).toUInt(), 50u);
        QCOMPARE(bond(u"bond0"_s).value(u"downdelayMs"_s).toUInt(), 100u);
        // Switching to ARP monitoring in one request: miimon goes off first.
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"miimon"_s, 0},
                                                          {u"arp_interval"_s, 100},
                                                          {u"arp_ip_target"_s, u"192.0.2.1,192.0.2.2"_s}})),
                 u"ok"_s);
        const QVariantMap b = bond(u"bond0"_s);
        QCOMPARE(b.value(u"arpIntervalMs"_s).toUInt(), 100u);
        QCOMPARE(b.value(u"arpTargets"_s).toStringList(), (QStringList {u"192.0.2.1"_s, u"192.0.2.2"_s}));

        // ad_select needs the bond down: the helper takes it down and brings it back up.
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"ad_select"_s, u"count"_s}})), u"ok"_s);
        QCOMPARE(bond(u"bond0"_s).value(u"adSelect"_s).toString(), u"count"_s);
        QCOMPARE(bond(u"bond0"_s).value(u"adminUp"_s).toBool(), true);

        const QString before = observableState();
        // The driver refuses a mode change while the bond has slaves: said before trying.
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"mode"_s, u"802.3ad"_s}})),
                 QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"lacp_rate"_s, u"fast"_s}})),
                 QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond9"_s, {{u"miimon"_s, 10}})),
                 QString::fromLatin1(E::NoSuchBond));
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {})), QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(observableState(), before);
    }

    void modeChangeTakesAnEmptyBondDownAndUp()
    {
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond2"_s, {}, {})), u"ok"_s);
        QCOMPARE(bond(u"bond2"_s).value(u"adminUp"_s).toBool(), true);
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond2"_s,
                                             {{u"mode"_s, u"802.3ad"_s}, {u"lacp_rate"_s, u"fast"_s}})),
                 u"ok"_s);
        const QVariantMap b = bond(u"bond2"_s);
        QCOMPARE(b.value(u"mode"_s).toString(), u"802.3ad"_s);
        QCOMPARE(b.value(u"adminUp"_s).toBool(), true);
    }

    void slavesPrimaryActiveAndFailover()
    {
        createActiveBackup();
        QSignalSpy failover(m_proxy.get(), &HelperProxy::Failover);
        QSignalSpy changed(m_proxy.get(), &HelperProxy::BondChanged);
        QCOMPARE(errorOf(m_proxy->AddSlave(u"bond0"_s, u"eth2"_s)), u"ok"_s);
        QCOMPARE(slaveNames(u"bond0"_s), (QStringList {u"eth0"_s, u"eth1"_s, u"eth2"_s}));
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(errorOf(m_proxy->AddSlave(u"bond0"_s, u"eth2"_s)), QString::fromLatin1(E::Busy));
        QCOMPARE(errorOf(m_proxy->AddSlave(u"bond0"_s, u"eth9"_s)), QString::fromLatin1(E::NoSuchInterface));
        QCOMPARE(errorOf(m_proxy->AddSlave(u"bond9"_s, u"eth2"_s)), QString::fromLatin1(E::NoSuchBond));

        QCOMPARE(errorOf(m_proxy->SetPrimary(u"bond0"_s, u"eth2"_s)), u"ok"_s);
        QCOMPARE(bond(u"bond0"_s).value(u"primary"_s).toString(), u"eth2"_s);
        QCOMPARE(errorOf(m_proxy->SetPrimary(u"bond0"_s, u"eth3"_s)), QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(errorOf(m_proxy->SetPrimary(u"bond0"_s, QString())), u"ok"_s);
        QVERIFY(bond(u"bond0"_s).value(u"primary"_s).toString().isEmpty());

        QCOMPARE(bond(u"bond0"_s).value(u"activeSlave"_s).toString(), u"eth0"_s);
        QCOMPARE(errorOf(m_proxy->SetActiveSlave(u"bond0"_s, u"eth1"_s)), u"ok"_s);
        QTRY_COMPARE(failover.count(), 1);
        QCOMPARE(failover.at(0).at(0).toString(), u"bond0"_s);
        QCOMPARE(failover.at(0).at(1).toString(), u"eth0"_s);
        QCOMPARE(failover.at(0).at(2).toString(), u"eth1"_s);
        QVERIFY(failover.at(0).at(3).toULongLong() > 1600000000ull * 1000000ull);
        QCOMPARE(errorOf(m_proxy->SetActiveSlave(u"bond0"_s, u"eth3"_s)),
                 QString::fromLatin1(E::InvalidArgument));

        QCOMPARE(errorOf(m_proxy->RemoveSlave(u"bond0"_s, u"eth2"_s)), u"ok"_s);
        QCOMPARE(slaveNames(u"bond0"_s), (QStringList {u"eth0"_s, u"eth1"_s}));
        QCOMPARE(candidate(u"eth2"_s).value(u"adminUp"_s).toBool(), true);
        QCOMPARE(errorOf(m_proxy->RemoveSlave(u"bond0"_s, u"eth2"_s)),
                 QString::fromLatin1(E::InvalidArgument));
    }

    // A flap storm (bm-fake-helper's control channel, as bm-bench's): once the helper's window has
    // grown, a window's failovers come in one ChangesGathered, ahead of its maps, and none is
    // lost: each one's old active slave is the one before's new one, in time order, up to the
    // bond's active slave after the storm. A failover at quiet times afterwards is a Failover
    // alone, at once, with its maps as SlaveChanged and BondChanged.
    void backlogFailoversArriveGatheredAndInOrder()
    {
        stopHelper();
        FakeHelper::Kernel kernel = hostKernel();
        kernel.control = true;
        startHelper({u"--idle-timeout"_s, u"0"_s}, kernel);
        createActiveBackup();
        QTRY_COMPARE(bond(u"bond0"_s).value(u"activeSlave"_s).toString(), u"eth0"_s);
        QTest::qWait(300); // the creation's window over: what follows is the storm's

        struct Seen {
            QString from, to;
            qulonglong usec;
            bool gathered;
        };
        QList<Seen> failovers;
        int gatheredSignals = 0, mostInOne = 0;
        QString lastMapsActive; // bond0's activeSlave in the last map sent, either way
        connect(m_proxy.get(), &HelperProxy::Failover, this,
                [&](const QString &b, const QString &from, const QString &to, qulonglong usec) {
                    if (b == u"bond0"_s)
                        failovers << Seen {from, to, usec, false};
                });
        connect(m_proxy.get(), &HelperProxy::BondChanged, this, [&](const QString &b, const QVariantMap &m) {
            if (b == u"bond0"_s)
                lastMapsActive = m.value(u"activeSlave"_s).toString();
        });
        connect(m_proxy.get(), &HelperProxy::ChangesGathered, this,
                [&](const BondManager::VariantMapList &gathered, const BondManager::VariantMapList &,
                    const BondManager::VariantMapList &bonds) {
                    ++gatheredSignals;
                    mostInOne = std::max(mostInOne, int(gathered.size()));
                    for (const QVariantMap &map : gathered) {
                        const auto f = BondManager::GatheredFailover::fromVariantMap(map);
                        QCOMPARE(f.bond, u"bond0"_s);
                        failovers << Seen {f.oldActive, f.newActive, f.timestampUsec, true};
                    }
                    for (const QVariantMap &map : bonds)
                        if (map.value(u"name"_s).toString() == u"bond0"_s)
                            lastMapsActive = map.value(u"activeSlave"_s).toString();
                });
        const QByteArray done = m_helper.control("flap 4000 2", "flap-done");
        QVERIFY2(!done.isEmpty(), "no answer to the flap");
        QTRY_VERIFY_WITH_TIMEOUT(!failovers.isEmpty()
                                         && failovers.last().to
                                                    == bond(u"bond0"_s).value(u"activeSlave"_s).toString()
                                         && lastMapsActive == failovers.last().to,
                                 20000);
        QTest::qWait(300); // nothing more is on its way
        QVERIFY2(gatheredSignals > 0 && mostInOne >= 2,
                 qPrintable(u"%1 ChangesGathered, at most %2 failovers in one"_s.arg(gatheredSignals)
                                    .arg(mostInOne)));
        int gathered = 0;
        for (qsizetype i = 0; i < failovers.size(); ++i) {
            const Seen &f = failovers.at(i);
            gathered += f.gathered;
            if (i == 0)
                continue;
            const Seen &before = failovers.at(i - 1);
            QVERIFY2(f.from == before.to && f.usec >= before.usec,
                     qPrintable(u"failover %1: %2>%3 after %4>%5"_s.arg(i).arg(f.from, f.to, before.from,
                                                                               before.to)));
        }
        QVERIFY2(gathered > failovers.size() / 2,
                 qPrintable(u"%1 of %2"_s.arg(gathered).arg(failovers.size())));
        const QString active = bond(u"bond0"_s).value(u"activeSlave"_s).toString();
        QCOMPARE(failovers.last().to, active);
        QCOMPARE(lastMapsActive, active);

        // Quiet again: SetActiveSlave's failover is a Failover of its own.
        const int before = failovers.size();
        const int gatheredBefore = gatheredSignals;
        const QString other = active == u"eth0"_s ? u"eth1"_s : u"eth0"_s;
        QCOMPARE(errorOf(m_proxy->SetActiveSlave(u"bond0"_s, other)), u"ok"_s);
        QTRY_VERIFY(lastMapsActive == other);
        QCOMPARE(failovers.size(), before + 1);
        QVERIFY(!failovers.last().gathered);
        QCOMPARE(failovers.last().from, active);
        QCOMPARE(gatheredSignals, gatheredBefore);
    }

    // The order a client sees: the Failover at once, then (gathered for a few milliseconds) what
    // the kernel said of the slaves, then one BondChanged carrying the result; several
    // notifications of one write are one BondChanged.
    void signalsFollowTheKernelsOrderAndAreGathered()
    {
        createActiveBackup();
        QTRY_COMPARE(bond(u"bond0"_s).value(u"activeSlave"_s).toString(), u"eth0"_s);
        // A marker write as a barrier: the helper signals in order, so once the marker's
        // BondChanged has come, whatever the creation had in flight has come before it. (Waiting
        // for "a" BondChanged instead raced: the creation's could come before the spy existed.)
        QSignalSpy settle(m_proxy.get(), &HelperProxy::BondChanged);
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"resend_igmp"_s, 3}})), u"ok"_s);
        QTRY_VERIFY(!settle.isEmpty()
                    && settle.last().at(1).value<QVariantMap>().value(u"resendIgmp"_s).toUInt() == 3u);
        QStringList seen;
        connect(m_proxy.get(), &HelperProxy::SlaveChanged, this,
                [&](const QString &b, const QString &slave) { seen << u"slave %1 %2"_s.arg(b, slave); });
        connect(m_proxy.get(), &HelperProxy::Failover, this,
                [&](const QString &b, const QString &from, const QString &to) {
                    seen << u"failover %1 %2>%3"_s.arg(b, from, to);
                });
        QList<QVariantMap> bondMaps;
        connect(m_proxy.get(), &HelperProxy::BondChanged, this, [&](const QString &b, const QVariantMap &m) {
            seen << u"bond %1 %2"_s.arg(b, m.value(u"activeSlave"_s).toString());
            bondMaps << m;
        });
        QCOMPARE(errorOf(m_proxy->SetActiveSlave(u"bond0"_s, u"eth1"_s)), u"ok"_s);
        QTRY_VERIFY(seen.contains(u"bond bond0 eth1"_s));
        QCOMPARE(seen, (QStringList {u"failover bond0 eth0>eth1"_s, u"slave bond0 eth0"_s,
                                     u"slave bond0 eth1"_s, u"bond bond0 eth1"_s}));

        seen.clear();
        bondMaps.clear();
        QCOMPARE(errorOf(m_proxy->SetOptions(
                         u"bond0"_s, {{u"miimon"_s, 50}, {u"updelay"_s, 100}, {u"downdelay"_s, 150}})),
                 u"ok"_s);
        QTRY_VERIFY(!seen.isEmpty());
        // A barrier instead of a wait: the helper signals in order, so once the BondChanged of a
        // later marker write has come, anything more from the first write has come before it.
        QCOMPARE(errorOf(m_proxy->SetOptions(u"bond0"_s, {{u"resend_igmp"_s, 7}})), u"ok"_s);
        QTRY_VERIFY(!bondMaps.isEmpty() && bondMaps.last().value(u"resendIgmp"_s).toUInt() == 7u);
        // Three kernel notifications (one per option), one BondChanged; then the marker's.
        QCOMPARE(seen, (QStringList {u"bond bond0 eth1"_s, u"bond bond0 eth1"_s}));
        QCOMPARE(bondMaps.first().value(u"miimonMs"_s).toUInt(), 50u);
        QCOMPARE(bondMaps.first().value(u"downdelayMs"_s).toUInt(), 150u);
    }

    void deleteBond()
    {
        createActiveBackup();
        QSignalSpy removed(m_proxy.get(), &HelperProxy::BondRemoved);
        QCOMPARE(errorOf(m_proxy->DeleteBond(u"bond0"_s)), u"ok"_s);
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), u"bond0"_s);
        QCOMPARE(m_proxy->ListBonds().value(), QStringList());
        QVERIFY(candidate(u"eth0"_s).value(u"master"_s).toString().isEmpty());
        QCOMPARE(candidate(u"eth0"_s).value(u"adminUp"_s).toBool(), true);
        QCOMPARE(errorOf(m_proxy->DeleteBond(u"bond0"_s)), QString::fromLatin1(E::NoSuchBond));
        QCOMPARE(errorOf(m_proxy->DeleteBond(u"eth0"_s)), QString::fromLatin1(E::NoSuchBond));
    }

    void unprivilegedCallerIsRefused_data()
    {
        QTest::addColumn<uint>("uid");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nobody create")
                << uint(Nobody)
                << QStringList {u"CreateBond"_s, u"bond5"_s, u"mode=active-backup"_s, u"eth2"_s};
        QTest::newRow("nobody delete") << uint(Nobody) << QStringList {u"DeleteBond"_s, u"bond0"_s};
        QTest::newRow("nobody options")
                << uint(Nobody) << QStringList {u"SetOptions"_s, u"bond0"_s, u"miimon=10"_s};
        QTest::newRow("nobody release")
                << uint(Nobody) << QStringList {u"RemoveSlave"_s, u"bond0"_s, u"eth0"_s};
        QTest::newRow("daemon challenged") << uint(Daemon) << QStringList {u"DeleteBond"_s, u"bond0"_s};
        QTest::newRow("daemon create")
                << uint(Daemon) << QStringList {u"CreateBond"_s, u"bond5"_s, QString(), QString()};
    }

    void unprivilegedCallerIsRefused()
    {
        QFETCH(uint, uid);
        QFETCH(QStringList, args);
        createActiveBackup();
        const QString before = observableState();
        const CallerResult r = runTestCaller(args, uid_t(uid));
        QCOMPARE(r.first, QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.message.endsWith(u'.'), qPrintable(r.message));
        QCOMPARE(observableState(), before);
    }

    // A request that fails the checks needing no kernel state is answered before polkit is asked,
    // so that nobody is asked for a password for it. nobody, whom polkit refuses every write
    // (polkit-test.rules), gets InvalidArgument; and with polkitd gone, when asking would fail
    // with NotAuthorized as a valid request shows, uid 1 gets the same answer (root's writes are
    // not put to polkit at all: rootNeedsNoPolkit).
    void invalidRequestIsRefusedBeforePolkit_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("bad name") << QStringList {u"DeleteBond"_s, u"../../etc"_s};
        QTest::newRow("bad bond name")
                << QStringList {u"CreateBond"_s, u"bo/nd"_s, u"mode=active-backup"_s, u"eth2"_s};
        QTest::newRow("bad slave name") << QStringList {u"AddSlave"_s, u"bond0"_s, u"a b"_s};
        QTest::newRow("unknown option") << QStringList {u"SetOptions"_s, u"bond0"_s, u"speed=10"_s};
        QTest::newRow("unparsable value") << QStringList {u"SetOptions"_s, u"bond0"_s, u"miimon=often"_s};
        QTest::newRow("no options") << QStringList {u"SetOptions"_s, u"bond0"_s, QString()};
        QTest::newRow("contradicting options")
                << QStringList {u"CreateBond"_s, u"bond5"_s, u"miimon=100;arp_interval=200"_s, QString()};
        QTest::newRow("slave twice") << QStringList {u"CreateBond"_s, u"bond5"_s, QString(), u"eth2,eth2"_s};
        QTest::newRow("no active slave") << QStringList {u"SetActiveSlave"_s, u"bond0"_s, QString()};
        QStringList manySlaves;
        for (int i = 0; i < 65; ++i)
            manySlaves << u"eth%1"_s.arg(i);
        QTest::newRow("too many slaves")
                << QStringList {u"CreateBond"_s, u"bond5"_s, QString(), manySlaves.join(u',')};
    }

    void invalidRequestIsRefusedBeforePolkit()
    {
        QFETCH(QStringList, args);
        createActiveBackup();
        const QString before = observableState();
        const CallerResult refused = runTestCaller(args, Nobody);
        QCOMPARE(refused.first, QString::fromLatin1(E::InvalidArgument));
        QVERIFY2(refused.message.endsWith(u'.'), qPrintable(refused.message));

        m_bus.stopPolkit();
        const auto restart = qScopeGuard([this] { QCOMPARE(m_bus.startPolkit(), QString()); });
        QCOMPARE(runTestCaller({u"SetOptions"_s, u"bond0"_s, u"miimon=10"_s}, uid_t(1)).first,
                 QString::fromLatin1(E::NotAuthorized));
        const CallerResult unasked = runTestCaller(args, uid_t(1));
        QCOMPARE(unasked.first, refused.first);
        QCOMPARE(unasked.message, refused.message);
        QCOMPARE(observableState(), before);
    }

    // polkit learns which bond a write is for: a rule (polkit-test.rules) lets bin delete the bond
    // allowed0 and no other.
    void polkitIsToldTheBond()
    {
        createActiveBackup();
        QCOMPARE(errorOf(m_proxy->CreateBond(u"allowed0"_s, {}, {})), u"ok"_s);
        QCOMPARE(runTestCaller({u"DeleteBond"_s, u"bond0"_s}, Bin).first,
                 QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(runTestCaller({u"DeleteBond"_s, u"allowed0"_s}, Bin).first, u"ok"_s);
        QCOMPARE(m_proxy->ListBonds().value(), QStringList {u"bond0"_s});
    }

    // A sentence that starts with an option's name keeps the kernel's spelling of it.
    void optionNameStartingAMessageKeepsItsSpelling()
    {
        createActiveBackup();
        const CallerResult r = runTestCaller({u"SetOptions"_s, u"bond0"_s, u"arp_ip_target=nowhere"_s});
        QCOMPARE(r.first, QString::fromLatin1(E::InvalidArgument));
        QVERIFY2(r.message.startsWith(u"arp_ip_target: "_s), qPrintable(r.message));
    }

    // Writes waiting for polkit are capped per caller uid (2) and in total (32), root not
    // counted: here nobody's interactive writes wait for a polkit agent that never answers
    // (bm-fake-helper's BM_FAKE_HOLD_INTERACTIVE), the third and later get Busy at once, and root's
    // own write still goes through.
    void pendingWritesAreCappedButNotForRoot()
    {
        stopHelper();
        qputenv("BM_FAKE_HOLD_INTERACTIVE", "1");
        const auto unset = qScopeGuard([] { qunsetenv("BM_FAKE_HOLD_INTERACTIVE"); });
        startHelper();
        createActiveBackup();

        QProcess flood;
        startTestCaller(flood,
                        {u"--interactive"_s, u"--repeat"_s, u"10"_s, u"CreateBond"_s, u"bond5"_s,
                         u"mode=active-backup"_s, u"eth2"_s},
                        Nobody);
        const auto stop = qScopeGuard([&flood] {
            flood.kill();
            flood.waitForFinished();
        });
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(flood.readAllStandardOutput()),
                                  out.count(QString::fromLatin1(E::Busy)) == 8),
                                 30000);
        const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 16);
        QVERIFY2(lines.at(1).endsWith(u'.'), qPrintable(lines.at(1)));
        QCOMPARE(flood.state(), QProcess::Running);

        // Another unprivileged uid has its own share (polkit challenges it: NotAuthorized); root is
        // not counted at all.
        QCOMPARE(runTestCaller({u"SetOptions"_s, u"bond0"_s, u"miimon=10"_s}, uid_t(1)).first,
                 QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(runTestCaller({u"DeleteBond"_s, u"bond0"_s}).first, u"ok"_s);
        QCOMPARE(m_proxy->ListBonds().value(), QStringList());
    }

    // What the kernel shows only to CAP_NET_ADMIN (802.3ad system and partner data, LACPDU
    // details) reaches root's calls only: not nobody's, and not the broadcast BondChanged.
    void rootOnly8023adDataReachesRootOnly()
    {
        QList<QVariantMap> changes;
        const auto plug = connect(m_proxy.get(), &HelperProxy::BondChanged,
                                  [&](const QString &, const QVariantMap &m) { changes << m; });
        const auto unplug = qScopeGuard([&] { disconnect(plug); });
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond0"_s,
                                             {{u"mode"_s, u"802.3ad"_s},
                                              {u"miimon"_s, 100},
                                              {u"ad_actor_system"_s, u"02:00:00:00:00:05"_s},
                                              {u"ad_actor_sys_prio"_s, 100},
                                              {u"ad_user_port_key"_s, 7}},
                                             {u"eth0"_s, u"eth1"_s})),
                 u"ok"_s);

        const QStringList rootOnlyKeys {u"ad"_s,
                                        u"slaves.actorLacpPdu"_s,
                                        u"slaves.partnerLacpPdu"_s,
                                        u"adActorSystem"_s,
                                        u"adActorSysPrio"_s,
                                        u"adUserPortKey"_s};
        const QStringList rootKeys = runTestCaller({u"GetBond"_s, u"bond0"_s}).message.split(u',');
        const QStringList nobodyKeys = runTestCaller({u"GetBond"_s, u"bond0"_s}, Nobody).message.split(u',');
        QVERIFY2(nobodyKeys.contains(u"slaves.aggregatorId"_s), qPrintable(nobodyKeys.join(u',')));
        for (const QString &key : rootOnlyKeys) {
            QVERIFY2(rootKeys.contains(key), qPrintable(key));
            QVERIFY2(!nobodyKeys.contains(key), qPrintable(key));
        }
        const QString nobodyAll = runTestCaller({u"GetBonds"_s}, Nobody).message;
        QVERIFY2(!nobodyAll.split(u',').contains(u"ad"_s), qPrintable(nobodyAll));

        const QString rootText = runTestCaller({u"GetProcText"_s, u"bond0"_s}).message;
        const QString nobodyText = runTestCaller({u"GetProcText"_s, u"bond0"_s}, Nobody).message;
        for (const QString &line : {u"System MAC address:"_s, u"Partner Mac Address:"_s,
                                    u"details actor lacp pdu:"_s, u"system mac address:"_s}) {
            QVERIFY2(rootText.contains(line), qPrintable(line));
            QVERIFY2(!nobodyText.contains(line), qPrintable(nobodyText));
        }
        QVERIFY2(nobodyText.contains(u"|802.3ad info|"_s), qPrintable(nobodyText));
        QVERIFY2(nobodyText.contains(u"|Aggregator ID: 1|Actor Churn State: none|"_s), qPrintable(nobodyText));

        const auto withSlaves = [](const QVariantMap &m) {
            return m.value(u"name"_s) == u"bond0"_s
                   && !qdbus_cast<QVariantList>(m.value(u"slaves"_s)).isEmpty();
        };
        QTRY_VERIFY(std::any_of(changes.cbegin(), changes.cend(), withSlaves));
        for (const QVariantMap &m : std::as_const(changes)) {
            QVERIFY(!m.contains(u"ad"_s));
            for (const QVariant &slave : qdbus_cast<QVariantList>(m.value(u"slaves"_s))) {
                const QVariantMap s = qdbus_cast<QVariantMap>(slave);
                QVERIFY(!s.contains(u"actorLacpPdu"_s));
                QVERIFY(!s.contains(u"partnerLacpPdu"_s));
            }
        }
    }

    void rootCallerFromAnotherProcessIsAllowed()
    {
        createActiveBackup();
        const CallerResult r = runTestCaller({u"DeleteBond"_s, u"bond0"_s});
        QCOMPARE(r.first, u"ok"_s);
        QCOMPARE(m_proxy->ListBonds().value(), QStringList());
    }

    void onlyRootMayOwnTheName()
    {
        stopHelper();
        const CallerResult r = runTestCaller({u"own"_s}, Nobody);
        QCOMPARE(r.first, u"org.freedesktop.DBus.Error.AccessDenied"_s);
    }

    void vanishedCallerChangesNothing()
    {
        createActiveBackup();
        const QString before = observableState();
        // Root would be allowed, but the caller is gone before the helper reads its request, so
        // polkit cannot look it up. The helper is stopped meanwhile to fix that order.
        QCOMPARE(::kill(pid_t(m_helper.process().processId()), SIGSTOP), 0);
        const CallerResult r = runTestCaller({u"--no-wait"_s, u"DeleteBond"_s, u"bond0"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.first, u"sent"_s);
        QTRY_VERIFY(!m_bus.connection().interface()->isServiceRegistered(r.message));
        QCOMPARE(::kill(pid_t(m_helper.process().processId()), SIGCONT), 0);
        // The helper is still serving, and the bond is still there.
        QCOMPARE(observableState(), before);
        QCOMPARE(runTestCaller({u"SetOptions"_s, u"bond0"_s, u"miimon=10"_s}).first, u"ok"_s);
    }

    void bondingDriverLoadedOnDemandIsAvailable()
    {
        stopHelper();
        FakeHelper::Kernel module = hostKernel();
        module.bondingModule = true;
        startHelper({u"--idle-timeout"_s, u"0"_s}, module);
        QVERIFY(m_proxy->BondingAvailable().value());
        createActiveBackup();
        QVERIFY(m_proxy->BondingAvailable().value());
    }

    void missingBondingDriverIsLearntFromTheKernelsAnswer()
    {
        stopHelper();
        FakeHelper::Kernel noBonding = hostKernel();
        noBonding.bonding = false;
        startHelper({u"--idle-timeout"_s, u"0"_s}, noBonding);
        // Nothing loaded and no bond asked for yet: the kernel may still find a module.
        QVERIFY(m_proxy->BondingAvailable().value());
        const QString before = observableState();
        QDBusPendingReply<> created = m_proxy->CreateBond(u"bond0"_s, {{u"miimon"_s, 100}}, {u"eth0"_s});
        created.waitForFinished();
        QCOMPARE(created.error().name(), QString::fromLatin1(E::BondingUnavailable));
        QVERIFY2(created.error().message().contains(u"no bonding driver"_s),
                 qPrintable(created.error().message()));
        QVERIFY(!m_proxy->BondingAvailable().value());
        QCOMPARE(observableState(), before);
    }

    // ---- saving (issue 14): no network service runs on the test bus, so every bond is the
    // runtime service's; the helper's system root is an empty temporary folder (FakeHelper).

    void createConfiguredBondRuntimeOnly_data()
    {
        QTest::addColumn<QString>("saveWith");
        QTest::newRow("owner's") << QString();
        QTest::newRow("none") << u"none"_s;
    }

    void createConfiguredBondRuntimeOnly()
    {
        QFETCH(QString, saveWith);
        const QVariantMap config {
                {u"name"_s, u"bond1"_s},
                {u"options"_s, QVariantMap {{u"mode"_s, u"active-backup"_s}, {u"miimon"_s, 100}}},
                {u"slaves"_s, QStringList {u"eth1"_s, u"eth2"_s}},
                {u"primary"_s, u"eth2"_s},
        };
        QDBusPendingReply<QVariantMap> reply = m_proxy->CreateConfiguredBond(config, saveWith);
        reply.waitForFinished();
        QVERIFY2(!reply.isError(), qPrintable(reply.error().message()));
        QCOMPARE(reply.value().value(u"backend"_s).toString(), u"none"_s);
        QVERIFY(reply.value().value(u"saveWith"_s).toStringList().isEmpty());
        const QVariantMap b = bond(u"bond1"_s);
        QCOMPARE(b.value(u"mode"_s).toString(), u"active-backup"_s);
        QCOMPARE(b.value(u"miimonMs"_s).toUInt(), 100u);
        QCOMPARE(b.value(u"primary"_s).toString(), u"eth2"_s);
        QCOMPARE(slaveNames(u"bond1"_s), (QStringList {u"eth1"_s, u"eth2"_s}));
        const QVariantMap persistence = qdbus_cast<QVariantMap>(b.value(u"persistence"_s));
        QCOMPARE(persistence.value(u"backend"_s).toString(), u"none"_s);
        // Saved nowhere: said so.
        QVERIFY2(persistence.value(u"warnings"_s).toStringList().join(u' ').contains(u"next boot"_s),
                 qPrintable(persistence.value(u"warnings"_s).toStringList().join(u' ')));
    }

    // What needs a service running (DHCP, IPv6 autoconfiguration, DNS) is refused on a runtime-only
    // bond with a sentence, before anything is made.
    void dhcpOnRuntimeBondIsRefused_data()
    {
        QTest::addColumn<QVariantMap>("ip");
        QTest::addColumn<QString>("says");
        QTest::newRow("dhcp") << QVariantMap {{u"ipv4Method"_s, u"dhcp"_s}} << u"DHCP"_s;
        QTest::newRow("ipv6 auto") << QVariantMap {{u"ipv6Method"_s, u"auto"_s}}
                                   << u"IPv6 autoconfiguration"_s;
        QTest::newRow("dhcpv6") << QVariantMap {{u"ipv6Method"_s, u"dhcp"_s}} << u"DHCPv6"_s;
        QTest::newRow("dns") << QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                             {u"ipv4Addresses"_s, QStringList {u"198.51.100.20/24"_s}},
                                             {u"dnsServers"_s, QStringList {u"198.51.100.53"_s}}}
                             << u"DNS"_s;
    }

    void dhcpOnRuntimeBondIsRefused()
    {
        QFETCH(QVariantMap, ip);
        QFETCH(QString, says);
        createActiveBackup();
        const QString before = observableState();
        QDBusPendingReply<QVariantMap> created = m_proxy->CreateConfiguredBond(
                {{u"name"_s, u"bond1"_s}, {u"slaves"_s, QStringList {u"eth2"_s}}, {u"ip"_s, ip}}, QString());
        created.waitForFinished();
        QCOMPARE(created.error().name(), QString::fromLatin1(E::InvalidArgument));
        QVERIFY2(created.error().message().startsWith(says + u" on bond1 needs a network service"_s),
                 qPrintable(created.error().message()));
        QVERIFY2(created.error().message().endsWith(u'.'), qPrintable(created.error().message()));
        QCOMPARE(errorOf(m_proxy->SetIpConfig(u"bond0"_s, ip)), QString::fromLatin1(E::InvalidArgument));
        QCOMPARE(observableState(), before);
    }

    // A bond saved nowhere gets its static addresses, default gateway and MTU from the kernel:
    // GetBond shows them, and SetIpConfig (a trial: they carry the bond's) moves them. No other
    // link has a default route here.
    void staticAddressesOnRuntimeBond()
    {
        stopHelper();
        FakeHelper::Kernel kernel = hostKernel();
        kernel.defaultRoute.clear();
        startHelper({u"--idle-timeout"_s, u"0"_s}, kernel);
        QDBusPendingReply<QVariantMap> created = m_proxy->CreateConfiguredBond(
                {{u"name"_s, u"bond1"_s},
                 {u"slaves"_s, QStringList {u"eth2"_s}},
                 {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                        {u"ipv4Addresses"_s, QStringList {u"198.51.100.20/24"_s}},
                                        {u"ipv4Gateway"_s, u"198.51.100.1"_s},
                                        {u"mtu"_s, 9000u}}}},
                QString());
        created.waitForFinished();
        QVERIFY2(!created.isError(), qPrintable(created.error().message()));
        QVariantMap b = bond(u"bond1"_s);
        QCOMPARE(b.value(u"addresses"_s).toStringList(), QStringList {u"198.51.100.20/24"_s});
        QCOMPARE(b.value(u"mtu"_s).toUInt(), 9000u);
        QVariantMap ip = qdbus_cast<QVariantMap>(b.value(u"ip"_s));
        QCOMPARE(ip.value(u"ipv4Method"_s).toString(), u"static"_s);
        QCOMPARE(ip.value(u"ipv4Addresses"_s).toStringList(), QStringList {u"198.51.100.20/24"_s});
        QCOMPARE(ip.value(u"ipv4Gateway"_s).toString(), u"198.51.100.1"_s);

        QCOMPARE(confirmedTrial(
                         u"SetIpConfig"_s,
                         {u"bond1"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                                   {u"ipv4Addresses"_s, QStringList {u"203.0.113.5/24"_s}},
                                                   {u"ipv4Gateway"_s, u"203.0.113.1"_s},
                                                   {u"mtu"_s, 1400u}}}),
                 u"ok"_s);
        b = bond(u"bond1"_s);
        QCOMPARE(b.value(u"addresses"_s).toStringList(), QStringList {u"203.0.113.5/24"_s});
        QCOMPARE(b.value(u"mtu"_s).toUInt(), 1400u);
        ip = qdbus_cast<QVariantMap>(b.value(u"ip"_s));
        QCOMPARE(ip.value(u"ipv4Addresses"_s).toStringList(), QStringList {u"203.0.113.5/24"_s});
        QCOMPARE(ip.value(u"ipv4Gateway"_s).toString(), u"203.0.113.1"_s);
    }

    // The last step refused (mgmt0 has the default route already, so the kernel refuses a second
    // one with the same metric): the MTU and the addresses set before it are undone, by the write
    // itself, before the trial it has to be (bond1 carries an address) would.
    void refusedGatewayUndoesAddressesAndMtu()
    {
        QDBusPendingReply<QVariantMap> created = m_proxy->CreateConfiguredBond(
                {{u"name"_s, u"bond1"_s},
                 {u"slaves"_s, QStringList {u"eth2"_s}},
                 {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                        {u"ipv4Addresses"_s, QStringList {u"198.51.100.20/24"_s}}}}},
                QString());
        created.waitForFinished();
        QVERIFY2(!created.isError(), qPrintable(created.error().message()));
        const QString before = observableState();
        const QVariantMap was = bond(u"bond1"_s);
        QDBusPendingReply<QVariantMap> set = m_proxy->Try(
                u"SetIpConfig"_s,
                {u"bond1"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                          {u"ipv4Addresses"_s, QStringList {u"203.0.113.5/24"_s}},
                                          {u"ipv4Gateway"_s, u"203.0.113.1"_s},
                                          {u"mtu"_s, 1400u}}},
                30);
        set.waitForFinished();
        QCOMPARE(set.error().name(), QString::fromLatin1(E::KernelRefused));
        QVERIFY2(set.error().message().contains(u"203.0.113.1"_s), qPrintable(set.error().message()));
        const QVariantMap now = bond(u"bond1"_s);
        QCOMPARE(now.value(u"addresses"_s).toStringList(), QStringList {u"198.51.100.20/24"_s});
        QCOMPARE(now.value(u"mtu"_s), was.value(u"mtu"_s));
        QCOMPARE(observableState(), before);
        // Refused when the bond is made: it is not made.
        QDBusPendingReply<QVariantMap> refused = m_proxy->CreateConfiguredBond(
                {{u"name"_s, u"bond2"_s},
                 {u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                        {u"ipv4Addresses"_s, QStringList {u"203.0.113.5/24"_s}},
                                        {u"ipv4Gateway"_s, u"203.0.113.1"_s}}}},
                QString());
        refused.waitForFinished();
        QCOMPARE(refused.error().name(), QString::fromLatin1(E::KernelRefused));
        QCOMPARE(observableState(), before);
    }

    // A service that is not there, an unknown one, a bad configuration: refused, nothing made.
    void savingWhereItCannotBeIsRefused_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QString>("saveWith");
        QTest::addColumn<QString>("error");
        const QVariantMap config {{u"name"_s, u"bond1"_s}, {u"slaves"_s, QStringList {u"eth2"_s}}};
        const QString refused = QString::fromLatin1(E::ServiceRefused);
        const QString invalid = QString::fromLatin1(E::InvalidArgument);
        QTest::newRow("NetworkManager") << config << u"NetworkManager"_s << refused;
        QTest::newRow("networkd") << config << u"networkd"_s << refused;
        QTest::newRow("ifupdown") << config << u"ifupdown"_s << refused;
        QTest::newRow("unknown service") << config << u"wicked"_s << invalid;
        QVariantMap badPrimary = config;
        badPrimary.insert(u"primary"_s, u"eth3"_s);
        QTest::newRow("primary not a slave") << badPrimary << QString() << invalid;
        QVariantMap badGateway = config;
        badGateway.insert(u"ip"_s, QVariantMap {{u"ipv4Method"_s, u"static"_s},
                                                {u"ipv4Addresses"_s, QStringList {u"192.0.2.20/24"_s}},
                                                {u"ipv4Gateway"_s, u"198.51.100.1"_s}});
        QTest::newRow("gateway outside") << badGateway << QString() << invalid;
        QVariantMap unknownKey = config;
        unknownKey.insert(u"colour"_s, u"blue"_s);
        QTest::newRow("unknown key") << unknownKey << QString() << invalid;
    }

    void savingWhereItCannotBeIsRefused()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QString, saveWith);
        QFETCH(QString, error);
        createActiveBackup();
        const QString before = observableState();
        QDBusPendingReply<QVariantMap> created = m_proxy->CreateConfiguredBond(config, saveWith);
        created.waitForFinished();
        QCOMPARE(created.error().name(), error);
        QVERIFY2(created.error().message().endsWith(u'.'), qPrintable(created.error().message()));
        QDBusPendingReply<QVariantMap> saved = m_proxy->SaveBond(u"bond0"_s, saveWith);
        saved.waitForFinished();
        if (config.size() == 2)
            QCOMPARE(saved.error().name(), error);
        QCOMPARE(observableState(), before);
    }

    // The bond map's persistence, ip and drift, and persistence's own keys, with the contract's
    // types.
    void persistenceIpAndDriftKeys()
    {
        createActiveBackup();
        const QVariantMap b = bond(u"bond0"_s);
        for (const bm::MapKey &k : bm::BondInfo::savedKeys())
            QCOMPARE(signatureOf(b.value(QLatin1String(k.name))), QLatin1String(k.signature));
        const QVariantMap persistence = qdbus_cast<QVariantMap>(b.value(u"persistence"_s));
        const QMap<QString, QString> persistenceKeys {{u"backend"_s, u"s"_s},
                                                      {u"saveWith"_s, u"as"_s},
                                                      {u"unsaved"_s, u"as"_s},
                                                      {u"warnings"_s, u"as"_s}};
        for (auto it = persistenceKeys.cbegin(); it != persistenceKeys.cend(); ++it)
            QCOMPARE(signatureOf(persistence.value(it.key())), it.value());
        QCOMPARE(persistence.value(u"backend"_s).toString(), u"none"_s);
        const QVariantMap ip = qdbus_cast<QVariantMap>(b.value(u"ip"_s));
        QCOMPARE(ip.value(u"ipv4Method"_s).toString(), u"off"_s);
        QVERIFY(ip.contains(u"ipv6Method"_s));
        // Nothing saved: nothing to differ from.
        QVERIFY(qdbus_cast<BondManager::VariantMapList>(b.value(u"drift"_s)).isEmpty());
    }

    // A bond saved with an MTU that runs with another: the drift says so (the kernel's MTU is
    // what runs). The files are networkd's, as NetworkdService writes them, under the helper's root.
    void driftShowsTheLiveMtu()
    {
        createActiveBackup();
        const QString folder = m_helper.systemRoot() + u"/etc/systemd/network"_s;
        QVERIFY(QDir().mkpath(folder));
        const auto write = [&](const QString &name, const QByteArray &content) {
            QFile f(folder + u'/' + name);
            return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
        };
        const QByteArray header = "# Written by Bond Manager for bond0.\n";
        QVERIFY(write(u"10-bond-manager-bond0.netdev"_s,
                      header + "\n[NetDev]\nName=bond0\nKind=bond\n\n[Bond]\nMode=active-backup\n"));
        QVERIFY(write(u"10-bond-manager-bond0.network"_s,
                      header + "\n[Match]\nName=bond0\n\n[Link]\nMTUBytes=9000\n"));
        const QVariantMap b = bond(u"bond0"_s);
        QCOMPARE(qdbus_cast<QVariantMap>(b.value(u"persistence"_s)).value(u"backend"_s).toString(),
                 u"networkd"_s);
        QVariantMap mtu;
        for (const QVariantMap &d : qdbus_cast<BondManager::VariantMapList>(b.value(u"drift"_s)))
            if (d.value(u"option"_s) == u"mtu"_s)
                mtu = d;
        QCOMPARE(mtu.value(u"saved"_s).toString(), u"9000"_s);
        QCOMPARE(mtu.value(u"live"_s).toString(), u"1500"_s);
    }

    void saveBondRuntimeOnly()
    {
        createActiveBackup();
        const QString before = observableState();
        for (const QString &saveWith : {QString(), u"none"_s}) {
            QDBusPendingReply<QVariantMap> saved = m_proxy->SaveBond(u"bond0"_s, saveWith);
            saved.waitForFinished();
            QVERIFY2(!saved.isError(), qPrintable(saved.error().message()));
            QCOMPARE(saved.value().value(u"backend"_s).toString(), u"none"_s);
        }
        QCOMPARE(observableState(), before);
        QDBusPendingReply<QVariantMap> missing = m_proxy->SaveBond(u"bond9"_s, QString());
        missing.waitForFinished();
        QCOMPARE(missing.error().name(), QString::fromLatin1(E::NoSuchBond));
        // Nothing saved, nothing to restore.
        QDBusPendingReply<> restored = m_proxy->RestoreSaved(u"bond0"_s);
        restored.waitForFinished();
        QCOMPARE(restored.error().name(), QString::fromLatin1(E::InvalidArgument));
        QVERIFY2(restored.error().message().endsWith(u'.'), qPrintable(restored.error().message()));
        QCOMPARE(observableState(), before);
    }

    // Writes wait their turn: two sent at once without waiting come out as if sent one after
    // the other, each answered.
    void writesRunOneAtATime()
    {
        createActiveBackup();
        QDBusPendingReply<> first = m_proxy->AddSlave(u"bond0"_s, u"eth2"_s);
        QDBusPendingReply<> second = m_proxy->SetPrimary(u"bond0"_s, u"eth2"_s);
        first.waitForFinished();
        second.waitForFinished();
        QCOMPARE(errorOf(first), u"ok"_s);
        QCOMPARE(errorOf(second), u"ok"_s);
        QCOMPARE(bond(u"bond0"_s).value(u"primary"_s).toString(), u"eth2"_s);
    }

    void idleExit()
    {
        stopHelper();
        startHelper({u"--idle-timeout"_s, u"1"_s});
        QCOMPARE(m_proxy->ListBonds().value(), QStringList());
        QVERIFY(m_helper.process().waitForFinished(10000));
        QCOMPARE(m_helper.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_helper.process().exitCode(), 0);
        QVERIFY(!m_bus.connection().interface()->isServiceRegistered(
                QLatin1String(BondManager::DBus::ServiceName)));
    }

    // polkitd authorises root for everything, so the helper does not ask it for root's writes:
    // with polkitd gone they still succeed (and a flooded polkitd cannot hold them up).
    void rootNeedsNoPolkit()
    {
        createActiveBackup();
        m_bus.stopPolkit();
        const auto restart = qScopeGuard([this] { QCOMPARE(m_bus.startPolkit(), QString()); });
        QCOMPARE(runTestCaller({u"SetOptions"_s, u"bond0"_s, u"miimon=10"_s}, uid_t(1)).first,
                 QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(errorOf(m_proxy->CreateBond(u"bond1"_s, {}, {})), u"ok"_s);
        QCOMPARE(errorOf(m_proxy->DeleteBond(u"bond0"_s)), u"ok"_s);
        QCOMPARE(m_proxy->ListBonds().value(), QStringList {u"bond1"_s});
    }

    // Last: stops polkitd for the rest of the run. Every write of a user other than root, who is
    // not asked (rootNeedsNoPolkit), is denied.
    void withoutPolkitEveryWriteIsDenied()
    {
        createActiveBackup();
        const QString before = observableState();
        m_bus.stopPolkit();
        QCOMPARE(runTestCaller({u"DeleteBond"_s, u"bond0"_s}, uid_t(1)).first,
                 QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(runTestCaller({u"CreateBond"_s, u"bond1"_s, QString(), QString()}, uid_t(1)).first,
                 QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(runTestCaller({u"DeleteBond"_s, u"bond0"_s}, Bin).first,
                 QString::fromLatin1(E::NotAuthorized));
        QCOMPARE(observableState(), before);
    }
};

BM_PRIVATE_BUS_TEST_MAIN(TestService)

#include "TestService.moc"
