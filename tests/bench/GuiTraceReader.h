// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-bench's side of the GUI trace: the lines of the traced GUI's stdout (GuiTraceFormat.h), read
// into what the experiments wait for and measure. Fed by Harness as the output arrives.
#pragma once

#include "BondState.h"
#include "GuiTraceFormat.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace bm::bench {

class GuiTraceReader
{
public:
    // Takes in output; every complete line is read.
    void feed(const QByteArray &output);
    // For a GUI started afresh: its output so far and its paint stamps go.
    void restart();
    // Before "dump" is asked: the last answer goes.
    void expectDump();

    // The first flushed paint, and the first after every bond was loaded (with how many); -1: none yet.
    double first = -1, full = -1;
    int fullBonds = -1;

    // A failover of bond0 to watch for: the first paint flushed at or after `from` of bond0's tile
    // `slave` showing itself active (when, and when its frame began), and when the window heard
    // of the failover. -1: not yet; `from` -1: no watch.
    struct FailoverWatch {
        double from = -1;
        QString slave;
        double paint = -1, paintFrame = -1, heard = -1;
    };
    FailoverWatch watch;

    // Event loop passes and frames of 16 ms or more: (start, length).
    std::vector<std::pair<double, double>> busy, frames;
    // The GUI thread's CPU time in each of those passes: (start, ms), in busy's order.
    std::vector<std::pair<double, double>> busyCpu;
    // The answer to the last "stats".
    std::optional<trace::Stats> stats;
    // The answer to the last "dump", once dumpDone.
    BondState dump;
    bool dumpDone = false;

private:
    void read(const trace::Line &line);

    QByteArray m_buffer;
    BondState m_dumping;
};

} // namespace bm::bench
