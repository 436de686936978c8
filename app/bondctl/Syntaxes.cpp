// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Command.h"
#include "Commands.h"
#include "HelperCommands.h"
#include "TextTable.h"

namespace bondctl {

const QList<Syntax> &helperSyntaxes()
{
    static const QList<Syntax> table = [] {
        const QStringList bond {QStringLiteral("BOND")};
        const QStringList bondIf {QStringLiteral("BOND"), QStringLiteral("IF")};
        QList<Syntax> s;
        //        command         positionals  opt  flags  slave  clear  json   write  address saveWith trial
        s << Syntax {"list", {}, 0, false, false, false, true, false, false, false};
        s << Syntax {"show", bond, 0, false, false, false, true, false, false, false};
        s << Syntax {"interfaces", {}, 0, false, false, false, true, false, false, false};
        s << Syntax {"counters", bond, 0, false, false, false, true, false, false, false};
        s << Syntax {"create", bond, 0, true, true, false, false, true, true, true, true};
        s << Syntax {"delete", bond, 0, false, false, false, false, true, false, false, true};
        s << Syntax {"set", bond, 0, true, false, false, false, true, false, false, true};
        s << Syntax {"set-ip", bond, 0, false, false, false, false, true, true, false, true};
        s << Syntax {"save", bond, 0, false, false, false, false, true, false, true, true};
        s << Syntax {"restore", bond, 0, false, false, false, false, true, false, false, true};
        s << Syntax {"add-slave", bondIf, 0, false, false, false, false, true, false, false, true};
        s << Syntax {"remove-slave", bondIf, 0, false, false, false, false, true, false, false, true};
        s << Syntax {"primary", bondIf, 0, false, false, true, false, true, false, false, true};
        s << Syntax {"activate", bondIf, 0, false, false, false, false, true, false, false, true};
        s << Syntax {"drill", bond, 0, false, false, false, true, true, false, false};
        s << Syntax {"monitor", bond, 1, false, false, false, true, false, false, false};
        const QStringList id {QStringLiteral("ID")};
        s << Syntax {"confirm", id, 1, false, false, false, false, true, false, false};
        s << Syntax {"rollback", id, 1, false, false, false, false, true, false, false};
        s << Syntax {"trials", {}, 0, false, false, false, true, false, false, false};
        return s;
    }();
    return table;
}

const Syntax *syntaxFor(const QString &command)
{
    for (const Syntax &s : helperSyntaxes()) {
        if (command == QLatin1String(s.command))
            return &s;
    }
    return nullptr;
}

bool prepare(const QStringList &args, const char *command, Invocation *invocation, int *exitCode)
{
    const Syntax *syntax = syntaxFor(QLatin1String(command));
    Q_ASSERT(syntax);
    *invocation = parseCommandLine(args, *syntax);
    if (invocation->help) {
        const Command *c = findCommand(QLatin1String(command));
        writeOut(helpText(*syntax, c ? c->summary : ""));
        *exitCode = ExitOk;
        return false;
    }
    if (!invocation->ok()) {
        printError(invocation->error);
        *exitCode = ExitUsage;
        return false;
    }
    return true;
}

} // namespace bondctl
