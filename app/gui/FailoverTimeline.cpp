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
    setColumnCount(2);
    setHeaderLabels({tr("Time"), tr("Event")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Fixed, from the widest time: resizing to contents measures every row on every insert.
    header()->setSectionResizeMode(0, QHeaderView::Fixed);
    header()->resizeSection(0, fontMetrics().horizontalAdvance(QLocale().toString(
                                       QTime(23, 59, 59, 999), QStringLiteral("HH:mm:ss.zzz")))
                                       + 4 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 8);
    header()->setStretchLastSection(true);
    setAccessibleName(tr("Event timeline"));
    connect(log, &EventLog::eventAdded, this, [this](const BondEvent &e) {
        if (e.bond == m_bond) {
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
    m_pending.clear();
    m_insert->cancel();
    setUpdatesEnabled(false);
    clear();
    const QList<BondEvent> events = m_log->events(bond);
    for (qsizetype i = qMax<qsizetype>(0, events.size() - MaxRows); i < events.size(); ++i)
        prepend(events.at(i));
    setUpdatesEnabled(true);
}

void FailoverTimeline::prepend(const BondEvent &event)
{
    auto *item = new QTreeWidgetItem;
    const QDateTime local = event.when.toLocalTime();
    item->setText(0, QLocale().toString(local.time(), QStringLiteral("HH:mm:ss.zzz")));
    item->setToolTip(0, QLocale().toString(local, QLocale::LongFormat));
    item->setText(1, event.text);
    item->setIcon(1, iconFor(event.kind));
    item->setData(0, Qt::UserRole, event.when);
    // Newest first by the event's own time: a failover carries the kernel's timestamp, which can be
    // earlier than that of a link event received before it.
    int row = 0;
    while (row < topLevelItemCount() && topLevelItem(row)->data(0, Qt::UserRole).toDateTime() > event.when)
        ++row;
    insertTopLevelItem(row, item);
}

} // namespace bm::gui
