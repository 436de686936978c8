// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The main table's routes as LinkView keeps them, by the link they go out of (a multipath route
// under 0), each found by what tells routes apart (RouteInfo::sameRoute) in constant time: with a
// full routing table (100 000 routes and more on one link) a search per notification made taking
// in a table of routes quadratic, and a scan per ListCandidates cost milliseconds.
#pragma once

#include "Addressing.h"

#include <QHash>
#include <QList>

#include <list>
#include <utility>

namespace bm::helper {

class RouteTable
{
public:
    void clear() { m_buckets.clear(); }
    // Adds the route, or puts it in the place of the same one (sameRoute).
    void insert(const RouteInfo &route);
    void remove(const RouteInfo &route);
    // Takes out the routes `drop` picks, in the bucket of `ifindex` or, with -1, in all of them.
    template<typename Drop>
    void removeIf(int ifindex, Drop drop);
    // The routes that go out of the link: its own, default routes first, then multipath ones.
    QList<RouteInfo> routesOut(int ifindex) const;
    // Whether a default route goes out of the link (alone or as one path).
    bool hasDefaultOut(int ifindex) const;
    // The default routes that go out of the link, without going through its other routes.
    QList<RouteInfo> defaultsOut(int ifindex) const;

private:
    using Routes = std::list<RouteInfo>;
    struct Bucket {
        // Default routes apart: the few a link has are found without going through the rest.
        Routes defaults;
        Routes others;
        QHash<QString, Routes::iterator> index;
    };
    static QString keyOf(const RouteInfo &route);
    static int bucketOf(const RouteInfo &route) { return route.nexthops.isEmpty() ? route.ifindex : 0; }

    QHash<int, Bucket> m_buckets;
};

template<typename Drop>
void RouteTable::removeIf(int ifindex, Drop drop)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (ifindex < 0 || it.key() == ifindex) {
            Bucket &b = it.value();
            for (Routes *list : {&b.defaults, &b.others})
                for (auto r = list->begin(); r != list->end();) {
                    if (drop(std::as_const(*r))) {
                        b.index.remove(keyOf(*r));
                        r = list->erase(r);
                    } else {
                        ++r;
                    }
                }
        }
        it = it->index.isEmpty() ? m_buckets.erase(it) : std::next(it);
    }
}

} // namespace bm::helper
