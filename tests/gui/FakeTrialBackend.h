// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The sample host with trials, for the countdown's tests: it records Confirm and Rollback, answers
// them as told, and says what the bond's health is; a test emits the trial signals itself.
#pragma once

#include "SampleBackend.h"

namespace bm::gui {

class FakeTrialBackend : public SampleBackend
{
public:
    using SampleBackend::SampleBackend;

    QStringList confirmed;
    QStringList rolledBack;
    int healthAsked = 0;
    ReachReport health;
    ActionResult healthError;
    ActionResult settleError;
    QDateTime lostAt;
    // Set: Confirm's answer waits in `held` until the test sends it.
    bool holdConfirm = false;
    Done held;

    QDateTime connectionLostAt() const override { return lostAt; }
    void confirmTrial(const QString &id, Done done) override
    {
        confirmed << id;
        if (holdConfirm)
            held = done;
        else
            done(settleError);
    }
    void rollbackTrial(const QString &id, Done done) override
    {
        rolledBack << id;
        done(settleError);
    }
    void checkReach(const QString &, ReachDone done) override
    {
        ++healthAsked;
        done(health, healthError);
    }
};

} // namespace bm::gui
