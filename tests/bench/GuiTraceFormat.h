// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The GUI trace as text: the lines bond-manager-traced writes (traced/GuiTrace.h) and bm-bench reads
// (GuiTraceReader.h), and the commands it answers on stdin. Both sides go through this file, each
// kind of line written by one write() and read back by parse() next to it, so the two cannot drift.
// One line per event, its first field T in CLOCK_MONOTONIC milliseconds (nowMs(), MonotonicClock.h,
// the clock bm-bench stamps kernel events with):
//   frame-first T                  the first window paint has been flushed to the display
//   frame-full T bonds N tiles M   the first flushed paint after every bond was loaded
//   tile T BOND SLAVE ROLE MII S   a paint of a slave tile flushed at T (its frame began at S)
//                                  and what it showed (ROLE: active, backup or none)
//   failover T BOND NEW            the backend told the window of a failover (NEW: - for none)
//   busy T MS CPU                  an event loop pass of MS >= 16 ms that began at T, and the
//                                  CPU time the GUI thread had in it
//   paint T MS                     a frame (paint + flush) of MS >= 16 ms that began at T
// and answers on stdin:
//   stats -> stats T busy_max MS paint_max MS paints N passes N gap_max MS   (then starts over)
//   dump  -> bond T NAME ACTIVE|-, slave T BOND NAME MII per slave, dump-end T
// MII is the status in the words of miiWord(). Not user-visible, so nothing here is translated.
#pragma once

#include "BondTypes.h"
#include "MonotonicClock.h"

#include <QByteArray>
#include <QList>

#include <cstdio>
#include <optional>
#include <variant>

namespace bm::bench::trace {

// The traced GUI writes its trace to this file, or to stdout when it is "-"; unset, it writes none.
inline constexpr char PathVariable[] = "BM_GUI_TRACE";
inline constexpr char StatsCommand[] = "stats";
inline constexpr char DumpCommand[] = "dump";
// No active slave, in failover and bond lines.
inline constexpr char NoSlave[] = "-";

inline const char *miiWord(MiiStatus mii)
{
    switch (mii) {
    case MiiStatus::Up:
        return "up";
    case MiiStatus::GoingDown:
        return "going-down";
    case MiiStatus::Down:
        return "down";
    case MiiStatus::GoingBack:
        return "going-back";
    case MiiStatus::Unknown:
        break;
    }
    return "unknown";
}

struct FrameFirst {
    double t = 0;
};
struct FrameFull {
    double t = 0;
    qint64 bonds = 0, tiles = 0;
};
struct Tile {
    double t = 0;
    QByteArray bond, slave, role, mii;
    double frameStart = 0;
};
struct Failover {
    double t = 0;
    QByteArray bond, newActive;
};
struct Busy {
    double t = 0, ms = 0, cpuMs = 0;
};
struct Paint {
    double t = 0, ms = 0;
};
struct Stats {
    double t = 0, busyMax = 0, paintMax = 0;
    qint64 paints = 0, passes = 0;
    double gapMax = 0;
};
struct DumpBond {
    double t = 0;
    QByteArray bond, active;
};
struct DumpSlave {
    double t = 0;
    QByteArray bond, slave, mii;
};
struct DumpEnd {
    double t = 0;
};

using Line = std::variant<FrameFirst, FrameFull, Tile, Failover, Busy, Paint, Stats, DumpBond, DumpSlave,
                          DumpEnd>;

// Each writes one line (no flush: the writer flushes once per event loop pass).
inline void write(std::FILE *out, const FrameFirst &l)
{
    std::fprintf(out, "frame-first %.3f\n", l.t);
}
inline void write(std::FILE *out, const FrameFull &l)
{
    std::fprintf(out, "frame-full %.3f bonds %lld tiles %lld\n", l.t, static_cast<long long>(l.bonds),
                 static_cast<long long>(l.tiles));
}
inline void write(std::FILE *out, const Tile &l)
{
    std::fprintf(out, "tile %.3f %s %s %s %s %.3f\n", l.t, l.bond.constData(), l.slave.constData(),
                 l.role.constData(), l.mii.constData(), l.frameStart);
}
inline void write(std::FILE *out, const Failover &l)
{
    std::fprintf(out, "failover %.3f %s %s\n", l.t, l.bond.constData(), l.newActive.constData());
}
inline void write(std::FILE *out, const Busy &l)
{
    std::fprintf(out, "busy %.3f %.3f %.3f\n", l.t, l.ms, l.cpuMs);
}
inline void write(std::FILE *out, const Paint &l)
{
    std::fprintf(out, "paint %.3f %.3f\n", l.t, l.ms);
}
inline void write(std::FILE *out, const Stats &l)
{
    std::fprintf(out, "stats %.3f busy_max %.3f paint_max %.3f paints %lld passes %lld gap_max %.3f\n", l.t,
                 l.busyMax, l.paintMax, static_cast<long long>(l.paints), static_cast<long long>(l.passes),
                 l.gapMax);
}
inline void write(std::FILE *out, const DumpBond &l)
{
    std::fprintf(out, "bond %.3f %s %s\n", l.t, l.bond.constData(), l.active.constData());
}
inline void write(std::FILE *out, const DumpSlave &l)
{
    std::fprintf(out, "slave %.3f %s %s %s\n", l.t, l.bond.constData(), l.slave.constData(),
                 l.mii.constData());
}
inline void write(std::FILE *out, const DumpEnd &l)
{
    std::fprintf(out, "dump-end %.3f\n", l.t);
}

// One line (without its newline) as written above; nothing for anything else.
inline std::optional<Line> parse(const QByteArray &line)
{
    const QList<QByteArray> f = line.split(' ');
    const QByteArray &what = f.constFirst();
    bool ok = true;
    // Every number must parse, every keyword between them match.
    auto number = [&](qsizetype i) {
        bool good = false;
        const double v = f.value(i).toDouble(&good);
        ok = ok && good;
        return v;
    };
    auto count = [&](qsizetype i) {
        bool good = false;
        const qint64 v = f.value(i).toLongLong(&good);
        ok = ok && good;
        return v;
    };
    auto keywords = [&](std::initializer_list<std::pair<qsizetype, const char *>> words) {
        for (const auto &[i, word] : words)
            ok = ok && f.value(i) == word;
    };
    auto fields = [&](qsizetype n) { return f.size() == n; };
    std::optional<Line> l;
    if (what == "frame-first" && fields(2)) {
        l = FrameFirst {number(1)};
    } else if (what == "frame-full" && fields(6)) {
        keywords({{2, "bonds"}, {4, "tiles"}});
        l = FrameFull {number(1), count(3), count(5)};
    } else if (what == "tile" && fields(7)) {
        l = Tile {number(1), f[2], f[3], f[4], f[5], number(6)};
    } else if (what == "failover" && fields(4)) {
        l = Failover {number(1), f[2], f[3]};
    } else if (what == "busy" && fields(4)) {
        l = Busy {number(1), number(2), number(3)};
    } else if (what == "paint" && fields(3)) {
        l = Paint {number(1), number(2)};
    } else if (what == "stats" && fields(12)) {
        keywords({{2, "busy_max"}, {4, "paint_max"}, {6, "paints"}, {8, "passes"}, {10, "gap_max"}});
        l = Stats {number(1), number(3), number(5), count(7), count(9), number(11)};
    } else if (what == "bond" && fields(4)) {
        l = DumpBond {number(1), f[2], f[3]};
    } else if (what == "slave" && fields(5)) {
        l = DumpSlave {number(1), f[2], f[3], f[4]};
    } else if (what == "dump-end" && fields(2)) {
        l = DumpEnd {number(1)};
    }
    if (!ok)
        return std::nullopt;
    return l;
}

} // namespace bm::bench::trace
