// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A bond's state as GetBond, GetBonds and BondChanged carry it: BondInfo's map of what netlink
// reports of the bond and its slaves, completed from /proc/net/bonding with what netlink does not
// carry, plus the link's ifindex, adminUp, carrier, mac, mtu and addresses.
#pragma once

#include "LinkTable.h"

#include <QVariantMap>

#include <optional>

namespace bm::helper::BondState {

// /proc/net/bonding/<bond> parsed; empty when it could not be read or parsed.
std::optional<BondInfo> parseProc(const std::optional<QString> &procText);

// `links` holds the bond's slaves; `addresses` are the bond's as ADDR/LEN, link-local ones left
// out; `proc` is /proc/net/bonding/<bond> parsed (parseProc), fresh or as last read, for what
// netlink lacks: the driver version, each slave's speed, duplex, churn and LACPDU details, and
// the 802.3ad system data. From a /proc text read just now (`fresh`) each slave's speed and duplex
// are the kernel's word, whatever MII status netlink last told; from one read earlier they are
// taken only while the slave's MII status is the one /proc printed with them, so that a state
// read before the link changed shows no stale speed.
enum class Proc { Fresh, Earlier };
QVariantMap build(const LinkInfo &bond, const LinkTable &links, const QStringList &addresses,
                  const std::optional<BondInfo> &proc, Proc age);

// What the kernel shows only to readers with CAP_NET_ADMIN (the helper is one) taken out, for
// callers who are not root and for broadcast signals: the 802.3ad system and partner data
// ("ad"), each slave's LACPDU details, and the ad_actor_system, ad_actor_sys_prio and
// ad_user_port_key options.
QVariantMap withoutRootOnly(QVariantMap state);
// The same for /proc/net/bonding text: the lines bond_info_show_master() and
// bond_info_show_slave() print only under capable(CAP_NET_ADMIN) (the pairs of
// tests/fixtures/proc/lab/802.3ad-*.txt and *.unprivileged.txt).
QString withoutRootOnly(const QString &procText);

} // namespace bm::helper::BondState
