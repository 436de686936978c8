// A bond's state as GetBond, GetBonds and BondChanged carry it: BondInfo's map of what netlink
// reports of the bond and its slaves, completed from /proc/net/bonding with what netlink does not
// carry, plus the link's ifindex, adminUp, carrier and mac.
#pragma once

#include "LinkTable.h"

#include <QVariantMap>

#include <optional>

namespace bm::helper::BondState {

// `links` holds the bond's slaves; procText is /proc/net/bonding/<bond> when it could be read.
QVariantMap build(const LinkInfo &bond, const LinkTable &links, const std::optional<QString> &procText);

} // namespace bm::helper::BondState
