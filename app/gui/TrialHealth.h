// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The four rows the countdown dialog shows of a bond changed by a trial, from the helper's
// CheckReach (ReachReport): carrier, addresses, default route, gateway answering ARP.
#pragma once

#include "ReachTypes.h"

#include <QCoreApplication>
#include <QList>

namespace bm::gui {

class TrialHealthRows
{
    Q_DECLARE_TR_FUNCTIONS(TrialHealthRows)
public:
    enum class State { Checking, Good, Bad };
    struct Row {
        State state = State::Checking;
        QString text;
    };

    // The four rows for `bond`, in the dialog's order.
    static QList<Row> of(const QString &bond, const ReachReport &health);
    // The same rows before the first answer, or when the host cannot tell (reason says why).
    static QList<Row> unknown(const QString &reason = QString());
};

} // namespace bm::gui
