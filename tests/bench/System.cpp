// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "System.h"

#include <QDir>
#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace bm::bench {

bool run(const QString &program, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return false;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString activeSlaveInProc(const QByteArray &text)
{
    const QByteArray key = "Currently Active Slave: ";
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return {};
    const qsizetype end = text.indexOf('\n', at);
    return QString::fromLatin1(text.mid(at + key.size(), end - at - key.size()));
}

// Summed over all threads: Qt's D-Bus runs its own thread, and a wakeup there counts as much.
CpuSample sample(qint64 pid)
{
    CpuSample s;
    const QString base = u"/proc/%1"_s.arg(pid);
    for (const QString &tid : QDir(base + u"/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QByteArray &line : readFile(base + u"/task/"_s + tid + u"/status"_s).split('\n')) {
            if (line.startsWith("voluntary_ctxt_switches:"))
                s.voluntary += line.mid(24).trimmed().toLongLong();
            else if (line.startsWith("nonvoluntary_ctxt_switches:"))
                s.involuntary += line.mid(27).trimmed().toLongLong();
        }
        // Nanoseconds on the CPU, by thread: the helper's D-Bus thread apart from its event loop.
        const qint64 ns = readFile(base + u"/task/"_s + tid + u"/schedstat"_s).split(' ').value(0).toLongLong();
        s.cpuNs += ns;
        if (tid.toLongLong() == pid)
            s.mainNs = ns;
    }
    for (const QByteArray &line : readFile(base + u"/status"_s).split('\n')) {
        auto kb = [&line](int from) { return line.mid(from).trimmed().split(' ').value(0).toLongLong(); };
        if (line.startsWith("VmRSS:"))
            s.rssKb = kb(6);
        else if (line.startsWith("RssAnon:"))
            s.rssAnonKb = kb(8);
        else if (line.startsWith("RssFile:"))
            s.rssFileKb = kb(8);
    }
    // smaps_rollup has no per-mapping split: walk smaps for the one mapping named [heap].
    bool inHeap = false;
    for (const QByteArray &line : readFile(base + u"/smaps"_s).split('\n')) {
        if (line.isEmpty())
            continue;
        if (!line.contains(':') || line.indexOf(' ') < line.indexOf(':'))
            inHeap = line.endsWith("[heap]"); // a mapping's header line: "start-end perms ... name"
        else if (inHeap && line.startsWith("Rss:"))
            s.rssHeapKb += line.mid(4).trimmed().split(' ').value(0).toLongLong();
    }
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const QByteArray stat = readFile(base + u"/stat"_s);
    const QList<QByteArray> f = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    s.ticks = f.value(11).toLongLong() + f.value(12).toLongLong();
    return s;
}

} // namespace bm::bench
