// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ArpAdvice.h"

#include "OptionTable.h"

namespace bm::gui {

namespace {

constexpr quint32 DefaultIntervalMs = 1000;

} // namespace

std::optional<ArpAdvice> ArpAdvice::forNewBond(BondMode mode, quint32 miimonMs, const QString &gateway)
{
    const OptionSpec *arpInterval = OptionTable::find(u"arp_interval");
    if (!arpInterval || !arpInterval->validIn(mode) || miimonMs == 0 || gateway.isEmpty())
        return std::nullopt;
    // Only what arp_ip_target takes: an IPv4 address.
    const OptionTable::ParsedValue target = OptionTable::parseValue(u"arp_ip_target", gateway);
    if (!target.ok() || target.value.toStringList().size() != 1)
        return std::nullopt;
    ArpAdvice advice;
    advice.gateway = target.value.toStringList().constFirst();
    advice.intervalMs = miimonMs > 0 ? miimonMs : DefaultIntervalMs;
    return advice;
}

std::optional<ArpAdvice> ArpAdvice::forBond(const BondInfo &bond)
{
    const auto mode = bond.mode();
    if (!mode || bond.options.value(QStringLiteral("arp_interval")).toUInt() > 0
        || !bond.options.value(QStringLiteral("arp_ip_target")).toStringList().isEmpty())
        return std::nullopt;
    const QString gateway = bond.link.ip ? bond.link.ip->ipv4Gateway : QString();
    return forNewBond(*mode, bond.options.value(QStringLiteral("miimon")).toUInt(), gateway);
}

QString ArpAdvice::actionText() const
{
    return tr("Also watch the path to %1 (ARP)").arg(gateway);
}

QString ArpAdvice::explanation() const
{
    return tr("MII only sees each slave's own cable: if the link between the two switches dies, the "
              "active slave's cable stays up and the bond keeps sending into a dead end. ARP probes "
              "to the gateway %1 every %2 ms notice that and fail over. The kernel runs MII or ARP "
              "monitoring, not both, so ARP takes over from MII.")
            .arg(gateway)
            .arg(intervalMs);
}

QVariantMap ArpAdvice::options() const
{
    return {
            {QStringLiteral("miimon"), 0u},
            {QStringLiteral("arp_interval"), intervalMs},
            {QStringLiteral("arp_ip_target"), QStringList {gateway}},
    };
}

} // namespace bm::gui
