// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReachTypes.h"

namespace bm {

const QList<MapKey> &ReachReport::keys()
{
    static const QList<MapKey> list {{"carrier", "b"},   {"addresses", "as"}, {"defaultRoute", "b"},
                                     {"gateway", "s"},   {"answered", "b"},   {"rttUsec", "t"},
                                     {"answeredBy", "s"}};
    return list;
}

ReachReport ReachReport::fromVariantMap(const QVariantMap &map)
{
    ReachReport r;
    r.carrier = map.value(QStringLiteral("carrier")).toBool();
    r.addresses = map.value(QStringLiteral("addresses")).toStringList();
    r.defaultRoute = map.value(QStringLiteral("defaultRoute")).toBool();
    r.gateway = map.value(QStringLiteral("gateway")).toString();
    r.answered = map.value(QStringLiteral("answered")).toBool();
    r.rttUsec = map.value(QStringLiteral("rttUsec")).toULongLong();
    r.answeredBy = map.value(QStringLiteral("answeredBy")).toString();
    return r;
}

const QList<MapKey> &DrillReport::keys()
{
    static const QList<MapKey> list {{"from", "s"},       {"to", "s"},       {"switchUsec", "t"},
                                     {"target", "s"},     {"answered", "b"}, {"rttUsec", "t"},
                                     {"answeredBy", "s"}, {"restored", "b"}, {"restoreUsec", "t"},
                                     {"summary", "s"}};
    return list;
}

DrillReport DrillReport::fromVariantMap(const QVariantMap &map)
{
    DrillReport r;
    r.from = map.value(QStringLiteral("from")).toString();
    r.to = map.value(QStringLiteral("to")).toString();
    r.switchUsec = map.value(QStringLiteral("switchUsec")).toULongLong();
    r.target = map.value(QStringLiteral("target")).toString();
    r.answered = map.value(QStringLiteral("answered")).toBool();
    r.rttUsec = map.value(QStringLiteral("rttUsec")).toULongLong();
    r.answeredBy = map.value(QStringLiteral("answeredBy")).toString();
    r.restored = map.value(QStringLiteral("restored")).toBool();
    r.restoreUsec = map.value(QStringLiteral("restoreUsec")).toULongLong();
    r.summary = map.value(QStringLiteral("summary")).toString();
    return r;
}

} // namespace bm
