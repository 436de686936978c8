// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the services' suites share: sample bonds every service can save whole, the check that a
// service's option mapping covers the option table, and fixture files under a temporary root.
#pragma once

#include "BondConfig.h"
#include "OptionMapping.h"

#include <QByteArray>
#include <QString>

namespace fixtures {

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// bond0: active-backup with options all three services save, slaves eth0 and eth1 (primary eth1),
// two static IPv4 and two static IPv6 addresses with gateways, DNS, a search domain, MTU 9000.
bm::BondConfig activeBackupStatic();
// bond1: 802.3ad over eth2 and eth3, DHCP for IPv4 and IPv6.
bm::BondConfig lacpDhcp();

// Every table option appears once, each either with a key or with a reason; `values` are enum
// values of the option. Fails the running test otherwise.
void verifyCoversOptionTable(const QList<bm::helper::OptionMapping> &table);

// Writes `content` to root + path, creating folders.
void writeFile(const QString &root, const char *path, const QByteArray &content);

} // namespace fixtures
