// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DBusTypes.h"

#include <QDBusMetaType>

namespace BondManager {

namespace {

const QString BondKey = QStringLiteral("bond");
const QString OldActiveKey = QStringLiteral("oldActive");
const QString NewActiveKey = QStringLiteral("newActive");
const QString TimestampKey = QStringLiteral("timestampUsec");
const QString SlaveKey = QStringLiteral("slave");
const QString StateKey = QStringLiteral("state");

} // namespace

void registerDBusTypes()
{
    qDBusRegisterMetaType<VariantMapList>();
    // By its name too: a signal's parameter is looked up by the name it was declared with, and
    // an adaptor refuses to relay one (ChangesGathered) whose type it cannot find.
    qRegisterMetaType<VariantMapList>("BondManager::VariantMapList");
    qDBusRegisterMetaType<bm::CandidateInfo>();
    qDBusRegisterMetaType<CandidateList>();
    qRegisterMetaType<CandidateList>("BondManager::CandidateList");
}

QVariantMap GatheredFailover::toVariantMap() const
{
    return {{BondKey, bond},
            {OldActiveKey, oldActive},
            {NewActiveKey, newActive},
            {TimestampKey, QVariant::fromValue(timestampUsec)}};
}

GatheredFailover GatheredFailover::fromVariantMap(const QVariantMap &map)
{
    return {map.value(BondKey).toString(), map.value(OldActiveKey).toString(),
            map.value(NewActiveKey).toString(), map.value(TimestampKey).toULongLong()};
}

QVariantMap GatheredSlave::toVariantMap() const
{
    return {{BondKey, bond}, {SlaveKey, slave}, {StateKey, state}};
}

GatheredSlave GatheredSlave::fromVariantMap(const QVariantMap &map)
{
    return {map.value(BondKey).toString(), map.value(SlaveKey).toString(), map.value(StateKey).toMap()};
}

} // namespace BondManager
