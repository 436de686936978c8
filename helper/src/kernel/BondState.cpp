// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondState.h"

#include "OptionTable.h"
#include "ProcBondingParser.h"

namespace bm::helper::BondState {

std::optional<BondInfo> parseProc(const std::optional<QString> &procText)
{
    if (!procText)
        return std::nullopt;
    const ProcBondingParser::Result parsed = ProcBondingParser::parse(procText->toUtf8());
    if (!parsed.ok())
        return std::nullopt;
    return parsed.bond;
}

QVariantMap build(const LinkInfo &bond, const LinkTable &links, const QStringList &addresses,
                  const std::optional<BondInfo> &proc, Proc age)
{
    BondInfo info;
    info.name = bond.name;
    info.options = bond.bondOptions;
    // /proc prints the bond's carrier as its "MII Status".
    info.miiStatus = bond.carrier ? MiiStatus::Up : MiiStatus::Down;
    // What netlink does not carry (speed, duplex, 802.3ad system, churn and LACPDU data) comes
    // from /proc/net/bonding through the shared parser; netlink wins where both speak (the
    // active aggregator: IFLA_BOND_AD_INFO).
    if (proc) {
        info.driverVersion = proc->driverVersion;
        info.ad = proc->ad;
    }
    if (!bond.adInfo.isEmpty()) {
        for (const QString &key :
             {QStringLiteral("aggregatorId"), QStringLiteral("numPorts"), QStringLiteral("actorKey"),
              QStringLiteral("partnerKey"), QStringLiteral("partnerMac")})
            info.ad.remove(key);
        info.ad.insert(bond.adInfo);
    }
    for (const LinkInfo *link : links.slavesOf(bond.ifindex)) {
        const LinkInfo &l = *link;
        SlaveInfo s = l.slave.value_or(SlaveInfo {});
        s.name = l.name;
        for (const SlaveInfo &p : proc ? proc->slaves : QList<SlaveInfo>()) {
            if (p.name != s.name)
                continue;
            // With ARP monitoring the MII status may change between the netlink event and the
            // /proc read (tests/lab/helper/TestHelperLab.cpp createEachMode saw it under load).
            if (age == Proc::Fresh || p.miiStatus == s.miiStatus) {
                s.speedMbps = p.speedMbps;
                s.duplex = p.duplex;
            }
            s.actorChurnState = p.actorChurnState;
            s.partnerChurnState = p.partnerChurnState;
            s.actorChurnedCount = p.actorChurnedCount;
            s.partnerChurnedCount = p.partnerChurnedCount;
            s.actorLacpPdu = p.actorLacpPdu;
            s.partnerLacpPdu = p.partnerLacpPdu;
            if (!s.aggregatorId)
                s.aggregatorId = p.aggregatorId;
        }
        info.slaves << s;
    }
    QVariantMap map = info.toVariantMap();
    map.insert(QStringLiteral("ifindex"), bond.ifindex);
    map.insert(QStringLiteral("adminUp"), bond.adminUp);
    map.insert(QStringLiteral("carrier"), bond.carrier);
    map.insert(QStringLiteral("mac"), bond.mac);
    map.insert(QStringLiteral("mtu"), uint(bond.mtu));
    map.insert(QStringLiteral("addresses"), addresses);
    return map;
}

QVariantMap withoutRootOnly(QVariantMap state)
{
    state.remove(QStringLiteral("ad"));
    for (const char *name : {"ad_actor_system", "ad_actor_sys_prio", "ad_user_port_key"})
        if (const OptionSpec *spec = OptionTable::find(QString::fromLatin1(name)))
            state.remove(QString::fromLatin1(spec->key));
    QVariantList slaves = state.value(QStringLiteral("slaves")).toList();
    for (QVariant &slave : slaves) {
        QVariantMap s = slave.toMap();
        s.remove(QStringLiteral("actorLacpPdu"));
        s.remove(QStringLiteral("partnerLacpPdu"));
        slave = s;
    }
    if (state.contains(QStringLiteral("slaves")))
        state.insert(QStringLiteral("slaves"), slaves);
    return state;
}

QString withoutRootOnly(const QString &procText)
{
    // Each of these starts a line shown only to root; an indented line after it belongs to it.
    static const QLatin1String rootOnly[] = {
            QLatin1String("System priority:"), QLatin1String("System MAC address:"),
            QLatin1String("Active Aggregator Info:"), QLatin1String("details actor lacp pdu:"),
            QLatin1String("details partner lacp pdu:")};
    QStringList kept;
    bool inBlock = false;
    for (const QString &line : procText.split(QLatin1Char('\n'))) {
        if (inBlock && (line.startsWith(QLatin1Char('\t')) || line.startsWith(QLatin1Char(' '))))
            continue;
        inBlock = false;
        bool drop = false;
        for (const QLatin1String &start : rootOnly)
            drop = drop || line.startsWith(start);
        if (drop) {
            inBlock = true;
            continue;
        }
        kept << line;
    }
    return kept.join(QLatin1Char('\n'));
}

} // namespace bm::helper::BondState
