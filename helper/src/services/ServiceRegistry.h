// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The network services the helper can keep bonds with, one per owner, and the choice among them
// for a write: who owns the bond and its slaves (Ownership.h, facts from OwnershipProbe: files
// and NameHasOwner on the system bus, never starting a service), or the service the caller named
// (saveWith, shared/dbus/org.bondmanager.Helper1.xml). The runtime service (owner None) is always
// there; the others are plugged in with add().
#pragma once

#include "NetworkService.h"
#include "Outcome.h"

#include "OwnershipProbe.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>

#include <map>
#include <memory>

namespace bm::helper {

class ServiceRegistry
{
public:
    // `runtime` is the service of owner None (RuntimeService).
    ServiceRegistry(const QDBusConnection &systemBus, std::unique_ptr<NetworkService> runtime);
    ~ServiceRegistry();

    // Takes `service` as the one for its owner(), replacing any earlier one.
    void add(std::unique_ptr<NetworkService> service);
    // Null when none is registered for `owner`.
    NetworkService *service(NetworkOwner owner) const;
    NetworkService *runtime() const { return service(NetworkOwner::None); }

    // saveWith as the contract spells it ("NetworkManager", "networkd", "ifupdown", "none") and
    // back; "" (the owner's) and unknown names give nothing.
    static std::optional<NetworkOwner> ownerOfSaveWith(const QString &saveWith);
    static QString saveWithName(NetworkOwner owner);

    // Whether NetworkManager and systemd-networkd are on the bus: asked with NameHasOwner once,
    // then followed by NameOwnerChanged, so that a read (GetBond reads where its bond is saved on
    // every call) costs no round trip for it.
    OwnershipProbe::BusNames followedBusNames() const;

    // How decide() knows whether the services are on the bus: as followed (reads), or asked now
    // (writes, which must not act on a NameOwnerChanged still in the queue).
    enum class Names { Followed, AskedNow };
    // The one owner of `bond` and `slaves`, from facts gathered now; each service's answer is
    // waited for at most `probeTimeoutMs`.
    OwnerDecision decide(const QString &bond, const QStringList &slaves, int probeTimeoutMs = 2000,
                         Names names = Names::Followed) const;
    // How long a write waits for each service's answer: longer than a read, since a write that
    // cannot tell the owner is refused (a busy host answers slowly).
    static constexpr int WriteProbeTimeoutMs = 10000;

    struct Choice {
        NetworkService *service = nullptr; // null when refused
        OwnerDecision decision;            // of the interfaces, whatever saveWith said
        Outcome refusal;                   // ServiceRefused (or InvalidArgument for a bad saveWith)
    };
    // The service a write on `bond` with `slaves` goes through. saveWith "": the owner's, the
    // runtime one when nothing owns them (or netplan does: its files are not ours to change, the
    // decision warns); "none": the runtime one; a service's name: that service, when it is
    // registered, running, and no other service owns these interfaces.
    Choice choose(const QString &bond, const QStringList &slaves, const QString &saveWith) const;
    // The same for a decision made already (choose() gathers the facts itself).
    Choice choose(const OwnerDecision &decision, const QString &saveWith) const;
    // The saveWith names of the services other than the runtime one that choose() would give for
    // these interfaces now: what persistence's saveWith offers for a bond saved nowhere.
    QStringList couldSave(const OwnerDecision &decision) const;
    // The saved configuration of `bond`, from the first registered service that holds one, with
    // that service; {nullptr, nothing} when none does. NetworkManager is not asked while it is off
    // the bus (followedBusNames()): its profiles are only read through it.
    std::pair<NetworkService *, std::optional<SavedBond>> load(const QString &bond) const;

private:
    // Whether the service of `owner` can run now, by the facts of `decision`'s interfaces.
    Outcome whyNotAvailable(NetworkOwner owner) const;

    QDBusConnection m_bus;
    std::map<NetworkOwner, std::unique_ptr<NetworkService>> m_services;
    // Follows both names from construction on; m_followed is set by the first followedBusNames().
    std::unique_ptr<QDBusServiceWatcher> m_watcher;
    mutable std::optional<OwnershipProbe::BusNames> m_followed;
    // From the last decide(): whether NetworkManager and systemd-networkd were on the bus.
    mutable bool m_nmRunning = false;
    mutable bool m_networkdRunning = false;
};

// A phrase of Ownership.h ("eth0 is managed by NetworkManager") as a sentence for a user: ends
// with a full stop, and starts with a capital unless it starts with an interface's name.
QString asSentence(QString phrase);

} // namespace bm::helper
