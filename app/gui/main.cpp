// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bond-manager: the desktop app (App.h), with nothing attached.
#include "App.h"

int main(int argc, char *argv[])
{
    return bm::gui::runApp(argc, argv);
}
