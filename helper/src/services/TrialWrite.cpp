// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrialWrite.h"

#include "Carrying.h"
#include "KernelBackend.h"

namespace bm::helper {

namespace {

const QString KindKey = QStringLiteral("kind");
const QString CurrentKey = QStringLiteral("current");
const QString WantedKey = QStringLiteral("wanted");
const QString CarriedKey = QStringLiteral("carriedFrom");
const QString MacKey = QStringLiteral("mac");

} // namespace

TrialWrite TrialWrite::of(Kind kind, const BondConfig &current, const BondConfig &wanted,
                          KernelBackend *kernel)
{
    TrialWrite write {kind, current, wanted, {}, {}};
    if (kind == Kind::Remove)
        return write;
    const auto links = kernel->dumpLinks();
    const auto addresses = kernel->dumpAddresses();
    const auto routes = kernel->dumpRoutes();
    if (!links || !addresses || !routes)
        return write;
    for (const QString &slave : wanted.slaves) {
        if (current.slaves.contains(slave))
            continue;
        for (const LinkInfo &link : *links) {
            if (link.name != slave || !Carrying::of(slave, link.ifindex, *addresses, *routes).any())
                continue;
            write.carriedFrom = slave;
            if (write.carry().mac)
                write.mac = link.mac;
            return write;
        }
    }
    return write;
}

QJsonObject TrialWrite::toJson() const
{
    return {{KindKey, int(kind)},
            {CurrentKey, QJsonObject::fromVariantMap(current.toVariantMap())},
            {WantedKey, QJsonObject::fromVariantMap(wanted.toVariantMap())},
            {CarriedKey, carriedFrom},
            {MacKey, mac}};
}

TrialWrite TrialWrite::fromJson(const QJsonObject &json)
{
    TrialWrite write;
    write.kind = Kind(json.value(KindKey).toInt());
    write.current = BondConfig::fromVariantMap(json.value(CurrentKey).toObject().toVariantMap());
    write.wanted = BondConfig::fromVariantMap(json.value(WantedKey).toObject().toVariantMap());
    write.carriedFrom = json.value(CarriedKey).toString();
    write.mac = json.value(MacKey).toString();
    return write;
}

} // namespace bm::helper
