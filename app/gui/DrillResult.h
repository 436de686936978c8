// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The failover drill's report in words ("eth0 → eth1 in 3.2 ms; 10.77.0.1 answered in 0.8 ms; eth0
// is active again"), and the small dialog that shows it.
#pragma once

#include "ReachTypes.h"

#include <QCoreApplication>
#include <QString>

class QMessageBox;
class QWidget;

namespace bm::gui {

class DrillResult
{
    Q_DECLARE_TR_FUNCTIONS(DrillResult)
public:
    static QString text(const DrillReport &report);
    // Opened, not run: the window goes on meanwhile. Deleted when closed.
    static QMessageBox *show(QWidget *parent, const QString &bond, const DrillReport &report);
};

} // namespace bm::gui
