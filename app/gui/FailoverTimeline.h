// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The selected bond's events, newest first, each with its time and an icon for its kind.
#pragma once

#include "BondEvents.h"

#include <QTreeWidget>

namespace bm::gui {

class Coalescer;

class FailoverTimeline : public QTreeWidget
{
    Q_OBJECT
public:
    explicit FailoverTimeline(EventLog *log, QWidget *parent = nullptr);

    void showBond(const QString &bond);
    QString bond() const { return m_bond; }

private:
    void prepend(const BondEvent &event);
    void flushPending();

    EventLog *m_log;
    QString m_bond;
    // Events not shown yet: inserted together, at most once per frame or two.
    QList<BondEvent> m_pending;
    Coalescer *m_insert;
    // Enough to read back through a storm; the log keeps more, showBond() shows the newest.
    static constexpr int MaxRows = 200;
};

} // namespace bm::gui
