// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondHeader.h"

#include "StatusText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace bm::gui {

namespace {

QLabel *valueLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

BondHeader::BondHeader(QWidget *parent)
    : QWidget(parent)
    , m_name(valueLabel("name", this))
    , m_healthIcon(new QLabel(this))
    , m_health(valueLabel("health", this))
    , m_mode(valueLabel("mode", this))
    , m_miiIcon(new QLabel(this))
    , m_mii(valueLabel("mii", this))
    , m_active(valueLabel("active", this))
    , m_primary(valueLabel("primary", this))
    , m_monitoring(valueLabel("monitoring", this))
    , m_activeLabel(new QLabel(tr("Active slave:"), this))
    , m_primaryLabel(new QLabel(tr("Primary:"), this))
{
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(false);

    auto *title = new QHBoxLayout;
    title->addWidget(m_name);
    title->addSpacing(12);
    title->addWidget(m_healthIcon);
    title->addWidget(m_health, 1);

    auto *mii = new QHBoxLayout;
    mii->addWidget(m_miiIcon);
    mii->addWidget(m_mii, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Bond link (MII):"), mii);
    form->addRow(m_activeLabel, m_active);
    form->addRow(m_primaryLabel, m_primary);
    form->addRow(tr("Monitoring:"), m_monitoring);

    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addLayout(title);
    box->addLayout(form);
}

void BondHeader::setBond(const BondInfo &bond)
{
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const Health health = StatusText::health(bond);

    // Unchanged texts and icons leave their labels alone (no relayout, no repaint).
    m_name->setText(bond.name);
    StatusText::showIcon(m_healthIcon, StatusText::healthIcon(health), iconSize);
    m_health->setText(StatusText::health(health));
    m_mode->setText(StatusText::modeWithKernelName(bond));
    StatusText::showIcon(m_miiIcon, StatusText::miiIcon(bond.miiStatus), iconSize);
    m_mii->setText(StatusText::mii(bond.miiStatus));

    const auto mode = bond.mode();
    const bool hasActive = mode && StatusText::hasActiveSlave(*mode);
    m_active->setVisible(hasActive);
    m_activeLabel->setVisible(hasActive);
    m_primary->setVisible(hasActive);
    m_primaryLabel->setVisible(hasActive);
    m_active->setText(bond.activeSlave().isEmpty() ? tr("none") : bond.activeSlave());
    QString primary = bond.primary().isEmpty() ? tr("none") : bond.primary();
    const QString reselect = bond.options.value(QStringLiteral("primary_reselect")).toString();
    if (!bond.primary().isEmpty() && !reselect.isEmpty())
        //: %1 interface, %2 the kernel's primary_reselect value (always, better, failure)
        primary = tr("%1 (takes over again: %2)").arg(primary, reselect);
    m_primary->setText(primary);
    m_monitoring->setText(StatusText::monitoring(bond));

    setAccessibleName(tr("Bond %1").arg(bond.name));
    setAccessibleDescription(
            tr("%1, %2, monitoring: %3").arg(m_health->text(), m_mode->text(), m_monitoring->text()));
}

QString BondHeader::nameText() const
{
    return m_name->text();
}
QString BondHeader::modeText() const
{
    return m_mode->text();
}
QString BondHeader::miiText() const
{
    return m_mii->text();
}
QString BondHeader::activeText() const
{
    return m_active->text();
}
QString BondHeader::primaryText() const
{
    return m_primary->text();
}
QString BondHeader::monitoringText() const
{
    return m_monitoring->text();
}

} // namespace bm::gui
