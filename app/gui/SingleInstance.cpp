// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SingleInstance.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>

namespace bm::gui {

namespace {

const QString ActivationTokenKey = QStringLiteral("activation-token");

} // namespace

SingleInstance::SingleInstance(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{ }

SingleInstance::~SingleInstance()
{
    if (m_registered) {
        m_bus.unregisterService(QLatin1String(ServiceName));
        m_bus.unregisterObject(QLatin1String(ObjectPath));
    }
}

bool SingleInstance::claim()
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return true;
    // The object first: a second start that sees the name may call Activate at once.
    if (!m_bus.registerObject(QLatin1String(ObjectPath), this, QDBusConnection::ExportScriptableSlots))
        return true;
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply = m_bus.interface()->registerService(
            QLatin1String(ServiceName), QDBusConnectionInterface::DontQueueService,
            QDBusConnectionInterface::DontAllowReplacement);
    if (reply.isValid() && reply.value() == QDBusConnectionInterface::ServiceRegistered) {
        m_registered = true;
        return true;
    }
    m_bus.unregisterObject(QLatin1String(ObjectPath));
    // A bus that refuses the name for another reason than its owner: better two windows than none.
    return !reply.isValid();
}

bool SingleInstance::activateRunning(QString *error)
{
    QVariantMap platformData;
    // Wayland's xdg-activation: the launcher's token lets the running window take the focus
    // that this start was given.
    if (const QString token = qEnvironmentVariable("XDG_ACTIVATION_TOKEN"); !token.isEmpty())
        platformData.insert(ActivationTokenKey, token);
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(ServiceName), QLatin1String(ObjectPath),
                                                       QStringLiteral("org.freedesktop.Application"),
                                                       QStringLiteral("Activate"));
    call << platformData;
    const QDBusMessage reply = m_bus.call(call, QDBus::Block, 10000);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        if (error)
            *error = reply.errorMessage();
        return false;
    }
    return true;
}

void SingleInstance::Activate(const QVariantMap &platformData)
{
    // Handed on the way a launcher hands it to a new process, through the environment, where
    // Qt's Wayland platform looks for it when a window asks to be activated.
    if (const QString token = platformData.value(ActivationTokenKey).toString(); !token.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", token.toUtf8());
    Q_EMIT activated();
}

} // namespace bm::gui
