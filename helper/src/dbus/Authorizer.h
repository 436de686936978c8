// Asks polkit (org.freedesktop.PolicyKit1.Authority.CheckAuthorization) whether the sender of a
// D-Bus message may perform an action. Asynchronous: the answer arrives in a callback, so the
// helper never runs a nested event loop. Any error, timeout or missing polkit means "no".
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
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
    void check(const QString &actionId, const QDBusMessage &callerMessage, Callback callback);

    int pending() const { return m_pending; }

    // How long polkit may take, interactive authentication included (ms).
    static constexpr int TimeoutMs = 5 * 60 * 1000;

private:
    QDBusConnection m_bus;
    int m_pending = 0;
};

} // namespace bm::helper
