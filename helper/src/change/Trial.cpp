// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Trial.h"

#include <QJsonArray>

namespace bm::helper {

QVariantMap Trial::toVariantMap() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("call"), call},
            {QStringLiteral("bond"), bond},
            {QStringLiteral("interfaces"), interfaces},
            {QStringLiteral("startedUsec"), startedUsec},
            {QStringLiteral("deadlineUsec"), deadlineUsec},
            {QStringLiteral("uid"), uid},
            {QStringLiteral("moves"), moves}};
}

QJsonObject Trial::toJson() const
{
    // Microseconds as strings: a JSON number is a double, exact only to 2^53.
    return {{QStringLiteral("id"), id},
            {QStringLiteral("call"), call},
            {QStringLiteral("bond"), bond},
            {QStringLiteral("actionId"), actionId},
            {QStringLiteral("interfaces"), QJsonArray::fromStringList(interfaces)},
            {QStringLiteral("moves"), QJsonArray::fromStringList(moves)},
            {QStringLiteral("startedUsec"), QString::number(startedUsec)},
            {QStringLiteral("deadlineUsec"), QString::number(deadlineUsec)},
            {QStringLiteral("uid"), qint64(uid)},
            {QStringLiteral("before"), before.toJson()},
            {QStringLiteral("services"), services}};
}

std::optional<Trial> Trial::fromJson(const QJsonObject &json)
{
    const std::optional<TrialSnapshot> before = TrialSnapshot::fromJson(
            json.value(QLatin1String("before")).toObject());
    if (!before)
        return std::nullopt;
    Trial t;
    t.id = json.value(QLatin1String("id")).toString();
    t.call = json.value(QLatin1String("call")).toString();
    t.bond = json.value(QLatin1String("bond")).toString();
    t.actionId = json.value(QLatin1String("actionId")).toString();
    for (const QJsonValue &v : json.value(QLatin1String("interfaces")).toArray())
        t.interfaces << v.toString();
    for (const QJsonValue &v : json.value(QLatin1String("moves")).toArray())
        t.moves << v.toString();
    t.startedUsec = json.value(QLatin1String("startedUsec")).toString().toULongLong();
    t.deadlineUsec = json.value(QLatin1String("deadlineUsec")).toString().toULongLong();
    t.uid = uint(json.value(QLatin1String("uid")).toInteger());
    t.before = *before;
    t.services = json.value(QLatin1String("services")).toObject();
    return t;
}

} // namespace bm::helper
