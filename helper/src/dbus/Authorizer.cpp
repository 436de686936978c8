// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Authorizer.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QMap>

namespace bm::helper {

namespace {

// polkit's Subject: (sa{sv}).
struct PolkitSubject {
    QString kind;
    QVariantMap details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitSubject &subject)
{
    arg.beginStructure();
    arg << subject.kind << subject.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitSubject &subject)
{
    arg.beginStructure();
    arg >> subject.kind >> subject.details;
    arg.endStructure();
    return arg;
}

// polkit's AuthorizationResult: (bba{ss}).
struct PolkitResult {
    bool isAuthorized = false;
    bool isChallenge = false;
    QMap<QString, QString> details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitResult &result)
{
    arg.beginStructure();
    arg << result.isAuthorized << result.isChallenge << result.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitResult &result)
{
    arg.beginStructure();
    arg >> result.isAuthorized >> result.isChallenge >> result.details;
    arg.endStructure();
    return arg;
}

using StringMap = QMap<QString, QString>;

constexpr quint32 AllowUserInteraction = 0x1;

} // namespace
} // namespace bm::helper

Q_DECLARE_METATYPE(bm::helper::PolkitSubject)
Q_DECLARE_METATYPE(bm::helper::PolkitResult)

namespace bm::helper {

Authorizer::Authorizer(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<StringMap>();
}

void Authorizer::check(const QString &actionId, const QMap<QString, QString> &details,
                       const QDBusMessage &callerMessage, Callback callback)
{
    const QString sender = callerMessage.service();
    if (sender.isEmpty()) {
        // Peer-to-peer or malformed: no bus name polkit could look up.
        callback(Outcome::Failed, QStringLiteral("the request has no sender"));
        return;
    }
    const bool interactive = callerMessage.isInteractiveAuthorizationAllowed();

    PolkitSubject subject {QStringLiteral("system-bus-name"),
                           {{QStringLiteral("name"), QVariant::fromValue(sender)}}};
    QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.PolicyKit1"),
            QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
            QStringLiteral("org.freedesktop.PolicyKit1.Authority"), QStringLiteral("CheckAuthorization"));
    call << QVariant::fromValue(subject) << actionId << QVariant::fromValue(StringMap(details))
         << quint32(interactive ? AllowUserInteraction : 0) << QString();

    ++m_pending;
    auto *watcher = new QDBusPendingCallWatcher(
            m_bus.asyncCall(call, interactive ? TimeoutMs : NonInteractiveTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, callback = std::move(callback)](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                --m_pending;
                const QDBusPendingReply<PolkitResult> reply = *w;
                if (reply.isError()) {
                    callback(Outcome::Failed, reply.error().message());
                    return;
                }
                const PolkitResult result = reply.value();
                if (result.isAuthorized)
                    callback(Outcome::Authorized, {});
                else if (result.isChallenge)
                    callback(Outcome::ChallengeFailed, {});
                else
                    callback(Outcome::Denied, {});
            });
}

} // namespace bm::helper
