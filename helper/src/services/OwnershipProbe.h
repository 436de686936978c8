// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Gathers the facts Ownership.h decides on. The file facts (ifupdown's interfaces files, netplan's
// YAML) are read under SystemRoot and tested on fixtures; the bus facts ask NetworkManager and
// systemd-networkd over the system bus without ever starting either of them.
#pragma once

#include "Ownership.h"

#include <QDBusConnection>
#include <QMap>

namespace bm::helper::OwnershipProbe {

// Every interface an interfaces(5) file that ifupdown reads configures: named by an `iface`
// stanza or in a bond's bond-slaves (or ifenslave's older `slaves`), mapped to the first such file
// (host path). "lo" and stanzas that are only templates for `inherits` count too.
QMap<QString, QString> ifupdownInterfaces();

// The netplan YAML file (/etc/netplan, /run/netplan, /lib/netplan: *.yaml, as netplan reads them)
// that names `iface` as a word outside comments; null when none does. Matches by glob or MAC
// address (`match:`) are not seen.
QString netplanFile(const QString &iface);

// Fills ifupdownFile and netplanFile of each.
void addFileFacts(QList<InterfaceFacts> *facts);

// The two services' well-known names on the system bus.
inline const QString NetworkManagerBusName = QStringLiteral("org.freedesktop.NetworkManager");
inline const QString NetworkdBusName = QStringLiteral("org.freedesktop.network1");

// Whether each service has its well-known name on the bus.
struct BusNames {
    bool networkManager = false;
    bool networkd = false;
    bool answered = true; // false when a NameHasOwner got no answer (and said "not on the bus")
};
// NameHasOwner for both (no activation); a call that fails or times out says "not on the bus".
BusNames busNames(const QDBusConnection &bus, int timeoutMs = 2000);

// Fills the bus facts of each: for NetworkManager, when `names` has it on the bus,
// GetDeviceByIpIface and the device's Managed property, for networkd GetLinkByName and the link's
// AdministrativeState. Calls carry NoAutoStart and time out after `timeoutMs`; a service whose
// call timed out is named in `unanswered`.
void addBusFacts(QList<InterfaceFacts> *facts, const QDBusConnection &bus, const BusNames &names,
                 int timeoutMs = 2000);
// The same with the names asked now.
void addBusFacts(QList<InterfaceFacts> *facts, const QDBusConnection &bus, int timeoutMs = 2000);

} // namespace bm::helper::OwnershipProbe
