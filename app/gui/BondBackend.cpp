// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondBackend.h"

namespace bm::gui {

void BondBackend::counters(const QString &, CountersDone done)
{
    done({}, {ClientError::Failed, QString(), QStringLiteral("this host reports no traffic counters")});
}

void BondBackend::drill(const QString &, DrillDone done)
{
    done({}, {ClientError::Failed, QString(), tr("This host cannot test a failover.")});
}

} // namespace bm::gui
