// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Where the helper is and how to reach its bus: the local system bus, another machine's system bus
// through ssh + systemd-stdio-bridge (docs/architecture.md §3), or the lab's (tests/lab/host).
#pragma once

#include <QDBusConnection>
#include <QString>

namespace bm {

struct HelperTarget {
    enum class Kind { SystemBus, Host, Lab, Address };
    Kind kind = Kind::SystemBus;
    QString value; // Host: "[user@]host"; Address: a D-Bus address

    static HelperTarget systemBus() { return {}; }
    static HelperTarget host(const QString &userAtHost) { return {Kind::Host, userAtHost}; }
    static HelperTarget lab() { return {Kind::Lab, QString()}; }
    static HelperTarget address(const QString &dbusAddress) { return {Kind::Address, dbusAddress}; }

    // For messages: "the system bus", "host example.org", "the lab", "bus unix:path=...".
    QString describe() const;
};

// Opens (and for private connections, closes) the bus connection to one target. The system bus
// honours DBUS_SYSTEM_BUS_ADDRESS, which the tests use to point clients at a private bus.
class HelperConnection
{
public:
    explicit HelperConnection(const HelperTarget &target = HelperTarget::systemBus());
    ~HelperConnection();
    HelperConnection(const HelperConnection &) = delete;
    HelperConnection &operator=(const HelperConnection &) = delete;

    // SharedSystemBus uses the process's system bus connection; NewConnection opens one of its
    // own, which a reconnect needs (Qt never reopens its shared one once the bus went away).
    enum class Sharing { SharedSystemBus, NewConnection };

    // Connects; false with errorString() set (one sentence) when the bus cannot be reached.
    // May block while ssh authenticates; safe to call on any thread.
    bool open(Sharing sharing = Sharing::SharedSystemBus);
    bool isOpen() const;
    QDBusConnection bus() const { return m_bus; }
    QString errorString() const { return m_error; }
    const HelperTarget &target() const { return m_target; }

    // Empty when "[user@]host" is usable; otherwise why not. Refuses what ssh would read as an
    // option ("-oProxyCommand=...") and anything with blanks or control characters.
    static QString checkHost(const QString &userAtHost);
    // unixexec:path=ssh,argv1=-xT,argv2=-oServerAliveInterval=3,argv3=-oServerAliveCountMax=2,
    // argv4=-oConnectTimeout=10,argv5=<host>,argv6=systemd-stdio-bridge, values escaped: ssh's
    // keep-alives end a link to a host that went away within 9 s, so the client notices.
    static QString sshBusAddress(const QString &userAtHost);
    // D-Bus address value escaping: bytes outside [-0-9A-Za-z_/.*] become %XX (UTF-8).
    static QString escapeAddressValue(const QString &value);
    // ${XDG_RUNTIME_DIR:-/tmp}/bond-manager-lab-<uid>/bus-address, written by tests/lab/host.
    static QString labBusAddressFile();

private:
    static QString nextConnectionName();

    HelperTarget m_target;
    QDBusConnection m_bus;
    QString m_connectionName; // set for private connections, which we must disconnect
    QString m_error;
};

} // namespace bm
