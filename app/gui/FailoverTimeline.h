// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The selected bond's events, newest first, each with its date, time and an icon for its kind;
// or, filtered otherwise, those of all bonds or of one (a deleted one too), and of one kind only.
#pragma once

#include "BondEvents.h"

#include <QTreeWidget>

namespace bm::gui {

class Coalescer;

class FailoverTimeline : public QTreeWidget
{
    Q_OBJECT
public:
    // The columns, by logical index; shown as Date, Time, Bond, Event.
    enum Column { TimeColumn, EventColumn, DateColumn, BondColumn };
    // Which bonds' events are shown.
    enum class Scope { SelectedBond, AllBonds, OneBond };
    Q_ENUM(Scope)
    // Which kinds are shown; link changes go with the way they go (down or going down, ...).
    enum class KindFilter {
        All,
        Failovers,
        SlaveDown,
        SlaveUp,
        SlavesJoinedOrLeft,
        Options,
        Bonds,
        WhileAway
    };
    Q_ENUM(KindFilter)

    explicit FailoverTimeline(EventLog *log, QWidget *parent = nullptr);

    // The selected bond: the one shown with Scope::SelectedBond.
    void showBond(const QString &bond);
    QString bond() const { return m_bond; }

    // `bond` is the one for Scope::OneBond.
    void setScope(Scope scope, const QString &bond = QString());
    Scope scope() const { return m_scope; }
    void setKindFilter(KindFilter filter);
    KindFilter kindFilter() const { return m_kinds; }
    static bool matches(KindFilter filter, BondEvent::Kind kind);
    bool shows(const BondEvent &event) const;
    // Every kept event the filter lets through (not only the rows shown), oldest first.
    QList<BondEvent> matchingEvents() const;

private:
    void rebuild();
    void prepend(const BondEvent &event);
    void flushPending();

    EventLog *m_log;
    QString m_bond;
    Scope m_scope = Scope::SelectedBond;
    QString m_oneBond;
    KindFilter m_kinds = KindFilter::All;
    // Events not shown yet: inserted together, at most once per frame or two.
    QList<BondEvent> m_pending;
    Coalescer *m_insert;
    // Enough to read back through a storm; the log keeps more, showBond() shows the newest.
    static constexpr int MaxRows = 200;
};

} // namespace bm::gui
