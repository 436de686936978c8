// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The tray icon: the worst health of all bonds as icon and tool tip (words), a menu to show the
// window or quit. Hidden where the desktop has no tray.
#pragma once

#include <QSystemTrayIcon>

namespace bm::gui {

class BondBackend;
class Coalescer;

class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    TrayIcon(BondBackend *backend, QWidget *window, QObject *parent = nullptr);
    void setBackend(BondBackend *backend);
    QString summary() const { return toolTip(); }

private:
    void refresh();

    BondBackend *m_backend = nullptr;
    QWidget *m_window;
    // Bond changes come by the hundred in a storm; the tray says "worst of all", a few times a
    // second is plenty.
    Coalescer *m_refresh;
    // What the icon shows now: re-setting it makes the tray host fetch and render it again.
    int m_iconShown = -1;
};

} // namespace bm::gui
