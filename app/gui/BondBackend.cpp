// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondBackend.h"

namespace bm::gui {

void BondBackend::counters(const QString &, CountersDone done)
{
    done({}, {ClientError::Failed, QString(), QStringLiteral("this host reports no traffic counters")});
}

} // namespace bm::gui
