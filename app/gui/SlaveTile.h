// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One slave of the selected bond as the kernel reports it: link (MII) status by icon and word, active
// or backup, primary marker, failures, speed, permanent address, 802.3ad aggregator and partner, and
// a traffic sparkline. Offers the one-click actions that fit the bond's mode.
#pragma once

#include "BondTypes.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QTime;
class QToolButton;

namespace bm::gui {

class Sparkline;

class SlaveTile : public QFrame
{
    Q_OBJECT
public:
    explicit SlaveTile(QWidget *parent = nullptr);

    // bond gives the context: mode, primary, active slave, the active aggregator.
    void setSlave(const SlaveInfo &slave, const BondInfo &bond);
    QString slaveName() const { return m_slave.name; }
    QString bondName() const { return m_bond.name; }
    // The role the tile shows (active / backup), empty when it shows none.
    std::optional<SlaveState> roleShown() const { return m_role; }
    const SlaveInfo &slave() const { return m_slave; }
    Sparkline *sparkline() const { return m_sparkline; }
    // Disables the buttons while a request for this tile is on its way.
    void setBusy(bool busy);
    // Errors and drops counted on this interface since `since` (the first reading): shown as a
    // sentence once either is above 0, hidden while both are 0.
    void setTrafficTrouble(quint64 errors, quint64 drops, const QTime &since);
    QString trafficTroubleText() const;
    // Marks the tile as the last known state of a lost connection (icon and text), buttons off.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void makePrimaryRequested(const QString &slave);
    void makeActiveRequested(const QString &slave);
    void removeRequested(const QString &slave);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();
    void showMenu(const QPoint &globalPos);

    SlaveInfo m_slave;
    bool m_hasActiveSlave = false;
    bool m_isPrimary = false;
    bool m_isActive = false;
    bool m_busy = false;
    bool m_stale = false;
    bool m_refreshed = false;
    std::optional<SlaveState> m_role;
    BondInfo m_bond;

    QLabel *m_name;
    QLabel *m_staleIcon;
    QLabel *m_staleText;
    QLabel *m_miiIcon;
    QLabel *m_miiText;
    QLabel *m_roleIcon;
    QLabel *m_roleText;
    QLabel *m_primaryIcon;
    QLabel *m_primaryText;
    QLabel *m_failures;
    QLabel *m_speed;
    QLabel *m_address;
    QLabel *m_lacp;
    QLabel *m_trouble;
    Sparkline *m_sparkline;
    QPushButton *m_makePrimary;
    QPushButton *m_makeActive;
    QToolButton *m_more;
};

} // namespace bm::gui
