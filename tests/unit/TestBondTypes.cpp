// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// BondInfo / SlaveInfo / CandidateInfo maps: the keys of docs/architecture.md §7, each type's list of keys
// (MapKey) against what toVariantMap() gives, and lossless round trips through a QVariantMap and
// through JSON (as bondctl and the D-Bus a{sv} use them).
#include "BondTypes.h"
#include "OptionSamples.h"
#include "OptionTable.h"

#include <QDBusMetaType>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bm;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

SlaveInfo fullSlave()
{
    SlaveInfo sl;
    sl.name = s("veth0");
    sl.miiStatus = MiiStatus::GoingBack;
    sl.state = SlaveState::Backup;
    sl.linkFailureCount = 7;
    sl.speedMbps = 10000;
    sl.duplex = s("full");
    sl.permHwAddr = s("02:11:22:33:44:55");
    sl.queueId = 3;
    sl.prio = -5;
    sl.aggregatorId = 2;
    sl.actorOperPortState = 63;
    sl.partnerOperPortState = 61;
    sl.actorChurnState = s("none");
    sl.partnerChurnState = s("churned");
    sl.actorChurnedCount = 0;
    sl.partnerChurnedCount = 4;
    sl.actorLacpPdu = QVariantMap {{s("systemPriority"), 65535u}, {s("portKey"), 15u}};
    sl.partnerLacpPdu = QVariantMap {{s("systemMac"), s("02:aa:bb:cc:dd:ee")}, {s("operKey"), 9u}};
    sl.extra = QStringList {s("Slave Priority: 10")};
    return sl;
}

BondInfo fullBond()
{
    BondInfo b;
    b.name = s("bond0");
    b.driverVersion = s("6.1.0-18-amd64");
    b.miiStatus = MiiStatus::Up;
    b.options = QVariantMap {
            {s("mode"), s("802.3ad")},
            {s("miimon"), 100u},
            {s("updelay"), 200u},
            {s("downdelay"), 0u},
            {s("arp_interval"), 0u},
            {s("arp_ip_target"), QStringList {s("10.0.0.1")}},
            {s("ns_ip6_target"), QStringList {s("2001:db8::1")}},
            {s("xmit_hash_policy"), s("layer3+4")},
            {s("lacp_rate"), s("fast")},
            {s("ad_actor_system"), s("02:00:00:00:00:01")},
            {s("min_links"), 1u},
    };
    b.ad = QVariantMap {{s("activeAggregator"), true},
                        {s("aggregatorId"), 1u},
                        {s("partnerMac"), s("02:aa:bb:cc:dd:ee")}};
    b.slaves = {fullSlave(), SlaveInfo {}};
    b.slaves[1].name = s("veth1");
    b.extra = QStringList {s("Coupled Control: on")};
    return b;
}

CandidateInfo fullCandidate()
{
    CandidateInfo c;
    c.name = s("eth1");
    c.ifindex = 3;
    c.kind = s("veth");
    c.adminUp = true;
    c.carrier = true;
    c.mac = s("02:00:00:00:00:03");
    c.master = s("bond0");
    c.addresses = QStringList {s("192.0.2.10/24"), s("2001:db8::10/64")};
    c.defaultRoute = true;
    c.gateway = s("192.0.2.1");
    c.extra = {{s("vlanId"), 7u}};
    return c;
}

// key -> the D-Bus signature QtDBus sends its value as.
QMap<QString, QString> signatures(const QVariantMap &map)
{
    QMap<QString, QString> out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), QString::fromLatin1(QDBusMetaType::typeToSignature(it.value().metaType())));
    return out;
}

QMap<QString, QString> signatures(const QList<MapKey> &keys)
{
    QMap<QString, QString> out;
    for (const MapKey &k : keys)
        out.insert(QLatin1String(k.name), QLatin1String(k.signature));
    return out;
}

} // namespace

class TestBondTypes : public QObject
{
    Q_OBJECT

private slots:
    void modeNamesInKernelOrder()
    {
        const QStringList names {s("balance-rr"), s("active-backup"), s("balance-xor"), s("broadcast"),
                                 s("802.3ad"),    s("balance-tlb"),   s("balance-alb")};
        for (int i = 0; i < names.size(); ++i) {
            QCOMPARE(bondModeName(BondMode(i)), names.at(i));
            QCOMPARE(bondModeFromName(names.at(i)), std::optional<BondMode>(BondMode(i)));
        }
        QCOMPARE(bondModeFromName(u"round-robin"), std::nullopt);
        QCOMPARE(bondModeDescription(BondMode::ActiveBackup), s("fault-tolerance (active-backup)"));
        QCOMPARE(bondModeDescription(BondMode::Ieee8023ad), s("IEEE 802.3ad Dynamic link aggregation"));
    }

    void miiStatusNames()
    {
        QCOMPARE(miiStatusName(MiiStatus::Up), s("up"));
        QCOMPARE(miiStatusName(MiiStatus::GoingDown), s("going down"));
        QCOMPARE(miiStatusName(MiiStatus::Down), s("down"));
        QCOMPARE(miiStatusName(MiiStatus::GoingBack), s("going back"));
        QCOMPARE(miiStatusName(MiiStatus::Unknown), s("unknown"));
        QCOMPARE(miiStatusFromKernel(2), std::optional<MiiStatus>(MiiStatus::Down));
        QCOMPARE(miiStatusFromKernel(4), std::nullopt);
        QCOMPARE(miiStatusFromName(u"going down"), std::optional<MiiStatus>(MiiStatus::GoingDown));
        QCOMPARE(miiStatusFromName(u"Up"), std::nullopt);
        QCOMPARE(slaveStateFromName(u"backup"), std::optional<SlaveState>(SlaveState::Backup));
    }

    void bondKeysFollowDesign()
    {
        const QVariantMap map = fullBond().toVariantMap();
        QCOMPARE(map.value(s("mode")), QVariant(s("802.3ad")));
        QCOMPARE(map.value(s("miiStatus")), QVariant(s("up")));
        QCOMPARE(map.value(s("miimonMs")), QVariant(100u));
        QCOMPARE(map.value(s("updelayMs")), QVariant(200u));
        QCOMPARE(map.value(s("downdelayMs")), QVariant(0u));
        QCOMPARE(map.value(s("arpIntervalMs")), QVariant(0u));
        QCOMPARE(map.value(s("arpTargets")).toStringList(), QStringList {s("10.0.0.1")});
        QCOMPARE(map.value(s("xmitHashPolicy")), QVariant(s("layer3+4")));
        QCOMPARE(map.value(s("lacpRate")), QVariant(s("fast")));
        QCOMPARE(map.value(s("adActorSystem")), QVariant(s("02:00:00:00:00:01")));
        QVERIFY(!map.contains(s("primary"))); // unknown: left out, D-Bus has no null
        QVERIFY(!map.contains(s("miimon")));  // option names never leak as keys
        const QVariantList slaves = map.value(s("slaves")).toList();
        QCOMPARE(slaves.size(), 2);
        const QVariantMap first = slaves.first().toMap();
        QCOMPARE(first.value(s("name")), QVariant(s("veth0")));
        QCOMPARE(first.value(s("miiStatus")), QVariant(s("going back")));
        QCOMPARE(first.value(s("state")), QVariant(s("backup")));
        QCOMPARE(first.value(s("linkFailureCount")), QVariant(7u));
        QCOMPARE(first.value(s("speedMbps")), QVariant(10000u));
        QCOMPARE(first.value(s("duplex")), QVariant(s("full")));
        QCOMPARE(first.value(s("permHwAddr")), QVariant(s("02:11:22:33:44:55")));
        QCOMPARE(first.value(s("queueId")), QVariant(3u));
        QCOMPARE(first.value(s("aggregatorId")), QVariant(2u));
        QCOMPARE(first.value(s("prio")), QVariant(-5));
        const QVariantMap second = slaves.at(1).toMap();
        QCOMPARE(second.value(s("miiStatus")), QVariant(s("unknown")));
        QVERIFY(!second.contains(s("speedMbps")));
        QVERIFY(!second.contains(s("duplex")));
    }

    void mapRoundTrip()
    {
        const BondInfo bond = fullBond();
        const BondInfo back = BondInfo::fromVariantMap(bond.toVariantMap());
        QCOMPARE(back.slaves.first().toVariantMap(), bond.slaves.first().toVariantMap());
        QCOMPARE(back.options, bond.options);
        QVERIFY(back == bond);
        SlaveInfo changed = bond.slaves.first();
        changed.linkFailureCount = 8;
        QVERIFY(changed != bond.slaves.first());
    }

    void jsonRoundTrip()
    {
        // JSON turns every number into a double and lists into QVariantList; fromVariantMap must
        // restore the same typed values.
        const BondInfo bond = fullBond();
        const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(bond.toVariantMap())).toJson();
        const QVariantMap map = QJsonDocument::fromJson(json).object().toVariantMap();
        const BondInfo back = BondInfo::fromVariantMap(map);
        QCOMPARE(back.options, bond.options);
        QCOMPARE(back.toVariantMap(), bond.toVariantMap());
        QVERIFY(back == bond);
    }

    void emptyRoundTrip()
    {
        const BondInfo empty;
        const BondInfo back = BondInfo::fromVariantMap(empty.toVariantMap());
        QVERIFY(back == empty);
        QCOMPARE(back.mode(), std::nullopt);
        QVERIFY(back.activeSlave().isNull());
    }

    void accessors()
    {
        BondInfo b;
        b.options.insert(s("mode"), s("active-backup"));
        b.options.insert(s("primary"), s(""));
        b.options.insert(s("active_slave"), s("eth1"));
        QCOMPARE(b.mode(), std::optional<BondMode>(BondMode::ActiveBackup));
        QVERIFY(b.primary().isNull()); // "" means cleared
        QCOMPARE(b.activeSlave(), s("eth1"));
    }

    // Each type's list of keys is exactly what its toVariantMap() gives when every value is known,
    // with the signature QtDBus sends each value as.
    void keysAreWhatToVariantMapGives()
    {
        QCOMPARE(signatures(fullSlave().toVariantMap()), signatures(SlaveInfo::keys()));
        QCOMPARE(signatures(fullCandidate().toVariantMap()), signatures(CandidateInfo::keys()));
        BondInfo bond = fullBond();
        for (const OptionSpec &spec : OptionTable::all()) {
            const OptionTable::ParsedValue v = OptionTable::parseValue(spec, OptionSamples::goodValue(spec));
            QVERIFY2(v.ok(), spec.name);
            bond.options.insert(QLatin1String(spec.name), v.value);
        }
        QCOMPARE(signatures(bond.toVariantMap()), signatures(BondInfo::keys()));
        // The link keys the helper adds are spelled and typed as a candidate's.
        const QMap<QString, QString> candidate = signatures(CandidateInfo::keys());
        for (const MapKey &k : BondInfo::linkKeys()) {
            QVERIFY2(!signatures(BondInfo::keys()).contains(QLatin1String(k.name)), k.name);
            // The contract gives bonds an mtu (u) that candidates do not carry.
            if (!qstrcmp(k.name, "mtu") && !candidate.contains(QLatin1String(k.name))) {
                QCOMPARE(QLatin1String(k.signature), QLatin1String("u"));
                continue;
            }
            QCOMPARE(candidate.value(QLatin1String(k.name)), QLatin1String(k.signature));
        }
    }

    // On the bus a candidate is a struct (ListCandidates): its marshalling writes the fields of
    // keys() in that order, each with the signature keys() gives.
    void candidateStructIsKeysInOrder()
    {
        QString fields;
        for (const MapKey &k : CandidateInfo::keys())
            fields += QLatin1String(k.signature);
        qDBusRegisterMetaType<CandidateInfo>();
        QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(QMetaType::fromType<CandidateInfo>())),
                 u'(' + fields + u')');
    }

    void candidateRoundTrip()
    {
        const CandidateInfo c = fullCandidate();
        QCOMPARE(CandidateInfo::fromVariantMap(c.toVariantMap()), c);
        // JSON (bondctl interfaces --json) turns ifindex into a double and addresses into a list.
        const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(c.toVariantMap())).toJson();
        const CandidateInfo back = CandidateInfo::fromVariantMap(
                QJsonDocument::fromJson(json).object().toVariantMap());
        QCOMPARE(back.ifindex, 3);
        QCOMPARE(back.addresses, c.addresses);
        QCOMPARE(back, c);
        QCOMPARE(CandidateInfo::fromVariantMap(CandidateInfo().toVariantMap()), CandidateInfo());
        CandidateInfo changed = c;
        changed.adminUp = false;
        QVERIFY(changed != c);
        QCOMPARE(c.toVariantMap().value(s("adminUp")), QVariant(true));
        QVERIFY(!c.toVariantMap().contains(s("up")));
    }

    void invalidValuesAreDroppedNotInvented()
    {
        // A map from an untrusted peer: values out of range or of the wrong type are left out.
        const QVariantMap map {{s("mode"), s("turbo")},
                               {s("miimonMs"), -4},
                               {s("updelayMs"), s("200")},
                               {s("slaves"), QVariantList {QVariantMap {{s("name"), s("eth0")},
                                                                        {s("linkFailureCount"), -1},
                                                                        {s("miiStatus"), s("sideways")}}}}};
        const BondInfo b = BondInfo::fromVariantMap(map);
        QVERIFY(!b.options.contains(s("mode")));
        QVERIFY(!b.options.contains(s("miimon")));
        QCOMPARE(b.options.value(s("updelay")), QVariant(200u));
        QCOMPARE(b.slaves.size(), 1);
        QCOMPARE(b.slaves.first().linkFailureCount, std::nullopt);
        QCOMPARE(b.slaves.first().miiStatus, MiiStatus::Unknown);
    }

    void linkRoundTripAndTolerance()
    {
        BondLink link;
        link.mac = s("52:54:00:12:34:01");
        link.mtu = 9000;
        link.addresses = {s("192.0.2.10/24")};
        IpConfig ip;
        ip.ipv4Method = Ipv4Method::Static;
        ip.ipv4Addresses = link.addresses;
        link.ip = ip;
        BondPersistence where;
        where.backend = s("none");
        where.saveWith = {s("NetworkManager"), s("ifupdown")};
        link.persistence = where;
        link.drift = {{s("mtu"), s("1500"), s("9000")}};
        QCOMPARE(BondLink::fromVariantMap(link.toVariantMap()), link);
        QVERIFY(!where.isSaved());
        // A trial's staged change: pending survives the round trip.
        BondLink staged = link;
        staged.persistence->backend = s("networkd");
        staged.persistence->pending = true;
        QCOMPARE(BondLink::fromVariantMap(staged.toVariantMap()).persistence->pending, true);
        QVERIFY(BondLink::fromVariantMap(staged.toVariantMap()) != link);

        // An older helper sends none of the keys; a confused one sends the wrong types: nothing
        // is invented, and the bonding part of the map is not the link's business.
        QCOMPARE(BondLink::fromVariantMap({}), BondLink());
        const BondLink odd = BondLink::fromVariantMap({{s("mac"), 5},
                                                       {s("mtu"), s("big")},
                                                       {s("ip"), s("static")},
                                                       {s("persistence"), QStringList {s("none")}},
                                                       {s("drift"), QVariantList {s("mtu")}}});
        QCOMPARE(odd, BondLink());
        BondInfo withLink;
        withLink.link = link;
        QVERIFY(withLink != BondInfo());
        QVERIFY(!withLink.toVariantMap().contains(s("persistence")));
    }
};

QTEST_GUILESS_MAIN(TestBondTypes)
#include "TestBondTypes.moc"
