// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NetlinkAttributes.h"

#include <QByteArray>

#include <netlink/attr.h>

#include <arpa/inet.h>
#include <cstring>

namespace bm::helper::NetlinkAttributes {

std::optional<quint32> u32(nlattr *a)
{
    if (!a || nla_len(a) < 4)
        return std::nullopt;
    return nla_get_u32(a);
}

std::optional<quint32> u16(nlattr *a)
{
    if (!a || nla_len(a) < 2)
        return std::nullopt;
    return nla_get_u16(a);
}

std::optional<quint32> u8(nlattr *a)
{
    if (!a || nla_len(a) < 1)
        return std::nullopt;
    return nla_get_u8(a);
}

QString str(nlattr *a)
{
    if (!a || nla_len(a) < 1)
        return {};
    const char *data = static_cast<const char *>(nla_data(a));
    return QString::fromUtf8(data, int(strnlen(data, size_t(nla_len(a)))));
}

QString mac(nlattr *a)
{
    if (!a || nla_len(a) <= 0)
        return {};
    return QString::fromLatin1(QByteArray(static_cast<const char *>(nla_data(a)), nla_len(a)).toHex(':'));
}

QString addressText(int family, const void *bytes)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (!inet_ntop(family, bytes, text, sizeof text))
        return {};
    return QString::fromLatin1(text);
}

} // namespace bm::helper::NetlinkAttributes
