// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Figure 1's reference: the cost of one signal through dbus-daemon into a Qt client's slot, without
// the helper: the part of the helper's figure that is the bus and the (emulated) machine.
#include "Experiments.h"

#include "Harness.h"
#include "MonotonicClock.h"
#include "Report.h"
#include "helper1_proxy.h"

#include <QDBusConnection>
#include <QDBusMessage>

#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

class HopReceiver : public QObject
{
    Q_OBJECT
public:
    std::function<void()> onPing;
public Q_SLOTS:
    void ping() { onPing(); }
};

} // namespace

void measureSignalHop(Harness &h, Report &report)
{
    const QString name = u"bm-bench-hop"_s;
    QDBusConnection sender = QDBusConnection::connectToBus(h.bus().address(), name);
    HopReceiver receiver;
    h.bus().connection().connect({}, u"/org/bondmanager/Bench"_s, u"org.bondmanager.Bench"_s, u"Ping"_s,
                                 &receiver, SLOT(ping()));
    double got = -1;
    receiver.onPing = [&] {
        got = nowMs();
        h.recheck();
    };
    // As in Harness::startHelper: the match rule is in place once a call has gone through after
    // connect().
    h.proxy().BondingAvailable().waitForFinished();
    std::vector<double> hops;
    for (int i = 0; i < h.options().cuts; ++i) {
        got = -1;
        const double sent = nowMs();
        sender.send(QDBusMessage::createSignal(u"/org/bondmanager/Bench"_s, u"org.bondmanager.Bench"_s,
                                               u"Ping"_s));
        if (h.waitFor([&] { return got >= 0; }, 10000))
            hops.push_back(got - sent);
    }
    QDBusConnection::disconnectFromBus(name);
    report.add(u"1 D-Bus signal hop, no helper (reference)"_s, u"ms"_s, hops, u""_s);
}

} // namespace bm::bench

#include "SignalHop.moc"
