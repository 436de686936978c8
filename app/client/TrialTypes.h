// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The values of the helper's trials (a change that is undone by itself unless confirmed in a new
// call before its deadline), as Preview, Try and ListTrials send them (org.bondmanager.Helper1.xml).
#pragma once

#include <QDateTime>
#include <QStringList>
#include <QVariantMap>

namespace bm {

// What a write would do before it is sent: whether the helper insists on a trial, why, and what
// moves from a slave to the bond ("10.0.2.15/24 and the default route via 10.0.2.2 move from
// mgmt0 to bond1").
struct TrialPreview {
    bool trialRequired = false;
    QStringList reasons;
    QStringList moves;

    static TrialPreview fromVariantMap(const QVariantMap &map);
};

// The answer to Try: a trial's id and deadline (empty / invalid when the change needed none), the
// call's own answer, and what moved.
struct TrialOutcome {
    QString id;
    QDateTime deadline;
    QVariantMap result;
    QStringList moves;

    bool isTrial() const { return !id.isEmpty(); }
    static TrialOutcome fromVariantMap(const QVariantMap &map);
};

// A pending trial, as ListTrials and TrialStarted give it.
struct TrialInfo {
    QString id;
    QString call;
    QString bond;
    QStringList interfaces;
    QDateTime started;
    QDateTime deadline;
    uint uid = 0;
    QStringList moves;

    static TrialInfo fromVariantMap(const QVariantMap &map);
};

// CLOCK_REALTIME microseconds as the helper sends them; 0 is "none" (invalid).
QDateTime dateTimeFromUsec(qulonglong usec);

} // namespace bm
