// bm-test-caller: a separate D-Bus client process for TestService, so that calls can come from
// another uid (the test drops privileges in the child) or from a caller that vanishes before the
// reply. Prints "ok" or the D-Bus error name on the first line, the message on the second.
//   bm-test-caller [--no-wait] METHOD [ARG...]   CreateBond NAME "k=v;k=v" "slave,slave"
//                                                SetOptions NAME "k=v;k=v"; others take strings
//   bm-test-caller own                           try to own org.bondmanager.Helper1
#include "ErrorNames.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>

#include <cstdio>
#include <unistd.h>

namespace {

QVariantMap optionMap(const QString &text)
{
    QVariantMap map;
    for (const QString &pair : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        map.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return map;
}

int print(const QString &first, const QString &second, int code)
{
    std::printf("%s\n%s\n", qPrintable(first), qPrintable(second));
    std::fflush(stdout);
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool noWait = args.removeAll(QStringLiteral("--no-wait")) > 0;
    if (args.isEmpty())
        return print(QStringLiteral("usage"), QStringLiteral("bm-test-caller [--no-wait] METHOD [ARG...]"), 2);
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return print(QStringLiteral("noconnection"), bus.lastError().message(), 2);

    const QString method = args.takeFirst();
    if (method == QLatin1String("own")) {
        const auto reply = bus.interface()->registerService(QLatin1String(BondManager::DBus::ServiceName));
        if (!reply.isValid())
            return print(reply.error().name(), reply.error().message(), 1);
        return print(QStringLiteral("ok"), QString::number(int(reply.value())), 0);
    }

    QDBusMessage call = QDBusMessage::createMethodCall(
        QLatin1String(BondManager::DBus::ServiceName), QLatin1String(BondManager::DBus::ObjectPath),
        QLatin1String(BondManager::DBus::InterfaceName), method);
    QVariantList callArgs;
    for (int i = 0; i < args.size(); ++i) {
        if (method == QLatin1String("CreateBond") && i == 2)
            callArgs << args.at(i).split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if ((method == QLatin1String("CreateBond") || method == QLatin1String("SetOptions")) && i == 1)
            callArgs << optionMap(args.at(i));
        else
            callArgs << args.at(i);
    }
    call.setArguments(callArgs);

    if (noWait) {
        bus.send(call);
        // A round trip to the bus daemon guarantees the call left this process before it vanishes.
        bus.interface()->call(QStringLiteral("GetId"));
        print(QStringLiteral("sent"), bus.baseService(), 0);
        _exit(0);
    }
    const QDBusMessage reply = bus.call(call, QDBus::Block, 60000);
    if (reply.type() == QDBusMessage::ErrorMessage)
        return print(reply.errorName(), reply.errorMessage(), 1);
    return print(QStringLiteral("ok"), QString(), 0);
}
