// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Qt types for the container signatures of the contract that QtDBus does not know by itself, and
// the entries of ChangesGathered (org.bondmanager.Helper1.xml), written by the helper and read by
// the clients through the same code.
#pragma once

#include "BondTypes.h"

#include <QList>
#include <QString>
#include <QVariantMap>

namespace BondManager {

using VariantMapList = QList<QVariantMap>; // aa{sv}
// ListCandidates: a(sisbbssasbsa{sv}), one struct per interface (shared/BondTypes.h).
using CandidateList = QList<bm::CandidateInfo>;

// Call once before the first call or signal that carries aa{sv} or a candidate (both helper and
// clients).
void registerDBusTypes();

// A failover of ChangesGathered: Failover's arguments by name.
struct GatheredFailover {
    QString bond;
    QString oldActive;
    QString newActive;
    qulonglong timestampUsec = 0;

    QVariantMap toVariantMap() const;
    // From a plain map (nested D-Bus containers already converted).
    static GatheredFailover fromVariantMap(const QVariantMap &map);
};

// A slave's state of ChangesGathered: SlaveChanged's arguments by name.
struct GatheredSlave {
    QString bond;
    QString slave;
    QVariantMap state;

    QVariantMap toVariantMap() const;
    static GatheredSlave fromVariantMap(const QVariantMap &map);
};

} // namespace BondManager
