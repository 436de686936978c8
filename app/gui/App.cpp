// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "App.h"

#include "BondEvents.h"
#include "HelperBackend.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SampleBackend.h"
#include "SampleTraffic.h"
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
    parser.addOptions({hostOption, labOption, demoOption});
    parser.process(app);

    MainWindow window;
    if (hooks)
        hooks->windowCreated(&window);
    Notifier notifier(QDBusConnection::sessionBus());
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
        }
        backend = std::move(next); // the old one goes only after the window let go of it
    };
    auto openTarget = [&](const HelperTarget &target) {
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
    } else {
        openTarget(HelperTarget::systemBus());
    }
    QObject::connect(&window, &MainWindow::connectRequested, &window, openTarget);

    window.show();
    return app.exec();
}

} // namespace bm::gui
