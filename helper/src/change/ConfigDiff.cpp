// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ConfigDiff.h"

#include "OptionTable.h"

namespace bm::helper {

namespace {

bool sameValue(const QString &name, const QVariant &a, const QVariant &b)
{
    const OptionSpec *spec = OptionTable::find(name);
    if (spec && spec->isList()) {
        QStringList x = a.toStringList();
        QStringList y = b.toStringList();
        x.sort();
        y.sort();
        return x == y;
    }
    // uint from one side and a number of another type from the other still compare by value.
    return a == b || (a.toString() == b.toString() && !a.toString().isEmpty());
}

} // namespace

ConfigDiff ConfigDiff::between(const BondConfig &current, const BondConfig &wanted)
{
    ConfigDiff diff;
    for (auto it = wanted.options.cbegin(); it != wanted.options.cend(); ++it) {
        const auto have = current.options.constFind(it.key());
        if (have == current.options.cend() || !sameValue(it.key(), have.value(), it.value()))
            diff.options.insert(it.key(), it.value());
    }
    for (const QString &slave : current.slaves)
        if (!wanted.slaves.contains(slave))
            diff.removeSlaves << slave;
    for (const QString &slave : wanted.slaves)
        if (!current.slaves.contains(slave))
            diff.addSlaves << slave;
    if (current.primary != wanted.primary)
        diff.primary = wanted.primary;
    diff.ipChanged = current.ip != wanted.ip;
    return diff;
}

} // namespace bm::helper
