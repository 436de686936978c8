// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// "Also watch the path to the gateway (ARP)": a host cabled to two switches loses its bond's
// traffic when the link between the switches (the ISL) dies behind the active slave, and MII never
// notices, since the slave's own cable stays up. ARP probes to the gateway do. Offered by the
// wizard's monitoring page and the bond header for a bond that watches by MII alone, in a mode
// with ARP monitoring, once the host's IPv4 gateway is known.
#pragma once

#include "BondTypes.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <optional>

namespace bm::gui {

class ArpAdvice
{
    Q_DECLARE_TR_FUNCTIONS(ArpAdvice)
public:
    // A running bond: MII only (miimon above 0, arp_interval 0 or unset), its gateway from its
    // address configuration (the default route out of it, or the saved gateway).
    static std::optional<ArpAdvice> forBond(const BondInfo &bond);
    // A bond being made: its mode, the MII interval chosen, the gateway of its slaves' default
    // route (CandidateInfo::gateway).
    static std::optional<ArpAdvice> forNewBond(BondMode mode, quint32 miimonMs, const QString &gateway);

    QString gateway;
    // As often as MII looked, so that a dead link is seen about as soon as before.
    quint32 intervalMs = 1000;

    // "Also watch the path to 10.0.2.2 (ARP)"
    QString actionText() const;
    // Why, in a sentence or two: for a tooltip or a label next to the action.
    QString explanation() const;
    // The change for SetOptions, option names as `ip link` spells them. The kernel runs MII or ARP
    // monitoring, not both, and refuses both in one request (OptionTable::validate): MII goes.
    QVariantMap options() const;
};

} // namespace bm::gui
