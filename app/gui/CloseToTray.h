// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Life in the tray: while the tray shows Bond Manager, closing the window only hides it, so
// failovers are still heard about; the first time, a message from the tray icon says so (once,
// remembered in Settings). Quit (tray menu, File menu) ends the app. Without a tray closing the
// window quits, as it always did.
#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace bm::gui {

class Settings;

class CloseToTray : public QObject
{
    Q_OBJECT
public:
    CloseToTray(QWidget *window, Settings *settings, QObject *parent = nullptr);

    // The tray the window goes to; nullptr (no StatusNotifier host, no tray) makes closing quit.
    void setTray(QSystemTrayIcon *tray);
    bool keepsRunning() const;

Q_SIGNALS:
    // The window went to the tray; firstTime when the hint was shown with it.
    void hiddenToTray(bool firstTime);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    Settings *m_settings;
    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace bm::gui
