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

} // namespace bm
