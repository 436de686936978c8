// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Value types for a bond and its slaves as the kernel reports them (over rtnetlink or in
// /proc/net/bonding/<bond>), and for the interfaces that could become slaves. One representation
// travels everywhere: toVariantMap() gives the a{sv} sent over D-Bus and, through
// QJsonObject::fromVariantMap, the JSON of `bondctl`; clients read the maps back through
// fromVariantMap() only.
#pragma once

#include "BondLink.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

class QDBusArgument;

namespace bm {

// Numbering is the kernel's (BOND_MODE_* in include/uapi/linux/if_bonding.h).
enum class BondMode : quint8 {
    BalanceRr = 0,
    ActiveBackup = 1,
    BalanceXor = 2,
    Broadcast = 3,
    Ieee8023ad = 4,
    BalanceTlb = 5,
    BalanceAlb = 6,
};
inline constexpr int BondModeCount = 7;

// Kernel numbering of BOND_LINK_*; Unknown is what bond_slave_link_status() prints for anything else.
enum class MiiStatus : quint8 {
    Up = 0,
    GoingDown = 1,
    Down = 2,
    GoingBack = 3,
    Unknown = 255,
};

// Kernel numbering of BOND_STATE_*.
enum class SlaveState : quint8 {
    Active = 0,
    Backup = 1,
};

// The kernel's own spelling: "balance-rr", "active-backup", ..., "802.3ad", "balance-alb".
QString bondModeName(BondMode mode);
std::optional<BondMode> bondModeFromName(QStringView name);
// The long description /proc prints after "Bonding Mode:", e.g. "fault-tolerance (active-backup)".
QString bondModeDescription(BondMode mode);

// "up", "going down", "down", "going back", "unknown".
QString miiStatusName(MiiStatus status);
std::optional<MiiStatus> miiStatusFromName(QStringView name);
std::optional<MiiStatus> miiStatusFromKernel(int value);

// "active", "backup".
QString slaveStateName(SlaveState state);
std::optional<SlaveState> slaveStateFromName(QStringView name);

// A key of one of these maps and the D-Bus signature its value travels as. The lists of keys are
// the contract's: TestBondTypes holds toVariantMap() to them, TestService the helper, and the
// helper's XML (shared/dbus/org.bondmanager.Helper1.xml) documents each.
struct MapKey {
    const char *name;
    const char *signature;
};

struct SlaveInfo {
    QString name;
    MiiStatus miiStatus = MiiStatus::Unknown;
    std::optional<SlaveState> state; // rtnetlink only; /proc does not print it
    std::optional<quint32> linkFailureCount;
    std::optional<quint32> speedMbps; // empty when the kernel says Unknown
    QString duplex;                   // "full", "half", or null when unknown
    QString permHwAddr;               // lower-case, colon separated
    std::optional<quint32> queueId;
    std::optional<qint32> prio; // rtnetlink only (IFLA_BOND_SLAVE_PRIO)
    // 802.3ad
    std::optional<quint32> aggregatorId; // empty when "N/A" or not 802.3ad
    std::optional<quint32> actorOperPortState;
    std::optional<quint32> partnerOperPortState;
    QString actorChurnState; // "monitoring", "none", "churned", ...
    QString partnerChurnState;
    std::optional<quint32> actorChurnedCount;
    std::optional<quint32> partnerChurnedCount;
    // "details actor/partner lacp pdu:" (root only): systemPriority, systemMac, portKey or
    // operKey, portPriority, portNumber, portState.
    QVariantMap actorLacpPdu;
    QVariantMap partnerLacpPdu;
    QStringList extra; // lines of this slave's section not understood

    // Every key toVariantMap() may give. Unknown values are left out (D-Bus cannot carry a null
    // variant).
    static const QList<MapKey> &keys();
    QVariantMap toVariantMap() const;
    static SlaveInfo fromVariantMap(const QVariantMap &map);
    friend bool operator==(const SlaveInfo &a, const SlaveInfo &b);
    friend bool operator!=(const SlaveInfo &a, const SlaveInfo &b) { return !(a == b); }
};

struct BondInfo {
    QString name;          // null when the source does not say (a /proc file rarely does)
    QString driverVersion; // "6.1.0-18-amd64", "3.7.1 (April 27, 2011)", ...
    // Every bonding option known, keyed by its OptionTable name ("mode", "miimon", "primary",
    // "arp_ip_target", ...), holding the normalised value OptionTable::parseValue produces: enum
    // options as the kernel's name (QString), numbers as uint, address lists as QStringList,
    // interface names and MACs as QString. Options the source does not report are absent.
    QVariantMap options;
    MiiStatus miiStatus = MiiStatus::Unknown;
    // 802.3ad bond-level data: systemPriority, systemMac, and for the active aggregator
    // aggregatorId, numPorts, actorKey, partnerKey, partnerMac; activeAggregator false when the
    // kernel says "bond X has no active aggregator".
    QVariantMap ad;
    QList<SlaveInfo> slaves;
    QStringList extra; // bond-section lines not understood, kept verbatim
    // The helper's additions to the map (BondLink.h); toVariantMap() and fromVariantMap() leave
    // them to the helper and the client (HelperClient reads them with BondLink::fromVariantMap).
    BondLink link;

    std::optional<BondMode> mode() const;
    QString activeSlave() const; // null when none
    QString primary() const;     // null when none

    // Every key toVariantMap() may give: name, driverVersion, miiStatus, ad, slaves (each a
    // SlaveInfo map), extra, and one key per known option spelled as OptionSpec::key (mode,
    // activeSlave, primary, miimonMs, arpTargets, ...): enums, interface names and MACs as
    // strings, numbers as uint, address lists as string lists.
    static const QList<MapKey> &keys();
    // The keys of the bond's own link that the helper adds to its map (GetBond, GetBonds,
    // BondChanged), spelled as CandidateInfo spells them (mtu, which candidates do not carry,
    // aside); fromVariantMap() does not read them.
    static const QList<MapKey> &linkKeys();
    // The keys of where the bond is kept that the helper adds to its map (persistence, ip,
    // drift; shared/dbus/org.bondmanager.Helper1.xml); fromVariantMap() does not read them.
    static const QList<MapKey> &savedKeys();
    QVariantMap toVariantMap() const;
    static BondInfo fromVariantMap(const QVariantMap &map);
    friend bool operator==(const BondInfo &a, const BondInfo &b);
    friend bool operator!=(const BondInfo &a, const BondInfo &b) { return !(a == b); }
};

// A network interface that could become a slave, as the helper's ListCandidates reports it. On
// the bus it is a struct, (sisbbssasbsa{sv}), its fields in the order below: unlike a bond's map,
// a list of every link of the host, whose a{sv} form cost most of the call (3 230 variants for the
// bench's 323 links; docs/performance/issue-17-2026-12-02.md).
struct CandidateInfo {
    QString name;
    int ifindex = 0;
    QString kind;         // IFLA_INFO_KIND: "veth", "bond", ...; empty for plain Ethernet
    bool adminUp = false; // IFF_UP
    bool carrier = false; // IFF_LOWER_UP
    QString mac;
    QString master;            // the device it is enslaved to; empty when free
    QStringList addresses;     // "192.0.2.1/24", "2001:db8::1/64"
    bool defaultRoute = false; // carries the default route: enslaving it cuts connectivity
    QString gateway;           // the IPv4 gateway of that default route; empty when none
    // What a later helper adds without changing the struct's signature; empty today. A client
    // skips the keys it does not know.
    QVariantMap extra;

    // Every field, in the struct's order, with its signature (extra: a{sv}).
    static const QList<MapKey> &keys();
    // The fields by name (bondctl's JSON); extra only when it is not empty.
    QVariantMap toVariantMap() const;
    static CandidateInfo fromVariantMap(const QVariantMap &map);
    friend bool operator==(const CandidateInfo &a, const CandidateInfo &b);
    friend bool operator!=(const CandidateInfo &a, const CandidateInfo &b) { return !(a == b); }
};

// The struct of ListCandidates (registered by BondManager::registerDBusTypes()).
QDBusArgument &operator<<(QDBusArgument &argument, const CandidateInfo &candidate);
const QDBusArgument &operator>>(const QDBusArgument &argument, CandidateInfo &candidate);

} // namespace bm

Q_DECLARE_METATYPE(bm::CandidateInfo)
