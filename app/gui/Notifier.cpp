#include "Notifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace bm::gui {

Notifier::Notifier(const QDBusConnection &sessionBus, QObject *parent)
    : QObject(parent)
    , m_bus(sessionBus)
{
}

bool Notifier::worthNotifying(const BondEvent &event)
{
    return event.kind == BondEvent::Kind::Failover || event.kind == BondEvent::Kind::LinkDown;
}

QString Notifier::summary(const BondEvent &event)
{
    return QStringLiteral("%1: %2").arg(event.bond, event.text);
}

void Notifier::notify(const BondEvent &event)
{
    if (!worthNotifying(event))
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("desktop-entry"), QStringLiteral("org.bondmanager.BondManager")},
                            {QStringLiteral("category"), QStringLiteral("network")},
                            {QStringLiteral("urgency"),
                             QVariant::fromValue(uchar(event.kind == BondEvent::Kind::Failover ? 1 : 2))}};
    call << tr("Bond Manager") << uint(0) << QStringLiteral("org.bondmanager.BondManager")
         << summary(event)
         << tr("At %1").arg(event.when.toString(QStringLiteral("HH:mm:ss")))
         << QStringList() << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    auto report = [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError())
            Q_EMIT sent(0, reply.error().message());
        else
            Q_EMIT sent(reply.value(), QString());
    };
    // A call on a dead connection fails at once, and then no finished() ever comes.
    if (watcher->isFinished())
        QMetaObject::invokeMethod(this, report, Qt::QueuedConnection);
    else
        connect(watcher, &QDBusPendingCallWatcher::finished, this, report);
}

} // namespace bm::gui
