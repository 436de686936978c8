// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// How bonds and interfaces look to people in bondctl's output: the tiles' information as text.
#pragma once

#include "BondTypes.h"
#include "HelperClient.h"

#include <QString>
#include <QStringList>

namespace bondctl {

// "100 ms", "192.0.2.1, 192.0.2.2", "(none)" for an empty interface or list.
QString formatOption(const char *name, const QVariant &value);
// "eth0 up*, eth1 down": * marks the active slave.
QString slaveSummary(const bm::BondInfo &bond);
// The `list` table: one row per bond.
QStringList listTable(const QList<bm::BondInfo> &bonds, int width);
// The `show` text: the bond, its options, its slaves as a table.
QStringList showText(const bm::BondInfo &bond, int width);
// Where the bond is kept: "saved in NetworkManager (profile bond0, uuid …)", "saved in FILE
// (networkd)" (with " once confirmed" while a pending trial holds it aside), "not saved: gone
// after a reboot"; empty when the helper does not say (an older one).
QString persistenceText(const bm::BondPersistence &persistence);
// The lines under persistenceText: the services that could save it, options left unsaved, warnings.
QStringList persistenceNotes(const bm::BondPersistence &persistence, const QString &bond);
// "IPv4 static 192.0.2.10/24 via 192.0.2.1; IPv6 auto; DNS 192.0.2.53; search example.org; MTU 9000".
QString ipText(const bm::IpConfig &ip);
// The `interfaces` table.
QStringList interfacesTable(const QList<bm::CandidateInfo> &candidates, int width);

} // namespace bondctl
