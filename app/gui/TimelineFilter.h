// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The row above the timeline: which bond's events (the selected one, all, or any bond the history
// knows, deleted ones too), which kind, and "Export CSV…".
#pragma once

#include <QSet>
#include <QWidget>

class QComboBox;
class QToolButton;

namespace bm::gui {

class EventLog;
class FailoverTimeline;

class TimelineFilter : public QWidget
{
    Q_OBJECT
public:
    TimelineFilter(EventLog *log, FailoverTimeline *timeline, QWidget *parent = nullptr);

    QComboBox *bondBox() const { return m_bonds; }
    QComboBox *kindBox() const { return m_kinds; }
    QToolButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void exportRequested();

private:
    void addBond(const QString &bond);
    void apply();

    FailoverTimeline *m_timeline;
    QComboBox *m_bonds;
    QComboBox *m_kinds;
    QToolButton *m_export;
    QSet<QString> m_known;
};

} // namespace bm::gui
