// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A bond saved as NetworkManager 1.42 profiles: the connection settings (a{sa{sv}}) of the bond
// profile (bond.options from the option table, ipv4/ipv6 from IpConfig, the MTU in
// 802-3-ethernet) and of one port profile per slave, for Settings.AddConnection2 and
// Connection.Update2; and a bond profile with its ports (Connection.GetSettings) read back into a
// BondConfig. Property names and types are those of nm-settings-dbus(5) for 1.42: ports use
// connection.master and connection.slave-type ("controller" and "port-type" came with 1.46).
#pragma once

#include "BondConfig.h"
#include "change/CarryPlan.h"
#include "OptionMapping.h"

#include <QMap>
#include <QVariantMap>

namespace bm::helper {

using NmConnection = QMap<QString, QVariantMap>; // setting name -> properties

namespace NmSettings {

// Every option of the option table with its bond.options key (the sysfs names), or why none.
const QList<OptionMapping> &optionMappings();

QString bondProfileId(const QString &bond);                      // "bond0"
QString portProfileId(const QString &bond, const QString &port); // "bond0-port-eth0"

struct BondProfile {
    NmConnection settings;
    QStringList unsaved; // options NetworkManager 1.42 cannot save: live until the next boot
};
// The bond profile for `config` (assumed valid), with the given UUID.
BondProfile bondProfile(const BondConfig &config, const QString &uuid);
// `existing` (a bond profile as Connection.GetSettings gives it, through fromDBus) with what
// bondProfile(config) sets put in place, for Connection.Update2 (which replaces the whole profile):
// the interface name, autoconnect, the bond options, the ipv4/ipv6 method, addresses, gateway and
// DNS, the MTU. The rest stays as whoever made the profile left it: its id and UUID, routes, other
// settings.
BondProfile updatedBondProfile(const NmConnection &existing, const BondConfig &config);
// Carry-over (issue 15): `bond` (a bond profile) with what `plan` takes of `carrier`, the profile
// that gave a slave its addresses: the ipv4 or ipv6 settings of each family it carries (method,
// addresses, gateway, routes: all of them, so that DHCP stays DHCP), the DNS settings when it
// carries DNS, and, when `mac` is set, that MAC as the bond's
// (802-3-ethernet.assigned-mac-address). Deprecated spellings NetworkManager hands out next to
// the current ones are left out.
NmConnection withCarriedIp(const NmConnection &bond, const NmConnection &carrier, const QString &mac,
                           const CarryPlan &plan);
// `profile` with connection.autoconnect off: a profile on its way out during a trial.
NmConnection withoutAutoconnect(const NmConnection &profile);

// A port profile: no ipv4/ipv6 settings, the bond's interface name as its master.
NmConnection portProfile(const QString &bond, const QString &port, const QString &uuid,
                         const QString &portType = QStringLiteral("802-3-ethernet"));

// Settings as QtDBus hands them over (nested containers as QDBusArgument) in plain Qt types:
// a{ss} -> QMap<QString, QString>, aa{sv} -> QList<QVariantMap>, au -> QList<uint>,
// aay -> QList<QByteArray>, a{sv} -> QVariantMap.
NmConnection fromDBus(const NmConnection &settings);

bool isBondProfile(const NmConnection &settings);
QString interfaceName(const NmConnection &settings);
QString uuid(const NmConnection &settings);
// The controller a bond port names (an interface name or a profile's UUID); null otherwise.
QString portController(const NmConnection &settings);

// The bond profile back into a config; its slaves are the interfaces of the port profiles among
// `profiles` whose controller is the bond's interface name or UUID (in the order given).
BondConfig parseBondProfile(const NmConnection &bond, const QList<NmConnection> &profiles,
                            QStringList *problems = nullptr);

// Marshalling for NmConnection and the container types above; call once before a D-Bus call.
void registerDBusTypes();

} // namespace NmSettings
} // namespace bm::helper
