// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bm-bench's experiments, one per file, run in this order by BenchMain.cpp. Each measures through
// the harness (processes, listeners, the GUI's trace) and adds its figures to the report; a step
// that breaks is a Harness::fail(). Figure numbers are issue 8's: 1 failover latency, 2 at rest,
// 3 reads and GUI start, 4 flap storm, 5 slow flaps, 6 ListCandidates (issue 17).
#pragma once

namespace bm::bench {

class Harness;
class Report;

// FailoverLatency.cpp: cuts of bond0's active slave; the helper's signal, the /proc poll (the lab,
// without the GUI) and, with withGui, the traced GUI's paint of the new active tile, each against
// the floor.
void measureFailoverLatency(Harness &h, Report &report, bool withGui);
// SignalHop.cpp: one signal through dbus-daemon into a Qt client's slot, without the helper.
void measureSignalHop(Harness &h, Report &report);
// AtRest.cpp: the helper's and dbus-daemon's wakeups, CPU time and RSS while nothing happens.
void measureAtRest(Harness &h, Report &report);
// Reads.cpp: the bmbNN bonds made, then ListBonds, GetBond, GetBonds and /proc against a round
// trip. False when the bonds could not be made (Harness::bonds stays empty).
bool measureReads(Harness &h, Report &report);
// GuiStart.cpp: the GUI's start to its first full paint with every bond, against --demo and
// --version; the last GUI stays up for the storm.
void measureGuiStart(Harness &h, Report &report);
// FlapStorm.cpp: link changes at a fixed rate over the bmbNN bonds' slaves, without the GUI and
// with it; the helper's and the GUI's load, and when the GUI's state equals the kernel's after.
void measureFlapStorm(Harness &h, Report &report);
// FlapStorm.cpp too: 10 link changes per second for soakSeconds, the helper's RSS before and
// after (its growth given per hour, next to dbus-daemon's as the reference).
void measureSlowFlaps(Harness &h, Report &report);
// Candidates.cpp: ListCandidates with the routes there are (the reference), then with `routes`
// more in the main table.
void measureCandidates(Harness &h, Report &report);

} // namespace bm::bench
