// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Where a bond's saved configuration (what its network service brings back at boot) and the
// kernel's live state differ, option by option, so that the window can say what a reboot would
// change. The live side is a BondConfig built from the kernel (options, slaves, primary, the
// bond's addresses and MTU); its IP methods, DNS and search domains are not looked at, since the
// kernel does not know them.
#pragma once

#include "BondConfig.h"

#include <QList>
#include <QVariantMap>

#include <optional>

namespace bm::helper {

struct DriftEntry {
    // An option's name ("miimon"), or slaves, primary, ipv4Addresses, ipv4Gateway, ipv6Addresses,
    // ipv6Gateway, mtu.
    QString option;
    QString saved; // as text; empty when the saved configuration has none
    QString live;

    // Keys: option, saved, live.
    QVariantMap toVariantMap() const;
    friend bool operator==(const DriftEntry &a, const DriftEntry &b)
    {
        return a.option == b.option && a.saved == b.saved && a.live == b.live;
    }
};

namespace Drift {

// Every difference: options the saved configuration sets and the kernel reports differently
// (address lists compared as sets), the slaves (as a set), the primary, static addresses and
// gateways, addresses the kernel has although the saved method is off (link-local ones do not
// count), and the MTU when both say one. Options the saved configuration leaves to its service's
// defaults are not compared.
QList<DriftEntry> compare(const BondConfig &saved, const BondConfig &live);

// What runs, as a service's change() takes it: the addresses `saved` keeps (the kernel knows no
// DHCP or DNS) with the MTU of `live` where `saved` sets one, so that saving what runs saves the
// MTU and restoring the saved configuration puts it back. Saved nowhere: `live`, with its MTU
// only where it is not a new bond's (1500), so that adopting a bond saves no MTU nobody set.
IpConfig running(const IpConfig &live, const std::optional<IpConfig> &saved);

// An option value as text: lists joined by ", ", numbers in decimal.
QString valueText(const QVariant &value);

} // namespace Drift
} // namespace bm::helper
