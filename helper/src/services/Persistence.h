// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Where a bond is saved: which network service brings it back at boot and where that service keeps
// it (a NetworkManager profile, a file), for the window to show next to the drift.
#pragma once

#include "Ownership.h"

#include <QVariantMap>

namespace bm::helper {

struct Persistence {
    NetworkOwner backend = NetworkOwner::None;
    QString location; // the file (networkd: the .netdev; ifupdown: the file with its stanza)
    QString profile;  // NetworkManager: the profile's id
    QString uuid;     // NetworkManager: the profile's UUID
    // Staged by a pending trial (ServiceTrial.h): saved there once the trial is confirmed; until
    // then gone after a reboot.
    bool pending = false;

    static Persistence networkManager(const QString &profile, const QString &uuid);
    static Persistence file(NetworkOwner backend, const QString &path);

    bool isSaved() const { return backend != NetworkOwner::None; }
    // Keys: backend (networkOwnerName), and location, profile, uuid where known, pending when set.
    QVariantMap toVariantMap() const;
};

} // namespace bm::helper
