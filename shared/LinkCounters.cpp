// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LinkCounters.h"

namespace bm {

namespace {

// The keys in the order of keys(), each with its field.
constexpr std::pair<const char *, quint64 LinkCounters::*> Fields[] = {
        {"rxBytes", &LinkCounters::rxBytes},     {"txBytes", &LinkCounters::txBytes},
        {"rxPackets", &LinkCounters::rxPackets}, {"txPackets", &LinkCounters::txPackets},
        {"rxErrors", &LinkCounters::rxErrors},   {"txErrors", &LinkCounters::txErrors},
        {"rxDropped", &LinkCounters::rxDropped}, {"txDropped", &LinkCounters::txDropped},
};

} // namespace

const QList<MapKey> &LinkCounters::keys()
{
    static const QList<MapKey> list = [] {
        QList<MapKey> keys;
        for (const auto &field : Fields)
            keys.append(MapKey {field.first, "t"});
        return keys;
    }();
    return list;
}

QVariantMap LinkCounters::toVariantMap() const
{
    QVariantMap map;
    for (const auto &field : Fields)
        map.insert(QLatin1String(field.first), qulonglong(this->*field.second));
    return map;
}

LinkCounters LinkCounters::fromVariantMap(const QVariantMap &map)
{
    LinkCounters c;
    for (const auto &field : Fields) {
        bool ok = false;
        const qulonglong value = map.value(QLatin1String(field.first)).toULongLong(&ok);
        c.*field.second = ok ? value : 0;
    }
    return c;
}

bool operator==(const LinkCounters &a, const LinkCounters &b)
{
    for (const auto &field : Fields)
        if (a.*field.second != b.*field.second)
            return false;
    return true;
}

} // namespace bm
