// The checks of a request that need no kernel state: they say the same whoever asks and whatever
// the kernel holds.
#pragma once

#include "Outcome.h"

namespace bm::helper::RequestChecks {

// An interface name the kernel would accept (and that stays inside /proc/net/bonding).
Outcome name(const QString &name);

} // namespace bm::helper::RequestChecks
