// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Stand-ins for NetworkManager 1.42 and systemd-networkd on a bus of their own (a dbus-daemon with
// the session policy, which lets anyone own any name): as much of their D-Bus API as the helper's
// services call, each call recorded with its flags, so that a test can say what a service asked
// for (IN_MEMORY or TO_DISK, the checkpoint's flags and timeout). What the real daemons do with
// it is proven in the lab (tests/lab/services).
#pragma once

#include "NmSettings.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QProcess>

#include <functional>

namespace fixtures {

struct NmCall {
    QString member;
    QString path;
    uint flags = 0;
    bm::helper::NmConnection settings;
};

struct NmCheckpoint {
    QString path;
    QStringList devices;
    uint timeoutS = 0;
    uint flags = 0;
};

class FakeNetworkManager : public QDBusVirtualObject
{
public:
    // Devices for `interfaces` (all activated); `active` profiles (settings) active on some of them.
    explicit FakeNetworkManager(const QStringList &interfaces);

    // Adds a profile (as on disk) active on its interface; its path. `external`: the profile is
    // one NetworkManager generated for a device someone else configured, "connected
    // (externally)" (its activation's StateFlags have NM_ACTIVATION_STATE_FLAG_EXTERNAL).
    QString addActiveProfile(const bm::helper::NmConnection &settings, bool external = false);

    QList<NmCall> calls;
    QList<NmCheckpoint> checkpoints;
    QStringList destroyed;  // CheckpointDestroy
    QStringList rolledBack; // CheckpointRollback
    QMap<QString, bm::helper::NmConnection> profiles;
    QMap<QString, bool> onDisk; // profile -> saved to disk

    QList<NmCall> callsOf(const char *member) const;
    QString devicePath(const QString &name) const;

    QString introspect(const QString &) const override { return QString(); }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

private:
    QVariantList answer(const QDBusMessage &message, QString *error);

    QMap<QString, QString> m_devices;       // name -> path
    QMap<QString, QString> m_deviceActive;  // device path -> active connection path
    QMap<QString, QString> m_activeProfile; // active connection path -> profile path
    QStringList m_external;                 // active connections NetworkManager only follows
    QStringList m_disconnected;             // devices whose port profile was deleted (state 30)
    int m_next = 1;
};

class FakeNetworkd : public QDBusVirtualObject
{
public:
    int reloads = 0;
    QList<int> reconfigured;
    // Members it never answers, as a daemon too busy to.
    QStringList silent;
    std::function<void()> onReload;

    QString introspect(const QString &) const override { return QString(); }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;
};

// A dbus-daemon with both stand-ins on it; `client` is the connection for the services.
class FakeNetworkBus
{
public:
    ~FakeNetworkBus();
    // Empty on success, else why not.
    QString start(const QStringList &interfaces);

    FakeNetworkManager *nm() { return m_nm.get(); }
    FakeNetworkd *networkd() { return &m_networkd; }
    QDBusConnection client() const;
    // The stand-ins give up or take back a daemon's well-known name (NetworkManager stopping and
    // starting); false when the bus refused.
    bool setOnBus(const QString &name, bool on);
    // Stops the dbus-daemon (SIGSTOP) or lets it go on (SIGCONT): a bus too busy to answer.
    void setStopped(bool stopped);

private:
    QProcess m_daemon;
    QString m_address;
    std::unique_ptr<FakeNetworkManager> m_nm;
    FakeNetworkd m_networkd;
};

} // namespace fixtures
