// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// JSON shapes bondctl prints, shared by its commands.
#pragma once

#include "BondTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bondctl {

// The `bondctl parse` object of docs/architecture.md §7: BondInfo::toVariantMap() with every contract key
// present (null where the source does not say) and MII status "unknown" shown as null.
QJsonObject parseJson(const bm::BondInfo &bond);

// The `bondctl show` object: parseJson() with the helper's link keys (mac, mtu, addresses, ip,
// persistence, drift); ip and persistence null and drift empty when the helper does not say.
QJsonObject showJson(const bm::BondInfo &bond);

// One JSON document and a newline on stdout.
void writeJson(const QJsonObject &object);
void writeJsonArray(const QJsonArray &array);

} // namespace bondctl
