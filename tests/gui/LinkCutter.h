// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A TCP relay on 127.0.0.1 in front of another local port (the lab's forwarded ssh port) that fails
// the way a network does, for the clients' ssh links:
//   freeze()   nothing passes either way and nothing is closed (a cable cut on the way): ssh and
//              TCP see only silence; new connections wait unanswered in the listen queue;
//   close()    every connection ends with a clean close, new ones are refused;
//   restore()  new connections are relayed again; those frozen are reset (the way back does not
//              remember them, as a NAT or firewall that forgot them would), so whatever a client
//              shows afterwards came over a new connection.
// It runs on a thread of its own: a client that logs in through it may block the test's thread
// (HelperLink::open()).
#pragma once

#include <QThread>

namespace bm::test {

class Relay;

class LinkCutter
{
public:
    explicit LinkCutter(quint16 targetPort);
    ~LinkCutter();
    LinkCutter(const LinkCutter &) = delete;
    LinkCutter &operator=(const LinkCutter &) = delete;

    // Where the clients connect; 0 when it could not listen.
    quint16 port() const { return m_port; }
    void freeze();
    void close();
    void restore();

private:
    QThread m_thread;
    Relay *m_relay;
    quint16 m_port = 0;
};

} // namespace bm::test
