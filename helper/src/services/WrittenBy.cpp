// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WrittenBy.h"

namespace bm::helper {

namespace {

constexpr const char Prefix[] = "# Written by Bond Manager for ";

} // namespace

QByteArray writtenByComment(const QString &bond)
{
    return QByteArray(Prefix) + bond.toUtf8()
           + ". Bond Manager rewrites this file whenever the bond is changed there; edits made here "
             "are replaced then.\n";
}

bool isWrittenByUs(const QByteArray &content)
{
    return content.startsWith(Prefix);
}

} // namespace bm::helper
