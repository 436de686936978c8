// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The address flags of create and set-ip (--ip4, --gw4, --ip6, --gw6, --dns, --search, --mtu) and
// --save-with: one table for the parser, --help, the man page and the bash completion. What is
// typed is collected as given; IpConfig::validate judges the resulting configuration.
#pragma once

#include "IpConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bondctl {

struct AddressFlag {
    const char *flag; // "--ip4"
    const char *placeholder;
    const char *help;
    bool repeatable;
};

// In the order --help lists them.
const QList<AddressFlag> &addressFlags();
const AddressFlag *findAddressFlag(QStringView flag);

// The address flags given on one command line.
struct AddressRequest {
    QStringList ip4; // "dhcp", "off" or ADDR/LEN, in the order given
    QStringList ip6; // "auto", "dhcp", "off" or ADDR/LEN
    std::optional<QString> gw4;
    std::optional<QString> gw6;
    std::optional<QStringList> dns;
    std::optional<QStringList> search;
    std::optional<quint32> mtu;

    bool isEmpty() const;
    // Takes one flag of the table with its value; a usage problem (one sentence) or empty.
    QString add(const AddressFlag &flag, const QString &value);
    // base with what was given replaced: --ip4 replaces the IPv4 method and addresses (and the
    // gateway unless --gw4 is given too), --gw4 alone only the gateway; likewise for IPv6; --dns,
    // --search and --mtu replace theirs.
    bm::IpConfig applyTo(bm::IpConfig base) const;
};

// --save-with: "auto" (the service that owns the slaves, sent as ""), "none", "NetworkManager",
// "networkd", "ifupdown". The value to send, or nothing when the word is none of those.
std::optional<QString> saveWithValue(const QString &word);
QString saveWithHelp();

} // namespace bondctl
