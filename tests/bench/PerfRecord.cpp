// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PerfRecord.h"

#include <QStringList>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace bm::bench {

PerfRecord::PerfRecord(const QString &dataFile, bool callGraph)
    : m_data(dataFile)
    , m_callGraph(callGraph)
{ }

void PerfRecord::start(qint64 pid)
{
    QStringList args {u"record"_s, u"-q"_s, u"-o"_s, m_data};
    // DWARF call graphs are large: fewer samples, and one process even in the lab.
    if (m_callGraph)
        args << u"-F"_s << u"100"_s << u"--call-graph"_s << u"dwarf,16384"_s;
    else
        args << u"-F"_s << u"250"_s;
    if (pid)
        args << u"-p"_s << QString::number(pid);
    else
        args << u"-a"_s;
    m_perf.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_perf.start(u"perf"_s, args);
    m_perf.waitForStarted(10000);
}

void PerfRecord::report(const char *what)
{
    if (m_perf.state() != QProcess::Running)
        return;
    m_perf.terminate(); // perf record writes its file on SIGTERM
    m_perf.waitForFinished(120000);
    std::printf("\nperf: %s\n", what);
    // By thread (comm) first: a process's signal and D-Bus threads are not its event loop.
    const QStringList sorts {u"comm"_s, u"comm,dso"_s, u"comm,dso,symbol"_s};
    for (const QString &sort : sorts) {
        QProcess report;
        // With call graphs: time including what each function calls, which names the caller of an
        // expensive library routine (how the GUI's time-zone lookups showed).
        const QStringList own {u"--no-children"_s, u"--percent-limit"_s, u"0.7"_s};
        const QStringList total {u"--children"_s, u"-g"_s, u"none"_s, u"--percent-limit"_s, u"1.5"_s};
        report.start(u"perf"_s, QStringList {u"report"_s, u"-i"_s, m_data, u"--stdio"_s, u"--sort"_s, sort}
                                        + (m_callGraph ? total : own));
        report.waitForFinished(600000);
        for (const QByteArray &line : report.readAllStandardOutput().split('\n'))
            if (!line.startsWith('#') && !line.trimmed().isEmpty())
                std::printf("  %s\n", line.simplified().constData());
        std::printf("\n");
    }
    std::fflush(stdout);
}

} // namespace bm::bench
