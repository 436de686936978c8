// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CloseToTray.h"

#include "Settings.h"

#include <QApplication>
#include <QCloseEvent>
#include <QSystemTrayIcon>
#include <QWidget>

namespace bm::gui {

CloseToTray::CloseToTray(QWidget *window, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
{
    window->installEventFilter(this);
}

void CloseToTray::setTray(QSystemTrayIcon *tray)
{
    m_tray = tray;
    // A dialog closed while the window is in the tray would otherwise be the last window closed.
    QApplication::setQuitOnLastWindowClosed(!tray);
}

bool CloseToTray::keepsRunning() const
{
    return m_tray && m_tray->isVisible();
}

bool CloseToTray::eventFilter(QObject *watched, QEvent *event)
{
    // At logout the session manager closes every window; refusing would cancel the logout.
    if (watched != m_window || event->type() != QEvent::Close || !keepsRunning() || qApp->isSavingSession())
        return QObject::eventFilter(watched, event);
    event->ignore();
    m_window->hide();
    const bool firstTime = !m_settings->trayHintShown();
    if (firstTime) {
        m_tray->showMessage(tr("Bond Manager keeps running"),
                            tr("It watches the bonds from the tray and tells you about failovers. To end "
                               "it, choose Quit in the tray icon's menu or in the File menu."),
                            QSystemTrayIcon::Information, 15000);
        m_settings->setTrayHintShown(true);
        m_settings->sync();
    }
    Q_EMIT hiddenToTray(firstTime);
    return true;
}

} // namespace bm::gui
