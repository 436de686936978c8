// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Bonds as the kernel reports them, for the widget tests.
#pragma once

#include "BondTypes.h"
#include "SampleBackend.h"

namespace bm::test {

inline SlaveInfo slave(const QString &name, MiiStatus mii, std::optional<SlaveState> state = {})
{
    SlaveInfo s;
    s.name = name;
    s.miiStatus = mii;
    s.state = state;
    s.linkFailureCount = 3;
    s.speedMbps = 1000;
    s.duplex = QStringLiteral("full");
    s.permHwAddr = QStringLiteral("52:54:00:00:00:01");
    return s;
}

inline BondInfo bond(const QString &mode, QList<SlaveInfo> slaves = {})
{
    BondInfo b;
    b.name = QStringLiteral("bond0");
    b.miiStatus = MiiStatus::Up;
    b.options.insert(QStringLiteral("mode"), mode);
    b.options.insert(QStringLiteral("miimon"), 100u);
    b.slaves = std::move(slaves);
    return b;
}

// The same with every other option the driver knows at its default, as a kernel reports it.
inline BondInfo reportedBond(const QString &mode, QList<SlaveInfo> slaves = {})
{
    BondInfo b = bond(mode, std::move(slaves));
    b.options = gui::SampleBackend::withDriverDefaults(b.options);
    return b;
}

} // namespace bm::test
