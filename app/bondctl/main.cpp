// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bondctl: command-line client for Bond Manager. Dispatches to the commands in Commands.cpp.
#include "Command.h"
#include "Commands.h"
#include "CommandLine.h"
#include "Generators.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

void printUsage(FILE *out)
{
    std::fprintf(out, "usage: bondctl COMMAND [ARGUMENTS]\n\ncommands:\n");
    for (const bondctl::Command &c : bondctl::commands())
        std::fprintf(out, "  %s %s\n      %s\n", c.name, c.synopsis, c.summary);
    std::fprintf(out, "\nbefore or after the command: --host [USER@]HOST or --lab (where the helper "
                      "is), --json (reads),\n--no-ask (changes: never ask for a password); "
                      "'bondctl COMMAND --help' for its options\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bondctl"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    bondctl::hoistGlobalOptions(args); // bondctl --host h list == bondctl list --host h

    if (args.isEmpty()) {
        printUsage(stderr);
        return bondctl::ExitUsage;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(stdout);
        return bondctl::ExitOk;
    }
    // Hidden: run at build time to make the man page and the completion (Generators.h).
    if (name == QLatin1String("--generate-man"))
        return bondctl::runGenerateMan(args);
    if (name == QLatin1String("--generate-bash-completion"))
        return bondctl::runGenerateBashCompletion(args);
    const bondctl::Command *command = bondctl::findCommand(name);
    if (!command) {
        bondctl::printError(QStringLiteral("unknown command '%1'; see 'bondctl --help'").arg(name));
        return bondctl::ExitUsage;
    }
    return command->run(args);
}
