// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Settings ▸ Configure Bond Manager…: start in the tray at login, which notifications each bond
// gives (failover, slave down, slave up), and how long a change made as a trial waits to be kept.
// Applied on OK.
#pragma once

#include "Settings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QSpinBox;
class QTreeWidget;

namespace bm::gui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // bonds: those of the host shown now; the bonds with switches of their own are added.
    SettingsDialog(Settings *settings, const QStringList &bonds, bool trayAvailable,
                   QWidget *parent = nullptr);

    // Writes the choices (the autostart entry too); false with lastError() when that failed.
    bool apply();
    QString lastError() const { return m_error; }

    QCheckBox *autostartBox() const { return m_autostart; }
    // One row per bond, a check box column per kind (column 1 + int(Settings::Notify)).
    QTreeWidget *notifyTable() const { return m_table; }
    QSpinBox *confirmWithinBox() const { return m_confirmWithin; }

    void accept() override;

private:
    Settings *m_settings;
    QCheckBox *m_autostart;
    QTreeWidget *m_table;
    QSpinBox *m_confirmWithin;
    QString m_error;
};

} // namespace bm::gui
