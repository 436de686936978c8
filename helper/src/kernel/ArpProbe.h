// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Whether a neighbour answers ARP on a link, asked by the helper itself: an AF_PACKET socket
// bound to the link (no external program), up to Attempts broadcast requests IntervalMs apart,
// the first reply whose sender is the target taken, and nothing after TimeoutMs. The socket is
// watched by a QSocketNotifier: the helper's thread never waits for an answer.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QSocketNotifier;

namespace bm::helper {

// What to ask: who has `target` on link `ifindex`. `sender` is an address of the link in the
// target's subnet, or empty for an ARP probe (sender 0.0.0.0, as RFC 5227 asks of a host that
// has no address there yet); `mac` is the link's own ("52:54:00:12:34:56").
struct ArpRequest {
    int ifindex = 0;
    QString mac;
    QString sender;
    QString target;
};

// The answer: the first reply's round trip (from the request it answered, in microseconds) and
// the MAC it came from. `error` is set, as a phrase, when the request could not be sent at all.
struct ArpReply {
    bool answered = false;
    qulonglong rttUsec = 0;
    QString answeredBy;
    QString error;
};

class ArpProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int Attempts = 3;
    static constexpr int IntervalMs = 300;
    static constexpr int TimeoutMs = 1000;

    explicit ArpProbe(QObject *parent = nullptr);
    ~ArpProbe() override;

    // Sends the first request; finished() follows once, from the event loop.
    void start(const ArpRequest &request);

Q_SIGNALS:
    void finished(const bm::helper::ArpReply &reply);

private:
    void send();
    void readReplies();
    void finish(const ArpReply &reply);

    ArpRequest m_request;
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_resend;
    QTimer m_deadline;
    int m_sent = 0;
    // Since the last request went out: a reply is timed from the request it answers.
    QElapsedTimer m_sinceSent;
    bool m_done = false;
    unsigned char m_mac[6] = {};
    unsigned char m_sender[4] = {};
    unsigned char m_target[4] = {};
};

} // namespace bm::helper

Q_DECLARE_METATYPE(bm::helper::ArpReply)
