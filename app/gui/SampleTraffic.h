// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Made-up traffic for `bond-manager --demo` (SampleBackend): the sample host has no counters to
// sample, and empty sparklines would not show what the tiles are for.
#pragma once

namespace bm::gui {

class MainWindow;

// A minute of traffic on each tile the window shows, none on a slave whose link is not up.
void addSampleTraffic(MainWindow &window);

} // namespace bm::gui
