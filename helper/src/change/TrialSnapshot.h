// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The state of every interface a trial touches, taken before its first step: links, masters,
// up/down, MAC, MTU, IPv6 address generation mode, a bond's options, addresses and the routes of
// the main table. It goes into
// the trial's journal (TrialJournal) as JSON, and restore() puts it back by rtnetlink: the
// rollback of a trial at its deadline, on Rollback, or when the helper starts again after a
// crash (change/TrialManager).
#pragma once

#include "KernelBackend.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace bm::helper {

struct LinkState {
    int ifindex = 0;
    QString name;
    QString kind;
    QString master; // empty: none
    bool adminUp = false;
    QString mac;
    quint32 mtu = 0;
    int ipv6AddrGenMode = -1; // LinkInfo::ipv6AddrGenMode; -1: unknown, left as it is
    QVariantMap bondOptions;  // OptionTable-normalised, for a bond
    QList<AddressInfo> addresses;
    QList<RouteInfo> routes; // main table, going out of the link
};

struct TrialSnapshot {
    // Every touched interface that existed, in the kernel's order (bonds after their slaves'
    // order does not matter: restore() orders its steps itself).
    QList<LinkState> links;
    // Touched names that did not exist (the bond a create makes): removed on restore.
    QStringList absent;

    // The state of `names` (and of the slaves of any bond among them) now; nothing when the
    // kernel could not be asked.
    static std::optional<TrialSnapshot> take(KernelBackend *kernel, const QStringList &names);

    const LinkState *find(const QString &name) const;

    QJsonObject toJson() const;
    // Nothing when `json` is not a snapshot this helper wrote.
    static std::optional<TrialSnapshot> fromJson(const QJsonObject &json);

    // Puts the links back as they were, by rtnetlink, best effort: every step is tried; returns
    // the steps the kernel refused, in its words (empty: all done). The interfaces of
    // `leaveAlone` are a network service's to put back (ServiceTrial.h): not touched here.
    QStringList restore(KernelBackend *kernel, const QStringList &leaveAlone = {}) const;
    // What is as it was now, one sentence per interface ("eth0 is up with 192.0.2.10/24 and the
    // default route via 192.0.2.1 again", "bond1 is gone"), from a fresh read of the kernel.
    QStringList restoredSentences(KernelBackend *kernel) const;

    friend bool operator==(const TrialSnapshot &a, const TrialSnapshot &b);
};

bool operator==(const LinkState &a, const LinkState &b);

} // namespace bm::helper
