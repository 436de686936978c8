// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TimelineFilter.h"

#include "BondEvents.h"
#include "FailoverTimeline.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace bm::gui {

namespace {

// The bond box's first two entries; the others are bond names.
constexpr int SelectedRow = 0;
constexpr int AllRow = 1;

} // namespace

TimelineFilter::TimelineFilter(EventLog *log, FailoverTimeline *timeline, QWidget *parent)
    : QWidget(parent)
    , m_timeline(timeline)
    , m_bonds(new QComboBox(this))
    , m_kinds(new QComboBox(this))
    , m_export(new QToolButton(this))
{
    m_bonds->setObjectName(QStringLiteral("timelineBond"));
    m_bonds->addItem(tr("Selected bond"));
    m_bonds->addItem(tr("All bonds"));
    m_bonds->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const BondEvent &e : log->allEvents())
        addBond(e.bond);
    connect(log, &EventLog::eventAdded, this, [this](const BondEvent &e) { addBond(e.bond); });

    using K = FailoverTimeline::KindFilter;
    m_kinds->setObjectName(QStringLiteral("timelineKind"));
    m_kinds->addItem(tr("All events"), QVariant::fromValue(K::All));
    m_kinds->addItem(tr("Failovers"), QVariant::fromValue(K::Failovers));
    m_kinds->addItem(tr("Slave down"), QVariant::fromValue(K::SlaveDown));
    m_kinds->addItem(tr("Slave up"), QVariant::fromValue(K::SlaveUp));
    m_kinds->addItem(tr("Slaves joined or left"), QVariant::fromValue(K::SlavesJoinedOrLeft));
    m_kinds->addItem(tr("Option changes"), QVariant::fromValue(K::Options));
    m_kinds->addItem(tr("Bonds created or deleted"), QVariant::fromValue(K::Bonds));
    m_kinds->addItem(tr("While not running"), QVariant::fromValue(K::WhileAway));
    m_kinds->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_export->setText(tr("Export CSV…"));
    m_export->setToolTip(tr("Save the events this filter shows, all that are kept, as a CSV file"));
    m_export->setIcon(QIcon::fromTheme(QStringLiteral("document-export")));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_export, &QToolButton::clicked, this, &TimelineFilter::exportRequested);

    auto *bondLabel = new QLabel(tr("&Bond:"), this);
    bondLabel->setBuddy(m_bonds);
    auto *kindLabel = new QLabel(tr("&Show:"), this);
    kindLabel->setBuddy(m_kinds);
    auto *box = new QHBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(bondLabel);
    box->addWidget(m_bonds);
    box->addWidget(kindLabel);
    box->addWidget(m_kinds);
    box->addStretch(1);
    box->addWidget(m_export);

    connect(m_bonds, &QComboBox::currentIndexChanged, this, &TimelineFilter::apply);
    connect(m_kinds, &QComboBox::currentIndexChanged, this, &TimelineFilter::apply);
}

void TimelineFilter::addBond(const QString &bond)
{
    if (m_known.contains(bond))
        return;
    m_known.insert(bond);
    // Sorted after the two fixed entries.
    int row = AllRow + 1;
    while (row < m_bonds->count() && m_bonds->itemText(row) < bond)
        ++row;
    m_bonds->insertItem(row, bond, bond);
}

void TimelineFilter::apply()
{
    const int row = m_bonds->currentIndex();
    if (row <= SelectedRow)
        m_timeline->setScope(FailoverTimeline::Scope::SelectedBond);
    else if (row == AllRow)
        m_timeline->setScope(FailoverTimeline::Scope::AllBonds);
    else
        m_timeline->setScope(FailoverTimeline::Scope::OneBond, m_bonds->itemData(row).toString());
    m_timeline->setKindFilter(m_kinds->currentData().value<FailoverTimeline::KindFilter>());
}

} // namespace bm::gui
