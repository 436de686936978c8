// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A bond as a network service saves it: what comes back after a reboot. The kernel's live state is
// BondInfo (BondTypes.h); the services' writers (helper/src/services) turn a BondConfig into their
// own files or profiles and parse those back into one, so that saved and live can be compared.
#pragma once

#include "IpConfig.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace bm {

struct BondConfig {
    QString name;
    // Keyed by OptionTable name ("mode", "miimon", "arp_ip_target", ...), values in the normalised
    // form of OptionTable::parseValue. Not here: primary (its own field) and active_slave (live
    // state, which no service saves).
    QVariantMap options;
    QStringList slaves; // in the order they are enslaved
    QString primary;    // empty: none
    IpConfig ip;

    // One sentence per problem: the names, the slaves (distinct, not the bond), the primary (one
    // of the slaves), the options as OptionTable::validate sees them for a new bond, and the
    // addresses (IpConfig::validate).
    QStringList validate() const;

    // Keys: name (s), options (a{sv} keyed by option name), slaves (as), primary (s), ip (a{sv},
    // IpConfig::toVariantMap).
    QVariantMap toVariantMap() const;
    // Options are normalised through the option table (aliases become the table's names); a
    // primary inside options moves to the primary field. Anything not understood is reported
    // in problems and left out.
    static BondConfig fromVariantMap(const QVariantMap &map, QStringList *problems = nullptr);

    friend bool operator==(const BondConfig &a, const BondConfig &b);
    friend bool operator!=(const BondConfig &a, const BondConfig &b) { return !(a == b); }
};

} // namespace bm
