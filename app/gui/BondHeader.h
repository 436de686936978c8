// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The master's line above the tiles: name, mode in plain words with the kernel's name, the bond's
// MII status, active slave, primary, and how links are monitored.
#pragma once

#include "BondTypes.h"

#include <QWidget>

class QLabel;

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

private:
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
};

} // namespace bm::gui
