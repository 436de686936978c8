// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondText.h"

#include "OptionTable.h"
#include "TextTable.h"

namespace bondctl {

namespace {

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

template<typename T>
QString number(const std::optional<T> &v, const char *suffix = "")
{
    return v ? QString::number(*v) + QLatin1String(suffix) : QStringLiteral("-");
}

} // namespace

QString formatOption(const char *name, const QVariant &value)
{
    const bm::OptionSpec *spec = bm::OptionTable::find(QString::fromLatin1(name));
    if (value.typeId() == QMetaType::QStringList) {
        const QStringList list = value.toStringList();
        return list.isEmpty() ? QStringLiteral("(none)") : list.join(QStringLiteral(", "));
    }
    const QString text = value.toString();
    if (text.isEmpty())
        return QStringLiteral("(none)");
    if (spec && spec->isNumber() && !spec->unitSuffix().isEmpty())
        return text + QLatin1Char(' ') + spec->unitSuffix();
    return text;
}

QString slaveSummary(const bm::BondInfo &bond)
{
    QStringList parts;
    const QString active = bond.activeSlave();
    for (const bm::SlaveInfo &s : bond.slaves) {
        const bool isActive = !active.isEmpty() ? s.name == active
                                                : s.state == bm::SlaveState::Active
                                                          && bond.mode() == bm::BondMode::ActiveBackup;
        parts << QStringLiteral("%1 %2%3").arg(s.name, bm::miiStatusName(s.miiStatus),
                                               isActive ? QStringLiteral("*") : QString());
    }
    return parts.isEmpty() ? QStringLiteral("(none)") : parts.join(QStringLiteral(", "));
}

QStringList listTable(const QList<bm::BondInfo> &bonds, int width)
{
    TextTable table({QStringLiteral("NAME"), QStringLiteral("MODE"), QStringLiteral("MII"),
                     QStringLiteral("ACTIVE"), QStringLiteral("PRIMARY"),
                     QStringLiteral("SLAVES (* active)")});
    for (const bm::BondInfo &b : bonds) {
        const auto mode = b.mode();
        table.addRow({b.name, mode ? bm::bondModeName(*mode) : QStringLiteral("?"),
                      bm::miiStatusName(b.miiStatus), orDash(b.activeSlave()), orDash(b.primary()),
                      slaveSummary(b)});
    }
    return table.render(width);
}

QStringList showText(const bm::BondInfo &bond, int width)
{
    QStringList lines;
    const auto mode = bond.mode();
    lines << QStringLiteral("%1: %2, MII %3")
                     .arg(bond.name, mode ? bm::bondModeName(*mode) : QStringLiteral("unknown mode"),
                          bm::miiStatusName(bond.miiStatus));
    const bm::BondLink &link = bond.link;
    if (link.persistence) {
        lines << QStringLiteral("  ") + persistenceText(*link.persistence);
        for (const QString &note : persistenceNotes(*link.persistence, bond.name))
            lines << QStringLiteral("    ") + note;
    }
    QStringList linkFacts;
    if (!link.mac.isEmpty())
        linkFacts << QStringLiteral("MAC ") + link.mac;
    if (link.mtu)
        linkFacts << QStringLiteral("MTU %1").arg(*link.mtu);
    if (!linkFacts.isEmpty())
        lines << QStringLiteral("  ") + linkFacts.join(QStringLiteral(", "));
    if (!link.addresses.isEmpty())
        lines << QStringLiteral("  addresses: ") + link.addresses.join(QStringLiteral(", "));
    else if (link.ip || !link.mac.isEmpty())
        lines << QStringLiteral("  addresses: (none)");
    if (link.ip)
        lines << QStringLiteral("  configured: ") + ipText(*link.ip);
    if (!link.drift.isEmpty()) {
        lines << QStringLiteral("  differs from the saved configuration (bondctl save %1 keeps what runs, "
                                "bondctl restore %1 goes back):")
                         .arg(bond.name);
        for (const bm::BondDrift &d : link.drift)
            lines << QStringLiteral("    %1: saved %2, running %3")
                             .arg(d.option, d.saved.isEmpty() ? QStringLiteral("(none)") : d.saved,
                                  d.live.isEmpty() ? QStringLiteral("(none)") : d.live);
    }

    TextTable options({QStringLiteral("OPTION"), QStringLiteral("VALUE")});
    for (const bm::OptionSpec &spec : bm::OptionTable::all()) {
        const QVariant v = bond.options.value(QLatin1String(spec.name));
        // Options the mode does not use only make the list longer.
        if (!v.isValid() || qstrcmp(spec.name, "mode") == 0 || (mode && !spec.validIn(*mode)))
            continue;
        options.addRow({QLatin1String(spec.name), formatOption(spec.name, v)});
    }
    if (!options.isEmpty()) {
        for (const QString &l : options.render(width > 2 ? width - 2 : 0))
            lines << QStringLiteral("  ") + l;
    }

    if (bond.slaves.isEmpty()) {
        lines << QStringLiteral("no slaves");
        return lines;
    }
    const bool lacp = mode == bm::BondMode::Ieee8023ad;
    QStringList headers {QStringLiteral("SLAVE"),      QStringLiteral("MII"),    QStringLiteral("STATE"),
                         QStringLiteral("SPEED"),      QStringLiteral("DUPLEX"), QStringLiteral("FAILURES"),
                         QStringLiteral("PERM HWADDR")};
    if (lacp)
        headers << QStringLiteral("AGGREGATOR");
    TextTable slaves(headers);
    for (const bm::SlaveInfo &s : bond.slaves) {
        QStringList row {s.name,
                         bm::miiStatusName(s.miiStatus),
                         s.state ? bm::slaveStateName(*s.state) : QStringLiteral("-"),
                         number(s.speedMbps, " Mb/s"),
                         orDash(s.duplex),
                         number(s.linkFailureCount),
                         orDash(s.permHwAddr)};
        if (lacp)
            row << number(s.aggregatorId);
        slaves.addRow(row);
    }
    lines << slaves.render(width);
    return lines;
}

QString persistenceText(const bm::BondPersistence &p)
{
    if (p.backend.isEmpty())
        return QString();
    if (!p.isSaved())
        return QStringLiteral("not saved: gone after a reboot");
    // A trial's change is held aside until Confirm (its own line says until when).
    const QString once = p.pending ? QStringLiteral(" once confirmed") : QString();
    if (p.backend == QLatin1String("NetworkManager")) {
        QStringList where;
        if (!p.profile.isEmpty())
            where << QStringLiteral("profile %1").arg(p.profile);
        if (!p.uuid.isEmpty())
            where << QStringLiteral("uuid %1").arg(p.uuid);
        return (where.isEmpty() ? QStringLiteral("saved in NetworkManager")
                                : QStringLiteral("saved in NetworkManager (%1)").arg(where.join(QStringLiteral(", "))))
               + once;
    }
    if (!p.location.isEmpty())
        return QStringLiteral("saved in %1 (%2)").arg(p.location, p.backend) + once;
    return QStringLiteral("saved in %1").arg(p.backend) + once;
}

QStringList persistenceNotes(const bm::BondPersistence &p, const QString &bond)
{
    QStringList lines;
    if (!p.isSaved() && !p.saveWith.isEmpty())
        lines << QStringLiteral("can be saved with %1: bondctl save %2 --save-with %3")
                         .arg(p.saveWith.join(QStringLiteral(", ")), bond, p.saveWith.first());
    if (!p.unsaved.isEmpty())
        lines << QStringLiteral("not saved by %1, live until the next boot: %2")
                         .arg(p.backend, p.unsaved.join(QStringLiteral(", ")));
    for (const QString &w : p.warnings)
        lines << QStringLiteral("warning: %1").arg(w);
    return lines;
}

QString ipText(const bm::IpConfig &ip)
{
    QStringList parts;
    auto family = [&parts](const QString &name, const QString &method, const QStringList &addresses,
                           const QString &gateway) {
        QString part = name + QLatin1Char(' ') + method;
        if (!addresses.isEmpty())
            part += QLatin1Char(' ') + addresses.join(QStringLiteral(", "));
        if (!gateway.isEmpty())
            part += QStringLiteral(" via ") + gateway;
        parts << part;
    };
    family(QStringLiteral("IPv4"), bm::ipv4MethodName(ip.ipv4Method), ip.ipv4Addresses, ip.ipv4Gateway);
    family(QStringLiteral("IPv6"), bm::ipv6MethodName(ip.ipv6Method), ip.ipv6Addresses, ip.ipv6Gateway);
    if (!ip.dnsServers.isEmpty())
        parts << QStringLiteral("DNS ") + ip.dnsServers.join(QStringLiteral(", "));
    if (!ip.dnsSearch.isEmpty())
        parts << QStringLiteral("search ") + ip.dnsSearch.join(QStringLiteral(", "));
    if (ip.mtu)
        parts << QStringLiteral("MTU %1").arg(*ip.mtu);
    return parts.join(QStringLiteral("; "));
}

QStringList interfacesTable(const QList<bm::CandidateInfo> &candidates, int width)
{
    TextTable table({QStringLiteral("NAME"), QStringLiteral("KIND"), QStringLiteral("STATE"),
                     QStringLiteral("CARRIER"), QStringLiteral("MASTER"), QStringLiteral("MAC"),
                     QStringLiteral("ADDRESSES")});
    for (const bm::CandidateInfo &c : candidates) {
        QString addresses = c.addresses.join(QStringLiteral(" "));
        if (c.defaultRoute)
            addresses = QStringLiteral("[default route] ") + addresses;
        table.addRow({c.name, orDash(c.kind), c.adminUp ? QStringLiteral("up") : QStringLiteral("down"),
                      c.carrier ? QStringLiteral("yes") : QStringLiteral("no"), orDash(c.master),
                      orDash(c.mac),
                      addresses.trimmed().isEmpty() ? QStringLiteral("-") : addresses.trimmed()});
    }
    return table.render(width);
}

} // namespace bondctl
