// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BondHeader.h"

#include "ArpAdvice.h"
#include "StatusText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
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
    , m_form(new QFormLayout)
    , m_addresses(valueLabel("addresses", this))
    , m_mac(valueLabel("mac", this))
    , m_mtu(valueLabel("mtu", this))
    , m_saved(valueLabel("saved", this))
    , m_saveWith(new QPushButton(this))
    , m_saveWithMenu(new QMenu(this))
    , m_drift(valueLabel("drift", this))
    , m_saveWhatRuns(new QPushButton(tr("Save What Runs"), this))
    , m_restoreSaved(new QPushButton(tr("Restore Saved"), this))
    , m_arpAdvice(new QPushButton(this))
    , m_drill(new QPushButton(tr("Test Failover…"), this))
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
    title->addWidget(m_drill);
    m_drill->setObjectName(QStringLiteral("testFailover"));
    connect(m_drill, &QPushButton::clicked, this, &BondHeader::drillRequested);

    auto *mii = new QHBoxLayout;
    mii->addWidget(m_miiIcon);
    mii->addWidget(m_mii, 1);

    auto *form = m_form;
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Bond link (MII):"), mii);
    form->addRow(m_activeLabel, m_active);
    form->addRow(m_primaryLabel, m_primary);
    auto *monitoring = new QHBoxLayout;
    monitoring->addWidget(m_monitoring, 1);
    monitoring->addWidget(m_arpAdvice);
    form->addRow(tr("Monitoring:"), monitoring);
    m_arpAdvice->setObjectName(QStringLiteral("arpAdvice"));
    m_arpAdvice->hide();
    connect(m_arpAdvice, &QPushButton::clicked, this, [this] { Q_EMIT optionsRequested(m_arpAdviceOptions); });

    m_saveWith->setObjectName(QStringLiteral("saveWith"));
    m_saveWhatRuns->setObjectName(QStringLiteral("saveWhatRuns"));
    m_restoreSaved->setObjectName(QStringLiteral("restoreSaved"));
    m_saveWhatRuns->setToolTip(tr("Save the configuration the bond runs with now, so that it comes back "
                                  "after a reboot"));
    m_restoreSaved->setToolTip(tr("Change the running bond back to its saved configuration"));
    connect(m_saveWith, &QPushButton::clicked, this, [this] {
        // One service: the button saves there; several: the menu chooses.
        if (m_saveWith->menu() == nullptr)
            Q_EMIT saveRequested(m_saveWith->property("service").toString());
    });
    connect(m_saveWhatRuns, &QPushButton::clicked, this, [this] { Q_EMIT saveRequested(m_backend); });
    connect(m_restoreSaved, &QPushButton::clicked, this, &BondHeader::restoreRequested);

    m_savedRow = new QHBoxLayout;
    m_savedRow->addWidget(m_saved, 1);
    m_savedRow->addWidget(m_saveWith);
    m_driftRow = new QHBoxLayout;
    m_driftRow->addWidget(m_drift, 1);
    m_driftRow->addWidget(m_saveWhatRuns);
    m_driftRow->addWidget(m_restoreSaved);
    form->addRow(tr("Addresses:"), m_addresses);
    form->addRow(tr("MAC address:"), m_mac);
    form->addRow(tr("MTU:"), m_mtu);
    form->addRow(tr("Saved:"), m_savedRow);
    form->addRow(tr("Differs:"), m_driftRow);

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
    const std::optional<ArpAdvice> advice = ArpAdvice::forBond(bond);
    m_arpAdvice->setVisible(advice.has_value());
    m_arpAdviceOptions = advice ? advice->options() : QVariantMap();
    if (advice) {
        m_arpAdvice->setText(advice->actionText());
        m_arpAdvice->setToolTip(advice->explanation());
        m_arpAdvice->setAccessibleDescription(advice->explanation());
    }

    const bool drillable = mode == BondMode::ActiveBackup;
    m_drill->setEnabled(drillable);
    m_drill->setToolTip(
            drillable
                    ? tr("Make the next backup slave active, check that the gateway still answers, "
                         "and make %1 active again")
                              .arg(bond.activeSlave().isEmpty() ? tr("the active slave") : bond.activeSlave())
                    : tr("Only an active-backup bond has a backup slave to test a failover with"));

    setLink(bond.link);

    setAccessibleName(tr("Bond %1").arg(bond.name));
    setAccessibleDescription(
            tr("%1, %2, monitoring: %3").arg(m_health->text(), m_mode->text(), m_monitoring->text()));
}

void BondHeader::setLink(const BondLink &link)
{
    // An older helper sends none of these: their lines are left out rather than shown empty.
    const bool linkKnown = !link.mac.isEmpty() || link.mtu.has_value() || link.persistence.has_value();
    m_addresses->setText(link.addresses.isEmpty() ? tr("none") : link.addresses.join(QStringLiteral(", ")));
    m_form->setRowVisible(m_addresses, linkKnown || !link.addresses.isEmpty());
    m_mac->setText(link.mac);
    m_form->setRowVisible(m_mac, !link.mac.isEmpty());
    m_mtu->setText(link.mtu ? QString::number(*link.mtu) : QString());
    m_form->setRowVisible(m_mtu, link.mtu.has_value());

    const BondPersistence where = link.persistence.value_or(BondPersistence());
    m_backend = where.isSaved() ? where.backend : QString();
    QStringList details;
    if (!where.profile.isEmpty())
        details << tr("profile %1").arg(where.profile);
    if (!where.uuid.isEmpty())
        details << tr("UUID %1").arg(where.uuid);
    if (!where.unsaved.isEmpty())
        details << tr("not saved, live until the next boot: %1").arg(where.unsaved.join(QStringLiteral(", ")));
    details << where.warnings;
    QString saved = StatusText::persistence(where);
    if (!details.isEmpty())
        saved += QStringLiteral(" (%1)").arg(details.join(QStringLiteral("; ")));
    m_saved->setText(saved);
    m_form->setRowVisible(m_savedRow, !where.backend.isEmpty());

    const bool offerSave = !where.isSaved() && !where.backend.isEmpty() && !where.saveWith.isEmpty();
    m_saveWith->setVisible(offerSave);
    m_saveWithMenu->clear();
    if (where.saveWith.size() == 1) {
        m_saveWith->setMenu(nullptr);
        //: %1 a network service: NetworkManager, systemd-networkd, ifupdown
        m_saveWith->setText(tr("Save with %1").arg(StatusText::serviceName(where.saveWith.first())));
        m_saveWith->setProperty("service", where.saveWith.first());
    } else if (offerSave) {
        for (const QString &service : where.saveWith) {
            QAction *action = m_saveWithMenu->addAction(StatusText::serviceName(service));
            connect(action, &QAction::triggered, this, [this, service] { Q_EMIT saveRequested(service); });
        }
        m_saveWith->setText(tr("Save With…"));
        m_saveWith->setMenu(m_saveWithMenu);
    }

    QStringList drift;
    for (const BondDrift &d : link.drift)
        drift << StatusText::drift(d);
    m_drift->setText(
            drift.isEmpty()
                    ? QString()
                    : tr("What runs differs from what is saved: %1").arg(drift.join(QStringLiteral("; "))));
    m_form->setRowVisible(m_driftRow, !drift.isEmpty());
}

QString BondHeader::addressesText() const
{
    return m_addresses->text();
}
QString BondHeader::macText() const
{
    return m_mac->text();
}
QString BondHeader::mtuText() const
{
    return m_mtu->text();
}
QString BondHeader::savedText() const
{
    return m_saved->text();
}
QString BondHeader::driftText() const
{
    return m_drift->text();
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
