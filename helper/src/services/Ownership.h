// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Which network service owns an interface, decided from facts gathered elsewhere (the probers in
// OwnershipProbe.h), so that the rules can be tested without any service running. A bond and its
// slaves must share one owner: a change is saved through that owner or, when there is none, lasts
// only until the next boot.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bm::helper {

enum class NetworkOwner : quint8 { None, NetworkManager, Networkd, Ifupdown, Netplan };

// "none", "NetworkManager", "systemd-networkd", "ifupdown", "netplan".
QString networkOwnerName(NetworkOwner owner);

struct InterfaceFacts {
    QString name;
    bool nmRunning = false;        // org.freedesktop.NetworkManager has an owner on the bus
    std::optional<bool> nmManaged; // NM's Device.Managed; empty when NM has no such device
    bool networkdRunning = false;  // org.freedesktop.network1 has an owner on the bus
    QString networkdState;         // the link's AdministrativeState; empty when unknown
    QString ifupdownFile;          // the interfaces(5) file that configures it, if any
    QString netplanFile;           // the netplan YAML that names it, if any
    // The services that did not answer in time whether they manage it ("systemd-networkd"): their
    // facts above are unknown, not "no".
    QStringList unanswered;
};

struct OwnerDecision {
    NetworkOwner owner = NetworkOwner::None;
    QString reason;       // why: "eth0 is managed by NetworkManager"
    QStringList warnings; // said to the user but no reason to refuse
    QString refusal;      // set when the change must not go ahead (bond and slaves disagree)

    bool refused() const { return !refusal.isEmpty(); }
    // Whether the change can be saved through the owner (not for netplan, nor without an owner).
    bool canSave() const;
};

// The owner of one interface: netplan when its YAML names it (it regenerates the others' files),
// then NetworkManager when it manages the device, systemd-networkd when it configures the link,
// ifupdown when an interfaces(5) stanza names it; none otherwise. Any further claimant is a
// warning. A service that did not answer is a refusal: it may be the owner.
OwnerDecision decideOwner(const InterfaceFacts &facts);

// The one owner of a bond and its slaves. Interfaces without an owner join the others' (a new
// bond does not exist yet); two different owners are refused with a sentence naming both, and so
// is NetworkManager as owner when it keeps one of them unmanaged, and any member whose own
// decision is refused.
OwnerDecision decideGroupOwner(const InterfaceFacts &bond, const QList<InterfaceFacts> &slaves);

} // namespace bm::helper
