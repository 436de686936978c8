// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Figure 4: a flap storm. stormRate link commands per second for stormSeconds: the carrier of the
// bmbNN bonds' dummy slaves switched off and on in turn (--storm-admin: their admin state instead,
// which costs the kernel an RCU grace period per command and reached only ~70/s under TCG). A bond
// port's carrier change is an urgent linkwatch event, so each is an RTM_NEWLINK at once; the
// bonds (miimon 100) add their own. One `ip -force -b -` reads the commands, written in batches
// every 10 ms on an absolute grid: the pacing is the load, not a wait. Measured: the rates achieved
// (commands, and RTM_NEWLINK seen by the floor listener) over the time until ip has executed them
// all, and the GUI's longest frame, defined as its longest event loop pass (the trace's: from the
// first event delivered after the loop was back polling for input to the next time it is; the
// longest wait for input) next to its longest single paint (UpdateRequest/Expose to flush), both
// for passes that began in the storm window. Then the GUI's state (per bond the active slave, per
// slave the MII status, from its store) against /proc/net/bonding, compared every 100 ms (bounded,
// 120 s) until equal. First as a reference without the GUI (what the machine and the helper achieve
// alone), then with the GUI started afresh. With the fake kernel, bm-fake-helper flaps its own
// slaves the same way and the helper's view is the truth.
#include "Experiments.h"

#include "BondState.h"
#include "Harness.h"
#include "MonotonicClock.h"
#include "PerfRecord.h"
#include "Report.h"
#include "System.h"
#include "helper1_proxy.h"

#include <QDBusConnectionInterface>
#include <QDeadlineTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace bm::bench {

namespace {

// The longest of the long passes/frames that began within [from, to).
double longest(const std::vector<std::pair<double, double>> &spans, double from, double to)
{
    double most = 0;
    for (const auto &[start, length] : spans)
        if (start >= from && start < to)
            most = std::max(most, length);
    return most;
}

// The GUI thread's CPU time in the longest pass that began within [from, to).
double cpuOfLongest(const GuiTraceReader &gui, double from, double to)
{
    double most = -1, cpu = 0;
    for (size_t i = 0; i < gui.busy.size() && i < gui.busyCpu.size(); ++i) {
        const auto &[start, length] = gui.busy[i];
        if (start >= from && start < to && length > most) {
            most = length;
            cpu = gui.busyCpu[i].second;
        }
    }
    return cpu;
}

// The lab's feeder: `rate` link commands per second for `seconds`, over the bmbNN bonds' slaves
// in order, each one's carrier (--storm-admin: admin state) off and on in turn.
Flap flapWithIp(Harness &h, int rate, int seconds)
{
    const Options &o = h.options();
    QStringList slaves;
    for (const QString &bond : std::as_const(h.bonds))
        if (bond.startsWith(u"bmb"_s))
            for (int i = 0; i < 4; ++i)
                slaves << u"%1s%2"_s.arg(bond).arg(i);
    const quint64 events0 = h.listener().newLinks.load();
    // Below 100/s, one command every 100/rate ticks.
    const int perTick = std::max(1, rate / 100);
    const int every = rate >= 100 ? 1 : std::max(1, 100 / std::max(1, rate));
    const int ticks = seconds * 100;
    const char *off = o.stormAdmin ? "down" : "carrier off";
    const char *on = o.stormAdmin ? "up" : "carrier on";
    std::atomic<bool> done {false};
    Flap flap;
    flap.t0 = nowMs();
    std::thread feeder([&] {
        std::vector<bool> down(size_t(slaves.size()), false);
        std::FILE *ip = popen("ip -force -b -", "w");
        if (ip) {
            timespec next {};
            clock_gettime(CLOCK_MONOTONIC, &next);
            flap.t0 = nowMs();
            for (int tick = 0; tick < ticks; ++tick) {
                for (int k = 0; k < perTick && tick % every == 0; ++k, ++flap.changes) {
                    const size_t i = size_t(flap.changes) % down.size();
                    down[i] = !down[i];
                    std::fprintf(ip, "link set %s %s\n", qPrintable(slaves.at(qsizetype(i))),
                                 down[i] ? off : on);
                }
                std::fflush(ip);
                next.tv_nsec += 10 * 1000000L;
                next.tv_sec += next.tv_nsec / 1000000000L;
                next.tv_nsec %= 1000000000L;
                clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, nullptr);
            }
            flap.tWritten = nowMs();
            flap.ok = pclose(ip) == 0;
        }
        flap.tEnd = nowMs();
        done = true;
        QMetaObject::invokeMethod(
                &h, [&h] { h.recheck(); }, Qt::QueuedConnection);
    });
    h.waitFor([&] { return done.load(); }, seconds * 1000 + 600000);
    feeder.join();
    flap.notifications = qint64(h.listener().newLinks.load() - events0);
    return flap;
}

// The fake kernel flaps its own slaves, in the same order and at the same pace
// (fake_helper_main.cpp), and says when it is done.
Flap flapInFakeKernel(Harness &h, int rate, int seconds)
{
    h.marks.flapDone = {};
    h.tellFakeKernel(QStringLiteral("flap %1 %2\n").arg(rate).arg(seconds).toLatin1());
    h.waitFor([&] { return h.marks.flapDone.ok || !h.helperRunning(); }, seconds * 1000 + 600000);
    Flap flap = h.marks.flapDone;
    flap.tWritten = flap.tEnd;
    return flap;
}

void stormOnce(Harness &h, Report &report, bool withGui)
{
    const Options &o = h.options();
    GuiTraceReader &reader = h.gui();
    const QString tag = withGui ? u"4 storm"_s : u"4 ref. storm, no GUI"_s;
    if (withGui)
        h.guiStats(); // starts the GUI's figures over
    reader.busy.clear();
    reader.busyCpu.clear();
    reader.frames.clear();
    const qint64 helperPid = h.helperPid(), guiPid = withGui ? h.guiPid() : 0;
    const CpuSample helper0 = sample(helperPid);
    const CpuSample gui0 = withGui ? sample(guiPid) : CpuSample();
    // --profile-gui: the GUI through the storm with it; --profile-helper: the helper through the
    // storm without the GUI (its own cost, nothing else competing).
    PerfRecord perf(h.tempFile(u"storm.perf"_s), o.callGraph);
    if (withGui ? o.profileGui : o.profileHelper) {
        // The helper's storm: the whole guest, by thread, the helper among dbus-daemon, ip and
        // the kernel's own work (perf -p on the helper alone caught almost nothing here). On
        // the host (--fake-kernel) the whole machine would be the lab's qemu: the helper alone.
        // DWARF call graphs are large: one process even in the lab.
        if (withGui || o.fakeKernel || o.callGraph)
            perf.start(withGui ? guiPid : helperPid);
        else
            perf.start(0);
    }
    const Flap flap = o.fakeKernel ? flapInFakeKernel(h, o.stormRate, o.stormSeconds)
                                   : flapWithIp(h, o.stormRate, o.stormSeconds);
    const double t0 = flap.t0, tEnd = flap.tEnd;
    const CpuSample helper1 = sample(helperPid);
    const CpuSample gui1 = withGui ? sample(guiPid) : CpuSample();
    // How far behind the helper is: a read first takes in every link event the kernel has
    // queued (Service::freshView), so it is answered once the helper has caught up.
    h.proxy().ListBonds().waitForFinished();
    const double helperCaughtUp = nowMs() - tEnd;
    if (!flap.ok)
        h.fail(o.fakeKernel ? u"storm: bm-fake-helper did not finish the storm"_s
                            : u"storm: ip -b failed or did not start"_s);
    const double seconds = (tEnd - t0) / 1000.0;

    auto single = [&](const QString &figure, double value, const QString &goal, const QString &unit) {
        report.addValue(tag + figure, unit, value, goal);
    };
    const double hz = double(sysconf(_SC_CLK_TCK));
    const char *off = o.stormAdmin ? "down" : "carrier off";
    const QString where = o.fakeKernel ? u"in the fake kernel (carrier off|on)"_s
                                       : u"ip done %1 ms after the last (%2)"_s
                                                 .arg(tEnd - flap.tWritten, 0, 'f', 0)
                                                 .arg(QLatin1String(off));
    single(o.fakeKernel ? u": carrier changes done, per s"_s : u": link commands done, per s"_s,
           double(flap.changes) / seconds,
           u"%1/s asked: %2 in %3 s, %4"_s.arg(o.stormRate).arg(flap.changes).arg(seconds, 0, 'f', 1).arg(where),
           u"1/s"_s);
    single(o.fakeKernel ? u": link notifications to the helper, per s"_s
                        : u": RTM_NEWLINK seen by floor, per s"_s,
           double(flap.notifications) / seconds, u"%1 events"_s.arg(flap.notifications), u"1/s"_s);
    single(u" end -> helper answers a read"_s, helperCaughtUp, u"its backlog of link events taken in"_s,
           u"ms"_s);
    if (!withGui)
        perf.report(o.fakeKernel ? "the helper through the storm without the GUI"
                                 : "the whole guest through the storm without the GUI");
    const double helperCpuMs = double(helper1.ticks - helper0.ticks) * 1000.0 / hz;
    single(u": CPU of the helper"_s, helperCpuMs,
           withGui ? u"GUI: %1 ms"_s.arg(double(gui1.ticks - gui0.ticks) * 1000.0 / hz, 0, 'f', 0) : QString(),
           u"ms"_s);
    // Issue 17: the helper's CPU per link notification it took in (with the fake kernel, its own
    // flapping is counted too); CPU time is in clock ticks, so the storm must be long enough.
    if (flap.notifications > 0)
        single(u": helper CPU per link notification"_s, helperCpuMs * 1000.0 / double(flap.notifications),
               o.fakeKernel ? u"<= 10 us (host); the fake kernel's own work included"_s : QString(), u"us"_s);
    if (flap.notifications > 0 && helper1.cpuNs > 0) {
        // The same from the scheduler's nanoseconds, split by thread: the event loop (kernel view,
        // maps) against Qt's D-Bus thread (marshalling and writing the signals).
        const double n = double(flap.notifications);
        const double mainUs = double(helper1.mainNs - helper0.mainNs) / 1000.0 / n;
        const double allUs = double(helper1.cpuNs - helper0.cpuNs) / 1000.0 / n;
        const double kernelUs = flap.kernelCpuMs >= 0 ? flap.kernelCpuMs * 1000.0 / n : 0;
        single(u": helper CPU per link notification, by thread"_s, allUs,
               u"main %1 us (%2), other threads (D-Bus) %3 us"_s.arg(mainUs, 0, 'f', 2)
                       .arg(flap.kernelCpuMs >= 0
                                    ? u"the fake kernel's flapping %1 us of it"_s.arg(kernelUs, 0, 'f', 2)
                                    : u"the kernel's own work not in it"_s)
                       .arg(allUs - mainUs, 0, 'f', 2),
               u"us"_s);
        // The fake kernel flaps its slaves in the helper's event loop, a stand-in for the
        // kernel's own work, which would not be the helper's CPU on a real system.
        if (flap.kernelCpuMs >= 0)
            single(u": helper CPU per link notification, the fake kernel's flapping taken out"_s,
                   allUs - kernelUs, u"<= 10 us (host)"_s, u"us"_s);
    }
    // Messages, the helper's cost: a ChangesGathered (a backlog's window) is one, whatever it carries.
    if (flap.notifications > 0 && flap.slaveSignals >= 0)
        single(u": map and failover signals per link notification"_s,
               double(flap.slaveSignals + flap.bondSignals + flap.failoverSignals + flap.gatheredSignals)
                       / double(flap.notifications),
               u"SlaveChanged %1, BondChanged %2, Failover %3, ChangesGathered %4 (of %5 slave maps, "
               u"%6 bond maps, %7 failovers)"_s.arg(flap.slaveSignals)
                       .arg(flap.bondSignals)
                       .arg(flap.failoverSignals)
                       .arg(flap.gatheredSignals)
                       .arg(flap.gatheredSlaves)
                       .arg(flap.gatheredBonds)
                       .arg(flap.gatheredFailovers),
               u""_s);
    // Memory the storm left behind: the helper's RSS now against before it.
    const CpuSample after = sample(helperPid);
    single(u" after: helper RSS"_s, double(after.rssKb) / 1024.0,
           u"before: %1 MB; growth <= 2 MB"_s.arg(double(helper0.rssKb) / 1024.0, 0, 'f', 2), u"MB"_s);
    // Which part grew: private memory (the heap: what a leak or a queue left behind) or pages of
    // the program's files that the storm's paths ran for the first time.
    single(u" after: helper RSS growth, private (anon)"_s, double(after.rssAnonKb - helper0.rssAnonKb) / 1024.0,
           u"of it main heap %1 MB, other private (thread arenas, large blocks, stacks) %2 MB; mapped files: %3 MB"_s
                   .arg(double(after.rssHeapKb - helper0.rssHeapKb) / 1024.0, 0, 'f', 2)
                   .arg(double((after.rssAnonKb - after.rssHeapKb) - (helper0.rssAnonKb - helper0.rssHeapKb)) / 1024.0,
                        0, 'f', 2)
                   .arg(double(after.rssFileKb - helper0.rssFileKb) / 1024.0, 0, 'f', 2),
           u"MB"_s);
    if (!withGui)
        return;

    // Convergence: bounded, one comparison per 100 ms (the bonds' own miimon is 100 ms); the
    // fake kernel has no miimon and the host compares in a few ms, so there every 10 ms.
    const int compareMs = o.fakeKernel ? 10 : 100;
    BondState gui, kernel;
    double converged = -1;
    QString difference;
    QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired() && h.guiRunning()) {
        kernel = h.truthState();
        if (!h.guiDump(&gui))
            break;
        difference = firstDifference(kernel, gui);
        if (difference.isEmpty()) {
            converged = nowMs();
            break;
        }
        h.waitFor([] { return false; }, compareMs);
    }
    // Whole window, storm and drain, up to the GUI's answer.
    const std::optional<trace::Stats> all = h.guiStats();
    perf.report("the GUI through the storm and until its state was equal");
    single(u": longest GUI event loop pass"_s, longest(reader.busy, t0, tEnd),
           u"< 50 ms (0: none >= 16 ms)"_s, u"ms"_s);
    // Wall time against the GUI thread's own CPU time: under emulation the other threads and
    // processes of a storm can hold the CPU while the GUI waits for it.
    single(u": GUI thread CPU in its longest pass"_s, cpuOfLongest(reader, t0, tEnd),
           u"most CPU in one pass: %1 ms"_s.arg(longest(reader.busyCpu, t0, tEnd), 0, 'f', 1), u"ms"_s);
    single(u": longest single GUI paint"_s, longest(reader.frames, t0, tEnd), u"(0: none >= 16 ms)"_s,
           u"ms"_s);
    const double settled = converged >= 0 ? converged : nowMs();
    single(u" after: longest GUI pass until equal"_s, longest(reader.busy, tEnd, settled),
           u"paint max %1 ms"_s.arg(longest(reader.frames, tEnd, settled), 0, 'f', 1), u"ms"_s);
    if (all)
        // The longest pass and paint of all, short ones included: at the host's speed there may
        // be no pass of 16 ms to list above.
        single(u"+drain: GUI loop passes"_s, double(all->passes),
               u"%1 paints; probe: no idle pass for %2 ms; longest pass %3 ms, paint %4 ms"_s
                       .arg(double(all->paints))
                       .arg(all->gapMax, 0, 'f', 0)
                       .arg(all->busyMax, 0, 'f', 1)
                       .arg(all->paintMax, 0, 'f', 1),
               u""_s);
    else
        h.fail(u"storm: the GUI did not answer stats (exited: %1)"_s.arg(!h.guiRunning()));
    if (converged >= 0)
        single(u" end -> GUI state == kernel"_s, converged - tEnd,
               u"%1 bonds, %2 values"_s.arg(h.bonds.size()).arg(kernel.size()), u"ms"_s);
    else
        h.fail(u"storm: the GUI's state did not equal the kernel's within 120 s: %1"_s.arg(difference));
}

} // namespace

void measureSlowFlaps(Harness &h, Report &report)
{
    const Options &o = h.options();
    if (h.bonds.size() < 2 || o.soakSeconds <= 0)
        return report.note(u"no slow flaps: no scale bonds"_s);
    const qint64 helperPid = h.helperPid();
    const qint64 daemonPid = h.bus().connection().interface()->servicePid(u"org.freedesktop.DBus"_s).value();
    const CpuSample helper0 = sample(helperPid), daemon0 = sample(daemonPid);
    constexpr int Rate = 10;
    const Flap flap = o.fakeKernel ? flapInFakeKernel(h, Rate, o.soakSeconds)
                                   : flapWithIp(h, Rate, o.soakSeconds);
    h.proxy().ListBonds().waitForFinished();
    const CpuSample helper1 = sample(helperPid), daemon1 = sample(daemonPid);
    if (!flap.ok)
        h.fail(u"slow flaps: the link changes were not all made"_s);
    const double seconds = std::max(1.0, (flap.tEnd - flap.t0) / 1000.0);
    auto growth = [&](const QString &who, const CpuSample &a, const CpuSample &b, const QString &goal) {
        const double mb = double(b.rssKb - a.rssKb) / 1024.0;
        report.addValue(u"5 slow flaps (%1/s): %2 RSS growth, per hour"_s.arg(Rate).arg(who), u"MB"_s,
                        mb * 3600.0 / seconds,
                        u"%1; measured %2 MB -> %3 MB in %4 s, %5 changes"_s.arg(goal)
                                .arg(double(a.rssKb) / 1024.0, 0, 'f', 2)
                                .arg(double(b.rssKb) / 1024.0, 0, 'f', 2)
                                .arg(seconds, 0, 'f', 0)
                                .arg(flap.changes));
        report.addValue(u"5 slow flaps (%1/s): %2 RSS growth, private (anon), per hour"_s.arg(Rate).arg(who),
                        u"MB"_s, double(b.rssAnonKb - a.rssAnonKb) / 1024.0 * 3600.0 / seconds,
                        u"main heap %1 MB, other private %2 MB, mapped files %3 MB in %4 s"_s
                                .arg(double(b.rssHeapKb - a.rssHeapKb) / 1024.0, 0, 'f', 2)
                                .arg(double((b.rssAnonKb - b.rssHeapKb) - (a.rssAnonKb - a.rssHeapKb)) / 1024.0, 0,
                                     'f', 2)
                                .arg(double(b.rssFileKb - a.rssFileKb) / 1024.0, 0, 'f', 2)
                                .arg(seconds, 0, 'f', 0));
    };
    growth(u"helper"_s, helper0, helper1, u"<= 2 MB"_s);
    growth(u"dbus-daemon"_s, daemon0, daemon1, u"(reference)"_s);
}

void measureFlapStorm(Harness &h, Report &report)
{
    if (!h.guiRunning() || h.bonds.size() < 2)
        return report.note(u"no flap storm: no GUI with the scale bonds"_s);
    h.stopGui();
    stormOnce(h, report, false);
    if (!h.startGui({}) || !h.waitFor([&] { return h.gui().full >= 0 || !h.guiRunning(); }, 120000)
        || h.gui().full < 0) {
        h.fail(u"storm: the GUI did not paint its bonds again within 120 s"_s);
        return;
    }
    stormOnce(h, report, true);
}

} // namespace bm::bench
