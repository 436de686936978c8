// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondView.h"

#include "BondEvents.h"
#include "BondHeader.h"
#include "FailoverTimeline.h"
#include "SlaveTile.h"
#include "TimelineFilter.h"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace bm::gui {

BondView::BondView(EventLog *log, QWidget *parent)
    : QWidget(parent)
    , m_header(new BondHeader(this))
    , m_tileArea(new QWidget(this))
    , m_grid(new QGridLayout(m_tileArea))
    , m_noSlaves(new QLabel(tr("This bond has no slaves yet. Use Bond ▸ Add Slave to give it some."), this))
    , m_timeline(new FailoverTimeline(log, this))
    , m_timelineFilter(new TimelineFilter(log, m_timeline, this))
{
    connect(m_timelineFilter, &TimelineFilter::exportRequested, this, &BondView::exportTimelineRequested);
    m_noSlaves->setWordWrap(true);
    connect(m_header, &BondHeader::saveRequested, this,
            [this](const QString &saveWith) { Q_EMIT saveRequested(m_bond.name, saveWith); });
    connect(m_header, &BondHeader::restoreRequested, this, [this] { Q_EMIT restoreRequested(m_bond.name); });
    connect(m_header, &BondHeader::drillRequested, this, [this] { Q_EMIT drillRequested(m_bond.name); });
    connect(m_header, &BondHeader::optionsRequested, this,
            [this](const QVariantMap &options) { Q_EMIT optionsRequested(m_bond.name, options); });
    m_grid->setContentsMargins(0, 0, 0, 0);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget;
    auto *innerBox = new QVBoxLayout(inner);
    innerBox->setContentsMargins(0, 0, 0, 0);
    innerBox->addWidget(m_tileArea);
    innerBox->addWidget(m_noSlaves);
    innerBox->addStretch(1);
    scroll->setWidget(inner);

    auto *timelineBox = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    auto *timelineTitle = new QLabel(tr("Events (failovers, link changes, option changes)"), this);
    timelineTitle->setBuddy(m_timeline);
    timelineLayout->addWidget(timelineTitle);
    timelineLayout->addWidget(m_timelineFilter);
    timelineLayout->addWidget(m_timeline);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(timelineBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setChildrenCollapsible(false);
    // The tiles are what people come for; the timeline starts as a short strip under them.
    split->setSizes({1000, 140});

    auto *box = new QVBoxLayout(this);
    box->addWidget(m_header);
    box->addWidget(split, 1);
}

QList<SlaveTile *> BondView::tiles() const
{
    // By name: the order slaves arrive in may change from one update to the next, tiles must not.
    QStringList names = m_tiles.keys();
    names.sort();
    QList<SlaveTile *> out;
    for (const QString &name : std::as_const(names))
        out << m_tiles.value(name);
    return out;
}

void BondView::setBond(const BondInfo &bond)
{
    const bool otherBond = bond.name != m_bond.name;
    if (!otherBond && bond == m_bond && m_shown)
        return;
    m_shown = true;
    m_bond = bond;
    m_header->setBond(bond);
    if (otherBond)
        m_timeline->showBond(bond.name);

    // Tiles are kept per slave name so that focus and sparkline history survive updates.
    QStringList names;
    for (const SlaveInfo &s : bond.slaves)
        names << s.name;
    for (auto it = m_tiles.begin(); it != m_tiles.end();) {
        if (otherBond || !names.contains(it.key())) {
            delete it.value();
            it = m_tiles.erase(it);
        } else {
            ++it;
        }
    }
    bool added = false;
    for (const SlaveInfo &s : bond.slaves) {
        SlaveTile *tile = m_tiles.value(s.name);
        if (!tile) {
            tile = new SlaveTile(m_tileArea);
            connect(tile, &SlaveTile::makePrimaryRequested, this,
                    [this](const QString &slave) { Q_EMIT makePrimaryRequested(m_bond.name, slave); });
            connect(tile, &SlaveTile::makeActiveRequested, this,
                    [this](const QString &slave) { Q_EMIT makeActiveRequested(m_bond.name, slave); });
            connect(tile, &SlaveTile::removeRequested, this,
                    [this](const QString &slave) { Q_EMIT removeSlaveRequested(m_bond.name, slave); });
            tile->setStale(m_stale);
            m_tiles.insert(s.name, tile);
            added = true;
        }
        tile->setSlave(s, bond);
    }
    m_noSlaves->setVisible(bond.slaves.isEmpty());
    if (added || otherBond)
        m_columns = 0;
    relayout();
}

void BondView::setStale(bool stale)
{
    m_stale = stale;
    for (SlaveTile *tile : std::as_const(m_tiles))
        tile->setStale(stale);
}

void BondView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void BondView::relayout()
{
    const int tileWidth = 300;
    const int columns = qMax(1, (width() - 24) / tileWidth);
    if (columns == m_columns && m_grid->count() == m_tiles.size())
        return;
    m_columns = columns;
    while (m_grid->count() > 0)
        delete m_grid->takeAt(0);
    const QList<SlaveTile *> ordered = tiles();
    for (int i = 0; i < ordered.size(); ++i)
        m_grid->addWidget(ordered.at(i), i / columns, i % columns);
    for (int c = 0; c < columns; ++c)
        m_grid->setColumnStretch(c, 1);
    // Keyboard order follows reading order, not creation order.
    for (int i = 1; i < ordered.size(); ++i)
        setTabOrder(ordered.at(i - 1), ordered.at(i));
}

} // namespace bm::gui
