// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One interface's traffic counters as the kernel keeps them (IFLA_STATS64, struct
// rtnl_link_stats64), and the map the helper's GetCounters gives for each interface
// (shared/dbus/org.bondmanager.Helper1.xml). The numbers only grow, until the interface is made
// anew (or a driver resets them): a rate is the difference of two readings.
#pragma once

#include "BondTypes.h"

#include <QHash>
#include <QVariantMap>

namespace bm {

struct LinkCounters {
    quint64 rxBytes = 0;
    quint64 txBytes = 0;
    quint64 rxPackets = 0;
    quint64 txPackets = 0;
    quint64 rxErrors = 0;
    quint64 txErrors = 0;
    quint64 rxDropped = 0;
    quint64 txDropped = 0;

    quint64 errors() const { return rxErrors + txErrors; }
    quint64 dropped() const { return rxDropped + txDropped; }

    // Every key, always sent, each a t.
    static const QList<MapKey> &keys();
    QVariantMap toVariantMap() const;
    // Missing or malformed keys read as 0.
    static LinkCounters fromVariantMap(const QVariantMap &map);
    friend bool operator==(const LinkCounters &a, const LinkCounters &b);
    friend bool operator!=(const LinkCounters &a, const LinkCounters &b) { return !(a == b); }
};

// GetCounters' answer: interface name -> its counters.
using CountersByName = QHash<QString, LinkCounters>;

} // namespace bm
