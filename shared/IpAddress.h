// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// IPv4 and IPv6 addresses and prefixes ("192.0.2.10/24", "2001:db8::10/64") as the saved
// configuration of a bond spells them: parsed strictly (inet_pton, no octal or hex laxity) and
// printed in canonical form (inet_ntop), so that two spellings of one address compare equal.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace bm {

struct IpAddress {
    enum class Family : quint8 { V4, V6 };

    Family family = Family::V4;
    QByteArray bytes; // 4 or 16 bytes, network order

    static std::optional<IpAddress> parse(QStringView text);
    static std::optional<IpAddress> fromBytes(const QByteArray &bytes); // 4 or 16 bytes
    QString toString() const;

    bool isV4() const { return family == Family::V4; }
    int bitCount() const { return isV4() ? 32 : 128; }
    bool isLinkLocal() const;        // 169.254.0.0/16, fe80::/10
    bool isLoopback() const;         // 127.0.0.0/8, ::1
    bool isMulticast() const;        // 224.0.0.0/4, ff00::/8
    bool isUnspecified() const;      // 0.0.0.0/8 (no host may use it), ::
    bool isLimitedBroadcast() const; // 255.255.255.255

    friend bool operator==(const IpAddress &a, const IpAddress &b)
    {
        return a.family == b.family && a.bytes == b.bytes;
    }
    friend bool operator!=(const IpAddress &a, const IpAddress &b) { return !(a == b); }
};

struct IpPrefix {
    IpAddress address;
    int length = 0;

    // "a.b.c.d/len" or "x::y/len"; the length must be given and lie in 0..32 or 0..128.
    static std::optional<IpPrefix> parse(QStringView text);
    QString toString() const; // canonical address, "/", length

    // Whether the address lies in this prefix's subnet (same family, same first `length` bits).
    bool contains(const IpAddress &other) const;
    // The host part is all zeros / all ones (only meaningful for IPv4 with a host part of 2 bits
    // or more: /31 and /32 have neither).
    bool isNetworkAddress() const;
    bool isBroadcastAddress() const;
    // "255.255.255.0" for /24 (IPv4 only).
    QString netmask() const;

    friend bool operator==(const IpPrefix &a, const IpPrefix &b)
    {
        return a.address == b.address && a.length == b.length;
    }
    friend bool operator!=(const IpPrefix &a, const IpPrefix &b) { return !(a == b); }
};

} // namespace bm
