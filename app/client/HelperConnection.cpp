// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HelperConnection.h"

#include <QAtomicInt>
#include <QDBusError>
#include <QFile>

#include <unistd.h>

namespace bm {

QString HelperTarget::describe() const
{
    switch (kind) {
    case Kind::SystemBus:
        return QStringLiteral("the system bus");
    case Kind::Host:
        return QStringLiteral("host %1").arg(value);
    case Kind::Lab:
        return QStringLiteral("the lab");
    case Kind::Address:
        return QStringLiteral("bus %1").arg(value);
    }
    return QString();
}

HelperConnection::HelperConnection(const HelperTarget &target)
    : m_target(target)
    , m_bus(QString())
{ }

HelperConnection::~HelperConnection()
{
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
}

QString HelperConnection::nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("bm-helper-%1").arg(counter.fetchAndAddRelaxed(1));
}

bool HelperConnection::isOpen() const
{
    return m_bus.isConnected();
}

bool HelperConnection::open(Sharing sharing)
{
    m_error.clear();
    QString address;
    switch (m_target.kind) {
    case HelperTarget::Kind::SystemBus:
        if (sharing == Sharing::NewConnection) {
            m_connectionName = nextConnectionName();
            m_bus = QDBusConnection::connectToBus(QDBusConnection::SystemBus, m_connectionName);
        } else {
            m_bus = QDBusConnection::systemBus();
        }
        if (!m_bus.isConnected()) {
            m_error = QStringLiteral("cannot reach the system bus: %1").arg(m_bus.lastError().message());
            return false;
        }
        return true;
    case HelperTarget::Kind::Host: {
        const QString problem = checkHost(m_target.value);
        if (!problem.isEmpty()) {
            m_error = problem;
            return false;
        }
        address = sshBusAddress(m_target.value);
        break;
    }
    case HelperTarget::Kind::Lab: {
        const QString path = labBusAddressFile();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("the lab is not running (cannot read %1); start it with "
                                     "tests/lab/host start")
                              .arg(path);
            return false;
        }
        address = QString::fromUtf8(file.read(64 * 1024)).trimmed();
        if (address.isEmpty()) {
            m_error = QStringLiteral("%1 holds no bus address; restart the lab with "
                                     "tests/lab/host start")
                              .arg(path);
            return false;
        }
        break;
    }
    case HelperTarget::Kind::Address:
        address = m_target.value;
        break;
    }

    m_connectionName = nextConnectionName();
    m_bus = QDBusConnection::connectToBus(address, m_connectionName);
    if (!m_bus.isConnected()) {
        m_error = QStringLiteral("cannot reach the bus of %1: %2")
                          .arg(m_target.describe(), m_bus.lastError().message());
        return false;
    }
    return true;
}

QString HelperConnection::checkHost(const QString &userAtHost)
{
    if (userAtHost.isEmpty())
        return QStringLiteral("--host needs a host name, [user@]host");
    if (userAtHost.startsWith(QLatin1Char('-')))
        return QStringLiteral("host '%1' must not start with '-'").arg(userAtHost);
    for (QChar c : userAtHost) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return QStringLiteral("host '%1' must not contain blanks or control characters").arg(userAtHost);
    }
    const qsizetype at = userAtHost.lastIndexOf(QLatin1Char('@'));
    if (at == 0 || at == userAtHost.size() - 1)
        return QStringLiteral("host '%1' must be [user@]host").arg(userAtHost);
    return QString();
}

QString HelperConnection::escapeAddressValue(const QString &value)
{
    static const char hex[] = "0123456789abcdef";
    QString out;
    const QByteArray utf8 = value.toUtf8();
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        const bool optional = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                              || c == '-' || c == '_' || c == '/' || c == '.' || c == '*';
        if (optional) {
            out += QLatin1Char(char(c));
        } else {
            out += QLatin1Char('%');
            out += QLatin1Char(hex[c >> 4]);
            out += QLatin1Char(hex[c & 0xf]);
        }
    }
    return out;
}

QString HelperConnection::sshBusAddress(const QString &userAtHost)
{
    const QStringList argv {QStringLiteral("-xT"),
                            QStringLiteral("-oServerAliveInterval=3"),
                            QStringLiteral("-oServerAliveCountMax=2"),
                            QStringLiteral("-oConnectTimeout=10"),
                            userAtHost,
                            QStringLiteral("systemd-stdio-bridge")};
    QString address = QStringLiteral("unixexec:path=ssh");
    for (qsizetype i = 0; i < argv.size(); ++i)
        address += QStringLiteral(",argv%1=%2").arg(i + 1).arg(escapeAddressValue(argv.at(i)));
    return address;
}

QString HelperConnection::labBusAddressFile()
{
    QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty())
        runtime = QStringLiteral("/tmp");
    return QStringLiteral("%1/bond-manager-lab-%2/bus-address").arg(runtime).arg(getuid());
}

} // namespace bm
