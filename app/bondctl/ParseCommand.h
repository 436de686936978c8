// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// `bondctl parse FILE`: offline parse of a /proc/net/bonding file (docs/architecture.md §7).
#pragma once

#include <QStringList>

namespace bondctl {

int runParse(const QStringList &args);

} // namespace bondctl
