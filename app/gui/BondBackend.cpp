// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondBackend.h"

namespace bm::gui {

void BondBackend::counters(const QString &, CountersDone done)
{
    done({}, {ClientError::Failed, QString(), QStringLiteral("this host reports no traffic counters")});
}

void BondBackend::drill(const QString &, DrillDone done)
{
    done({}, {ClientError::Failed, QString(), tr("This host cannot test a failover.")});
}

namespace {

ActionResult noTrials()
{
    return {ClientError::Failed, QString(), QStringLiteral("this host does not make changes as trials")};
}

} // namespace

void BondBackend::preview(const WriteRequest &, PreviewDone done)
{
    done(TrialPreview(), {});
}

void BondBackend::tryWrite(const WriteRequest &, uint, TrialDone done)
{
    done(TrialOutcome(), noTrials());
}

void BondBackend::confirmTrial(const QString &, Done done)
{
    done(noTrials());
}

void BondBackend::rollbackTrial(const QString &, Done done)
{
    done(noTrials());
}

void BondBackend::checkReach(const QString &, ReachDone done)
{
    done(ReachReport(),
         {ClientError::Failed, QString(), QStringLiteral("this host cannot check a bond's reach")});
}

} // namespace bm::gui
