// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What went wrong in a call to the helper, as a client acts on it, and the one table from the
// D-Bus error names to these kinds that HelperClient maps every error reply through.
#pragma once

#include "ErrorNames.h"

#include <QStringView>

#include <optional>

namespace bm {

enum class ClientError {
    None,
    NotAuthorized,   // polkit said no (or the user cancelled)
    InvalidArgument, // the helper found the request malformed
    NoSuchBond,
    NoSuchInterface,
    Busy,               // an interface the request needs is taken (already in another bond)
    KernelRefused,      // the message carries the kernel's own words
    BondingUnavailable, // this kernel has no bonding driver
    ServiceRefused,     // the network service keeping the bond refused; the message says why
    TrialRequired,      // the change touches an interface carrying the host's addresses: try it
    NoSuchTrial,        // the trial is no longer pending (confirmed, rolled back) or never was
    Unreachable,        // no helper: not installed, not started, crashed, no bus, timed out
    Failed,             // anything else
};

struct ErrorKind {
    const char *name; // a D-Bus error name
    ClientError kind;
};

// Every error of ErrorNames.h, and the bus's own refusals. Errors of the bus about reaching the
// helper at all (Unreachable) go by QDBusError's type instead, in CallError::from().
inline constexpr ErrorKind ErrorKinds[] = {
        {BondManager::DBus::Error::NotAuthorized, ClientError::NotAuthorized},
        {BondManager::DBus::Error::InvalidArgument, ClientError::InvalidArgument},
        {BondManager::DBus::Error::NoSuchBond, ClientError::NoSuchBond},
        {BondManager::DBus::Error::NoSuchInterface, ClientError::NoSuchInterface},
        {BondManager::DBus::Error::Busy, ClientError::Busy},
        {BondManager::DBus::Error::KernelRefused, ClientError::KernelRefused},
        {BondManager::DBus::Error::BondingUnavailable, ClientError::BondingUnavailable},
        {BondManager::DBus::Error::ServiceRefused, ClientError::ServiceRefused},
        {BondManager::DBus::Error::TrialRequired, ClientError::TrialRequired},
        {BondManager::DBus::Error::NoSuchTrial, ClientError::NoSuchTrial},
        // The bus policy (not polkit) turned the call away.
        {"org.freedesktop.DBus.Error.AccessDenied", ClientError::NotAuthorized},
        {"org.freedesktop.DBus.Error.InteractiveAuthorizationRequired", ClientError::NotAuthorized},
};

// The kind ErrorKinds gives the name; empty for a name not in it.
std::optional<ClientError> errorKindOf(QStringView name);

namespace detail {
constexpr bool sameName(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}

constexpr bool mapsEveryHelperError()
{
    for (const char *name : BondManager::DBus::Error::All) {
        bool found = false;
        for (const ErrorKind &entry : ErrorKinds)
            found = found || sameName(entry.name, name);
        if (!found)
            return false;
    }
    return true;
}
} // namespace detail

static_assert(detail::mapsEveryHelperError(),
              "every error of ErrorNames.h needs its ClientError in ErrorKinds");

} // namespace bm
