// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The master's line above the tiles: name, mode in plain words with the kernel's name, the bond's
// MII status, active slave, primary, how links are monitored, and the bond's own link (addresses,
// MAC, MTU), where it is saved and how what runs differs from what is saved, with the actions
// that reconcile them. Lines the helper sends nothing for (an older helper) are hidden.
#pragma once

#include "BondTypes.h"

#include <QVariantMap>
#include <QWidget>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QMenu;
class QPushButton;

namespace bm::gui {

class BondHeader : public QWidget
{
    Q_OBJECT
public:
    explicit BondHeader(QWidget *parent = nullptr);

    void setBond(const BondInfo &bond);

    QString nameText() const;
    QString modeText() const;
    QString miiText() const;
    QString activeText() const;
    QString primaryText() const;
    QString monitoringText() const;
    QString addressesText() const;
    QString macText() const;
    QString mtuText() const;
    QString savedText() const;
    QString driftText() const;
    // Shown only when they apply: the bond is saved nowhere and a service could take it; drift.
    QPushButton *saveWithButton() const { return m_saveWith; }
    QPushButton *saveWhatRunsButton() const { return m_saveWhatRuns; }
    QPushButton *restoreSavedButton() const { return m_restoreSaved; }
    // "Also watch the path to GATEWAY (ARP)" (ArpAdvice): shown only for a bond it applies to.
    QPushButton *arpAdviceButton() const { return m_arpAdvice; }
    // "Test Failover…": enabled for an active-backup bond only, its tooltip saying why not.
    QPushButton *drillButton() const { return m_drill; }

Q_SIGNALS:
    // Save what runs through this service (SaveBond).
    void saveRequested(const QString &saveWith);
    // Make the kernel match the saved configuration (RestoreSaved).
    void restoreRequested();
    // The ISL advice was taken: these options (ArpAdvice::options()) for SetOptions.
    void optionsRequested(const QVariantMap &options);
    // "Test Failover…": the failover drill (BondBackend::drill).
    void drillRequested();

private:
    void setLink(const BondLink &link);
    QLabel *m_name;
    QLabel *m_healthIcon;
    QLabel *m_health;
    QLabel *m_mode;
    QLabel *m_miiIcon;
    QLabel *m_mii;
    QLabel *m_active;
    QLabel *m_primary;
    QLabel *m_monitoring;
    QLabel *m_activeLabel;
    QLabel *m_primaryLabel;
    QFormLayout *m_form;
    QLabel *m_addresses;
    QLabel *m_mac;
    QLabel *m_mtu;
    QLabel *m_saved;
    QPushButton *m_saveWith;
    QMenu *m_saveWithMenu;
    QLabel *m_drift;
    QPushButton *m_saveWhatRuns;
    QPushButton *m_restoreSaved;
    QPushButton *m_arpAdvice;
    QPushButton *m_drill;
    QVariantMap m_arpAdviceOptions;
    QHBoxLayout *m_savedRow = nullptr;
    QHBoxLayout *m_driftRow = nullptr;
    QString m_backend; // where the bond is saved now: "Save what runs" saves there
};

} // namespace bm::gui
