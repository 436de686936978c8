// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// For tests that go over every bonding option: a mode in which the option applies and a value the
// option table accepts for it, spelled as a user types it.
#pragma once

#include "BondTypes.h"
#include "OptionTable.h"

#include <QString>

namespace OptionSamples {

// A mode in which the option applies, so that only the value decides.
inline QString modeFor(const bm::OptionSpec &spec)
{
    for (int m = 0; m < bm::BondModeCount; ++m) {
        if (spec.validIn(bm::BondMode(m)))
            return bm::bondModeName(bm::BondMode(m));
    }
    return QString();
}

inline QString goodValue(const bm::OptionSpec &spec)
{
    if (spec.isEnum())
        return QLatin1String(spec.valueNames.last());
    switch (spec.kind) {
    case bm::OptionKind::IfIndex:
        return QStringLiteral("eth0");
    case bm::OptionKind::Ipv4List:
        return QStringLiteral("192.0.2.1,192.0.2.2");
    case bm::OptionKind::Ipv6List:
        return QStringLiteral("2001:db8::1");
    case bm::OptionKind::Mac:
        return QStringLiteral("02:00:00:00:00:01");
    default:
        return QString::number(spec.max);
    }
}

} // namespace OptionSamples
