// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SlaveTile.h"

#include "Sparkline.h"
#include "StatusText.h"

#include <QContextMenuEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QStylePainter>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

namespace bm::gui {

namespace {

QLabel *makeLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *makeIcon(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setFixedSize(18, 18);
    return label;
}

} // namespace

SlaveTile::SlaveTile(QWidget *parent)
    : QFrame(parent)
    , m_name(makeLabel("name", this))
    , m_staleIcon(makeIcon("staleIcon", this))
    , m_staleText(makeLabel("staleText", this))
    , m_miiIcon(makeIcon("miiIcon", this))
    , m_miiText(makeLabel("miiText", this))
    , m_roleIcon(makeIcon("roleIcon", this))
    , m_roleText(makeLabel("roleText", this))
    , m_primaryIcon(makeIcon("primaryIcon", this))
    , m_primaryText(makeLabel("primaryText", this))
    , m_failures(makeLabel("failures", this))
    , m_speed(makeLabel("speed", this))
    , m_address(makeLabel("address", this))
    , m_lacp(makeLabel("lacp", this))
    , m_trouble(makeLabel("trafficTrouble", this))
    , m_sparkline(new Sparkline(this))
    , m_makePrimary(new QPushButton(tr("Make primary"), this))
    , m_makeActive(new QPushButton(tr("Make active now"), this))
    , m_more(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_name->setFont(big);

    m_makePrimary->setObjectName(QStringLiteral("makePrimary"));
    m_makeActive->setObjectName(QStringLiteral("makeActive"));
    m_more->setObjectName(QStringLiteral("more"));
    m_more->setText(tr("More"));
    m_more->setToolTip(tr("More actions for this slave"));
    m_more->setAutoRaise(true);
    m_more->setArrowType(Qt::DownArrow);
    m_sparkline->setObjectName(QStringLiteral("sparkline"));
    m_trouble->setWordWrap(true);
    m_trouble->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_name, 1);
    top->addWidget(m_primaryIcon);
    top->addWidget(m_primaryText);
    top->addWidget(m_more);

    auto *status = new QGridLayout;
    status->setHorizontalSpacing(6);
    status->addWidget(m_miiIcon, 0, 0);
    status->addWidget(m_miiText, 0, 1);
    status->addWidget(m_roleIcon, 1, 0);
    status->addWidget(m_roleText, 1, 1);
    status->setColumnStretch(1, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_makePrimary);
    buttons->addWidget(m_makeActive);
    buttons->addStretch(1);

    auto *staleRow = new QHBoxLayout;
    staleRow->addWidget(m_staleIcon);
    staleRow->addWidget(m_staleText, 1);
    m_staleIcon->hide();
    m_staleText->hide();

    auto *box = new QVBoxLayout(this);
    box->addLayout(staleRow);
    box->addLayout(top);
    box->addLayout(status);
    box->addWidget(m_speed);
    box->addWidget(m_failures);
    box->addWidget(m_address);
    box->addWidget(m_lacp);
    box->addWidget(m_sparkline);
    box->addWidget(m_trouble);
    box->addLayout(buttons);

    connect(m_makePrimary, &QPushButton::clicked, this, [this] { Q_EMIT makePrimaryRequested(m_slave.name); });
    connect(m_makeActive, &QPushButton::clicked, this, [this] { Q_EMIT makeActiveRequested(m_slave.name); });
    connect(m_more, &QToolButton::clicked, this,
            [this] { showMenu(m_more->mapToGlobal(QPoint(0, m_more->height()))); });
}

QSize SlaveTile::sizeHint() const
{
    return {280, QFrame::sizeHint().height()};
}

void SlaveTile::setSlave(const SlaveInfo &slave, const BondInfo &bond)
{
    // Most updates of a bond leave most of its slaves as they were: nothing to redo then.
    if (m_refreshed && slave == m_slave && bond.name == m_bond.name && bond.options == m_bond.options
        && bond.ad == m_bond.ad)
        return;
    m_slave = slave;
    m_bond = bond;
    const auto mode = bond.mode();
    m_hasActiveSlave = mode && StatusText::hasActiveSlave(*mode);
    m_isPrimary = !bond.primary().isEmpty() && bond.primary() == slave.name;
    // rtnetlink reports the state; /proc only names the active slave.
    m_isActive = slave.state ? *slave.state == SlaveState::Active : bond.activeSlave() == slave.name;
    refresh();
}

void SlaveTile::setTrafficTrouble(quint64 errors, quint64 drops, const QTime &since)
{
    QStringList parts;
    if (errors > 0)
        //: receive and transmit errors counted since a time, e.g. "errors +3"
        parts << tr("errors +%1").arg(errors);
    if (drops > 0)
        //: packets dropped since a time, e.g. "drops +12"
        parts << tr("drops +%1").arg(drops);
    m_trouble->setVisible(!parts.isEmpty());
    m_trouble->setText(parts.isEmpty() ? QString()
                                       //: %1 a time of day, %2 "errors +3, drops +12"
                                       : tr("Since %1: %2")
                                                 .arg(QLocale().toString(since, QLocale::ShortFormat),
                                                      parts.join(tr(", "))));
}

QString SlaveTile::trafficTroubleText() const
{
    return m_trouble->isHidden() ? QString() : m_trouble->text();
}

void SlaveTile::setBusy(bool busy)
{
    m_busy = busy;
    refresh();
}

void SlaveTile::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    refresh();
}

void SlaveTile::refresh()
{
    m_refreshed = true;
    // Labels are set, not rebuilt: QLabel ignores an unchanged text, showIcon an unchanged icon,
    // so a failover repaints two labels per tile instead of relaying the tile out.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);

    m_name->setText(m_slave.name);
    // Not by colour alone: an icon and words say that what follows may no longer be true.
    m_staleIcon->setVisible(m_stale);
    m_staleText->setVisible(m_stale);
    StatusText::showIcon(m_staleIcon, m_stale ? StatusText::miiIcon(MiiStatus::Unknown) : QIcon(), iconSize);
    m_staleText->setText(tr("Last known state, not live"));
    StatusText::showIcon(m_miiIcon, StatusText::miiIcon(m_slave.miiStatus), iconSize);
    m_miiText->setText(tr("Link %1").arg(StatusText::mii(m_slave.miiStatus)));

    std::optional<SlaveState> role = m_slave.state;
    if (!role && m_hasActiveSlave && !m_bond.activeSlave().isEmpty())
        role = m_isActive ? SlaveState::Active : SlaveState::Backup;
    m_role = role;
    if (role) {
        StatusText::showIcon(m_roleIcon, StatusText::slaveStateIcon(*role), iconSize);
        m_roleText->setText(*role == SlaveState::Active ? tr("Active: carries traffic")
                                                        : tr("Backup: standing by"));
    } else {
        StatusText::showIcon(m_roleIcon, QIcon(), iconSize);
        m_roleText->setText(tr("Role not reported"));
    }

    m_primaryIcon->setVisible(m_isPrimary);
    m_primaryText->setVisible(m_isPrimary);
    StatusText::showIcon(m_primaryIcon, StatusText::primaryIcon(), iconSize);
    m_primaryText->setText(tr("Primary"));

    m_speed->setText(StatusText::speed(m_slave));
    m_failures->setText(m_slave.linkFailureCount ? tr("Link failures: %1").arg(*m_slave.linkFailureCount)
                                                 : tr("Link failures: not reported"));
    m_address->setText(m_slave.permHwAddr.isEmpty() ? tr("Permanent address: not reported")
                                                    : tr("Permanent address: %1").arg(m_slave.permHwAddr));

    const bool lacp = m_bond.mode() == BondMode::Ieee8023ad;
    m_lacp->setVisible(lacp);
    if (lacp) {
        QString aggregator = m_slave.aggregatorId ? QString::number(*m_slave.aggregatorId) : tr("none");
        const QVariant activeAgg = m_bond.ad.value(QStringLiteral("aggregatorId"));
        if (m_slave.aggregatorId && activeAgg.isValid() && activeAgg.toUInt() == *m_slave.aggregatorId)
            aggregator = tr("%1 (active)").arg(aggregator);
        QString partner = m_slave.partnerLacpPdu.value(QStringLiteral("systemMac")).toString();
        if (partner.isEmpty() && m_slave.aggregatorId && activeAgg.isValid()
            && activeAgg.toUInt() == *m_slave.aggregatorId)
            partner = m_bond.ad.value(QStringLiteral("partnerMac")).toString();
        if (partner.isEmpty() || partner == QLatin1String("00:00:00:00:00:00"))
            partner = tr("no partner");
        m_lacp->setText(tr("Aggregator %1, partner %2").arg(aggregator, partner));
    }

    m_makePrimary->setVisible(m_hasActiveSlave);
    m_makeActive->setVisible(m_hasActiveSlave);
    const bool idle = !m_busy && !m_stale;
    m_makePrimary->setEnabled(idle && !m_isPrimary);
    m_makeActive->setEnabled(idle && !m_isActive && m_slave.miiStatus == MiiStatus::Up);
    m_makeActive->setToolTip(m_slave.miiStatus == MiiStatus::Up
                                     ? tr("Move traffic to %1 now").arg(m_slave.name)
                                     : tr("Only a slave whose link is up can become active"));
    m_makePrimary->setToolTip(tr("Prefer %1 whenever its link is up").arg(m_slave.name));
    m_more->setEnabled(idle);

    QStringList description;
    if (m_stale)
        description << m_staleText->text();
    description << tr("link %1").arg(StatusText::mii(m_slave.miiStatus));
    if (role)
        description << StatusText::slaveState(role);
    if (m_isPrimary)
        description << tr("primary");
    description << m_speed->text() << m_failures->text();
    if (lacp)
        description << m_lacp->text();
    setAccessibleName(tr("Slave %1").arg(m_slave.name));
    setAccessibleDescription(description.join(QStringLiteral(", ")));
    setToolTip(accessibleDescription());
}

void SlaveTile::showMenu(const QPoint &globalPos)
{
    QMenu menu(this);
    if (m_hasActiveSlave) {
        menu.addAction(tr("Make primary"), this, [this] {
                Q_EMIT makePrimaryRequested(m_slave.name);
            })->setEnabled(m_makePrimary->isEnabled());
        menu.addAction(tr("Make active now"), this, [this] {
                Q_EMIT makeActiveRequested(m_slave.name);
            })->setEnabled(m_makeActive->isEnabled());
        menu.addSeparator();
    }
    menu.addAction(tr("Remove from bond"), this, [this] {
            Q_EMIT removeRequested(m_slave.name);
        })->setEnabled(!m_busy && !m_stale);
    menu.exec(globalPos);
}

void SlaveTile::contextMenuEvent(QContextMenuEvent *event)
{
    showMenu(event->globalPos());
}

void SlaveTile::keyPressEvent(QKeyEvent *event)
{
    // The keyboard way to the same menu a right click opens.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        showMenu(mapToGlobal(rect().center()));
        return;
    }
    QFrame::keyPressEvent(event);
}

void SlaveTile::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    // A focused tile must be visible as such for keyboard users; the style draws its own marker.
    if (!hasFocus())
        return;
    QStylePainter painter(this);
    QStyleOptionFocusRect option;
    option.initFrom(this);
    option.rect = rect().adjusted(2, 2, -2, -2);
    option.backgroundColor = palette().color(QPalette::Base);
    painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
}

void SlaveTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // A new style may have another icon size.
        for (QLabel *icon : {m_miiIcon, m_roleIcon, m_primaryIcon, m_staleIcon})
            icon->setProperty("bmIconKey", QVariant());
        refresh();
    }
    QFrame::changeEvent(event);
}

} // namespace bm::gui
