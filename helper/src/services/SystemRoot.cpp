// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SystemRoot.h"

namespace bm::helper::SystemRoot {

namespace {

QString &prefix()
{
    static QString value;
    return value;
}

} // namespace

QString path(const QString &systemPath)
{
    return prefix() + systemPath;
}

QString systemPath(const QString &realPath)
{
    if (!prefix().isEmpty() && realPath.startsWith(prefix() + QLatin1Char('/')))
        return realPath.mid(prefix().size());
    return realPath;
}

void setForTesting(const QString &newPrefix)
{
    QString p = newPrefix;
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    prefix() = p;
}

} // namespace bm::helper::SystemRoot
