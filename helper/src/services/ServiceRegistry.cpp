// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServiceRegistry.h"

#include "ErrorNames.h"
#include "OwnershipProbe.h"

#include <utility>

namespace bm::helper {

namespace E = BondManager::DBus::Error;

namespace {

// Ownership.h's phrases start with an interface's name, which keeps the kernel's spelling, or
// with "no network service ...".
QString capitalised(QString phrase)
{
    if (phrase.startsWith(QLatin1String("no ")))
        phrase[0] = QLatin1Char('N');
    return phrase;
}

} // namespace

QString asSentence(QString phrase)
{
    phrase = capitalised(phrase);
    if (!phrase.isEmpty() && !phrase.endsWith(QLatin1Char('.')))
        phrase += QLatin1Char('.');
    return phrase;
}

ServiceRegistry::ServiceRegistry(const QDBusConnection &systemBus, std::unique_ptr<NetworkService> runtime)
    : m_bus(systemBus)
    , m_watcher(std::make_unique<QDBusServiceWatcher>(OwnershipProbe::NetworkManagerBusName, systemBus,
                                                      QDBusServiceWatcher::WatchForOwnerChange))
{
    add(std::move(runtime));
    m_watcher->addWatchedService(OwnershipProbe::NetworkdBusName);
    // Before the first NameHasOwner there is nothing to follow: that call reads the names afresh.
    QObject::connect(m_watcher.get(), &QDBusServiceWatcher::serviceOwnerChanged, m_watcher.get(),
                     [this](const QString &name, const QString &, const QString &newOwner) {
                         if (!m_followed)
                             return;
                         if (name == OwnershipProbe::NetworkManagerBusName)
                             m_followed->networkManager = !newOwner.isEmpty();
                         else if (name == OwnershipProbe::NetworkdBusName)
                             m_followed->networkd = !newOwner.isEmpty();
                     });
}

ServiceRegistry::~ServiceRegistry() = default;

OwnershipProbe::BusNames ServiceRegistry::followedBusNames() const
{
    if (m_followed)
        return *m_followed;
    // A bus daemon too busy to answer is asked again next time rather than believed.
    const OwnershipProbe::BusNames names = OwnershipProbe::busNames(m_bus);
    if (names.answered)
        m_followed = names;
    return names;
}

void ServiceRegistry::add(std::unique_ptr<NetworkService> service)
{
    const NetworkOwner owner = service->owner();
    m_services[owner] = std::move(service);
}

NetworkService *ServiceRegistry::service(NetworkOwner owner) const
{
    const auto it = m_services.find(owner);
    return it == m_services.end() ? nullptr : it->second.get();
}

std::optional<NetworkOwner> ServiceRegistry::ownerOfSaveWith(const QString &saveWith)
{
    for (NetworkOwner owner :
         {NetworkOwner::None, NetworkOwner::NetworkManager, NetworkOwner::Networkd, NetworkOwner::Ifupdown})
        if (saveWith == saveWithName(owner) || saveWith == networkOwnerName(owner))
            return owner;
    return std::nullopt;
}

QString ServiceRegistry::saveWithName(NetworkOwner owner)
{
    // The contract's spelling; networkOwnerName() says "systemd-networkd" to users.
    return owner == NetworkOwner::Networkd ? QStringLiteral("networkd") : networkOwnerName(owner);
}

OwnerDecision ServiceRegistry::decide(const QString &bond, const QStringList &slaves, int probeTimeoutMs,
                                      Names names) const
{
    QList<InterfaceFacts> facts;
    InterfaceFacts bondFacts;
    bondFacts.name = bond;
    facts << bondFacts;
    for (const QString &s : slaves) {
        InterfaceFacts f;
        f.name = s;
        facts << f;
    }
    OwnershipProbe::addFileFacts(&facts);
    OwnershipProbe::BusNames onBus;
    if (names == Names::AskedNow) {
        onBus = OwnershipProbe::busNames(m_bus, probeTimeoutMs);
        // What the write saw is newer than anything followed so far.
        if (onBus.answered)
            m_followed = onBus;
    } else {
        onBus = followedBusNames();
    }
    OwnershipProbe::addBusFacts(&facts, m_bus, onBus, probeTimeoutMs);
    m_nmRunning = facts.constFirst().nmRunning;
    m_networkdRunning = facts.constFirst().networkdRunning;
    return decideGroupOwner(facts.takeFirst(), facts);
}

Outcome ServiceRegistry::whyNotAvailable(NetworkOwner owner) const
{
    const QString name = networkOwnerName(owner);
    if (!service(owner))
        return Failure {E::ServiceRefused,
                        QStringLiteral("Bond Manager cannot save bonds with %1 yet; choose another "
                                       "service or keep the bond until the next boot only.")
                                .arg(name)};
    const bool running = owner == NetworkOwner::NetworkManager ? m_nmRunning
                         : owner == NetworkOwner::Networkd     ? m_networkdRunning
                                                               : true;
    if (!running)
        return Failure {E::ServiceRefused,
                        QStringLiteral("%1 is not running on this host; start it, or choose another "
                                       "service to save the bond with.")
                                .arg(name)};
    if (const QString why = service(owner)->whyNotInstalled(); !why.isEmpty())
        return Failure {E::ServiceRefused,
                        QStringLiteral("%1; install it, or choose another service to save the bond with.")
                                .arg(capitalised(why))};
    return std::nullopt;
}

ServiceRegistry::Choice ServiceRegistry::choose(const QString &bond, const QStringList &slaves,
                                                const QString &saveWith) const
{
    return choose(decide(bond, slaves, WriteProbeTimeoutMs, Names::AskedNow), saveWith);
}

ServiceRegistry::Choice ServiceRegistry::choose(const OwnerDecision &decision, const QString &saveWith) const
{
    Choice choice;
    choice.decision = decision;
    const auto refuse = [&](Failure failure) {
        choice.refusal = std::move(failure);
        return choice;
    };
    if (decision.refused())
        return refuse({E::ServiceRefused, asSentence(decision.refusal)});
    const NetworkOwner owner = decision.owner;
    if (saveWith.isEmpty()) {
        // netplan regenerates the other services' files from its own: a change is made, but for
        // this boot only (the decision's warning says so).
        if (owner == NetworkOwner::None || owner == NetworkOwner::Netplan) {
            choice.service = runtime();
            return choice;
        }
        if (auto why = whyNotAvailable(owner))
            return refuse(*why);
        choice.service = service(owner);
        return choice;
    }
    const std::optional<NetworkOwner> named = ownerOfSaveWith(saveWith);
    if (!named)
        return refuse({E::InvalidArgument,
                       QStringLiteral("'%1' is not a network service Bond Manager saves bonds with; "
                                      "use NetworkManager, networkd, ifupdown or none.")
                               .arg(saveWith)});
    if (*named == NetworkOwner::None) {
        // No service makes a change by rtnetlink on links it manages without undoing it.
        if (owner != NetworkOwner::None && owner != NetworkOwner::Netplan)
            return refuse({E::ServiceRefused,
                           QStringLiteral("%1; change it there, or it would undo a change made for this "
                                          "boot only.")
                                   .arg(capitalised(decision.reason))});
        choice.service = runtime();
        return choice;
    }
    if (owner == NetworkOwner::Netplan)
        return refuse({E::ServiceRefused,
                       QStringLiteral("%1; Bond Manager does not change netplan's files, so it cannot "
                                      "save the bond with %2.")
                               .arg(capitalised(decision.reason), networkOwnerName(*named))});
    if (owner != NetworkOwner::None && owner != *named)
        return refuse(
                {E::ServiceRefused, QStringLiteral("%1, so the bond cannot be saved with %2.")
                                            .arg(capitalised(decision.reason), networkOwnerName(*named))});
    if (auto why = whyNotAvailable(*named))
        return refuse(*why);
    choice.service = service(*named);
    return choice;
}

QStringList ServiceRegistry::couldSave(const OwnerDecision &decision) const
{
    QStringList names;
    for (const auto &[owner, service] : m_services) {
        if (owner == NetworkOwner::None)
            continue;
        const QString name = saveWithName(owner);
        if (choose(decision, name).service)
            names << name;
    }
    return names;
}

std::pair<NetworkService *, std::optional<SavedBond>> ServiceRegistry::load(const QString &bond) const
{
    for (const auto &[owner, service] : m_services) {
        if (owner == NetworkOwner::None)
            continue;
        if (owner == NetworkOwner::NetworkManager && !followedBusNames().networkManager)
            continue;
        if (std::optional<SavedBond> saved = service->load(bond))
            return {service.get(), std::move(saved)};
    }
    return {nullptr, std::nullopt};
}

} // namespace bm::helper
