// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// test-app-probe: bond-manager itself (runApp, app/gui/App.h) with a test's hands on it, for
// TestCloseToTray. It prints "shown" and "hidden" as the main window appears and goes, "quitting"
// when the app ends, and reads commands from stdin: "close" closes the window as its title bar's
// button would, "quit-from-tray" triggers Quit in the tray icon's menu.
#include "App.h"
#include "BondBackend.h"
#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

namespace {

void say(const char *line)
{
    std::printf("%s\n", line);
    std::fflush(stdout);
}

class Probe
    : public QObject
    , public bm::gui::AppHooks
{
public:
    void windowCreated(bm::gui::MainWindow *window) override
    {
        m_window = window;
        window->installEventFilter(this);
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, [] { say("quitting"); });
        auto *input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, window);
        QObject::connect(input, &QSocketNotifier::activated, this, [this, input] {
            char buffer[256];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n <= 0) {
                input->setEnabled(false);
                return;
            }
            m_input += QByteArray(buffer, int(n));
            while (m_input.contains('\n')) {
                const int end = int(m_input.indexOf('\n'));
                const QByteArray command = m_input.left(end).trimmed();
                m_input.remove(0, end + 1);
                run(command);
            }
        });
    }
    void backendChanged(bm::gui::BondBackend *) override { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Show)
            say("shown");
        else if (watched == m_window && event->type() == QEvent::Hide)
            say("hidden");
        return false;
    }

private:
    void run(const QByteArray &command)
    {
        if (command == "close") {
            m_window->close();
        } else if (command == "quit-from-tray") {
            auto *menu = m_window->findChild<QMenu *>(QStringLiteral("trayMenu"));
            if (!menu || menu->actions().isEmpty())
                return say("no tray menu");
            menu->actions().constLast()->trigger();
        }
    }

    bm::gui::MainWindow *m_window = nullptr;
    QByteArray m_input;
};

} // namespace

int main(int argc, char **argv)
{
    Probe probe;
    return bm::gui::runApp(argc, argv, &probe);
}
