// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Command.h"

#include <cstdio>

namespace bondctl {

void printError(const QString &message)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    std::fprintf(stderr, "bondctl: %s\n", line.toLocal8Bit().constData());
}

} // namespace bondctl
