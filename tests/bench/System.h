// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The machine's side of the benchmark: commands run to completion (set-up and faults, outside the
// timed windows), files read whole, and a process's scheduling and CPU figures from /proc.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bm::bench {

bool run(const QString &program, const QStringList &args, const QByteArray &input = {});
QByteArray readFile(const QString &path);
// The "Currently Active Slave" of a /proc/net/bonding text; empty when it has none.
QString activeSlaveInProc(const QByteArray &text);

struct CpuSample {
    qint64 voluntary = 0, involuntary = 0, ticks = 0, rssKb = 0;
    // VmRSS's parts: the heap and other private memory, against pages of mapped files (code and
    // data of the program and its libraries, faulted in as a path first runs, shared and
    // reclaimable; on the lab's 9p root each one is read over the wire).
    qint64 rssAnonKb = 0, rssFileKb = 0;
    // Of the private part, the main arena's brk heap ([heap] in smaps); the rest is the other
    // threads' malloc arenas, blocks malloc mapped on their own, and stacks.
    qint64 rssHeapKb = 0;
    // CPU time in ns (schedstat), of every thread and of the main thread alone.
    qint64 cpuNs = 0, mainNs = 0;
};

// Context switches (summed over all threads), CPU ticks and time, and RSS of process PID.
CpuSample sample(qint64 pid);

} // namespace bm::bench
