// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bm::bench {

Stats stats(std::vector<double> v)
{
    Stats s;
    s.n = qsizetype(v.size());
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    auto rank = [&](double p) {
        size_t r = size_t(std::ceil(p * double(v.size())));
        return v[std::clamp<size_t>(r, 1, v.size()) - 1];
    };
    s.p50 = rank(0.50);
    s.p99 = rank(0.99);
    s.max = v.back();
    return s;
}

void Report::add(const QString &figure, const QString &unit, const std::vector<double> &samples,
                 const QString &goal)
{
    m_rows.push_back({figure, unit, stats(samples), goal});
}

void Report::addValue(const QString &figure, const QString &unit, double value, const QString &goal)
{
    m_rows.push_back({figure, unit, {1, value, 0, 0}, goal, false});
}

void Report::print() const
{
    int width = 50;
    for (const Row &r : m_rows)
        width = std::max(width, int(m_prefix.size() + r.figure.size()));
    std::printf("\n%-*s %5s %9s %9s %9s  %s\n", width, "figure", "n", "p50", "p99", "max", "goal");
    for (const Row &r : m_rows) {
        const QString figure = m_prefix + r.figure;
        if (r.hasP)
            std::printf("%-*s %5lld %9.2f %9.2f %9.2f  %s  [%s]\n", width, qPrintable(figure),
                        static_cast<long long>(r.s.n), r.s.p50, r.s.p99, r.s.max, qPrintable(r.goal),
                        qPrintable(r.unit));
        else
            std::printf("%-*s %5s %9.2f %9s %9s  %s  [%s]\n", width, qPrintable(figure), "", r.s.p50, "", "",
                        qPrintable(r.goal), qPrintable(r.unit));
    }
    for (const QString &note : m_notes)
        std::printf("note: %s%s\n", qPrintable(m_prefix), qPrintable(note));
    std::fflush(stdout);
}

} // namespace bm::bench
