// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialTypes.h"

namespace bm {

QDateTime dateTimeFromUsec(qulonglong usec)
{
    return usec == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(qint64(usec / 1000), Qt::UTC);
}

TrialPreview TrialPreview::fromVariantMap(const QVariantMap &map)
{
    TrialPreview p;
    p.trialRequired = map.value(QStringLiteral("trialRequired")).toBool();
    p.reasons = map.value(QStringLiteral("reasons")).toStringList();
    p.moves = map.value(QStringLiteral("moves")).toStringList();
    return p;
}

TrialOutcome TrialOutcome::fromVariantMap(const QVariantMap &map)
{
    TrialOutcome o;
    o.id = map.value(QStringLiteral("trial")).toString();
    o.deadline = dateTimeFromUsec(map.value(QStringLiteral("deadlineUsec")).toULongLong());
    o.result = map.value(QStringLiteral("result")).toMap();
    o.moves = map.value(QStringLiteral("moves")).toStringList();
    return o;
}

TrialInfo TrialInfo::fromVariantMap(const QVariantMap &map)
{
    TrialInfo t;
    t.id = map.value(QStringLiteral("id")).toString();
    t.call = map.value(QStringLiteral("call")).toString();
    t.bond = map.value(QStringLiteral("bond")).toString();
    t.interfaces = map.value(QStringLiteral("interfaces")).toStringList();
    t.started = dateTimeFromUsec(map.value(QStringLiteral("startedUsec")).toULongLong());
    t.deadline = dateTimeFromUsec(map.value(QStringLiteral("deadlineUsec")).toULongLong());
    t.uid = map.value(QStringLiteral("uid")).toUInt();
    t.moves = map.value(QStringLiteral("moves")).toStringList();
    return t;
}

} // namespace bm
