// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A connection to the helper's bus that knows when it is gone and comes back by itself: the window
// and `bondctl monitor` hold one. A dead link often looks quiet rather than closed (a host that
// went down, a cut cable behind ssh), so while nothing arrives the bus is pinged; no answer within
// a few seconds twice in a row, or a closed connection, is lost(). Then it reconnects with
// back-off, off the caller's thread (ssh may take seconds), and hands out a new client in reconnected().
//
//   auto *link = new HelperLink(target, HelperClient::SignalThread::Own, this);
//   if (!link->open()) ...
//   auto *store = new BondStore(link->client(), this);
//   connect(link, &HelperLink::lost, store, &BondStore::connectionLost);
//   connect(link, &HelperLink::reconnected, store, &BondStore::setClient);
#pragma once

#include "HelperClient.h"
#include "HelperConnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QThread;

namespace bm {

class HelperLink : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Open, Lost };
    Q_ENUM(State)

    explicit HelperLink(const HelperTarget &target,
                        HelperClient::SignalThread signalThread = HelperClient::SignalThread::Caller,
                        QObject *parent = nullptr);
    ~HelperLink() override;

    // The first connection, on the caller's thread; false with errorString() set when the bus
    // cannot be reached (then nothing is retried: the caller reports it).
    bool open();
    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    const HelperTarget &target() const { return m_target; }
    // The client of the current connection; replaced on reconnect (the old one is deleted after
    // reconnected() returns). Null before open().
    HelperClient *client() const { return m_client.get(); }
    // When the connection was found dead; invalid unless state() is Lost.
    QDateTime lostAt() const { return m_lostAt; }

    // Defaults: a ping once the connection was quiet (no signal, no answer) for 2 s, each ping
    // given 3 s, lost after two unanswered in a row (or at once when the connection closes), which
    // notices a dead link within 9 s; reconnects after 1 s, 2 s, 4 s ... at most 15 s apart.
    void setTimings(int quietMs, int pingTimeoutMs, int firstRetryMs, int maxRetryMs);

Q_SIGNALS:
    void lost(const QDateTime &when, const QString &reason);
    void reconnected(bm::HelperClient *client);

private:
    void adopt(std::shared_ptr<HelperConnection> connection);
    void ping();
    void setLost(const QString &reason);
    void reconnect();

    const HelperTarget m_target;
    const HelperClient::SignalThread m_signalThread;
    // Shared with the thread that opens it on reconnect.
    std::shared_ptr<HelperConnection> m_connection;
    std::unique_ptr<HelperClient> m_client;
    State m_state = State::Closed;
    QString m_error;
    QDateTime m_lostAt;

    // Ticks every quarter of m_quietMs: cheap, nothing is sent unless the connection was quiet.
    QTimer m_pingTimer;
    int m_quietMs = 2000;
    int m_pingTimeoutMs = 3000;
    bool m_pingInFlight = false;
    int m_unanswered = 0; // pings in a row that timed out
    quint64 m_signalsSeen = 0;
    QElapsedTimer m_sinceAlive; // since the last signal or answer to a ping
    // Bumped per connection, so that a late answer on an old one is ignored.
    quint64 m_generation = 0;

    QTimer m_retry;
    int m_firstRetryMs = 1000;
    int m_maxRetryMs = 15000;
    int m_retryMs = 0;
    QPointer<QThread> m_thread;
};

} // namespace bm
