// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondTypes.h"

#include "OptionTable.h"

#include <QDBusArgument>

#include <array>

namespace bm {

namespace {

constexpr std::array<const char *, BondModeCount> modeNames = {
        "balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb",
};

// bond_mode_name() in drivers/net/bonding/bond_main.c.
constexpr std::array<const char *, BondModeCount> modeDescriptions = {
        "load balancing (round-robin)", "fault-tolerance (active-backup)",       "load balancing (xor)",
        "fault-tolerance (broadcast)",  "IEEE 802.3ad Dynamic link aggregation", "transmit load balancing",
        "adaptive load balancing",
};

// bond_slave_link_status() in include/net/bonding.h, indexed by BOND_LINK_*.
constexpr std::array<const char *, 4> miiNames = {"up", "going down", "down", "going back"};

template<typename T>
void putOptional(QVariantMap &map, const char *key, const std::optional<T> &value)
{
    if (value)
        map.insert(QLatin1String(key), QVariant::fromValue(*value));
}

void putString(QVariantMap &map, const char *key, const QString &value)
{
    if (!value.isNull())
        map.insert(QLatin1String(key), value);
}

std::optional<quint32> getUInt(const QVariantMap &map, const char *key)
{
    const QVariant v = map.value(QLatin1String(key));
    if (!v.isValid())
        return std::nullopt;
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    if (!ok || n < 0 || n > qlonglong(UINT_MAX))
        return std::nullopt;
    return quint32(n);
}

std::optional<qint32> getInt(const QVariantMap &map, const char *key)
{
    const QVariant v = map.value(QLatin1String(key));
    if (!v.isValid())
        return std::nullopt;
    bool ok = false;
    const qlonglong n = v.toLongLong(&ok);
    if (!ok || n < INT_MIN || n > INT_MAX)
        return std::nullopt;
    return qint32(n);
}

QString getString(const QVariantMap &map, const char *key)
{
    const QVariant v = map.value(QLatin1String(key));
    return v.isValid() ? v.toString() : QString();
}

// A map that came over D-Bus holds its nested containers as QDBusArgument until demarshalled.
template<typename T>
T fromDBus(const QVariant &v)
{
    if (v.userType() == qMetaTypeId<QDBusArgument>()) {
        T out;
        v.value<QDBusArgument>() >> out;
        return out;
    }
    return qvariant_cast<T>(v);
}

QVariantMap getMap(const QVariantMap &map, const char *key)
{
    return fromDBus<QVariantMap>(map.value(QLatin1String(key)));
}

QStringList getStringList(const QVariantMap &map, const char *key)
{
    return fromDBus<QStringList>(map.value(QLatin1String(key)));
}

} // namespace

QString bondModeName(BondMode mode)
{
    const int i = int(mode);
    return i < BondModeCount ? QString::fromLatin1(modeNames.at(size_t(i))) : QString();
}

std::optional<BondMode> bondModeFromName(QStringView name)
{
    for (int i = 0; i < BondModeCount; ++i) {
        if (name == QLatin1String(modeNames.at(size_t(i))))
            return BondMode(i);
    }
    return std::nullopt;
}

QString bondModeDescription(BondMode mode)
{
    const int i = int(mode);
    return i < BondModeCount ? QString::fromLatin1(modeDescriptions.at(size_t(i))) : QString();
}

QString miiStatusName(MiiStatus status)
{
    const int i = int(status);
    if (i < int(miiNames.size()))
        return QString::fromLatin1(miiNames.at(size_t(i)));
    return QStringLiteral("unknown");
}

std::optional<MiiStatus> miiStatusFromName(QStringView name)
{
    for (size_t i = 0; i < miiNames.size(); ++i) {
        if (name == QLatin1String(miiNames.at(i)))
            return MiiStatus(i);
    }
    if (name == QLatin1String("unknown"))
        return MiiStatus::Unknown;
    return std::nullopt;
}

std::optional<MiiStatus> miiStatusFromKernel(int value)
{
    if (value >= 0 && value < int(miiNames.size()))
        return MiiStatus(value);
    return std::nullopt;
}

QString slaveStateName(SlaveState state)
{
    return state == SlaveState::Active ? QStringLiteral("active") : QStringLiteral("backup");
}

std::optional<SlaveState> slaveStateFromName(QStringView name)
{
    if (name == QLatin1String("active"))
        return SlaveState::Active;
    if (name == QLatin1String("backup"))
        return SlaveState::Backup;
    return std::nullopt;
}

const QList<MapKey> &SlaveInfo::keys()
{
    static const QList<MapKey> list {
            {"name", "s"},
            {"miiStatus", "s"},
            {"state", "s"},
            {"linkFailureCount", "u"},
            {"speedMbps", "u"},
            {"duplex", "s"},
            {"permHwAddr", "s"},
            {"queueId", "u"},
            {"prio", "i"},
            {"aggregatorId", "u"},
            {"actorOperPortState", "u"},
            {"partnerOperPortState", "u"},
            {"actorChurnState", "s"},
            {"partnerChurnState", "s"},
            {"actorChurnedCount", "u"},
            {"partnerChurnedCount", "u"},
            {"actorLacpPdu", "a{sv}"},
            {"partnerLacpPdu", "a{sv}"},
            {"extra", "as"},
    };
    return list;
}

QVariantMap SlaveInfo::toVariantMap() const
{
    QVariantMap map;
    map.insert(QStringLiteral("name"), name);
    map.insert(QStringLiteral("miiStatus"), miiStatusName(miiStatus));
    if (state)
        map.insert(QStringLiteral("state"), slaveStateName(*state));
    putOptional(map, "linkFailureCount", linkFailureCount);
    putOptional(map, "speedMbps", speedMbps);
    putString(map, "duplex", duplex);
    putString(map, "permHwAddr", permHwAddr);
    putOptional(map, "queueId", queueId);
    putOptional(map, "prio", prio);
    putOptional(map, "aggregatorId", aggregatorId);
    putOptional(map, "actorOperPortState", actorOperPortState);
    putOptional(map, "partnerOperPortState", partnerOperPortState);
    putString(map, "actorChurnState", actorChurnState);
    putString(map, "partnerChurnState", partnerChurnState);
    putOptional(map, "actorChurnedCount", actorChurnedCount);
    putOptional(map, "partnerChurnedCount", partnerChurnedCount);
    if (!actorLacpPdu.isEmpty())
        map.insert(QStringLiteral("actorLacpPdu"), actorLacpPdu);
    if (!partnerLacpPdu.isEmpty())
        map.insert(QStringLiteral("partnerLacpPdu"), partnerLacpPdu);
    if (!extra.isEmpty())
        map.insert(QStringLiteral("extra"), extra);
    return map;
}

SlaveInfo SlaveInfo::fromVariantMap(const QVariantMap &map)
{
    SlaveInfo s;
    s.name = getString(map, "name");
    s.miiStatus = miiStatusFromName(getString(map, "miiStatus")).value_or(MiiStatus::Unknown);
    s.state = slaveStateFromName(getString(map, "state"));
    s.linkFailureCount = getUInt(map, "linkFailureCount");
    s.speedMbps = getUInt(map, "speedMbps");
    s.duplex = getString(map, "duplex");
    s.permHwAddr = getString(map, "permHwAddr");
    s.queueId = getUInt(map, "queueId");
    s.prio = getInt(map, "prio");
    s.aggregatorId = getUInt(map, "aggregatorId");
    s.actorOperPortState = getUInt(map, "actorOperPortState");
    s.partnerOperPortState = getUInt(map, "partnerOperPortState");
    s.actorChurnState = getString(map, "actorChurnState");
    s.partnerChurnState = getString(map, "partnerChurnState");
    s.actorChurnedCount = getUInt(map, "actorChurnedCount");
    s.partnerChurnedCount = getUInt(map, "partnerChurnedCount");
    s.actorLacpPdu = getMap(map, "actorLacpPdu");
    s.partnerLacpPdu = getMap(map, "partnerLacpPdu");
    s.extra = getStringList(map, "extra");
    return s;
}

bool operator==(const SlaveInfo &a, const SlaveInfo &b)
{
    return a.name == b.name && a.miiStatus == b.miiStatus && a.state == b.state
           && a.linkFailureCount == b.linkFailureCount && a.speedMbps == b.speedMbps && a.duplex == b.duplex
           && a.permHwAddr == b.permHwAddr && a.queueId == b.queueId && a.prio == b.prio
           && a.aggregatorId == b.aggregatorId && a.actorOperPortState == b.actorOperPortState
           && a.partnerOperPortState == b.partnerOperPortState && a.actorChurnState == b.actorChurnState
           && a.partnerChurnState == b.partnerChurnState && a.actorChurnedCount == b.actorChurnedCount
           && a.partnerChurnedCount == b.partnerChurnedCount && a.actorLacpPdu == b.actorLacpPdu
           && a.partnerLacpPdu == b.partnerLacpPdu && a.extra == b.extra;
}

std::optional<BondMode> BondInfo::mode() const
{
    return bondModeFromName(options.value(QStringLiteral("mode")).toString());
}

QString BondInfo::activeSlave() const
{
    const QString s = options.value(QStringLiteral("active_slave")).toString();
    return s.isEmpty() ? QString() : s;
}

QString BondInfo::primary() const
{
    const QString s = options.value(QStringLiteral("primary")).toString();
    return s.isEmpty() ? QString() : s;
}

const QList<MapKey> &BondInfo::keys()
{
    static const QList<MapKey> list = [] {
        QList<MapKey> keys {
                {"name", "s"},
                {"driverVersion", "s"},
                {"miiStatus", "s"},
                {"ad", "a{sv}"},
                // QtDBus sends a QVariantList as av: each element a variant holding a slave's a{sv}.
                {"slaves", "av"},
                {"extra", "as"},
        };
        // The normalised forms of OptionTable::parseValue.
        for (const OptionSpec &spec : OptionTable::all())
            keys.append(MapKey {spec.key, spec.isList() ? "as" : spec.isNumber() ? "u" : "s"});
        return keys;
    }();
    return list;
}

const QList<MapKey> &BondInfo::linkKeys()
{
    static const QList<MapKey> list {
            {"ifindex", "i"}, {"adminUp", "b"}, {"carrier", "b"},
            {"mac", "s"},     {"mtu", "u"},     {"addresses", "as"},
    };
    return list;
}

const QList<MapKey> &BondInfo::savedKeys()
{
    static const QList<MapKey> list {
            {"persistence", "a{sv}"},
            {"ip", "a{sv}"},
            {"drift", "aa{sv}"},
    };
    return list;
}

QVariantMap BondInfo::toVariantMap() const
{
    QVariantMap map;
    putString(map, "name", name);
    putString(map, "driverVersion", driverVersion);
    map.insert(QStringLiteral("miiStatus"), miiStatusName(miiStatus));
    for (const OptionSpec &spec : OptionTable::all()) {
        const QVariant v = options.value(QLatin1String(spec.name));
        if (v.isValid())
            map.insert(QLatin1String(spec.key), v);
    }
    if (!ad.isEmpty())
        map.insert(QStringLiteral("ad"), ad);
    QVariantList slaveList;
    for (const SlaveInfo &s : slaves)
        slaveList << s.toVariantMap();
    map.insert(QStringLiteral("slaves"), slaveList);
    if (!extra.isEmpty())
        map.insert(QStringLiteral("extra"), extra);
    return map;
}

BondInfo BondInfo::fromVariantMap(const QVariantMap &map)
{
    BondInfo b;
    b.name = getString(map, "name");
    b.driverVersion = getString(map, "driverVersion");
    b.miiStatus = miiStatusFromName(getString(map, "miiStatus")).value_or(MiiStatus::Unknown);
    for (const OptionSpec &spec : OptionTable::all()) {
        QVariant v = map.value(QLatin1String(spec.key));
        if (!v.isValid())
            continue;
        if (spec.isList())
            v = fromDBus<QStringList>(v);
        // Re-normalise: JSON gives doubles, D-Bus may give other integer widths.
        const OptionTable::ParsedValue parsed = OptionTable::parseValue(spec, v);
        if (parsed.ok())
            b.options.insert(QLatin1String(spec.name), parsed.value);
    }
    b.ad = getMap(map, "ad");
    const QVariantList slaveList = fromDBus<QVariantList>(map.value(QStringLiteral("slaves")));
    for (const QVariant &s : slaveList)
        b.slaves << SlaveInfo::fromVariantMap(fromDBus<QVariantMap>(s));
    b.extra = getStringList(map, "extra");
    return b;
}

bool operator==(const BondInfo &a, const BondInfo &b)
{
    return a.name == b.name && a.driverVersion == b.driverVersion && a.options == b.options
           && a.miiStatus == b.miiStatus && a.ad == b.ad && a.slaves == b.slaves && a.extra == b.extra
           && a.link == b.link;
}

const QList<MapKey> &CandidateInfo::keys()
{
    static const QList<MapKey> list {
            {"name", "s"}, {"ifindex", "i"}, {"kind", "s"},       {"adminUp", "b"},      {"carrier", "b"},
            {"mac", "s"},  {"master", "s"},  {"addresses", "as"}, {"defaultRoute", "b"}, {"gateway", "s"},
            {"extra", "a{sv}"},
    };
    return list;
}

QVariantMap CandidateInfo::toVariantMap() const
{
    QVariantMap map {
            {QStringLiteral("name"), name},
            {QStringLiteral("ifindex"), ifindex},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("adminUp"), adminUp},
            {QStringLiteral("carrier"), carrier},
            {QStringLiteral("mac"), mac},
            {QStringLiteral("master"), master},
            {QStringLiteral("addresses"), addresses},
            {QStringLiteral("defaultRoute"), defaultRoute},
            {QStringLiteral("gateway"), gateway},
    };
    if (!extra.isEmpty())
        map.insert(QStringLiteral("extra"), extra);
    return map;
}

CandidateInfo CandidateInfo::fromVariantMap(const QVariantMap &map)
{
    CandidateInfo c;
    c.name = getString(map, "name");
    c.ifindex = getInt(map, "ifindex").value_or(0);
    c.kind = getString(map, "kind");
    c.adminUp = map.value(QStringLiteral("adminUp")).toBool();
    c.carrier = map.value(QStringLiteral("carrier")).toBool();
    c.mac = getString(map, "mac");
    c.master = getString(map, "master");
    c.addresses = getStringList(map, "addresses");
    c.defaultRoute = map.value(QStringLiteral("defaultRoute")).toBool();
    c.gateway = getString(map, "gateway");
    c.extra = map.value(QStringLiteral("extra")).toMap();
    return c;
}

bool operator==(const CandidateInfo &a, const CandidateInfo &b)
{
    return a.name == b.name && a.ifindex == b.ifindex && a.kind == b.kind && a.adminUp == b.adminUp
           && a.carrier == b.carrier && a.mac == b.mac && a.master == b.master && a.addresses == b.addresses
           && a.defaultRoute == b.defaultRoute && a.gateway == b.gateway && a.extra == b.extra;
}

QDBusArgument &operator<<(QDBusArgument &argument, const CandidateInfo &c)
{
    argument.beginStructure();
    argument << c.name << c.ifindex << c.kind << c.adminUp << c.carrier << c.mac << c.master << c.addresses
             << c.defaultRoute << c.gateway << c.extra;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, CandidateInfo &c)
{
    argument.beginStructure();
    argument >> c.name >> c.ifindex >> c.kind >> c.adminUp >> c.carrier >> c.mac >> c.master >> c.addresses
            >> c.defaultRoute >> c.gateway >> c.extra;
    argument.endStructure();
    return argument;
}

} // namespace bm
