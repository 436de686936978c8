// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Whether a bond reaches its gateway, as the helper's CheckReach reports it
// (org.bondmanager.Helper1.xml, "Reach maps"): the bond's way out as the kernel holds it, and
// the answer to the ARP requests the helper sent on it.
#pragma once

#include "BondTypes.h"

#include <QStringList>
#include <QVariantMap>

namespace bm {

struct ReachReport {
    bool carrier = false;
    QStringList addresses; // ADDR/LEN, link-local ones left out
    bool defaultRoute = false;
    QString gateway; // the default route's IPv4 gateway, else the first ARP target; "" when none
    bool answered = false;
    qulonglong rttUsec = 0;
    QString answeredBy; // the MAC that answered

    // The contract's keys with their D-Bus signatures.
    static const QList<MapKey> &keys();
    static ReachReport fromVariantMap(const QVariantMap &map);
};

// The failover drill's report (Drill, "Drill maps"): the switch there and back, each timed from
// the request to the kernel's event, and the ARP answer in between.
struct DrillReport {
    QString from;
    QString to;
    qulonglong switchUsec = 0;
    QString target;
    bool answered = false;
    qulonglong rttUsec = 0;
    QString answeredBy;
    bool restored = false;
    qulonglong restoreUsec = 0;
    QString summary; // the helper's sentence, in English

    static const QList<MapKey> &keys();
    static DrillReport fromVariantMap(const QVariantMap &map);
};

} // namespace bm
