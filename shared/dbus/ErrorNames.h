// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Names shared by the helper and its clients: the bus name, the object path and the typed D-Bus errors.
#pragma once

namespace BondManager::DBus {

inline constexpr char ServiceName[] = "org.bondmanager.Helper1";
inline constexpr char ObjectPath[] = "/org/bondmanager/Helper1";
inline constexpr char InterfaceName[] = "org.bondmanager.Helper1";

// polkit action ids, one per kind of change.
inline constexpr char ActionCreate[] = "org.bondmanager.bond.create";
inline constexpr char ActionModify[] = "org.bondmanager.bond.modify";
inline constexpr char ActionDelete[] = "org.bondmanager.bond.delete";

namespace Error {
inline constexpr char NotAuthorized[] = "org.bondmanager.Error.NotAuthorized";
inline constexpr char InvalidArgument[] = "org.bondmanager.Error.InvalidArgument";
inline constexpr char NoSuchBond[] = "org.bondmanager.Error.NoSuchBond";
inline constexpr char NoSuchInterface[] = "org.bondmanager.Error.NoSuchInterface";
inline constexpr char Busy[] = "org.bondmanager.Error.Busy";
// The message carries the kernel's own extack text when it gave one.
inline constexpr char KernelRefused[] = "org.bondmanager.Error.KernelRefused";
inline constexpr char BondingUnavailable[] = "org.bondmanager.Error.BondingUnavailable";
inline constexpr char ServiceRefused[] = "org.bondmanager.Error.ServiceRefused";
// The write touches an interface carrying addresses or routes: it must be made as a trial (Try).
inline constexpr char TrialRequired[] = "org.bondmanager.Error.TrialRequired";
inline constexpr char NoSuchTrial[] = "org.bondmanager.Error.NoSuchTrial";

// Every error above: the client's table of error kinds (app/client/ClientError.h) and the
// contract tests (tests/dbus/TestService.cpp) cover each.
inline constexpr const char *All[] = {
        NotAuthorized, InvalidArgument,    NoSuchBond,     NoSuchInterface, Busy,
        KernelRefused, BondingUnavailable, ServiceRefused, TrialRequired,   NoSuchTrial,
};
} // namespace Error

} // namespace BondManager::DBus
