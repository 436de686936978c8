// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Figure 3: the GUI's start, to the first paint that shows every bond.
#include "Experiments.h"

#include "Harness.h"
#include "Report.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace bm::bench {

// Start to first full paint: from just before the fork to the end of the first paint flushed to
// the display after the window had every bond (trace "frame-full"). The references, started the
// same way in the same rounds: `--demo` (same binary, window and X server, in-memory sample bonds:
// start to its first paint) and `--version` (start to exit: process, libraries, QApplication, X
// connection). The last GUI with every bond stays up for the storm.
void measureGuiStart(Harness &h, Report &report)
{
    if (!h.hasDisplay())
        return;
    const GuiTraceReader &gui = h.gui();
    std::vector<double> full, first, demo, version;
    for (int r = 0; r < h.options().guiStarts; ++r) {
        if (h.startGui({u"--version"_s}) && h.waitFor([&] { return h.guiExited() >= 0; }, 60000))
            version.push_back(h.guiExited() - h.guiStarted());
        if (h.startGui({u"--demo"_s}) && h.waitFor([&] { return gui.full >= 0 || !h.guiRunning(); }, 60000)
            && gui.full >= 0)
            demo.push_back(gui.full - h.guiStarted());
        if (h.startGui({}) && h.waitFor([&] { return gui.full >= 0 || !h.guiRunning(); }, 120000)
            && gui.full >= 0) {
            if (gui.fullBonds != int(h.bonds.size()))
                h.fail(u"GUI start %1: full paint with %2 of %3 bonds"_s.arg(r)
                               .arg(gui.fullBonds)
                               .arg(h.bonds.size()));
            full.push_back(gui.full - h.guiStarted());
            first.push_back(gui.first - h.guiStarted());
        } else {
            h.fail(u"GUI start %1: no full paint within 120 s"_s.arg(r));
        }
    }
    const QString n = QString::number(h.bonds.size());
    report.add(u"3 GUI start -> full paint, %1 bonds"_s.arg(n), u"ms"_s, full, u"< 500 ms"_s);
    report.add(u"3 GUI start -> first paint (bonds loading)"_s, u"ms"_s, first, u""_s);
    report.add(u"3 GUI --demo start -> paint (reference)"_s, u"ms"_s, demo, u""_s);
    report.add(u"3 GUI --version start -> exit (reference)"_s, u"ms"_s, version, u""_s);
}

} // namespace bm::bench
