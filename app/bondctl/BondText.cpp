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
