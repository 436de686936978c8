// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Figure 1: how long after the kernel's failover each observer knows of it.
#include "Experiments.h"

#include "Harness.h"
#include "MonotonicClock.h"
#include "Report.h"
#include "System.h"

#include <QProcess>
#include <QRandomGenerator>

#include <cstdio>
#include <vector>

#include <net/if.h>

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

// The lab's switch port behind a bond0 slave (tests/lab: eth0 on swA, eth1 on swB).
QStringList switchPort(const QString &slave)
{
    return slave == u"eth0"_s ? QStringList {u"swA"_s, u"port-eth0"_s}
                              : QStringList {u"swB"_s, u"port-eth1"_s};
}

// Cuts the cable of bond0's active slave ACTIVE; the floor (marks.floor) follows. In the lab its
// switch port goes down, by ip started here (CUTTER, finished by the caller) so that the event
// loop stamps signals while ip runs, and the floor is the kernel's failover event at the bare
// listener. With the fake kernel bm-fake-helper cuts the slave's carrier and answers with the
// floor: the moment its failover happened (fake_helper_main.cpp).
void startCut(Harness &h, QProcess &cutter, const QString &active)
{
    if (h.options().fakeKernel) {
        h.tellFakeKernel("cut bond0\n");
        return;
    }
    const QStringList port = switchPort(active);
    cutter.start(u"ip"_s, {u"-n"_s, port[0], u"link"_s, u"set"_s, port[1], u"down"_s});
}

// The cable of SLAVE back in; returns once the kernel has called the slave up again (its MII
// status at the listener; the fake kernel does so at once, and answers after).
bool restoreCut(Harness &h, const QString &slave)
{
    if (h.options().fakeKernel) {
        h.marks.restored = false;
        h.tellFakeKernel("restore bond0\n");
        return h.waitFor([&] { return h.marks.restored || !h.helperRunning(); }, 10000) && h.marks.restored;
    }
    const QStringList port = switchPort(slave);
    h.marks.miiIndex = int(if_nametoindex(slave.toLatin1().constData()));
    h.marks.miiStatus = -1;
    run(u"ip"_s, {u"-n"_s, port[0], u"link"_s, u"set"_s, port[1], u"up"_s});
    return h.waitFor([&] { return h.marks.miiStatus == 0; }, 10000);
}

} // namespace

void measureFailoverLatency(Harness &h, Report &report, bool withGuiPass)
{
    const Options &o = h.options();
    Marks &m = h.marks;
    GuiTraceReader::FailoverWatch &watch = h.gui().watch;

    // The window shows bond0 (its only bond, so selected) before the first cut.
    if (withGuiPass && h.startGui({})
        && !h.waitFor([&] { return h.gui().full >= 0 || !h.guiRunning(); }, 120000))
        h.fail(u"the GUI did not paint bond0 within 120 s"_s);
    const bool withGui = withGuiPass && h.guiRunning() && h.gui().full >= 0;
    if (withGuiPass && !withGui) {
        h.fail(u"the GUI did not start; no GUI figures"_s);
        return;
    }
    // The fake kernel has no /proc to poll.
    const bool withPoll = !withGuiPass && !o.fakeKernel;
    // What the figures are measured from: the kernel's event at the bare listener in the lab.
    const QString floor = o.fakeKernel ? u"fake kernel's failover"_s : u"floor"_s;

    std::vector<double> helper, poll, detect, gui, guiHeard, guiToFrame, guiFrame;
    int missing = 0, guiMissing = 0;
    // Where the previous pass left it.
    QString active = h.bond0Active();
    if (active != u"eth1"_s)
        active = u"eth0"_s;
    for (int i = 0; i < o.cuts; ++i) {
        const QString other = active == u"eth0"_s ? u"eth1"_s : u"eth0"_s;
        m.floor = m.signal = m.poll = -1;
        watch.paint = watch.heard = -1;
        watch.slave = other;
        if (withPoll)
            h.poller().start(u"bond0"_s, o.pollMs, int(QRandomGenerator::global()->bounded(o.pollMs)));
        const double cut = nowMs();
        watch.from = cut;
        QProcess cutter;
        startCut(h, cutter, active);
        const bool all = h.waitFor(
                [&] {
                    return m.floor >= 0 && m.signal >= 0 && (!withPoll || m.poll >= 0)
                           && (!withGui || watch.paint >= 0 || !h.guiRunning());
                },
                3 * o.pollMs + 10000);
        cutter.waitForFinished(10000);
        h.poller().stop();
        if (!all || m.signalNew != other || (withPoll && m.pollNew != other)) {
            ++missing;
            h.fail(u"cut %1: floor %2 signal %3 (%4) poll %5 (%6)"_s.arg(i)
                           .arg(m.floor >= 0)
                           .arg(m.signal >= 0)
                           .arg(m.signalNew)
                           .arg(m.poll >= 0)
                           .arg(m.pollNew));
        } else {
            helper.push_back(m.signal - m.floor);
            if (withPoll)
                poll.push_back(m.poll - m.floor);
            detect.push_back(m.floor - cut);
        }
        if (withGui) {
            if (m.floor >= 0 && watch.paint >= 0)
                gui.push_back(watch.paint - m.floor);
            else
                ++guiMissing;
            if (m.floor >= 0 && watch.heard >= 0 && watch.paint >= 0) {
                guiHeard.push_back(watch.heard - m.floor);
                guiToFrame.push_back(watch.paintFrame - watch.heard);
                guiFrame.push_back(watch.paint - watch.paintFrame);
            }
        }
        // Restore, and wait for the kernel to call the slave up again before the next cut: the
        // slave now active stays so (no primary), the next cut is the other's.
        if (!restoreCut(h, active))
            h.fail(u"cut %1: %2 did not come back up"_s.arg(i).arg(active));
        active = other;
        if ((i + 1) % 50 == 0) {
            std::printf("  %d cuts done\n", i + 1);
            std::fflush(stdout);
        }
    }
    watch.from = -1;
    h.stopGui();
    if (withGui)
        report.add(u"1 with the GUI: helper Failover - "_s + floor, u"ms"_s, helper, u""_s);
    else
        report.add(u"1 helper Failover signal - "_s + floor, u"ms"_s, helper, u"p99 <= 5 ms"_s);
    if (withGui) {
        report.add(u"1 GUI paints new active tile - "_s + floor, u"ms"_s, gui, u"p99 <= 20 ms"_s);
        // The parts: the signal into the GUI's backend; from there (store, window and tiles
        // updated, then waiting for the frame) to the start of the frame that painted the
        // tile; that frame's paint and flush.
        report.add(u"1  part: GUI hears of it - "_s + floor, u"ms"_s, guiHeard, u""_s);
        report.add(u"1  part: heard -> frame starts"_s, u"ms"_s, guiToFrame, u""_s);
        report.add(u"1  part: frame paint + flush"_s, u"ms"_s, guiFrame, u""_s);
    }
    if (guiMissing)
        report.note(u"%1 of %2 cuts had no GUI paint of the new active tile"_s.arg(guiMissing).arg(o.cuts));
    if (withPoll) {
        report.add(u"1 /proc poll %1 ms - floor"_s.arg(o.pollMs), u"ms"_s, poll, u"(reference)"_s);
        report.add(u"1 floor: cut -> kernel event"_s, u"ms"_s, detect, u"(miimon %1 ms)"_s.arg(o.miimon));
    }
    if (missing)
        report.note(u"%1 of %2 cuts lost a sample%3"_s.arg(missing).arg(o.cuts).arg(withGui ? u" (GUI pass)"_s
                                                                                            : QString()));
}

} // namespace bm::bench
