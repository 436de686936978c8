// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Notifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QHash>

#include <algorithm>

namespace bm::gui {

Notifier::Notifier(const QDBusConnection &sessionBus, QObject *parent)
    : QObject(parent)
    , m_bus(sessionBus)
{
    m_flush.setSingleShot(true);
    connect(&m_flush, &QTimer::timeout, this, &Notifier::flushPending);
}

bool Notifier::worthNotifying(const BondEvent &event)
{
    return event.kind == BondEvent::Kind::Failover || event.kind == BondEvent::Kind::LinkDown
           || event.kind == BondEvent::Kind::WhileAway;
}

QString Notifier::summary(const BondEvent &event)
{
    return QStringLiteral("%1: %2").arg(event.bond, event.text);
}

std::optional<Settings::Notify> Notifier::notifyKind(BondEvent::Kind kind)
{
    switch (kind) {
    case BondEvent::Kind::Failover:
        return Settings::Notify::Failover;
    case BondEvent::Kind::LinkDown:
        return Settings::Notify::SlaveDown;
    case BondEvent::Kind::LinkUp:
        return Settings::Notify::SlaveUp;
    default:
        return std::nullopt;
    }
}

bool Notifier::wants(const BondEvent &event) const
{
    if (!m_settings)
        return worthNotifying(event);
    const std::optional<Settings::Notify> kind = notifyKind(event.kind);
    return kind && m_settings->notifies(event.bond, *kind);
}

void Notifier::notify(const BondEvent &event)
{
    if (!wants(event) || event.kind == BondEvent::Kind::WhileAway)
        return;
    if (m_pending.isEmpty() && (!m_lastSent.isValid() || m_lastSent.elapsed() >= IntervalMs)) {
        m_lastSent.start();
        send(summary(event), tr("At %1").arg(event.when.toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
             event.kind == BondEvent::Kind::Failover, 0);
        return;
    }
    m_pending.append(event);
    if (!m_flush.isActive())
        m_flush.start(int(qMax<qint64>(0, IntervalMs - m_lastSent.elapsed())));
}

void Notifier::notifyTogether(const QList<BondEvent> &events)
{
    for (const BondEvent &e : events) {
        if (worthNotifying(e))
            m_pending.append(e);
    }
    m_flush.stop();
    flushPending();
}

void Notifier::flushPending()
{
    const QList<BondEvent> events = std::exchange(m_pending, {});
    if (events.isEmpty())
        return;
    m_lastSent.start();
    // Per bond the event to name: its latest failover, else its latest event. Bonds with a
    // failover come first, each in the order it first appeared.
    QStringList order;
    QHash<QString, const BondEvent *> chosen;
    for (const BondEvent &e : events) {
        const BondEvent *&c = chosen[e.bond];
        if (!c)
            order << e.bond;
        if (!c || e.kind == BondEvent::Kind::Failover || c->kind != BondEvent::Kind::Failover)
            c = &e;
    }
    std::stable_sort(order.begin(), order.end(), [&](const QString &a, const QString &b) {
        return chosen.value(a)->kind == BondEvent::Kind::Failover
               && chosen.value(b)->kind != BondEvent::Kind::Failover;
    });
    const bool failover = chosen.value(order.first())->kind == BondEvent::Kind::Failover;
    constexpr int MaxLines = 4;
    QStringList lines;
    for (const QString &bond : std::as_const(order)) {
        if (lines.size() == MaxLines)
            break;
        lines << summary(*chosen.value(bond));
    }
    const qsizetype notShown = events.size() - lines.size();
    const QString time = events.last().when.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    QString title;
    QString body;
    if (order.size() == 1) {
        title = lines.first();
        body = tr("At %1").arg(time);
    } else {
        title = tr("Bond Manager: %1 bonds changed").arg(order.size());
        body = lines.join(QLatin1Char('\n'));
    }
    if (notShown > 0)
        body += QLatin1Char('\n') + tr("Changes not shown: %1 (see the timeline)").arg(notShown);
    // Replaces the previous notification: a storm is one notification being updated.
    send(title, body, failover, m_lastId);
}

void Notifier::send(const QString &summary, const QString &body, bool failover, uint replaces)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    const QVariantMap hints {{QStringLiteral("desktop-entry"), QStringLiteral("org.bondmanager.BondManager")},
                             {QStringLiteral("category"), QStringLiteral("network")},
                             {QStringLiteral("urgency"), QVariant::fromValue(uchar(failover ? 1 : 2))}};
    call << tr("Bond Manager") << replaces << QStringLiteral("org.bondmanager.BondManager") << summary << body
         << QStringList() << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    auto report = [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            Q_EMIT sent(0, reply.error().message());
            return;
        }
        m_lastId = reply.value();
        Q_EMIT sent(m_lastId, QString());
    };
    // A call on a dead connection fails at once, and then no finished() ever comes.
    if (watcher->isFinished())
        QMetaObject::invokeMethod(this, report, Qt::QueuedConnection);
    else
        connect(watcher, &QDBusPendingCallWatcher::finished, this, report);
}

} // namespace bm::gui
