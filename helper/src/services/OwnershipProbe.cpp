// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OwnershipProbe.h"

#include "InterfacesFile.h"
#include "SystemRoot.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace bm::helper::OwnershipProbe {

namespace {

// The reply's arguments; empty when the call failed (no such device, service gone, timeout).
// `late` is set when no answer came within `timeoutMs`: the service is busy, not without the
// device.
QVariantList call(const QDBusConnection &bus, const QString &service, const QString &path,
                  const QString &interface, const QString &method, const QVariantList &args, int timeoutMs,
                  bool *late = nullptr)
{
    QDBusMessage message = QDBusMessage::createMethodCall(service, path, interface, method);
    message.setArguments(args);
    message.setAutoStartService(false); // detection never starts a service
    const QDBusMessage reply = bus.call(message, QDBus::Block, timeoutMs);
    if (reply.type() == QDBusMessage::ReplyMessage)
        return reply.arguments();
    const QDBusError::ErrorType error = QDBusError(reply).type();
    if (late && (error == QDBusError::NoReply || error == QDBusError::Timeout))
        *late = true;
    return QVariantList();
}

QVariant property(const QDBusConnection &bus, const QString &service, const QString &path,
                  const QString &interface, const QString &name, int timeoutMs, bool *late)
{
    const QVariant v = call(bus, service, path, QStringLiteral("org.freedesktop.DBus.Properties"),
                            QStringLiteral("Get"), {interface, name}, timeoutMs, late)
                               .value(0);
    return v.value<QDBusVariant>().variant();
}

// False when the bus daemon did not answer, and then `answered` is cleared.
bool hasOwner(const QDBusConnection &bus, const QString &name, int timeoutMs, bool *answered)
{
    const QVariantList reply = call(
            bus, QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"), {name}, timeoutMs);
    if (reply.isEmpty())
        *answered = false;
    return reply.value(0).toBool();
}

// A whole word: not part of a longer interface-name-like token.
bool namesWord(const QString &text, const QString &word)
{
    const QRegularExpression re(
            QStringLiteral("(?<![A-Za-z0-9_.@-])%1(?![A-Za-z0-9_.@-])").arg(QRegularExpression::escape(word)));
    return re.match(text).hasMatch();
}

QString withoutComments(const QByteArray &yaml)
{
    QStringList lines;
    for (const QByteArray &line : yaml.split('\n')) {
        QString text = QString::fromUtf8(line);
        const qsizetype hash = text.indexOf(QLatin1Char('#'));
        if (hash >= 0 && (hash == 0 || text.at(hash - 1).isSpace()))
            text.truncate(hash);
        lines << text;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QMap<QString, QString> ifupdownInterfaces()
{
    QMap<QString, QString> names;
    auto add = [&](const QByteArray &name, const QString &file) {
        const QString n = QString::fromUtf8(name);
        if (!n.isEmpty() && n != QLatin1String("none") && !names.contains(n))
            names.insert(n, file);
    };
    for (const QString &path : InterfacesFile::includedFiles()) {
        QFile file(SystemRoot::path(path));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<InterfacesFile::Line> lines = InterfacesFile::split(file.readAll());
        for (const InterfacesFile::Stanza &stanza : InterfacesFile::ifaceStanzas(lines)) {
            add(stanza.name, path);
            for (int i : stanza.options) {
                const InterfacesFile::Line &line = lines.at(i);
                const QByteArray key = QByteArray(line.keyword()).replace('_', '-');
                if (key == "bond-slaves" || key == "slaves") {
                    for (int w = 1; w < line.words.size(); ++w)
                        add(line.words.at(w).text, path);
                }
            }
        }
    }
    return names;
}

namespace {

struct NetplanText {
    QString path; // host path
    QString text; // without comments
};

// Every netplan YAML file (/etc/netplan, /run/netplan, /lib/netplan: *.yaml) in the order netplan
// reads them; a later file of the same name overrides an earlier one. Read once for all the
// interfaces of a question: each listing and read is a round trip where / is a network share (the
// lab's 9p root), and GetBond asks for a bond and each of its slaves.
QList<NetplanText> netplanTexts()
{
    QList<NetplanText> texts;
    for (const char *folder : {"/etc/netplan", "/run/netplan", "/lib/netplan"}) {
        const QString host = QString::fromLatin1(folder);
        const QStringList names = QDir(SystemRoot::path(host))
                                          .entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
        for (const QString &name : names) {
            QFile file(SystemRoot::path(host + QLatin1Char('/') + name));
            if (file.open(QIODevice::ReadOnly))
                texts.append({host + QLatin1Char('/') + name, withoutComments(file.readAll())});
        }
    }
    return texts;
}

QString firstNaming(const QList<NetplanText> &texts, const QString &iface)
{
    for (const NetplanText &t : texts)
        if (namesWord(t.text, iface))
            return t.path;
    return QString();
}

} // namespace

QString netplanFile(const QString &iface)
{
    return firstNaming(netplanTexts(), iface);
}

void addFileFacts(QList<InterfaceFacts> *facts)
{
    const QMap<QString, QString> ifupdown = ifupdownInterfaces();
    const QList<NetplanText> netplan = netplanTexts();
    for (InterfaceFacts &f : *facts) {
        f.ifupdownFile = ifupdown.value(f.name);
        f.netplanFile = firstNaming(netplan, f.name);
    }
}

BusNames busNames(const QDBusConnection &bus, int timeoutMs)
{
    BusNames names;
    names.networkManager = hasOwner(bus, NetworkManagerBusName, timeoutMs, &names.answered);
    names.networkd = hasOwner(bus, NetworkdBusName, timeoutMs, &names.answered);
    return names;
}

void addBusFacts(QList<InterfaceFacts> *facts, const QDBusConnection &bus, int timeoutMs)
{
    addBusFacts(facts, bus, busNames(bus, timeoutMs), timeoutMs);
}

void addBusFacts(QList<InterfaceFacts> *facts, const QDBusConnection &bus, const BusNames &names,
                 int timeoutMs)
{
    const bool nm = names.networkManager;
    const bool networkd = names.networkd;
    for (InterfaceFacts &f : *facts) {
        f.nmRunning = nm;
        f.networkdRunning = networkd;
        if (nm) {
            bool late = false;
            const QVariant device = call(bus, NetworkManagerBusName,
                                         QStringLiteral("/org/freedesktop/NetworkManager"),
                                         NetworkManagerBusName, QStringLiteral("GetDeviceByIpIface"),
                                         {f.name}, timeoutMs, &late)
                                            .value(0);
            const QString path = device.value<QDBusObjectPath>().path();
            if (!path.isEmpty()) {
                const QVariant managed = property(bus, NetworkManagerBusName, path,
                                                  QStringLiteral("org.freedesktop.NetworkManager.Device"),
                                                  QStringLiteral("Managed"), timeoutMs, &late);
                if (managed.isValid())
                    f.nmManaged = managed.toBool();
            }
            if (late)
                f.unanswered << networkOwnerName(NetworkOwner::NetworkManager);
        }
        if (networkd) {
            bool late = false;
            // GetLinkByName returns (ifindex, path).
            const QVariantList link = call(bus, NetworkdBusName, QStringLiteral("/org/freedesktop/network1"),
                                           QStringLiteral("org.freedesktop.network1.Manager"),
                                           QStringLiteral("GetLinkByName"), {f.name}, timeoutMs, &late);
            const QString path = link.value(1).value<QDBusObjectPath>().path();
            if (!path.isEmpty())
                f.networkdState = property(bus, NetworkdBusName, path,
                                           QStringLiteral("org.freedesktop.network1.Link"),
                                           QStringLiteral("AdministrativeState"), timeoutMs, &late)
                                          .toString();
            if (late)
                f.unanswered << networkOwnerName(NetworkOwner::Networkd);
        }
    }
}

} // namespace bm::helper::OwnershipProbe
