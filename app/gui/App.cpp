// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "App.h"

#include "BondEvents.h"
#include "CloseToTray.h"
#include "HelperBackend.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SampleBackend.h"
#include "SampleTraffic.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "SingleInstance.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QLibraryInfo>
#include <QLocale>
#include <QStatusBar>
#include <QTranslator>

#include <memory>

namespace bm::gui {

namespace {

void loadTranslations(QApplication &app)
{
    // Qt's own strings (wizard buttons, dialogs) from the system's qt6-translations-l10n, ours
    // compiled into the binary.
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("bond-manager"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
}

} // namespace

int runApp(int &argc, char **argv, AppHooks *hooks)
{
    QApplication app(argc, argv);
    // Where QSettings keeps Settings: ~/.config/bondmanager/bond-manager.conf.
    QApplication::setOrganizationName(QStringLiteral("bondmanager"));
    QApplication::setOrganizationDomain(QStringLiteral("bondmanager.org"));
    QApplication::setApplicationName(QStringLiteral("bond-manager"));
    QApplication::setApplicationDisplayName(QStringLiteral("Bond Manager"));
    QApplication::setApplicationVersion(QStringLiteral(BM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.bondmanager.BondManager"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.bondmanager.BondManager.svg")));
    loadTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
            "main", "Shows and manages the network bonds of this or another machine."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(
            QStringLiteral("host"),
            QApplication::translate("main", "Manage the bonds of another machine, reached with ssh."),
            QStringLiteral("[user@]host"));
    const QCommandLineOption labOption(
            QStringLiteral("lab"),
            QApplication::translate("main", "Manage the bonds of the running lab VM."));
    const QCommandLineOption demoOption(
            QStringLiteral("demo"),
            QApplication::translate("main", "Show made-up sample bonds; changes nothing anywhere."));
    const QCommandLineOption trayOption(
            QStringLiteral("tray"),
            QApplication::translate("main", "Start hidden in the tray, as at login (minimised where "
                                            "there is no tray). Does nothing when already running."));
    parser.addOptions({hostOption, labOption, demoOption, trayOption});
    parser.process(app);

    // One Bond Manager per session: a second start shows the first one's window and leaves.
    SingleInstance instance(QDBusConnection::sessionBus());
    if (!instance.claim()) {
        QString error;
        if (!parser.isSet(trayOption) && !instance.activateRunning(&error)) {
            fprintf(stderr, "bond-manager: already running, but it does not answer: %s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }

    Settings settings;
    MainWindow window;
    if (hooks)
        hooks->windowCreated(&window);
    window.restoreLayout(settings);
    window.setLastHost(settings.lastHost());
    window.setConfirmWithin(settings.confirmWithin());
    Notifier notifier(QDBusConnection::sessionBus());
    notifier.setSettings(&settings);
    CloseToTray closeToTray(&window, &settings);
    std::unique_ptr<BondBackend> backend;
    std::unique_ptr<TrayIcon> tray;

    auto use = [&](std::unique_ptr<BondBackend> next) {
        window.setBackend(next.get());
        if (hooks)
            hooks->backendChanged(next.get());
        QObject::connect(window.eventLog(), &EventLog::eventAdded, &notifier, &Notifier::notify);
        QObject::connect(window.eventLog(), &EventLog::changedWhileAway, &notifier, &Notifier::notifyTogether);
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            if (!tray)
                tray = std::make_unique<TrayIcon>(next.get(), &window);
            else
                tray->setBackend(next.get());
            tray->show();
            closeToTray.setTray(tray.get());
        }
        backend = std::move(next); // the old one goes only after the window let go of it
    };
    auto openTarget = [&](const HelperTarget &target) {
        settings.setLastTarget(target);
        window.setLastHost(settings.lastHost());
        auto helper = std::make_unique<HelperBackend>(target);
        const bool opened = helper->open();
        const QString error = helper->errorString();
        use(std::move(helper));
        if (!opened)
            window.statusBar()->showMessage(error);
    };

    if (parser.isSet(demoOption)) {
        auto sample = std::make_unique<SampleBackend>();
        sample->loadSampleData();
        use(std::move(sample));
        addSampleTraffic(window);
    } else if (parser.isSet(labOption)) {
        openTarget(HelperTarget::lab());
    } else if (parser.isSet(hostOption)) {
        const QString host = parser.value(hostOption);
        const QString problem = HelperConnection::checkHost(host);
        if (!problem.isEmpty()) {
            fprintf(stderr, "bond-manager: --host: %s\n", qPrintable(problem));
            return 2;
        }
        openTarget(HelperTarget::host(host));
    } else if (parser.isSet(trayOption)) {
        // At login: back to the host watched last. A start by hand opens this computer, as ever.
        openTarget(settings.lastTarget());
    } else {
        openTarget(HelperTarget::systemBus());
    }
    QObject::connect(&window, &MainWindow::connectRequested, &window, openTarget);
    QObject::connect(&window, &MainWindow::settingsRequested, &window, [&] {
        const QStringList bonds = window.backend() ? window.backend()->bondNames() : QStringList();
        auto *dialog = new SettingsDialog(&settings, bonds, closeToTray.keepsRunning(), &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::accepted, &window,
                         [&] { window.setConfirmWithin(settings.confirmWithin()); });
        dialog->open();
    });
    QObject::connect(&instance, &SingleInstance::activated, &window, [&window] {
        window.setWindowState(window.windowState() & ~Qt::WindowMinimized);
        window.show();
        window.raise();
        window.activateWindow();
    });
    auto saveLayout = [&] {
        window.saveLayout(settings);
        settings.sync();
    };
    QObject::connect(&closeToTray, &CloseToTray::hiddenToTray, &window, saveLayout);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &window, saveLayout);

    if (!parser.isSet(trayOption))
        window.show();
    else if (!closeToTray.keepsRunning())
        window.showMinimized();
    return app.exec();
}

} // namespace bm::gui
