// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Ownership.h"

namespace bm::helper {

namespace {

// The link states in which systemd-networkd has a .network file for the link and acts on it.
bool networkdConfigures(const InterfaceFacts &f)
{
    return f.networkdRunning
           && (f.networkdState == QLatin1String("configuring")
               || f.networkdState == QLatin1String("configured")
               || f.networkdState == QLatin1String("failed"));
}

bool nmManages(const InterfaceFacts &f)
{
    return f.nmRunning && f.nmManaged.value_or(false);
}

// "is managed by NetworkManager", "is configured in /etc/network/interfaces (ifupdown)", ...
QString claim(NetworkOwner owner, const InterfaceFacts &f)
{
    switch (owner) {
    case NetworkOwner::NetworkManager:
        return QStringLiteral("%1 is managed by NetworkManager").arg(f.name);
    case NetworkOwner::Networkd:
        return QStringLiteral("%1 is configured by systemd-networkd").arg(f.name);
    case NetworkOwner::Ifupdown:
        return QStringLiteral("%1 is configured in %2 (ifupdown)").arg(f.name, f.ifupdownFile);
    case NetworkOwner::Netplan:
        return QStringLiteral("%1 is configured by netplan in %2").arg(f.name, f.netplanFile);
    case NetworkOwner::None:
        break;
    }
    return QStringLiteral("no network service configures %1").arg(f.name);
}

QList<NetworkOwner> claimants(const InterfaceFacts &f)
{
    QList<NetworkOwner> owners;
    if (!f.netplanFile.isEmpty())
        owners << NetworkOwner::Netplan;
    if (nmManages(f))
        owners << NetworkOwner::NetworkManager;
    if (networkdConfigures(f))
        owners << NetworkOwner::Networkd;
    if (!f.ifupdownFile.isEmpty())
        owners << NetworkOwner::Ifupdown;
    return owners;
}

// Drops the subject from a claim: "managed by NetworkManager".
QString what(NetworkOwner owner, const InterfaceFacts &f)
{
    return claim(owner, f).mid(f.name.size() + 4);
}

} // namespace

QString networkOwnerName(NetworkOwner owner)
{
    switch (owner) {
    case NetworkOwner::None:
        return QStringLiteral("none");
    case NetworkOwner::NetworkManager:
        return QStringLiteral("NetworkManager");
    case NetworkOwner::Networkd:
        return QStringLiteral("systemd-networkd");
    case NetworkOwner::Ifupdown:
        return QStringLiteral("ifupdown");
    case NetworkOwner::Netplan:
        return QStringLiteral("netplan");
    }
    return QString();
}

bool OwnerDecision::canSave() const
{
    return !refused() && owner != NetworkOwner::None && owner != NetworkOwner::Netplan;
}

OwnerDecision decideOwner(const InterfaceFacts &facts)
{
    OwnerDecision d;
    const QList<NetworkOwner> owners = claimants(facts);
    d.owner = owners.value(0, NetworkOwner::None);
    d.reason = claim(d.owner, facts);
    for (int i = 1; i < owners.size(); ++i)
        d.warnings << QStringLiteral("%1 is also %2, which may undo what %3 saves")
                              .arg(facts.name, what(owners.at(i), facts), networkOwnerName(d.owner));
    // A slow service read as "not managed" would have the change made behind its back (by the
    // runtime service, or saved by another), which it then undoes or fights.
    if (!facts.unanswered.isEmpty())
        d.refusal = QStringLiteral("%1 did not answer in time whether %2 %3, so Bond Manager cannot "
                                   "tell which service keeps %3; try again")
                            .arg(facts.unanswered.join(QStringLiteral(" and ")),
                                 facts.unanswered.size() == 1 ? QStringLiteral("it configures")
                                                              : QStringLiteral("they configure"),
                                 facts.name);
    if (d.owner == NetworkOwner::Netplan)
        d.warnings << QStringLiteral("%1 is configured by netplan (%2); Bond Manager does not change "
                                     "netplan's files, so this change lasts only until netplan "
                                     "applies its configuration again, at the latest at the next boot")
                              .arg(facts.name, facts.netplanFile);
    return d;
}

OwnerDecision decideGroupOwner(const InterfaceFacts &bond, const QList<InterfaceFacts> &slaves)
{
    QList<InterfaceFacts> members {bond};
    members << slaves;
    QList<OwnerDecision> decisions;
    OwnerDecision result;
    int ownerIndex = -1;
    for (int i = 0; i < members.size(); ++i) {
        decisions << decideOwner(members.at(i));
        const OwnerDecision &d = decisions.last();
        if (d.refused()) {
            result.owner = d.owner;
            result.reason = d.reason;
            result.refusal = d.refusal;
            return result;
        }
        for (const QString &w : d.warnings) {
            if (!result.warnings.contains(w))
                result.warnings << w;
        }
        if (d.owner == NetworkOwner::None)
            continue;
        if (ownerIndex < 0) {
            ownerIndex = i;
            continue;
        }
        const OwnerDecision &first = decisions.at(ownerIndex);
        if (d.owner != first.owner) {
            result.owner = first.owner;
            result.refusal = QStringLiteral("%1 and its slaves must be saved by one network service, "
                                            "but %2 and %3")
                                     .arg(bond.name, first.reason, d.reason);
            return result;
        }
    }
    if (ownerIndex < 0) {
        result.owner = NetworkOwner::None;
        result.reason = QStringLiteral("no network service configures %1 or its slaves").arg(bond.name);
        result.warnings << QStringLiteral("no network service saves %1: the change lasts until the next boot")
                                   .arg(bond.name);
        return result;
    }
    result.owner = decisions.at(ownerIndex).owner;
    result.reason = decisions.at(ownerIndex).reason;
    if (result.owner == NetworkOwner::NetworkManager) {
        // NetworkManager cannot enslave a device it keeps unmanaged.
        for (const InterfaceFacts &m : std::as_const(members)) {
            if (m.nmRunning && m.nmManaged == false) {
                result.refusal = QStringLiteral("%1, but it does not manage %2; let NetworkManager "
                                                "manage %2 first")
                                         .arg(result.reason, m.name);
                break;
            }
        }
    }
    return result;
}

} // namespace bm::helper
