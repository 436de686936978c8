// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FailoverTimeline.h"

#include "Coalescer.h"
#include "StatusText.h"

#include <QHeaderView>
#include <QLocale>
#include <QStyle>
#include <QTime>

namespace bm::gui {

namespace {

QIcon iconFor(BondEvent::Kind kind)
{
    switch (kind) {
    case BondEvent::Kind::Failover:
        return StatusText::slaveStateIcon(SlaveState::Active);
    case BondEvent::Kind::LinkDown:
        return StatusText::miiIcon(MiiStatus::Down);
    case BondEvent::Kind::LinkGoingDown:
        return StatusText::miiIcon(MiiStatus::GoingDown);
    case BondEvent::Kind::LinkUp:
        return StatusText::miiIcon(MiiStatus::Up);
    case BondEvent::Kind::LinkGoingBack:
        return StatusText::miiIcon(MiiStatus::GoingBack);
    case BondEvent::Kind::WhileAway:
        return StatusText::healthIcon(Health::Degraded);
    default:
        break;
    }
    return {};
}

} // namespace

FailoverTimeline::FailoverTimeline(EventLog *log, QWidget *parent)
    : QTreeWidget(parent)
    , m_log(log)
    // After the tiles: the frame that shows a failover's new active slave stays small.
    , m_insert(new Coalescer([this] { flushPending(); }, 2 * Coalescer::FrameMs, 2 * Coalescer::FrameMs, this))
{
    setColumnCount(4);
    setHeaderLabels({tr("Time"), tr("Event"), tr("Date"), tr("Bond")});
    header()->moveSection(header()->visualIndex(DateColumn), 0);
    header()->moveSection(header()->visualIndex(BondColumn), 2);
    setColumnHidden(BondColumn, true);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Fixed, from the widest time: resizing to contents measures every row on every insert.
    header()->setSectionResizeMode(0, QHeaderView::Fixed);
    header()->resizeSection(0, fontMetrics().horizontalAdvance(QLocale().toString(
                                       QTime(23, 59, 59, 999), QStringLiteral("HH:mm:ss.zzz")))
                                       + 4 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 8);
    header()->setSectionResizeMode(DateColumn, QHeaderView::Fixed);
    header()->resizeSection(DateColumn, fontMetrics().horizontalAdvance(
                                                QLocale().toString(QDate(2026, 12, 28), QLocale::ShortFormat))
                                                + 4 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 8);
    header()->resizeSection(BondColumn, fontMetrics().horizontalAdvance(QStringLiteral("bond-lab00"))
                                                + 4 * style()->pixelMetric(QStyle::PM_HeaderMargin));
    header()->setStretchLastSection(true);
    setAccessibleName(tr("Event timeline"));
    connect(log, &EventLog::eventAdded, this, [this](const BondEvent &e) {
        if (shows(e)) {
            m_pending.append(e);
            m_insert->request();
        }
    });
}

void FailoverTimeline::flushPending()
{
    QList<BondEvent> events = std::exchange(m_pending, {});
    if (events.size() > MaxRows)
        events = events.mid(events.size() - MaxRows);
    setUpdatesEnabled(false);
    for (const BondEvent &e : std::as_const(events))
        prepend(e);
    // Oldest rows go; deleting from the end keeps the others where they are.
    while (topLevelItemCount() > MaxRows)
        delete takeTopLevelItem(topLevelItemCount() - 1);
    setUpdatesEnabled(true);
}

void FailoverTimeline::showBond(const QString &bond)
{
    m_bond = bond;
    rebuild();
}

void FailoverTimeline::setScope(Scope scope, const QString &bond)
{
    m_scope = scope;
    m_oneBond = scope == Scope::OneBond ? bond : QString();
    setColumnHidden(BondColumn, scope != Scope::AllBonds);
    rebuild();
}

void FailoverTimeline::setKindFilter(KindFilter filter)
{
    m_kinds = filter;
    rebuild();
}

bool FailoverTimeline::matches(KindFilter filter, BondEvent::Kind kind)
{
    using K = BondEvent::Kind;
    switch (filter) {
    case KindFilter::All:
        return true;
    case KindFilter::Failovers:
        return kind == K::Failover;
    case KindFilter::SlaveDown:
        return kind == K::LinkDown || kind == K::LinkGoingDown;
    case KindFilter::SlaveUp:
        return kind == K::LinkUp || kind == K::LinkGoingBack;
    case KindFilter::SlavesJoinedOrLeft:
        return kind == K::SlaveAdded || kind == K::SlaveRemoved;
    case KindFilter::Options:
        return kind == K::OptionsChanged;
    case KindFilter::Bonds:
        return kind == K::BondCreated || kind == K::BondDeleted;
    case KindFilter::WhileAway:
        return kind == K::WhileAway;
    }
    return false;
}

bool FailoverTimeline::shows(const BondEvent &event) const
{
    switch (m_scope) {
    case Scope::SelectedBond:
        if (event.bond != m_bond)
            return false;
        break;
    case Scope::OneBond:
        if (event.bond != m_oneBond)
            return false;
        break;
    case Scope::AllBonds:
        break;
    }
    return matches(m_kinds, event.kind);
}

QList<BondEvent> FailoverTimeline::matchingEvents() const
{
    QList<BondEvent> out;
    for (const BondEvent &e : m_log->allEvents()) {
        if (shows(e))
            out.append(e);
    }
    return out;
}

void FailoverTimeline::rebuild()
{
    m_pending.clear();
    m_insert->cancel();
    setUpdatesEnabled(false);
    clear();
    // The newest MaxRows that pass, from every event kept (earlier runs' too).
    const QList<BondEvent> &events = m_log->allEvents();
    qsizetype first = events.size();
    for (int found = 0; first > 0 && found < MaxRows;) {
        if (shows(events.at(--first)))
            ++found;
    }
    for (qsizetype i = first; i < events.size(); ++i) {
        if (shows(events.at(i)))
            prepend(events.at(i));
    }
    setUpdatesEnabled(true);
}

void FailoverTimeline::prepend(const BondEvent &event)
{
    auto *item = new QTreeWidgetItem;
    const QDateTime local = event.when.toLocalTime();
    item->setText(TimeColumn, QLocale().toString(local.time(), QStringLiteral("HH:mm:ss.zzz")));
    item->setToolTip(TimeColumn, QLocale().toString(local, QLocale::LongFormat));
    item->setText(DateColumn, QLocale().toString(local.date(), QLocale::ShortFormat));
    item->setText(BondColumn, event.bond);
    item->setText(EventColumn, event.text);
    item->setIcon(EventColumn, iconFor(event.kind));
    item->setData(TimeColumn, Qt::UserRole, event.when);
    // Newest first by the event's own time: a failover carries the kernel's timestamp, which can be
    // earlier than that of a link event received before it.
    int row = 0;
    while (row < topLevelItemCount()
           && topLevelItem(row)->data(TimeColumn, Qt::UserRole).toDateTime() > event.when)
        ++row;
    insertTopLevelItem(row, item);
}

} // namespace bm::gui
