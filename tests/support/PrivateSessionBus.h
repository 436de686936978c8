// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A session bus of a test's own: a private dbus-daemon --session, for what the app does on the
// desktop's bus (single instance, notifications, the tray). Stopped with the object.
#pragma once

#include <QProcess>
#include <QString>

class PrivateSessionBus
{
public:
    ~PrivateSessionBus();

    // Empty on success, else what went wrong (dbus-daemon missing, or it said no address).
    QString start();
    void stop();
    QString address() const { return m_address; }

private:
    QProcess m_daemon;
    QString m_address;
};
