// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What bm-bench is asked to measure, from its command line (BenchMain.cpp; tests/bench/run and
// run-host pass these through).
#pragma once

namespace bm::bench {

struct Options {
    int cuts = 200;    // failover cuts of bond0's active slave, and D-Bus signal hops
    int miimon = 10;   // bond0's miimon (ms)
    int pollMs = 1000; // the /proc polling reference's period (ms)
    int restSeconds = 10;
    int scaleBonds = 64; // bmbNN bonds of 4 slaves, besides bond0
    int scaleReps = 20;
    int guiStarts = 5;
    int stormRate = 1000; // link commands per second
    int stormSeconds = 10;
    int soakSeconds = 60;          // the slow flaps (10/s) whose RSS growth is given per hour
    int routes = 100000;           // main-table routes for the ListCandidates figure
    bool stormAdmin = false;       // the storm switches the slaves' admin state, not their carrier
    double hostCalibrationMs = -1; // tests/bench/run: bm-bench --calibrate on the host
    bool profileGui = false;       // perf record the GUI through the storm, print its top symbols
    bool profileHelper = false;    // the whole guest (the helper among the rest) in the storm without the GUI
    bool callGraph = false;        // the profiles with DWARF call graphs, reported with callees' time
    bool fakeKernel = false;       // on the host around bm-fake-helper (tests/bench/run-host)
};

} // namespace bm::bench
