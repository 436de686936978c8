// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the services' suites share: sample bonds every service can save whole, the check that a
// service's option mapping covers the option table, a stub service, and fixture files under a
// temporary root.
#pragma once

#include "BondConfig.h"
#include "NetworkService.h"
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

// A service that does nothing but say who it is; load() finds `saved` only, as if saved in a file
// of ifupdown's.
class StubService : public bm::helper::NetworkService
{
public:
    explicit StubService(bm::helper::NetworkOwner owner)
        : m_owner(owner)
    { }
    bm::helper::NetworkOwner owner() const override { return m_owner; }
    std::optional<bm::helper::SavedBond> load(const QString &bond) override
    {
        if (bond != saved)
            return std::nullopt;
        bm::helper::SavedBond b;
        b.config.name = bond;
        b.where = bm::helper::Persistence::file(m_owner, s("/etc/network/interfaces.d/bond-manager-") + bond);
        return b;
    }
    QStringList unsaved(const bm::BondConfig &) const override { return {}; }
    QString refusal(const bm::BondConfig &) const override { return {}; }
    void create(const bm::BondConfig &, Done done) override { done(std::nullopt); }
    void change(const bm::BondConfig &, const bm::BondConfig &, Done done) override { done(std::nullopt); }
    void remove(const bm::BondConfig &, Done done) override { done(std::nullopt); }

    QString saved;

private:
    bm::helper::NetworkOwner m_owner;
};

// Writes `content` to root + path, creating folders.
void writeFile(const QString &root, const char *path, const QByteArray &content);

} // namespace fixtures
