// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-bench's table: one row per figure (n, p50, p99, max of its samples, or a single value), its goal
// and unit, then the notes. README.md and docs/performance quote this format; keep it.
#pragma once

#include <QString>

#include <vector>

namespace bm::bench {

struct Stats {
    qsizetype n = 0;
    double p50 = 0, p99 = 0, max = 0;
};

// Nearest-rank percentiles: with 200 samples p99 is the 2nd-largest, not an interpolation.
Stats stats(std::vector<double> v);

class Report
{
public:
    // Before every figure's name and note: whose figures they are.
    void setPrefix(const QString &prefix) { m_prefix = prefix; }
    // A figure with the percentiles of its samples.
    void add(const QString &figure, const QString &unit, const std::vector<double> &samples,
             const QString &goal);
    // A figure of one value: no n, no percentiles.
    void addValue(const QString &figure, const QString &unit, double value, const QString &goal);
    void note(const QString &note) { m_notes.push_back(note); }
    // The table and the notes, on stdout.
    void print() const;

private:
    struct Row {
        QString figure, unit;
        Stats s;
        QString goal;
        bool hasP = true;
    };
    QString m_prefix;
    std::vector<Row> m_rows;
    std::vector<QString> m_notes;
};

} // namespace bm::bench
