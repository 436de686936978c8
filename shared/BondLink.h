// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the helper adds to a bond's map besides the kernel's bonding state (the contract's link
// keys, shared/dbus/org.bondmanager.Helper1.xml): the bond's own link (MAC, MTU, addresses), its
// address configuration, where it is saved and how the saved configuration differs from what
// runs. An older helper sends none of it: every part is then empty or unset.
#pragma once

#include "IpConfig.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace bm {

// The map's persistence: which network service brings the bond back at boot, and where it keeps it.
struct BondPersistence {
    QString backend;      // "none", "NetworkManager", "networkd", "ifupdown", "netplan"
    QString location;     // the file, when a file
    QString profile;      // NetworkManager: the profile's id
    QString uuid;         // NetworkManager: the profile's UUID
    QStringList saveWith; // backend "none": the services that could save it now
    QStringList unsaved;  // options the backend cannot save, live until the next boot
    QStringList warnings; // sentences
    bool pending = false; // staged by a pending trial: saved there once it is confirmed

    bool isSaved() const { return !backend.isEmpty() && backend != QLatin1String("none"); }

    QVariantMap toVariantMap() const;
    static BondPersistence fromVariantMap(const QVariantMap &map);
    friend bool operator==(const BondPersistence &a, const BondPersistence &b);
    friend bool operator!=(const BondPersistence &a, const BondPersistence &b) { return !(a == b); }
};

// One difference between the saved configuration and the kernel.
struct BondDrift {
    QString option; // an option's name, or slaves, primary, ipv4Addresses, ..., mtu
    QString saved;
    QString live;

    QVariantMap toVariantMap() const;
    static BondDrift fromVariantMap(const QVariantMap &map);
    friend bool operator==(const BondDrift &a, const BondDrift &b)
    {
        return a.option == b.option && a.saved == b.saved && a.live == b.live;
    }
    friend bool operator!=(const BondDrift &a, const BondDrift &b) { return !(a == b); }
};

struct BondLink {
    QString mac;
    std::optional<quint32> mtu;
    QStringList addresses; // live, ADDR/LEN, link-local ones left out
    std::optional<IpConfig> ip;
    std::optional<BondPersistence> persistence;
    QList<BondDrift> drift;

    // Keys mac, mtu, addresses, ip, persistence, drift; the unknown ones left out.
    QVariantMap toVariantMap() const;
    // Reads those keys of a bond map (plain Qt values, DBusValues::plain); absent or malformed
    // ones stay empty.
    static BondLink fromVariantMap(const QVariantMap &map);
    friend bool operator==(const BondLink &a, const BondLink &b);
    friend bool operator!=(const BondLink &a, const BondLink &b) { return !(a == b); }
};

} // namespace bm
