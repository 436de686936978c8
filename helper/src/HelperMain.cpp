// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HelperMain.h"

#include "Authorizer.h"
#include "DBusTypes.h"
#include "ErrorNames.h"
#include "IfupdownService.h"
#include "NetworkManagerService.h"
#include "NetworkdService.h"
#include "Service.h"
#include "helper1_adaptor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>

#include <cstdio>

#include <malloc.h>

namespace bm::helper {

int runHelper(int argc, char **argv, const BackendFactory &makeBackend,
              const AuthorizerFactory &makeAuthorizer)
{
    // Fixed thresholds instead of glibc's sliding ones: freeing a large block (a flap storm's
    // ChangesGathered, a few hundred KiB in the bus library's buffers) raises the sliding mmap
    // threshold to its size and the trim threshold to twice that, so the blocks of the next
    // storm come from the heap, which then keeps megabytes it no longer uses (bm-bench's storm
    // rows: the helper's main heap 3 to 5.6 MB larger after a storm without the GUI). Fixed,
    // blocks from 128 KiB up are mapped and given back whole, and the heap's free top is
    // returned once it passes 256 KiB.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bond-manager-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Privileged D-Bus service of Bond Manager; started by D-Bus activation on the system bus."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption idle(QStringLiteral("idle-timeout"),
                            QStringLiteral("Exit after <seconds> without requests (0: never)."),
                            QStringLiteral("seconds"), QStringLiteral("60"));
    parser.addOption(idle);
    parser.process(app);
    bool ok = false;
    const int idleSeconds = parser.value(idle).toInt(&ok);
    if (!ok || idleSeconds < 0) {
        std::fprintf(stderr, "bond-manager-helper: --idle-timeout needs a number of seconds\n");
        return 2;
    }

    BondManager::registerDBusTypes();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "bond-manager-helper: cannot connect to the system bus: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }

    std::unique_ptr<KernelBackend> backend = makeBackend();
    std::unique_ptr<Authorizer> authorizer = makeAuthorizer ? makeAuthorizer(bus)
                                                            : std::make_unique<Authorizer>(bus);
    Service service(backend.get(), authorizer.get(), bus);
    // The network services bonds are saved with; the runtime one (no service) is the Service's
    // own. Each is asked on `bus`, so the fake helper's private bus has neither NetworkManager nor
    // networkd, and its files are read under BM_FAKE_SYSTEM_ROOT (tests/dbus/fake_helper_main.cpp).
    service.services().add(std::make_unique<IfupdownService>(service.planner(), backend.get()));
    service.services().add(std::make_unique<NetworkdService>(service.planner(), backend.get(), bus));
    service.services().add(std::make_unique<NetworkManagerService>(bus));
    if (!service.start())
        std::fprintf(stderr, "bond-manager-helper: kernel link events are not available; "
                             "signals will be missing\n");
    new Helper1Adaptor(&service);
    if (!bus.registerObject(QLatin1String(BondManager::DBus::ObjectPath), &service)) {
        std::fprintf(stderr, "bond-manager-helper: cannot register the object\n");
        return 1;
    }
    // Registered last, so that no call arrives before the object can answer it.
    const auto reply = bus.interface()->registerService(QLatin1String(BondManager::DBus::ServiceName),
                                                        QDBusConnectionInterface::DontQueueService,
                                                        QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        std::fprintf(stderr, "bond-manager-helper: cannot own %s: %s\n", BondManager::DBus::ServiceName,
                     reply.isValid() ? "already owned" : qPrintable(reply.error().message()));
        return 1;
    }
    service.setIdleTimeout(idleSeconds * 1000);
    return app.exec();
}

} // namespace bm::helper
