// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// --profile-gui, --profile-helper: `perf record` through a flap storm, then its report by thread,
// library and symbol on stdout.
#pragma once

#include <QProcess>
#include <QString>

namespace bm::bench {

class PerfRecord
{
public:
    // Records into DATAFILE; with callGraph, DWARF call graphs (fewer samples) reported with the
    // time of what each function calls.
    PerfRecord(const QString &dataFile, bool callGraph);

    // Process PID, or the whole machine by thread when PID is 0.
    void start(qint64 pid);
    // Stops the recording and prints its report under WHAT; nothing when none was started.
    void report(const char *what);

private:
    QString m_data;
    bool m_callGraph;
    QProcess m_perf;
};

} // namespace bm::bench
