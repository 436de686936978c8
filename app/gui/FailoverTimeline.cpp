#include "FailoverTimeline.h"

#include "StatusText.h"

#include <QHeaderView>
#include <QLocale>

namespace bm::gui {

namespace {

QIcon iconFor(BondEvent::Kind kind)
{
    switch (kind) {
    case BondEvent::Kind::Failover: return StatusText::slaveStateIcon(SlaveState::Active);
    case BondEvent::Kind::LinkDown: return StatusText::miiIcon(MiiStatus::Down);
    case BondEvent::Kind::LinkGoingDown: return StatusText::miiIcon(MiiStatus::GoingDown);
    case BondEvent::Kind::LinkUp: return StatusText::miiIcon(MiiStatus::Up);
    case BondEvent::Kind::LinkGoingBack: return StatusText::miiIcon(MiiStatus::GoingBack);
    default: break;
    }
    return {};
}

} // namespace

FailoverTimeline::FailoverTimeline(EventLog *log, QWidget *parent)
    : QTreeWidget(parent)
    , m_log(log)
{
    setColumnCount(2);
    setHeaderLabels({tr("Time"), tr("Event")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setAccessibleName(tr("Event timeline"));
    connect(log, &EventLog::eventAdded, this, [this](const BondEvent &e) {
        if (e.bond == m_bond)
            prepend(e);
    });
}

void FailoverTimeline::showBond(const QString &bond)
{
    m_bond = bond;
    clear();
    const QList<BondEvent> events = m_log->events(bond);
    for (const BondEvent &e : events)
        prepend(e);
}

void FailoverTimeline::prepend(const BondEvent &event)
{
    auto *item = new QTreeWidgetItem;
    const QString time = QLocale().toString(event.when.time(), QStringLiteral("HH:mm:ss.zzz"));
    item->setText(0, time);
    item->setToolTip(0, QLocale().toString(event.when, QLocale::LongFormat));
    item->setText(1, event.text);
    item->setIcon(1, iconFor(event.kind));
    item->setData(0, Qt::UserRole, event.when);
    // Newest first by the event's own time: a failover carries the kernel's timestamp, which can be
    // earlier than that of a link event received before it.
    int row = 0;
    while (row < topLevelItemCount()
           && topLevelItem(row)->data(0, Qt::UserRole).toDateTime() > event.when)
        ++row;
    insertTopLevelItem(row, item);
}

} // namespace bm::gui
