// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A network service's part of a trial (the contract's "Trials",
// shared/dbus/org.bondmanager.Helper1.xml). While a trial is open, the writes a service makes
// reach nothing on disk: NetworkManager's profiles in memory under a checkpoint, networkd's files
// under /run/systemd/network, ifupdown's changes at runtime only. Confirm makes them lasting
// (NetworkService::commitTrial); the deadline, Rollback or a restart after a crash undoes them
// (NetworkService::rollbackTrial), before the helper puts the kernel's links back from its own
// snapshot (change/TrialManager), or after it (NetworkService::rollsBackAfterKernel).
#pragma once

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace bm::helper {

struct ServiceTrial {
    // The trial's id (the contract's), e.g. "t1a2b3c4".
    QString id;
    // Every interface the trial touches (a bond's slaves included).
    QStringList interfaces;
    // Seconds from now to the deadline, and the deadline itself (CLOCK_REALTIME, µs): a service
    // whose own undo runs by a timer (NetworkManager's checkpoint) sets it a little later, so
    // that the helper's rollback comes first and the service's timer only covers a helper
    // that is not running then.
    uint confirmWithin = 0;
    qulonglong deadlineUsec = 0;
    // Records this service's part in the trial's journal, replacing what it recorded before,
    // atomically on disk before it returns: call it before each step that needs undoing (a
    // checkpoint's path, a file added under /run), so that a helper killed in between still
    // hands the part to rollbackTrial() when it starts again. Keys are the service's own; the
    // key "interfaces" (array of names) lists the interfaces the service puts back itself on
    // rollback, which the helper then leaves alone instead of restoring them by rtnetlink; the
    // key "external" (array of names) those the write touched but the service cannot put back
    // (NetworkManager's devices it only follows), which the helper restores even when the write
    // fails and undoes the rest itself (TrialManager::abandon).
    std::function<void(const QJsonObject &part)> record;
};

} // namespace bm::helper
