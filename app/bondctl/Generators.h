// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The man page and the bash completion, generated at build time from the command and option
// tables (hidden options `bondctl --generate-man [FILE]`, `--generate-bash-completion [FILE]`),
// so they cannot drift from what bondctl accepts.
#pragma once

#include <QString>
#include <QStringList>

namespace bondctl {

QString manPage();
QString bashCompletion();

// Write to FILE, or stdout without one. Exit code.
int runGenerateMan(const QStringList &args);
int runGenerateBashCompletion(const QStringList &args);

} // namespace bondctl
