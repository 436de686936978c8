// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialHealth.h"

namespace bm::gui {

QList<TrialHealthRows::Row> TrialHealthRows::of(const QString &bond, const ReachReport &health)
{
    QList<Row> rows;
    rows << (health.carrier ? Row {State::Good, tr("%1 has a carrier").arg(bond)}
                            : Row {State::Bad, tr("%1 has no carrier").arg(bond)});
    rows << (health.addresses.isEmpty()
                     ? Row {State::Bad, tr("%1 has no address").arg(bond)}
                     : Row {State::Good,
                            tr("Addresses: %1").arg(health.addresses.join(QStringLiteral(", ")))});
    rows << (health.defaultRoute ? Row {State::Good, tr("The default route goes through %1").arg(bond)}
                                 : Row {State::Bad, tr("No default route through %1").arg(bond)});
    if (health.gateway.isEmpty()) {
        rows << Row {State::Bad, tr("No gateway to ask")};
    } else if (!health.answered) {
        rows << Row {State::Bad, tr("The gateway %1 does not answer ARP").arg(health.gateway)};
    } else {
        const QString ms = QString::number(double(health.rttUsec) / 1000.0, 'f', 1);
        rows << Row {
                State::Good,
                //: %1 an IPv4 address, %2 milliseconds, %3 a MAC address
                tr("The gateway %1 answers ARP in %2 ms (%3)").arg(health.gateway, ms, health.answeredBy)};
    }
    return rows;
}

QList<TrialHealthRows::Row> TrialHealthRows::unknown(const QString &reason)
{
    const QString why = reason.isEmpty() ? tr("checking…") : reason;
    return {Row {State::Checking, tr("Carrier: %1").arg(why)},
            Row {State::Checking, tr("Addresses: %1").arg(why)},
            Row {State::Checking, tr("Default route: %1").arg(why)},
            Row {State::Checking, tr("Gateway: %1").arg(why)}};
}

} // namespace bm::gui
