// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop app as a function: parses the command line, loads the translations for the system
// locale, opens the helper (local, --host, --lab) or the sample host (--demo) and wires window, tray
// and notifications together. bond-manager's main() runs it with no hooks; the benchmark's
// bond-manager-traced (tests/bench/traced), which is never installed, runs it with its trace attached.
#pragma once

namespace bm::gui {

class BondBackend;
class MainWindow;

// What a build of the app may attach to the running window. The product attaches nothing.
class AppHooks
{
public:
    virtual ~AppHooks() = default;
    // Once, after the QApplication and the main window exist, before any backend is set.
    virtual void windowCreated(MainWindow *window) = 0;
    // Whenever the window is given a backend: at start, and on each File > Connect.
    virtual void backendChanged(BondBackend *backend) = 0;
};

// main()'s body; argc and argv as main() got them (QApplication keeps argc by reference).
int runApp(int &argc, char **argv, AppHooks *hooks = nullptr);

} // namespace bm::gui
