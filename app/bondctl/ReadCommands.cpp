// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// list, show, interfaces: reads, which need no authorisation.
#include "BondText.h"
#include "Command.h"
#include "HelperCommands.h"
#include "HelperSession.h"
#include "JsonOutput.h"
#include "TextTable.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace bondctl {

namespace {

void writeLines(const QStringList &lines)
{
    writeOut(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

} // namespace

int runList(const QStringList &args)
{
    Invocation inv;
    int rc = ExitOk;
    if (!prepare(args, "list", &inv, &rc))
        return rc;
    HelperSession session(inv);
    if (!session.open())
        return ExitUnreachable;
    bm::HelperClient &client = session.client();

    const auto available = client.bondingAvailable().wait();
    if (!available.ok())
        return HelperSession::report(available.error);
    if (!available.value) {
        printError(QStringLiteral("the kernel of %1 has no bonding driver").arg(inv.target.describe()));
        return ExitUnreachable;
    }
    const auto all = client.getBonds().wait();
    if (!all.ok())
        return HelperSession::report(all.error);
    QList<bm::BondInfo> bonds = all.value;
    std::sort(bonds.begin(), bonds.end(),
              [](const bm::BondInfo &a, const bm::BondInfo &b) { return a.name < b.name; });

    if (inv.json) {
        QJsonArray array;
        for (const bm::BondInfo &b : bonds)
            array << parseJson(b);
        writeJsonArray(array);
    } else if (bonds.isEmpty()) {
        writeOut(QStringLiteral("no bonds\n"));
    } else {
        writeLines(listTable(bonds, terminalWidth()));
    }
    return ExitOk;
}

int runShow(const QStringList &args)
{
    Invocation inv;
    int rc = ExitOk;
    if (!prepare(args, "show", &inv, &rc))
        return rc;
    HelperSession session(inv);
    if (!session.open())
        return ExitUnreachable;
    const auto bond = session.client().getBond(inv.positionals.at(0)).wait();
    if (!bond.ok())
        return HelperSession::report(bond.error);
    if (inv.json)
        writeJson(showJson(bond.value));
    else
        writeLines(showText(bond.value, terminalWidth()));
    return ExitOk;
}

int runInterfaces(const QStringList &args)
{
    Invocation inv;
    int rc = ExitOk;
    if (!prepare(args, "interfaces", &inv, &rc))
        return rc;
    HelperSession session(inv);
    if (!session.open())
        return ExitUnreachable;
    auto candidates = session.client().listCandidates().wait();
    if (!candidates.ok())
        return HelperSession::report(candidates.error);
    std::sort(candidates.value.begin(), candidates.value.end(),
              [](const bm::CandidateInfo &a, const bm::CandidateInfo &b) { return a.name < b.name; });
    if (inv.json) {
        QJsonArray array;
        for (const bm::CandidateInfo &c : candidates.value)
            array << QJsonObject::fromVariantMap(c.toVariantMap());
        writeJsonArray(array);
    } else if (candidates.value.isEmpty()) {
        writeOut(QStringLiteral("no interfaces could become slaves\n"));
    } else {
        writeLines(interfacesTable(candidates.value, terminalWidth()));
    }
    return ExitOk;
}

} // namespace bondctl
