// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-test-caller: a separate D-Bus client process for the dbus tests (tests/support/TestCaller.h),
// so that calls can come from another uid (the test drops privileges in the child) or from a
// caller that vanishes before the reply. Prints "ok" or the D-Bus error name on the first line,
// the message on the second; after "ok", the reply: a string with its newlines as '|', a map as
// its keys' paths ("ad", "slaves.actorLacpPdu"), sorted and comma-separated.
//   bm-test-caller [--no-wait] METHOD [ARG...]   CreateBond NAME "k=v;k=v" "slave,slave"
//                                                SetOptions NAME "k=v;k=v"; others take strings
//   bm-test-caller own                           try to own org.bondmanager.Helper1
//   --interactive   the calls allow interactive authorization
//   --repeat N      sends the call N times at once and prints each reply's line pair as it
//                   arrives; exits once all have arrived or after 60 s
//   bm-test-caller --flood                       writes and reads until stdin closes (CallerFlood.h)
#include "CallerFlood.h"
#include "ErrorNames.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QTimer>

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

// Maps within maps and lists of maps come undecoded as QDBusArgument.
void keyPaths(const QVariant &value, const QString &path, QStringList &into)
{
    if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const QDBusArgument arg = value.value<QDBusArgument>();
        if (arg.currentType() == QDBusArgument::MapType)
            keyPaths(qdbus_cast<QVariantMap>(arg), path, into);
        else if (arg.currentType() == QDBusArgument::ArrayType)
            keyPaths(qdbus_cast<QVariantList>(arg), path, into);
        return;
    }
    if (value.metaType() == QMetaType::fromType<QVariantList>()) {
        for (const QVariant &item : value.toList())
            keyPaths(item, path, into);
        return;
    }
    if (value.metaType() != QMetaType::fromType<QVariantMap>())
        return;
    const QVariantMap map = value.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString key = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        if (!into.contains(key))
            into << key;
        keyPaths(it.value(), key, into);
    }
}

QString describe(const QDBusMessage &reply)
{
    if (reply.arguments().isEmpty())
        return QString();
    const QVariant value = reply.arguments().constFirst();
    if (value.metaType() == QMetaType::fromType<QString>())
        return value.toString().replace(QLatin1Char('\n'), QLatin1Char('|'));
    QStringList paths;
    keyPaths(value, QString(), paths);
    paths.sort();
    return paths.join(QLatin1Char(','));
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
    const bool interactive = args.removeAll(QStringLiteral("--interactive")) > 0;
    const bool flooding = args.removeAll(QStringLiteral("--flood")) > 0;
    int repeat = 0;
    if (const int at = args.indexOf(QStringLiteral("--repeat")); at >= 0 && at + 1 < args.size()) {
        repeat = args.at(at + 1).toInt();
        args.remove(at, 2);
    }
    if (args.isEmpty() && !flooding)
        return print(QStringLiteral("usage"), QStringLiteral("bm-test-caller [--no-wait] METHOD [ARG...]"), 2);
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return print(QStringLiteral("noconnection"), bus.lastError().message(), 2);
    if (flooding)
        return flood(bus);

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
    call.setInteractiveAuthorizationAllowed(interactive);

    if (repeat > 0) {
        int left = repeat;
        for (int i = 0; i < repeat; ++i) {
            auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 60000), &app);
            QObject::connect(watcher, &QDBusPendingCallWatcher::finished, &app,
                             [&left](QDBusPendingCallWatcher *w) {
                                 const QDBusMessage reply = w->reply();
                                 if (reply.type() == QDBusMessage::ErrorMessage)
                                     print(reply.errorName(), reply.errorMessage(), 1);
                                 else
                                     print(QStringLiteral("ok"), QString(), 0);
                                 if (--left == 0)
                                     QCoreApplication::quit();
                             });
        }
        QTimer::singleShot(60000, &app, &QCoreApplication::quit);
        return app.exec();
    }

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
    return print(QStringLiteral("ok"), describe(reply), 0);
}
