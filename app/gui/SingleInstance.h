// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// One Bond Manager per desktop session: the first start owns the session bus name
// org.bondmanager.BondManager and offers org.freedesktop.Application's Activate there (the
// interface desktops use to start and raise D-Bus activatable applications); a later start calls
// Activate and leaves. Without a session bus every start runs on its own, as before.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QVariantMap>

namespace bm::gui {

class SingleInstance : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Application")
public:
    static constexpr const char *ServiceName = "org.bondmanager.BondManager";
    static constexpr const char *ObjectPath = "/org/bondmanager/BondManager";

    explicit SingleInstance(const QDBusConnection &bus, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the one to run: it now owns the name, or there is no session bus.
    bool claim();
    // Asks the running instance to show its window (with the desktop's activation token, when
    // the launcher gave one). False with *error when it did not answer.
    bool activateRunning(QString *error = nullptr);

public Q_SLOTS:
    Q_SCRIPTABLE void Activate(const QVariantMap &platformData);

Q_SIGNALS:
    void activated();

private:
    QDBusConnection m_bus;
    bool m_registered = false;
};

} // namespace bm::gui
