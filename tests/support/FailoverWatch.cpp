// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FailoverWatch.h"

#include "DBusTypes.h"
#include "ErrorNames.h"
#include "helper1_proxy.h"

#include <algorithm>

FailoverWatch::FailoverWatch(const QDBusConnection &bus)
{
    BondManager::registerDBusTypes();
    m_proxy = std::make_unique<HelperProxy>(QLatin1String(BondManager::DBus::ServiceName),
                                            QLatin1String(BondManager::DBus::ObjectPath), bus);
    connect(m_proxy.get(), &HelperProxy::Failover, this,
            [this](const QString &, const QString &from, const QString &to) { sent << from + u'>' + to; });
    connect(m_proxy.get(), &HelperProxy::ChangesGathered, this,
            [this](const BondManager::VariantMapList &failovers) {
                mostGathered = std::max(mostGathered, int(failovers.size()));
                for (const QVariantMap &map : failovers) {
                    const auto f = BondManager::GatheredFailover::fromVariantMap(map);
                    sent << f.oldActive + u'>' + f.newActive;
                }
            });
    // The signal matches are in place once a call has gone through after connect().
    m_proxy->BondingAvailable().waitForFinished();
}

FailoverWatch::~FailoverWatch() = default;
