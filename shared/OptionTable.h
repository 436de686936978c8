// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The one table of bonding options the kernel exposes over rtnetlink (IFLA_BOND_*). It drives
// netlink encoding in the helper (attribute + kind give the width), validation, bondctl's flags
// and the GUI's fields. Facts come from drivers/net/bonding/bond_options.c (names, limits, modes,
// flags), bond_netlink.c (attribute widths) and iproute2's ip/iplink_bond.c (spelling).
#pragma once

#include "BondTypes.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace bm {

// How the value travels in its netlink attribute.
enum class OptionKind : quint8 {
    U8,       // nla_put_u8
    U16,      // nla_put_u16
    U32,      // nla_put_u32
    IfIndex,  // u32 ifindex; users give an interface name, "" clears
    Ipv4List, // nested, one be32 per target (attribute type = position), at most 16
    Ipv6List, // nested, one in6_addr per target, at most 16
    Mac,      // binary, ETH_ALEN bytes
};

enum class OptionUnit : quint8 { None, Milliseconds, Seconds };

// Bit (1 << int(BondMode)) set when the kernel accepts the option in that mode.
using ModeMask = quint8;
inline constexpr ModeMask modeBit(BondMode m)
{
    return ModeMask(1u << int(m));
}
inline constexpr ModeMask AllModes = 0x7f;

// What the kernel demands of the bond before it changes an option: its BOND_OPTFLAG_* bits.
enum class OptionFlag : quint8 {
    NeedsNoSlaves = 0x1, // BOND_OPTFLAG_NOSLAVES: refused with ENOTEMPTY while it has slaves
    NeedsDown = 0x2,     // BOND_OPTFLAG_IFDOWN: refused with EBUSY while the bond is up
};
Q_DECLARE_FLAGS(OptionFlags, OptionFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(OptionFlags)

struct OptionSpec {
    const char *name; // as `ip link ... type bond` spells it
    const char *key;  // camelCase key in BondInfo::toVariantMap and JSON
    int attribute;    // IFLA_BOND_* number
    OptionKind kind;
    OptionUnit unit;
    quint32 min; // for numbers (enum options: 0 .. count-1)
    quint32 max;
    ModeMask modes;                 // modes in which the kernel accepts it (else EACCES)
    OptionFlags flags;              // when the kernel accepts a change (else ENOTEMPTY or EBUSY)
    QList<const char *> valueNames; // enum names in kernel order: index = value on the wire
    QList<const char *> aliases;    // other spellings accepted on input (sysfs, older ip)
    const char *help;               // marked QT_TRANSLATE_NOOP("BondOption", ...): translate with
                                    // QCoreApplication::translate("BondOption", help)

    bool isEnum() const { return !valueNames.isEmpty(); }
    bool isNumber() const; // U8/U16/U32 without value names
    bool isList() const { return kind == OptionKind::Ipv4List || kind == OptionKind::Ipv6List; }
    bool validIn(BondMode mode) const { return modes & modeBit(mode); }
    bool needsDown() const { return flags.testFlag(OptionFlag::NeedsDown); }
    bool needsNoSlaves() const { return flags.testFlag(OptionFlag::NeedsNoSlaves); }
    QString unitSuffix() const; // "ms", "s" or ""
    // The number an enum name stands for (its index), or nothing.
    std::optional<quint32> enumValue(QStringView valueName) const;
    // The kernel's name of an enum value, or null.
    QString enumName(quint32 value) const;
};

// Maximum number of arp_ip_target / ns_ip6_target entries (BOND_MAX_ARP_TARGETS).
inline constexpr int MaxTargets = 16;

namespace OptionTable {

const QList<OptionSpec> &all();
// By `ip` name or alias ("num_grat_arp", "num_unsol_na", "peer_notif_delay", ...).
const OptionSpec *find(QStringView name);
const OptionSpec *findByKey(QStringView key);
const OptionSpec *findByAttribute(int attribute);

struct ParsedValue {
    QVariant value; // normalised; invalid when error is set
    QString error;  // one sentence a person can act on
    bool ok() const { return error.isEmpty(); }
};

// One value from user input or an already typed QVariant into the normalised form:
// enum -> QString (kernel name; numbers accepted), number -> uint, IfIndex -> QString interface
// name ("" = clear), lists -> QStringList (canonical addresses, from a comma/space separated
// string or a list), Mac -> QString lower-case "aa:bb:cc:dd:ee:ff".
ParsedValue parseValue(const OptionSpec &spec, const QVariant &input);
ParsedValue parseValue(QStringView name, const QVariant &input);

// The value a new bond has when nobody sets the option (the driver's bonding_defaults with the
// module loaded without parameters), normalised as parseValue() gives it: what comes back at boot
// when no service sets the option.
QVariant kernelDefault(const OptionSpec &spec);

// The number that goes on the wire for a normalised enum or number value (not for IfIndex,
// lists or MACs). Empty when the value is not normalised.
std::optional<quint32> wireNumber(const OptionSpec &spec, const QVariant &normalised);

// What the kernel needs to know about the bond to accept a change.
struct Context {
    QVariantMap current; // the bond's current options (normalised), empty when creating
    bool hasSlaves = false;
    bool isUp = false;
};

struct Validation {
    QStringList errors;     // the kernel would refuse (or the request contradicts itself)
    QStringList warnings;   // accepted, but the kernel changes or ignores something
    QVariantMap normalised; // the requested options, normalised, when there are no errors
    bool ok() const { return errors.isEmpty(); }
};

// Checks a whole requested change (option name -> value, from user input or typed) against the
// table and the bond's state. Pass only options that change: options needing the bond down or
// without slaves are reported even when the value equals the current one, except mode.
Validation validate(const QVariantMap &requested, const Context &context = {});

} // namespace OptionTable
} // namespace bm
