// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// list, show, interfaces, counters: reads, which need no authorisation.
#include "BondText.h"
#include "Command.h"
#include "HelperCommands.h"
#include "HelperSession.h"
#include "JsonOutput.h"
#include "TextTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
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
    return withSession(args, "list", [&](const Invocation &inv, HelperSession &session) -> int {
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
    });
}

int runShow(const QStringList &args)
{
    return withSession(args, "show", [&](const Invocation &inv, HelperSession &session) -> int {
        const auto bond = session.client().getBond(inv.positionals.at(0)).wait();
        if (!bond.ok())
            return HelperSession::report(bond.error);
        if (inv.json)
            writeJson(showJson(bond.value));
        else
            writeLines(showText(bond.value, terminalWidth()));
        return ExitOk;
    });
}

int runInterfaces(const QStringList &args)
{
    return withSession(args, "interfaces", [&](const Invocation &inv, HelperSession &session) -> int {
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
    });
}

int runCounters(const QStringList &args)
{
    return withSession(args, "counters", [&](const Invocation &inv, HelperSession &session) -> int {
        const QString name = inv.positionals.at(0);
        const auto counters = session.client().counters(name).wait();
        if (!counters.ok())
            return HelperSession::report(counters.error);
        // The bond first, then its slaves by name.
        QStringList names = counters.value.keys();
        std::sort(names.begin(), names.end(), [&name](const QString &a, const QString &b) {
            return (a == name) != (b == name) ? a == name : a < b;
        });
        if (inv.json) {
            QJsonObject object;
            for (const QString &n : std::as_const(names))
                object.insert(n, QJsonObject::fromVariantMap(counters.value.value(n).toVariantMap()));
            writeJson(object);
            return ExitOk;
        }
        TextTable table(
                {QStringLiteral("INTERFACE"), QStringLiteral("RX BYTES"), QStringLiteral("RX PACKETS"),
                 QStringLiteral("RX ERRORS"), QStringLiteral("RX DROPPED"), QStringLiteral("TX BYTES"),
                 QStringLiteral("TX PACKETS"), QStringLiteral("TX ERRORS"), QStringLiteral("TX DROPPED")});
        for (const QString &n : std::as_const(names)) {
            const bm::LinkCounters &c = counters.value.value(n);
            table.addRow({n, QString::number(c.rxBytes), QString::number(c.rxPackets),
                          QString::number(c.rxErrors), QString::number(c.rxDropped),
                          QString::number(c.txBytes), QString::number(c.txPackets),
                          QString::number(c.txErrors), QString::number(c.txDropped)});
        }
        writeLines(table.render(terminalWidth()));
        return ExitOk;
    });
}

} // namespace bondctl
