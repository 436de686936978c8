// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Renders the main window on the sample host, its tray menu, the settings, a failover test's result
// and the creation wizard into PNG files, for the README and for looking at the UI:
// `gui-screenshots OUTDIR [QM]` (under Xvfb or offscreen).
#include "CreateBondWizard.h"
#include "DrillResult.h"
#include "MainWindow.h"
#include "SampleBackend.h"
#include "SlaveTile.h"
#include "Sparkline.h"
#include "BondEvents.h"
#include "BondView.h"
#include "Notifier.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"
#include "WizardPages.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDBusConnection>
#include <QDir>
#include <QScreen>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QtMath>

using namespace bm;
using namespace bm::gui;

static bool save(QWidget &w, const QString &path)
{
    const bool ok = w.grab().save(path);
    fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // BM_SCREENSHOT_DARK=1: a dark palette, to check that everything follows the palette.
    if (qEnvironmentVariableIsSet("BM_SCREENSHOT_DARK")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Button, QColor(55, 55, 60));
        dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        dark.setColor(QPalette::ToolTipBase, QColor(60, 60, 40));
        dark.setColor(QPalette::ToolTipText, QColor(240, 240, 220));
        dark.setColor(QPalette::Highlight, QColor(61, 142, 201));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
        QApplication::setPalette(dark);
    }
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath();
    QDir().mkpath(out);
    // Optional: a compiled translation to render the UI in, e.g. build/translations/bond-manager_de.qm.
    QTranslator translator;
    if (argc > 2 && translator.load(QString::fromLocal8Bit(argv[2])))
        QApplication::installTranslator(&translator);

    SampleBackend backend;
    backend.loadSampleData();
    MainWindow window;
    window.setBackend(&backend);
    window.resize(1100, 720);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    // A failover as the kernel would report it, so the timeline and tiles show one.
    backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::Down);
    backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::GoingBack);
    const QList<SlaveTile *> tiles = window.bondView()->tiles();
    for (int t = 0; t < tiles.size(); ++t) {
        for (int i = 0; i < 60; ++i) {
            const double base = i < 40 || t == 1 ? 3e6 : 2e4;
            tiles.at(t)->sparkline()->addSample(base * (1.2 + qSin(i / 5.0 + t)),
                                                base * (0.6 + 0.4 * qCos(i / 7.0 + t)));
        }
    }
    tiles.first()->setFocus();
    QApplication::processEvents();
    bool ok = save(window, out + QStringLiteral("/main-window.png"));

    // With a notification server on the session bus (e.g. dunst on the same display): the failover
    // notification as the desktop shows it, over the window.
    if (qEnvironmentVariableIsSet("BM_SCREENSHOT_NOTIFY")) {
        Notifier notifier(QDBusConnection::sessionBus());
        QSignalSpy sent(&notifier, &Notifier::sent);
        const QList<BondEvent> events = window.eventLog()->events(QStringLiteral("bond0"));
        for (const BondEvent &e : events) {
            if (e.kind == BondEvent::Kind::Failover)
                notifier.notify(e);
        }
        if (sent.wait(5000) && sent.first().at(0).toUInt() > 0) {
            // The server draws its popup on its own schedule; give it a moment to appear.
            QTest::qWait(1000);
            const QPixmap screen = window.screen()->grabWindow(0);
            ok = screen.copy(window.screen()->geometry().width() - 520, 0, 520, 160)
                         .save(out + QStringLiteral("/notification.png"))
                 && ok;
        } else {
            fprintf(stderr, "no notification server answered\n");
        }
    }

    // The tray's menu, as a tray host pops it up.
    TrayIcon tray(&backend, &window);
    if (QMenu *menu = tray.contextMenu()) {
        menu->popup(window.geometry().center());
        if (QTest::qWaitForWindowExposed(menu))
            ok = save(*menu, out + QStringLiteral("/tray-menu.png")) && ok;
        menu->hide();
    }

    // The settings, kept in a file of their own: the user's stay untouched.
    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("bond-manager.conf")));
    SettingsDialog settingsDialog(&settings, backend.bondNames(), true, &window);
    settingsDialog.show();
    if (QTest::qWaitForWindowExposed(&settingsDialog))
        ok = save(settingsDialog, out + QStringLiteral("/settings.png")) && ok;
    settingsDialog.hide();

    // "Test Failover…" on bond0, its cable mended: the sample host's drill and its result.
    backend.setLink(QStringLiteral("bond0"), QStringLiteral("eth0"), MiiStatus::Up);
    QMessageBox *drill = nullptr;
    backend.drill(QStringLiteral("bond0"), [&](const DrillReport &report, const ActionResult &error) {
        if (error.isError())
            fprintf(stderr, "the sample drill failed: %s\n", qPrintable(error.message));
        else
            drill = DrillResult::show(&window, QStringLiteral("bond0"), report);
    });
    if (QTest::qWaitFor([&] { return drill != nullptr; }, 5000) && QTest::qWaitForWindowExposed(drill))
        ok = save(*drill, out + QStringLiteral("/drill-result.png")) && ok;
    if (drill)
        drill->close();

    CreateBondWizard wizard(&backend);
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard))
        return 1;
    ok = save(wizard, out + QStringLiteral("/wizard-name.png")) && ok;
    wizard.next();
    ok = save(wizard, out + QStringLiteral("/wizard-mode.png")) && ok;
    wizard.next();
    auto *slaves = static_cast<SlavesPage *>(wizard.page(CreateBondWizard::SlavesId));
    if (!QTest::qWaitFor([&] { return slaves->list()->count() > 0; }, 5000))
        return 1;
    slaves->list()->item(0)->setCheckState(Qt::Checked);
    slaves->list()->item(1)->setCheckState(Qt::Checked);
    ok = save(wizard, out + QStringLiteral("/wizard-slaves.png")) && ok;
    wizard.next();
    ok = save(wizard, out + QStringLiteral("/wizard-monitoring.png")) && ok;
    return ok ? 0 : 1;
}
