// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "IpAddress.h"

#include <arpa/inet.h>

namespace bm {

namespace {

bool hostBits(const IpPrefix &prefix, bool ones)
{
    const int total = prefix.address.bitCount();
    for (int bit = prefix.length; bit < total; ++bit) {
        const bool set = quint8(prefix.address.bytes.at(bit / 8)) & (0x80 >> (bit % 8));
        if (set != ones)
            return false;
    }
    return true;
}

} // namespace

std::optional<IpAddress> IpAddress::parse(QStringView text)
{
    if (text.isEmpty() || text.size() > INET6_ADDRSTRLEN)
        return std::nullopt;
    const QByteArray latin = text.toLatin1();
    IpAddress result;
    if (!text.contains(u':')) {
        in_addr v4 {};
        if (inet_pton(AF_INET, latin.constData(), &v4) != 1)
            return std::nullopt;
        result.family = Family::V4;
        result.bytes = QByteArray(reinterpret_cast<const char *>(&v4), 4);
        return result;
    }
    in6_addr v6 {};
    if (inet_pton(AF_INET6, latin.constData(), &v6) != 1)
        return std::nullopt;
    result.family = Family::V6;
    result.bytes = QByteArray(reinterpret_cast<const char *>(&v6), 16);
    return result;
}

std::optional<IpAddress> IpAddress::fromBytes(const QByteArray &bytes)
{
    if (bytes.size() != 4 && bytes.size() != 16)
        return std::nullopt;
    IpAddress result;
    result.family = bytes.size() == 4 ? Family::V4 : Family::V6;
    result.bytes = bytes;
    return result;
}

QString IpAddress::toString() const
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (bytes.size() != (isV4() ? 4 : 16)
        || !inet_ntop(isV4() ? AF_INET : AF_INET6, bytes.constData(), buf, sizeof buf))
        return QString();
    return QString::fromLatin1(buf);
}

bool IpAddress::isLinkLocal() const
{
    const auto b = [this](int i) { return quint8(bytes.at(i)); };
    if (isV4())
        return b(0) == 169 && b(1) == 254;
    return b(0) == 0xfe && (b(1) & 0xc0) == 0x80;
}

bool IpAddress::isLoopback() const
{
    if (isV4())
        return quint8(bytes.at(0)) == 127;
    return bytes == QByteArray::fromHex("00000000000000000000000000000001");
}

bool IpAddress::isMulticast() const
{
    if (isV4())
        return (quint8(bytes.at(0)) & 0xf0) == 0xe0;
    return quint8(bytes.at(0)) == 0xff;
}

bool IpAddress::isUnspecified() const
{
    if (isV4())
        return bytes.at(0) == 0;
    return bytes == QByteArray(16, '\0');
}

bool IpAddress::isLimitedBroadcast() const
{
    return isV4() && bytes == QByteArray(4, '\xff');
}

std::optional<IpPrefix> IpPrefix::parse(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash <= 0 || slash == text.size() - 1)
        return std::nullopt;
    const auto address = IpAddress::parse(text.left(slash));
    if (!address)
        return std::nullopt;
    const QStringView lengthText = text.mid(slash + 1);
    if (lengthText.size() > 3)
        return std::nullopt;
    int length = 0;
    for (QChar c : lengthText) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        length = length * 10 + (c.unicode() - u'0');
    }
    if (length > address->bitCount())
        return std::nullopt;
    return IpPrefix {*address, length};
}

QString IpPrefix::toString() const
{
    return address.toString() + QLatin1Char('/') + QString::number(length);
}

bool IpPrefix::contains(const IpAddress &other) const
{
    if (other.family != address.family)
        return false;
    for (int bit = 0; bit < length; ++bit) {
        const quint8 mask = quint8(0x80 >> (bit % 8));
        if ((quint8(address.bytes.at(bit / 8)) & mask) != (quint8(other.bytes.at(bit / 8)) & mask))
            return false;
    }
    return true;
}

bool IpPrefix::isNetworkAddress() const
{
    return address.isV4() && length <= 30 && hostBits(*this, false);
}

bool IpPrefix::isBroadcastAddress() const
{
    return address.isV4() && length <= 30 && hostBits(*this, true);
}

QString IpPrefix::netmask() const
{
    if (!address.isV4())
        return QString();
    const quint32 mask = length == 0 ? 0 : ~quint32(0) << (32 - length);
    return QStringLiteral("%1.%2.%3.%4")
            .arg(mask >> 24)
            .arg((mask >> 16) & 0xff)
            .arg((mask >> 8) & 0xff)
            .arg(mask & 0xff);
}

} // namespace bm
