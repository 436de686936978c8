// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialScope.h"

#include "BondConfig.h"

#include <QVariantMap>

namespace bm::helper {

TrialScope scopeOf(const QString &call, const QVariantList &arguments)
{
    TrialScope scope;
    const auto arg = [&](int i) { return arguments.value(i); };
    if (call == QLatin1String("CreateBond")) {
        scope.bond = arg(0).toString();
        scope.enslaved = arg(2).toStringList();
        scope.touched = scope.enslaved;
        scope.creates = true;
    } else if (call == QLatin1String("CreateConfiguredBond")) {
        const BondConfig config = BondConfig::fromVariantMap(arg(0).toMap());
        scope.bond = config.name;
        scope.enslaved = config.slaves;
        scope.touched = config.slaves;
        scope.creates = true;
    } else if (call == QLatin1String("SetIpConfig") || call == QLatin1String("DeleteBond")
               || call == QLatin1String("RestoreSaved")) {
        scope.bond = arg(0).toString();
        scope.touched = {scope.bond};
    } else if (call == QLatin1String("SetOptions")) {
        scope.bond = arg(0).toString();
        const QVariantMap options = arg(1).toMap();
        if (options.contains(QStringLiteral("mode")))
            scope.touched = {scope.bond};
    } else if (call == QLatin1String("AddSlave")) {
        scope.bond = arg(0).toString();
        scope.enslaved = {arg(1).toString()};
        // A bond that carries the host's connection is touched by a new slave too: its MAC and
        // active slave may change.
        scope.touched = {arg(1).toString(), scope.bond};
    } else if (call == QLatin1String("RemoveSlave")) {
        scope.bond = arg(0).toString();
        scope.touched = {arg(1).toString(), scope.bond};
    } else {
        // SaveBond, SetPrimary, SetActiveSlave: nothing the contract counts.
        scope.bond = arg(0).toString();
    }
    return scope;
}

} // namespace bm::helper
