// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Asks polkit (org.freedesktop.PolicyKit1.Authority.CheckAuthorization) whether the sender of a
// D-Bus message may perform an action. Asynchronous: the answer arrives in a callback, so the
// helper never runs a nested event loop. Any error, timeout or missing polkit means "no".
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>

namespace bm::helper {

class Authorizer : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Authorized,
        Denied,          // polkit said no
        ChallengeFailed, // authentication was needed but none happened (no agent, no interaction)
        Failed,          // polkit absent, error or timeout
    };
    using Callback = std::function<void(Outcome, const QString &detail)>;

    explicit Authorizer(const QDBusConnection &bus, QObject *parent = nullptr);

    // The subject is the message's sender (its unique bus name), never anything the caller wrote
    // into arguments. Interaction is allowed only when the caller's message allows it.
    // `details` go to polkit with the question: rules can read them (action.lookup()) and the
    // action's message names them ($(bond) in helper/data/org.bondmanager.policy).
    // Virtual for tests/dbus/fake_helper_main.cpp, whose checks can wait like a silent agent.
    virtual void check(const QString &actionId, const QMap<QString, QString> &details,
                       const QDBusMessage &callerMessage, Callback callback);

    virtual int pending() const { return m_pending; }

    // How long polkit may take, interactive authentication included (ms).
    static constexpr int TimeoutMs = 5 * 60 * 1000;
    // Without interaction polkit only looks up its rules: a longer wait means it is stuck, and
    // the caller's write holds a place the other callers could use.
    static constexpr int NonInteractiveTimeoutMs = 10 * 1000;

private:
    QDBusConnection m_bus;
    int m_pending = 0;
};

} // namespace bm::helper
