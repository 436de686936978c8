// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Readers of netlink attributes that check the length the kernel sent instead of trusting it:
// empty when the attribute is missing or too short.
#pragma once

#include <QString>

#include <optional>

struct nlattr;

namespace bm::helper::NetlinkAttributes {

std::optional<quint32> u32(nlattr *a);
std::optional<quint32> u16(nlattr *a);
std::optional<quint32> u8(nlattr *a);
// A NUL-terminated string, cut at the attribute's end when the NUL is missing.
QString str(nlattr *a);
// Hardware address bytes as "aa:bb:..".
QString mac(nlattr *a);
// inet_ntop's canonical text (RFC 5952 for IPv6) of an AF_INET or AF_INET6 address.
QString addressText(int family, const void *bytes);

} // namespace bm::helper::NetlinkAttributes
