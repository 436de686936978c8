// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LinkCutter.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace bm::test {

// Lives on LinkCutter's thread; every method runs there.
class Relay : public QObject
{
public:
    explicit Relay(quint16 targetPort)
        : m_target(targetPort)
    { }

    quint16 listen(quint16 port = 0)
    {
        if (!m_server) {
            m_server = new QTcpServer(this);
            connect(m_server, &QTcpServer::newConnection, this, &Relay::accept);
        }
        return m_server->listen(QHostAddress::LocalHost, port) ? m_server->serverPort() : 0;
    }

    void freeze()
    {
        m_mode = Mode::Frozen;
        // The kernel still completes new handshakes into the listen queue; nothing answers them.
        m_server->pauseAccepting();
    }

    void close()
    {
        m_mode = Mode::Closed;
        for (QTcpSocket *socket : std::as_const(m_sockets))
            socket->disconnectFromHost();
        m_server->close();
    }

    void restore()
    {
        if (m_mode == Mode::Open)
            return;
        // Frozen ones are reset; closed ones are long gone.
        for (QTcpSocket *socket : std::as_const(m_sockets))
            socket->abort();
        qDeleteAll(m_sockets);
        m_sockets.clear();
        if (m_mode == Mode::Frozen)
            m_server->resumeAccepting();
        else if (m_mode == Mode::Closed)
            listen(m_port);
        m_mode = Mode::Open;
    }

    void setPort(quint16 port) { m_port = port; }

private:
    enum class Mode { Open, Frozen, Closed };

    void accept()
    {
        while (QTcpSocket *client = m_server->nextPendingConnection()) {
            auto *upstream = new QTcpSocket(this);
            m_sockets << client << upstream;
            relay(client, upstream);
            relay(upstream, client);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    // from's bytes to `to` while open; an end that closes closes the other one (not while frozen:
    // then the far end must hear nothing).
    void relay(QTcpSocket *from, QTcpSocket *to)
    {
        connect(from, &QTcpSocket::readyRead, this, [this, from, to] {
            if (m_mode == Mode::Open && to->state() == QAbstractSocket::ConnectedState)
                to->write(from->readAll());
        });
        connect(to, &QTcpSocket::connected, this, [this, from, to] {
            if (m_mode == Mode::Open && from->bytesAvailable() > 0)
                to->write(from->readAll());
        });
        connect(from, &QTcpSocket::disconnected, this, [this, to] {
            if (m_mode != Mode::Frozen)
                to->disconnectFromHost();
        });
    }

    const quint16 m_target;
    quint16 m_port = 0;
    Mode m_mode = Mode::Open;
    QTcpServer *m_server = nullptr;
    QList<QTcpSocket *> m_sockets;
};

LinkCutter::LinkCutter(quint16 targetPort)
    : m_relay(new Relay(targetPort))
{
    m_relay->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
            m_relay,
            [this] {
                m_port = m_relay->listen();
                m_relay->setPort(m_port);
            },
            Qt::BlockingQueuedConnection);
}

LinkCutter::~LinkCutter()
{
    QMetaObject::invokeMethod(
            m_relay, [this] { delete m_relay; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LinkCutter::freeze()
{
    QMetaObject::invokeMethod(
            m_relay, [this] { m_relay->freeze(); }, Qt::BlockingQueuedConnection);
}

void LinkCutter::close()
{
    QMetaObject::invokeMethod(
            m_relay, [this] { m_relay->close(); }, Qt::BlockingQueuedConnection);
}

void LinkCutter::restore()
{
    QMetaObject::invokeMethod(
            m_relay, [this] { m_relay->restore(); }, Qt::BlockingQueuedConnection);
}

} // namespace bm::test
