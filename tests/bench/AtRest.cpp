// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Figure 2: the helper at rest (nothing changes on any bond) against dbus-daemon's own.
#include "Experiments.h"

#include "Harness.h"
#include "Report.h"
#include "System.h"

#include <QDBusConnectionInterface>
#include <QThread>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace bm::bench {

void measureAtRest(Harness &h, Report &report)
{
    const int seconds = h.options().restSeconds;
    const qint64 helperPid = h.helperPid();
    const qint64 daemonPid = h.bus().connection().interface()->servicePid(u"org.freedesktop.DBus"_s).value();
    const CpuSample h0 = sample(helperPid), d0 = sample(daemonPid);
    // The interval is the measurement itself: nothing is awaited here.
    QThread::sleep(seconds);
    const CpuSample h1 = sample(helperPid), d1 = sample(daemonPid);
    const long hz = sysconf(_SC_CLK_TCK);
    auto rows = [&](const QString &who, const CpuSample &a, const CpuSample &b, const QString &goalW,
                    const QString &goalR) {
        report.addValue(u"2 %1 wakeups (vol.+invol.) in %2 s"_s.arg(who).arg(seconds), u""_s,
                        double(b.voluntary - a.voluntary + b.involuntary - a.involuntary), goalW);
        report.addValue(u"2 %1 CPU time in %2 s"_s.arg(who).arg(seconds), u"ms"_s,
                        double(b.ticks - a.ticks) * 1000.0 / double(hz), u""_s);
        report.addValue(u"2 %1 RSS"_s.arg(who), u"MB"_s, double(b.rssKb) / 1024.0, goalR);
    };
    rows(u"helper"_s, h0, h1, u"0"_s, u"< 15 MB"_s);
    rows(u"dbus-daemon"_s, d0, d1, u"(reference)"_s, u"(reference)"_s);
}

} // namespace bm::bench
