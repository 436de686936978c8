// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The bondctl commands that talk to the helper (issue 6). Each takes the arguments after its
// name and returns the exit code (Command.h); syntaxFor() is what --help, the man page and the
// bash completion are generated from.
#pragma once

#include "CommandLine.h"

#include <QList>
#include <QStringList>

namespace bondctl {

int runList(const QStringList &args);
int runShow(const QStringList &args);
int runInterfaces(const QStringList &args);
int runCounters(const QStringList &args);
int runCreate(const QStringList &args);
int runDelete(const QStringList &args);
int runSet(const QStringList &args);
int runSetIp(const QStringList &args);
int runSave(const QStringList &args);
int runRestore(const QStringList &args);
int runAddSlave(const QStringList &args);
int runRemoveSlave(const QStringList &args);
int runPrimary(const QStringList &args);
int runActivate(const QStringList &args);
int runDrill(const QStringList &args);
int runMonitor(const QStringList &args);
int runConfirm(const QStringList &args);
int runRollback(const QStringList &args);
int runTrials(const QStringList &args);

// The syntax of each helper command, in the order --help lists them.
const QList<Syntax> &helperSyntaxes();
const Syntax *syntaxFor(const QString &command);

// Parses args for the named command. On --help prints the help and sets *exitCode to 0; on a
// usage error prints it and sets *exitCode to 2. Returns whether the command should go on.
bool prepare(const QStringList &args, const char *command, Invocation *invocation, int *exitCode);

} // namespace bondctl
