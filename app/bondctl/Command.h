// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What every bondctl command looks like to the dispatcher in main.cpp.
#pragma once

#include <QString>
#include <QStringList>

namespace bondctl {

// Exit codes shared by all commands (issue 6).
enum ExitCode : int {
    ExitOk = 0,
    ExitRefused = 1, // the helper or the kernel said no
    ExitUsage = 2,   // bad arguments or unusable input
    ExitNotAuthorized = 3,
    ExitUnreachable = 4, // helper unreachable or bonding unavailable
};

struct Command {
    const char *name;
    const char *synopsis; // arguments, as shown by --help
    const char *summary;  // one line, as shown by --help
    // Arguments after the command name. Writes its errors as one line on stderr.
    int (*run)(const QStringList &args);
};

// Writes "bondctl: <message>" as one line on stderr.
void printError(const QString &message);

} // namespace bondctl
