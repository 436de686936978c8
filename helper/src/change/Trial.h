// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One trial (the contract's "Trials", shared/dbus/org.bondmanager.Helper1.xml): the write it
// made, who made it, its deadline, what moved, and what to put back (the snapshot of the
// interfaces it touched and the network services' parts). As JSON it is the trial's journal.
#pragma once

#include "TrialSnapshot.h"

#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace bm::helper {

struct Trial {
    QString id;
    QString call;     // the write, as Try named it
    QString bond;     // the bond it is about
    QString actionId; // the polkit action of the write: Confirm and Rollback need it too
    QStringList interfaces;
    QStringList moves;
    qulonglong startedUsec = 0;
    qulonglong deadlineUsec = 0; // CLOCK_REALTIME, µs
    uint uid = 0;
    TrialSnapshot before;
    // Each network service's part (ServiceTrial::record), by its saveWith name.
    QJsonObject services;

    // A ListTrials entry (and TrialStarted's map).
    QVariantMap toVariantMap() const;
    QJsonObject toJson() const;
    // Nothing when `json` is not a journal this helper wrote.
    static std::optional<Trial> fromJson(const QJsonObject &json);
};

} // namespace bm::helper
