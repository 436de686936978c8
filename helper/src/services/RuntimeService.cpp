// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RuntimeService.h"

#include "ChangePlanner.h"
#include "ConfigDiff.h"
#include "ErrorNames.h"

#include <utility>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

// "NetworkManager", "NetworkManager or ifupdown", "NetworkManager, systemd-networkd or ifupdown".
QString alternatives(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" or ")
           + names.last();
}

} // namespace

RuntimeService::RuntimeService(ChangePlanner *planner, std::function<QStringList()> savers)
    : m_planner(planner)
    , m_savers(std::move(savers))
{ }

std::optional<SavedBond> RuntimeService::load(const QString &)
{
    return std::nullopt;
}

QStringList RuntimeService::unsaved(const BondConfig &) const
{
    // Nothing is saved at all, which persistence's backend "none" says once for the whole bond.
    return {};
}

QString RuntimeService::refusal(const BondConfig &config) const
{
    QStringList needs;
    if (config.ip.ipv4Method == Ipv4Method::Dhcp)
        needs << QStringLiteral("DHCP");
    if (config.ip.ipv6Method == Ipv6Method::Auto)
        needs << QStringLiteral("IPv6 autoconfiguration");
    if (config.ip.ipv6Method == Ipv6Method::Dhcp)
        needs << QStringLiteral("DHCPv6");
    if (needs.isEmpty())
        return QString();
    const QString what = needs.join(QStringLiteral(" and "));
    const QStringList savers = m_savers ? m_savers() : QStringList();
    if (savers.isEmpty())
        return QStringLiteral("%1 on %2 needs a network service to run it, and none that Bond Manager "
                              "can save a bond with (NetworkManager, systemd-networkd, ifupdown) is "
                              "available for it; use static addresses or leave the addresses off.")
                .arg(what, config.name);
    return QStringLiteral("%1 on %2 needs a network service to run it; save the bond with %3.")
            .arg(what, config.name, alternatives(savers));
}

Outcome RuntimeService::applyAddresses(const QString &bond, const IpConfig &current, const IpConfig &wanted)
{
    if (current == wanted)
        return std::nullopt;
    return Failure {E::InvalidArgument,
                    QStringLiteral("Addresses, gateways, DNS servers and the MTU of %1 can only be set "
                                   "while it is saved with a network service for now; save it with one "
                                   "first.")
                            .arg(bond)};
}

void RuntimeService::create(const BondConfig &config, Done done)
{
    if (const QString why = refusal(config); !why.isEmpty()) {
        done(Failure {E::InvalidArgument, why});
        return;
    }
    // Checked before the bond exists: nothing to undo when the addresses cannot be set.
    if (auto bad = applyAddresses(config.name, IpConfig(), config.ip)) {
        done(bad);
        return;
    }
    QVariantMap options = config.options;
    if (!config.primary.isEmpty())
        options.insert(QStringLiteral("primary"), config.primary);
    done(m_planner->createBond(config.name, options, config.slaves));
}

void RuntimeService::change(const BondConfig &current, const BondConfig &wanted, Done done)
{
    if (const QString why = refusal(wanted); !why.isEmpty()) {
        done(Failure {E::InvalidArgument, why});
        return;
    }
    const ConfigDiff diff = ConfigDiff::between(current, wanted);
    if (diff.ipChanged)
        if (auto bad = applyAddresses(wanted.name, current.ip, wanted.ip)) {
            done(bad);
            return;
        }
    done(m_planner->applyDiff(wanted.name, diff));
}

void RuntimeService::remove(const BondConfig &current, Done done)
{
    done(m_planner->deleteBond(current.name));
}

} // namespace bm::helper
