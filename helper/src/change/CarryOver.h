// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Carry-over for a bond kept by the kernel alone (runtime only): a slave that carried addresses
// or routes (Carrying) before it was enslaved gives them to its bond, and its MAC too, so that a
// DHCP server sees the client it knows. A network service carries them over in what it saves
// instead. The earlier state comes back by the trial's rollback (TrialSnapshot::restore).
#pragma once

#include "CarryPlan.h"
#include "Outcome.h"
#include "TrialSnapshot.h"

namespace bm::helper::CarryOver {

// Moves what `slave` held before (its state in the trial's snapshot) onto `bond`, which it is a
// slave of by now, as far as `plan` carries it: the MAC, the bond up, then the addresses (every one taken off
// the slave, which keeps its IPv4 ones when enslaved), then the routes, those without a gateway
// first.
Outcome apply(KernelBackend *kernel, const LinkState &slave, const QString &bond, const CarryPlan &plan);

} // namespace bm::helper::CarryOver
