// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// bond-manager-helper: the root D-Bus service driving the kernel bonding driver over rtnetlink.
#include "HelperMain.h"
#include "NetlinkBackend.h"

int main(int argc, char **argv)
{
    return bm::helper::runHelper(argc, argv, [] { return std::make_unique<bm::helper::NetlinkBackend>(); });
}
