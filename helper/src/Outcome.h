// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What a request comes to: nothing when it was done, else a Failure. The checks and the writes
// (change/) return it, the D-Bus facade (dbus/Service) turns it into the reply.
#pragma once

#include <QString>

#include <optional>

namespace bm::helper {

// A typed D-Bus error: name from ErrorNames.h, one sentence a user can act on.
struct Failure {
    const char *name;
    QString text;
};
using Outcome = std::optional<Failure>;

} // namespace bm::helper
