// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The sample host with trials, for the countdown's and the writes' tests: it previews every write
// as told, records Try, Confirm and Rollback and answers them as told, and says what the bond's
// health is; a test emits the trial signals itself. Try changes nothing.
#pragma once

#include "SampleBackend.h"

namespace bm::gui {

class FakeTrialBackend : public SampleBackend
{
public:
    using SampleBackend::SampleBackend;

    TrialPreview previewAnswer;
    QList<WriteRequest> tried;
    QList<uint> triedWithin;
    TrialOutcome tryAnswer;
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
    void preview(const WriteRequest &, PreviewDone done) override { done(previewAnswer, {}); }
    void tryWrite(const WriteRequest &request, uint confirmWithin, TrialDone done) override
    {
        tried << request;
        triedWithin << confirmWithin;
        done(tryAnswer, {});
    }
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
