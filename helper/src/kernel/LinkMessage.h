// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Decoding of RTM_NEWLINK (and RTM_DELLINK) messages into LinkInfo: the link, its bond options
// in OptionTable's normalised form, and a bond slave's IFLA_INFO_SLAVE_DATA.
#pragma once

#include "KernelBackend.h"

#include <QHash>

struct nlmsghdr;

namespace bm::helper::LinkMessage {

// Interface-index options (primary, active_slave) are resolved through `names` (ifindex -> name).
// A message too short for its header gives a LinkInfo with ifindex 0.
LinkInfo parse(nlmsghdr *hdr, const QHash<int, QString> &names);

} // namespace bm::helper::LinkMessage
