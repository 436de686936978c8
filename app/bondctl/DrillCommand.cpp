// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// drill: the failover drill (the helper's Drill), authorised by polkit as `activate` is. It
// changes the active slave and changes it back, so it is no trial and takes no
// --confirm-within.
#include "Command.h"
#include "HelperCommands.h"
#include "HelperSession.h"
#include "JsonOutput.h"
#include "TextTable.h"

#include <QJsonObject>

namespace bondctl {

int runDrill(const QStringList &args)
{
    return withSession(args, "drill", [&](const Invocation &inv, HelperSession &session) -> int {
        const auto result = session.client().drill(inv.positionals.at(0), session.auth()).wait();
        if (!result.ok())
            return HelperSession::report(result.error);
        const bm::DrillReport &r = result.value;
        if (inv.json) {
            writeJson(QJsonObject {{QStringLiteral("from"), r.from},
                                   {QStringLiteral("to"), r.to},
                                   {QStringLiteral("switchUsec"), qint64(r.switchUsec)},
                                   {QStringLiteral("target"), r.target},
                                   {QStringLiteral("answered"), r.answered},
                                   {QStringLiteral("rttUsec"), qint64(r.rttUsec)},
                                   {QStringLiteral("answeredBy"), r.answeredBy},
                                   {QStringLiteral("restored"), r.restored},
                                   {QStringLiteral("restoreUsec"), qint64(r.restoreUsec)},
                                   {QStringLiteral("summary"), r.summary}});
        } else {
            writeOut(r.summary + QLatin1Char('\n'));
        }
        // A gateway that did not answer through the backup, or a slave not restored, is what the
        // drill is there to find: a script sees it in the exit code.
        return r.answered && r.restored ? int(ExitOk) : int(ExitRefused);
    });
}

} // namespace bondctl
