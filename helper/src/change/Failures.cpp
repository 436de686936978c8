// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Failures.h"

#include "ErrorNames.h"
#include "OptionTable.h"

#include <cstring>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

Failure invalidArgument(const QStringList &phrases)
{
    QString text = phrases.join(QStringLiteral("; "));
    // Option names keep the kernel's spelling ("arp_interval only applies to ...",
    // "arp_ip_target: 'x' is not ..."): the first word is compared without its punctuation.
    qsizetype wordEnd = 0;
    while (wordEnd < text.size() && (text.at(wordEnd).isLetterOrNumber() || text.at(wordEnd) == u'_'))
        ++wordEnd;
    if (!text.isEmpty() && !OptionTable::find(QStringView(text).left(wordEnd)))
        text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return {E::InvalidArgument, text};
}

Failure noSuchBond(const QString &name)
{
    return {E::NoSuchBond, QStringLiteral("There is no bond named '%1'.").arg(name)};
}

Failure noSuchInterface(const QString &name)
{
    return {E::NoSuchInterface, QStringLiteral("There is no network interface named '%1'.").arg(name)};
}

Failure dumpFailed()
{
    return {E::KernelRefused,
            QStringLiteral("The kernel's list of network interfaces could not be read; try again.")};
}

Failure kernelRefused(const QString &step, const KernelResult &result)
{
    // The kernel's own words when it gave some, else the errno text.
    const QString why = !result.message.isEmpty() ? result.message
                                                  : QString::fromLocal8Bit(std::strerror(result.error));
    return {E::KernelRefused, QStringLiteral("The kernel refused to %1: %2.").arg(step, why)};
}

} // namespace bm::helper
