// The tray icon: the worst health of all bonds as icon and tool tip (words), a menu to show the
// window or quit. Hidden where the desktop has no tray.
#pragma once

#include <QSystemTrayIcon>

namespace bm::gui {

class BondBackend;

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
};

} // namespace bm::gui
