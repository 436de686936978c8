// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Persistence.h"

namespace bm::helper {

Persistence Persistence::networkManager(const QString &profile, const QString &uuid)
{
    Persistence p;
    p.backend = NetworkOwner::NetworkManager;
    p.profile = profile;
    p.uuid = uuid;
    return p;
}

Persistence Persistence::file(NetworkOwner backend, const QString &path)
{
    Persistence p;
    p.backend = backend;
    p.location = path;
    return p;
}

QVariantMap Persistence::toVariantMap() const
{
    QVariantMap map {{QStringLiteral("backend"), networkOwnerName(backend)}};
    if (!location.isEmpty())
        map.insert(QStringLiteral("location"), location);
    if (!profile.isEmpty())
        map.insert(QStringLiteral("profile"), profile);
    if (!uuid.isEmpty())
        map.insert(QStringLiteral("uuid"), uuid);
    if (pending)
        map.insert(QStringLiteral("pending"), true);
    return map;
}

} // namespace bm::helper
