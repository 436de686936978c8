// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Qt types for the container signatures of the contract that QtDBus does not know by itself.
#pragma once

#include <QList>
#include <QVariantMap>

namespace BondManager {

using VariantMapList = QList<QVariantMap>; // aa{sv}

// Call once before the first call or signal that carries aa{sv} (both helper and clients).
void registerDBusTypes();

} // namespace BondManager
