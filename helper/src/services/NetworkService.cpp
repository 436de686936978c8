// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NetworkService.h"

namespace bm::helper {

IpConfig withCarriedAddresses(const IpConfig &ip, const IpConfig &carried)
{
    IpConfig out = ip;
    if (carried.ipv4Method != Ipv4Method::Off) {
        out.ipv4Method = carried.ipv4Method;
        out.ipv4Addresses = carried.ipv4Addresses;
        out.ipv4Gateway = carried.ipv4Gateway;
    }
    // Router advertisements reach every interface by themselves: only a configured family counts.
    if (carried.ipv6Method == Ipv6Method::Static || carried.ipv6Method == Ipv6Method::Dhcp) {
        out.ipv6Method = carried.ipv6Method;
        out.ipv6Addresses = carried.ipv6Addresses;
        out.ipv6Gateway = carried.ipv6Gateway;
    }
    for (const QString &server : carried.dnsServers)
        if (!out.dnsServers.contains(server))
            out.dnsServers << server;
    for (const QString &domain : carried.dnsSearch)
        if (!out.dnsSearch.contains(domain))
            out.dnsSearch << domain;
    return out;
}

void NetworkService::stageTrial(const TrialWrite &write, Done done)
{
    switch (write.kind) {
    case TrialWrite::Kind::Create:
        return create(write.wanted, std::move(done));
    case TrialWrite::Kind::Change:
        return change(write.current, write.wanted, std::move(done));
    case TrialWrite::Kind::Remove:
        return remove(write.current, std::move(done));
    }
}

void NetworkService::commitTrial(const QString &, Done done)
{
    done(std::nullopt);
}

void NetworkService::discardTrial(const QString &, Done done)
{
    done(std::nullopt);
}

QVariantMap NetworkService::trialJournal(const QString &) const
{
    return {};
}

void NetworkService::discardJournalled(const QVariantMap &, Done done)
{
    done(std::nullopt);
}

} // namespace bm::helper
