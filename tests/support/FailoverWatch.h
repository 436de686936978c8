// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The failovers the helper sends, as any client on the bus hears them: each Failover, and each one
// a ChangesGathered carries (a backlog's window), in the order sent. What a client's own account
// of them (BondStore, bondctl monitor) is compared with.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QStringList>

#include <memory>

class HelperProxy;

class FailoverWatch : public QObject
{
public:
    // Listening once this returns.
    explicit FailoverWatch(const QDBusConnection &bus);
    ~FailoverWatch() override;

    // "OLD>NEW" per failover, the bond's name left out.
    QStringList sent;
    // The most failovers one ChangesGathered carried: 2 or more proves a backlog was gathered.
    int mostGathered = 0;

private:
    std::unique_ptr<HelperProxy> m_proxy;
};
