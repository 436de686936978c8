// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The one clock of the benchmark: bm-bench stamps kernel events, signals and cuts with it, and the
// traced GUI stamps its trace lines (GuiTraceFormat.h) with it, so both can be subtracted.
#pragma once

#include <ctime>

namespace bm::bench {

inline double clockMs(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// CLOCK_MONOTONIC in milliseconds.
inline double nowMs()
{
    return clockMs(CLOCK_MONOTONIC);
}

} // namespace bm::bench
