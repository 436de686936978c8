// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HelperLink.h"

#include "DBusValues.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QThread>

namespace bm {

HelperLink::HelperLink(const HelperTarget &target, HelperClient::SignalThread signalThread, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_signalThread(signalThread)
{
    m_pingTimer.setInterval(m_quietMs / 4);
    connect(&m_pingTimer, &QTimer::timeout, this, &HelperLink::ping);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &HelperLink::reconnect);
}

HelperLink::~HelperLink()
{
    // A reconnect under way owns its own connection; let it end before the process may.
    if (m_thread)
        m_thread->wait();
    // The client uses the connection: it goes first.
    m_client.reset();
    m_connection.reset();
}

void HelperLink::setTimings(int quietMs, int pingTimeoutMs, int firstRetryMs, int maxRetryMs)
{
    m_quietMs = quietMs;
    m_pingTimer.setInterval(qMax(1, quietMs / 4));
    m_pingTimeoutMs = pingTimeoutMs;
    m_firstRetryMs = firstRetryMs;
    m_maxRetryMs = maxRetryMs;
}

bool HelperLink::open()
{
    auto connection = std::make_shared<HelperConnection>(m_target);
    if (!connection->open()) {
        m_error = connection->errorString();
        return false;
    }
    adopt(connection);
    return true;
}

void HelperLink::adopt(std::shared_ptr<HelperConnection> connection)
{
    ++m_generation;
    m_error.clear();
    m_lostAt = QDateTime();
    m_state = State::Open;
    m_retryMs = 0;
    m_pingInFlight = false;
    m_unanswered = 0;
    std::unique_ptr<HelperClient> old = std::move(m_client);
    std::shared_ptr<HelperConnection> oldConnection = std::move(m_connection);
    m_connection = std::move(connection);
    m_client = std::make_unique<HelperClient>(m_connection->bus(), nullptr, m_signalThread);
    m_signalsSeen = m_client->signalsReceived();
    m_sinceAlive.start();
    m_pingTimer.start();
    if (old)
        Q_EMIT reconnected(m_client.get());
    // Users of the old client have moved to the new one; the old goes before its connection.
    old.reset();
    oldConnection.reset();
}

void HelperLink::ping()
{
    if (m_state != State::Open || m_pingInFlight)
        return;
    if (!m_connection->bus().isConnected())
        return setLost(QStringLiteral("the connection was closed"));
    // Signals arriving prove the link alive: no need to ask while they come.
    const quint64 received = m_client->signalsReceived();
    if (received != m_signalsSeen) {
        m_signalsSeen = received;
        m_sinceAlive.start();
        m_unanswered = 0;
    }
    if (m_unanswered == 0 && m_sinceAlive.elapsed() < m_quietMs)
        return;
    // The bus itself answers, not the helper: a helper that exits when idle stays asleep.
    const QDBusMessage message = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus.Peer"), QStringLiteral("Ping"));
    m_pingInFlight = true;
    auto *watcher = new QDBusPendingCallWatcher(m_connection->bus().asyncCall(message, m_pingTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation = m_generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_pingInFlight = false;
        if (!watcher->isError() || !DBusValues::isNoAnswer(watcher->error())) {
            m_unanswered = 0;
            m_sinceAlive.start();
            return;
        }
        // A closed connection is lost at once. A ping that timed out may only mean that this
        // process (or a whole VM) stood still for a while - suspend, swap, a starved guest - and
        // its answer is waiting unread: the next ping, sent now, tells. Two in a row is lost.
        if (!m_connection->bus().isConnected() || ++m_unanswered >= 2)
            setLost(watcher->error().message());
        else
            ping();
    });
}

void HelperLink::setLost(const QString &reason)
{
    if (m_state != State::Open)
        return;
    ++m_generation;
    m_state = State::Lost;
    m_lostAt = QDateTime::currentDateTime();
    m_error = reason;
    m_pingTimer.stop();
    m_pingInFlight = false;
    m_unanswered = 0;
    Q_EMIT lost(m_lostAt, reason);
    m_retryMs = m_firstRetryMs;
    m_retry.start(m_retryMs);
}

void HelperLink::reconnect()
{
    if (m_state != State::Lost || m_thread)
        return;
    // ssh may take seconds to give up on a host that is gone: not on the caller's (GUI) thread.
    auto connection = std::make_shared<HelperConnection>(m_target);
    QThread *thread = QThread::create(
            [connection] { connection->open(HelperConnection::Sharing::NewConnection); });
    m_thread = thread;
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, connection] {
        m_thread = nullptr;
        if (m_state != State::Lost)
            return;
        if (connection->isOpen())
            return adopt(connection);
        m_error = connection->errorString();
        m_retryMs = qMin(m_retryMs * 2, m_maxRetryMs);
        m_retry.start(m_retryMs);
    });
    thread->start();
}

} // namespace bm
