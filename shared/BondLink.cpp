// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondLink.h"

namespace bm {

namespace {

QString stringAt(const QVariantMap &map, const char *key)
{
    const QVariant v = map.value(QLatin1String(key));
    return v.typeId() == QMetaType::QString ? v.toString() : QString();
}

QStringList stringsAt(const QVariantMap &map, const char *key)
{
    const QVariant v = map.value(QLatin1String(key));
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList();
    QStringList out;
    if (v.typeId() == QMetaType::QVariantList) {
        const QVariantList list = v.toList();
        for (const QVariant &item : list) {
            if (item.typeId() == QMetaType::QString)
                out << item.toString();
        }
    }
    return out;
}

void putString(QVariantMap &map, const char *key, const QString &value)
{
    if (!value.isEmpty())
        map.insert(QLatin1String(key), value);
}

} // namespace

QVariantMap BondPersistence::toVariantMap() const
{
    QVariantMap map;
    putString(map, "backend", backend);
    putString(map, "location", location);
    putString(map, "profile", profile);
    putString(map, "uuid", uuid);
    if (!saveWith.isEmpty())
        map.insert(QStringLiteral("saveWith"), saveWith);
    if (!unsaved.isEmpty())
        map.insert(QStringLiteral("unsaved"), unsaved);
    if (!warnings.isEmpty())
        map.insert(QStringLiteral("warnings"), warnings);
    if (pending)
        map.insert(QStringLiteral("pending"), true);
    return map;
}

BondPersistence BondPersistence::fromVariantMap(const QVariantMap &map)
{
    BondPersistence p;
    p.backend = stringAt(map, "backend");
    p.location = stringAt(map, "location");
    p.profile = stringAt(map, "profile");
    p.uuid = stringAt(map, "uuid");
    p.saveWith = stringsAt(map, "saveWith");
    p.unsaved = stringsAt(map, "unsaved");
    p.warnings = stringsAt(map, "warnings");
    p.pending = map.value(QStringLiteral("pending")).toBool();
    return p;
}

bool operator==(const BondPersistence &a, const BondPersistence &b)
{
    return a.backend == b.backend && a.location == b.location && a.profile == b.profile && a.uuid == b.uuid
           && a.saveWith == b.saveWith && a.unsaved == b.unsaved && a.warnings == b.warnings
           && a.pending == b.pending;
}

QVariantMap BondDrift::toVariantMap() const
{
    return {{QStringLiteral("option"), option},
            {QStringLiteral("saved"), saved},
            {QStringLiteral("live"), live}};
}

BondDrift BondDrift::fromVariantMap(const QVariantMap &map)
{
    return {stringAt(map, "option"), stringAt(map, "saved"), stringAt(map, "live")};
}

QVariantMap BondLink::toVariantMap() const
{
    QVariantMap map;
    putString(map, "mac", mac);
    if (mtu)
        map.insert(QStringLiteral("mtu"), uint(*mtu));
    if (!addresses.isEmpty())
        map.insert(QStringLiteral("addresses"), addresses);
    if (ip)
        map.insert(QStringLiteral("ip"), ip->toVariantMap());
    if (persistence)
        map.insert(QStringLiteral("persistence"), persistence->toVariantMap());
    if (!drift.isEmpty()) {
        QVariantList list;
        for (const BondDrift &d : drift)
            list << d.toVariantMap();
        map.insert(QStringLiteral("drift"), list);
    }
    return map;
}

BondLink BondLink::fromVariantMap(const QVariantMap &map)
{
    BondLink link;
    link.mac = stringAt(map, "mac");
    const QVariant mtu = map.value(QStringLiteral("mtu"));
    bool ok = false;
    const uint value = mtu.toUInt(&ok);
    if (mtu.isValid() && ok && value > 0)
        link.mtu = value;
    link.addresses = stringsAt(map, "addresses");
    const QVariant ip = map.value(QStringLiteral("ip"));
    if (ip.typeId() == QMetaType::QVariantMap)
        link.ip = IpConfig::fromVariantMap(ip.toMap());
    const QVariant persistence = map.value(QStringLiteral("persistence"));
    if (persistence.typeId() == QMetaType::QVariantMap)
        link.persistence = BondPersistence::fromVariantMap(persistence.toMap());
    const QVariantList drift = map.value(QStringLiteral("drift")).toList();
    for (const QVariant &d : drift) {
        if (d.typeId() == QMetaType::QVariantMap)
            link.drift << BondDrift::fromVariantMap(d.toMap());
    }
    return link;
}

bool operator==(const BondLink &a, const BondLink &b)
{
    return a.mac == b.mac && a.mtu == b.mtu && a.addresses == b.addresses && a.ip == b.ip
           && a.persistence == b.persistence && a.drift == b.drift;
}

} // namespace bm
