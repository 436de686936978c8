// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-bench: the figures of issue 8, measured inside the lab guest (tests/bench/run boots it).
// Absolute times under TCG are noisy, so every figure is a difference to, or a ratio against, a
// reference taken in the same run: the kernel's own rtnetlink event (the floor any observer can
// reach), a trivial D-Bus round trip, dbus-daemon at rest, the GUI's own --demo start.
// The GUI figures run bond-manager-traced (traced/TracedMain.cpp: the app with its paints traced)
// under Xvfb (platform xcb) in the guest, against the helper on the private bus; it prints when it
// flushes a paint to the display and answers "stats" and "dump" on stdin (GuiTraceFormat.h).
// --fake-kernel (tests/bench/run-host) measures on the host instead, at its own speed, around the
// test-only in-memory kernel of bm-fake-helper: every figure marked as the host's, to set beside the
// lab's; failover latency there is measured from the fake kernel's failover (its own stamp).
// This file reads the command line and runs the experiments (Experiments.h) in order; Harness.h
// runs the processes, Report.h prints the table.
#include "Calibration.h"
#include "Experiments.h"
#include "Harness.h"
#include "Options.h"
#include "Report.h"
#include "System.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace bm::bench;

namespace {

QString fixturesDir()
{
    return QStringLiteral(BM_SOURCE_DIR "/tests/fixtures/proc/lab");
}

// Every figure, in both modes; then the table.
int measure(Harness &h, Report &report)
{
    // Twice: the helper alone (in the lab with the /proc polling reference), then again with
    // the GUI running, whose painting would otherwise compete with the helper for the CPU.
    measureFailoverLatency(h, report, false);
    measureFailoverLatency(h, report, true);
    measureSignalHop(h, report);
    measureAtRest(h, report);
    if (measureReads(h, report))
        measureGuiStart(h, report);
    measureFlapStorm(h, report);
    measureSlowFlaps(h, report);
    measureCandidates(h, report);
    report.print();
    h.tearDown();
    return h.failed() ? 1 : 0;
}

int runInLab(const Options &o)
{
    std::printf("bm-bench: kernel %s, miimon %d ms, %d cuts, /proc poll %d ms\n",
                qPrintable(QString::fromLatin1(readFile(u"/proc/sys/kernel/osrelease"_s).trimmed())),
                o.miimon, o.cuts, o.pollMs);
    // The guest's speed against the host's for our own code, measured now (before any load).
    const double guestCalibrationMs = calibrationMs(fixturesDir());
    if (o.hostCalibrationMs > 0 && guestCalibrationMs > 0)
        std::printf("bm-bench: speed: the fixed workload (parse, map, marshal) took %.1f ms here, %.1f ms on "
                    "the host: this guest runs our code %.1fx slower\n",
                    guestCalibrationMs, o.hostCalibrationMs, guestCalibrationMs / o.hostCalibrationMs);
    std::fflush(stdout);
    Report report;
    Harness h(o, report);
    if (!h.setUpLab())
        return 1;
    return measure(h, report);
}

// --fake-kernel: the same figures on the host at its own speed. The real dbus-daemon, polkitd,
// helper Service and GUI; only the kernel is bm-fake-helper's in-memory one, so the bonds are
// made through the helper, the cables are cut and the storm is flapped inside it, and the floor
// of failover latency is the fake kernel's own failover. A complement to the lab's figures,
// not a replacement: every figure's name says so.
int runWithFakeKernel(const Options &o)
{
    Report report;
    report.setPrefix(u"host, fake kernel: "_s);
    std::printf("bm-bench: host, fake kernel: these figures are NOT the lab's: the helper runs "
                "FakeKernelBackend (bm-fake-helper) instead of the bonding driver, on the host at "
                "its own speed; %d cuts, %d bonds of 4 slaves, storm %d/s for %d s\n",
                o.cuts, o.scaleBonds, o.stormRate, o.stormSeconds);
    std::printf("bm-bench: host, fake kernel: the fixed workload (parse, map, marshal) took %.1f ms "
                "here\n",
                calibrationMs(fixturesDir()));
    std::fflush(stdout);
    Harness h(o, report);
    if (!h.setUpFakeKernel())
        return 1;
    return measure(h, report);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"The figures of issue 8: in the lab guest (tests/bench/run), or on the host around "
            "bm-fake-helper with --fake-kernel (tests/bench/run-host)."_s);
    parser.addHelpOption();
    // The options that take a whole number, and where it goes.
    struct Number {
        QCommandLineOption option;
        int *value;
    };
    const std::vector<Number> numbers = {
            {{u"cuts"_s, u"Failover cuts of bond0's active slave, and D-Bus signal hops."_s, u"N"_s}, &o.cuts},
            {{u"miimon"_s, u"bond0's miimon (the lab)."_s, u"MS"_s}, &o.miimon},
            {{u"poll-ms"_s, u"Period of the /proc polling reference (the lab)."_s, u"MS"_s}, &o.pollMs},
            {{u"rest"_s, u"Seconds the helper is watched at rest."_s, u"S"_s}, &o.restSeconds},
            {{u"bonds"_s, u"Bonds of 4 slaves besides bond0, for the reads, GUI start and storm."_s, u"N"_s},
             &o.scaleBonds},
            {{u"gui-starts"_s, u"GUI starts (and --demo and --version references)."_s, u"N"_s}, &o.guiStarts},
            {{u"storm-rate"_s, u"Link changes per second in the flap storm."_s, u"PER_S"_s}, &o.stormRate},
            {{u"storm-seconds"_s, u"Length of the flap storm."_s, u"S"_s}, &o.stormSeconds},
            {{u"scale-reps"_s, u"Rounds of the read figures."_s, u"N"_s}, &o.scaleReps},
            {{u"soak-seconds"_s, u"Length of the slow flaps (10/s) whose RSS growth is given per hour."_s,
              u"S"_s},
             &o.soakSeconds},
            {{u"routes"_s, u"Main-table routes added for the ListCandidates figure."_s, u"N"_s}, &o.routes},
    };
    for (const Number &n : numbers)
        parser.addOption(n.option);
    const QCommandLineOption stormAdmin(
            u"storm-admin"_s, u"The storm switches the slaves' admin state, not their carrier (the lab)."_s);
    const QCommandLineOption profileGui(u"profile-gui"_s,
                                        u"perf record of the GUI through the storm, top symbols printed."_s);
    const QCommandLineOption profileHelper(
            u"profile-helper"_s, u"perf record through the storm without the GUI: the whole guest by thread "
                                 "(the helper alone with --fake-kernel or --call-graph)."_s);
    const QCommandLineOption callGraph(u"call-graph"_s,
                                       u"Either profile with DWARF call graphs, of that one process."_s);
    const QCommandLineOption fakeKernel(
            u"fake-kernel"_s,
            u"On the host, around bm-fake-helper's in-memory kernel (tests/bench/run-host)."_s);
    const QCommandLineOption hostCalibration(
            u"host-calibration"_s, u"The host's --calibrate figure, to say how much slower the guest is."_s,
            u"MS"_s);
    const QCommandLineOption calibrate(u"calibrate"_s,
                                       u"Print this machine's time for a fixed workload (ms) and exit."_s);
    parser.addOptions(
            {stormAdmin, profileGui, profileHelper, callGraph, fakeKernel, hostCalibration, calibrate});

    auto usageError = [&](const QString &message) {
        std::fprintf(stderr, "bm-bench: %s (see bm-bench --help)\n", qPrintable(message));
        return 2;
    };
    if (!parser.parse(app.arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()));
    for (const Number &n : numbers) {
        if (!parser.isSet(n.option))
            continue;
        bool ok = false;
        *n.value = parser.value(n.option).toInt(&ok);
        if (!ok)
            return usageError(u"--%1 needs a whole number"_s.arg(n.option.names().constFirst()));
    }
    if (parser.isSet(hostCalibration)) {
        bool ok = false;
        o.hostCalibrationMs = parser.value(hostCalibration).toDouble(&ok);
        if (!ok)
            return usageError(u"--host-calibration needs a number"_s);
    }
    o.stormAdmin = parser.isSet(stormAdmin);
    o.profileGui = parser.isSet(profileGui);
    o.profileHelper = parser.isSet(profileHelper);
    o.callGraph = parser.isSet(callGraph);
    o.fakeKernel = parser.isSet(fakeKernel);

    if (parser.isSet(calibrate)) {
        // On the host, outside the lab: the reference for the guest's speed.
        std::printf("%.2f\n", calibrationMs(fixturesDir()));
        return 0;
    }
    if (o.fakeKernel)
        return runWithFakeKernel(o);
    if (qEnvironmentVariableIntValue("BM_LAB") != 1) {
        std::fprintf(stderr, "bm-bench: runs inside the lab (tests/bench/run), or on the host with "
                             "--fake-kernel (tests/bench/run-host)\n");
        return 2;
    }
    return runInLab(o);
}
