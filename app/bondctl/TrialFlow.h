// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A change as a trial: what Preview says moves is printed first; a change the helper insists on
// making a trial (or one given --confirm-within) goes through Try, and then on a terminal bondctl
// asks "Keep this change? [y/N]" until the deadline (Confirm in a new call, or Rollback), or with
// --no-ask (or no terminal) prints the trial's id and deadline and returns at once.
#pragma once

#include "CommandLine.h"
#include "HelperClient.h"

#include <functional>

namespace bondctl {

class HelperSession;

// The deadline where Preview says a trial is required and --confirm-within was not given.
inline constexpr uint DefaultConfirmWithin = 60;

// direct: the change as a plain call (no trial needed, or a helper without trials); succeeded:
// what to print once the change is made, from the call's own answer as Try passes it on.
using DirectChange = std::function<int()>;
using ChangeMade = std::function<int(const QVariantMap &result)>;
int applyChange(HelperSession &session, const Invocation &inv, const bm::HelperClient::WriteRequest &request,
                const DirectChange &direct, const ChangeMade &succeeded);

} // namespace bondctl
