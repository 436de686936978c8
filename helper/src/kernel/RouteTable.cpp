// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RouteTable.h"

namespace bm::helper {

QString RouteTable::keyOf(const RouteInfo &route)
{
    // The fields RouteInfo::sameRoute() compares, and nothing else.
    QString key = QString::number(route.family) + QLatin1Char('|') + QString::number(route.table)
                  + QLatin1Char('|') + route.destination + QLatin1Char('|') + QString::number(route.tos)
                  + QLatin1Char('|') + QString::number(route.metric) + QLatin1Char('|')
                  + QString::number(route.ifindex) + QLatin1Char('|') + route.gateway;
    for (const RouteNextHop &hop : route.nexthops)
        key += QLatin1Char('|') + QString::number(hop.ifindex) + QLatin1Char(',') + hop.gateway
               + QLatin1Char(',') + QString::number(hop.weight) + QLatin1Char(',')
               + QString::number(hop.flags);
    return key;
}

void RouteTable::insert(const RouteInfo &route)
{
    Bucket &b = m_buckets[bucketOf(route)];
    const QString key = keyOf(route);
    if (const auto same = b.index.constFind(key); same != b.index.cend()) {
        *same.value() = route;
        return;
    }
    Routes &list = route.isDefault() ? b.defaults : b.others;
    b.index.insert(key, list.insert(list.end(), route));
}

void RouteTable::remove(const RouteInfo &route)
{
    const auto bucket = m_buckets.find(bucketOf(route));
    if (bucket == m_buckets.end())
        return;
    const auto same = bucket->index.find(keyOf(route));
    if (same == bucket->index.end())
        return;
    (same.value()->isDefault() ? bucket->defaults : bucket->others).erase(same.value());
    bucket->index.erase(same);
    if (bucket->index.isEmpty())
        m_buckets.erase(bucket);
}

QList<RouteInfo> RouteTable::routesOut(int ifindex) const
{
    QList<RouteInfo> result;
    if (const auto own = m_buckets.constFind(ifindex); own != m_buckets.cend() && ifindex != 0) {
        result.reserve(qsizetype(own->index.size()));
        result.append(QList<RouteInfo>(own->defaults.cbegin(), own->defaults.cend()));
        result.append(QList<RouteInfo>(own->others.cbegin(), own->others.cend()));
    }
    if (const auto multi = m_buckets.constFind(0); multi != m_buckets.cend())
        for (const Routes *list : {&multi->defaults, &multi->others})
            for (const RouteInfo &r : *list)
                if (r.goesOut(ifindex))
                    result << r;
    return result;
}

QList<RouteInfo> RouteTable::defaultsOut(int ifindex) const
{
    QList<RouteInfo> result;
    for (int bucket : {ifindex, 0}) {
        const auto b = m_buckets.constFind(bucket);
        if (b != m_buckets.cend())
            for (const RouteInfo &r : b->defaults)
                if (r.goesOut(ifindex))
                    result << r;
    }
    return result;
}

bool RouteTable::hasDefaultOut(int ifindex) const
{
    for (int bucket : {ifindex, 0}) {
        const auto b = m_buckets.constFind(bucket);
        if (b == m_buckets.cend())
            continue;
        for (const RouteInfo &r : b->defaults)
            if (r.goesOut(ifindex))
                return true;
    }
    return false;
}

} // namespace bm::helper
