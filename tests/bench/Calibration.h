// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The speed of the machine the figures come from, as one number: a fixed piece of the helper's own
// work (parse a real /proc/net/bonding capture, build the state map, marshal it for D-Bus), timed
// on the host and again inside the lab guest. Their ratio says how much slower the emulated guest
// runs our code, so a figure measured there can also be read at the host's speed.
#pragma once

#include <QString>

namespace bm::bench {

// Milliseconds for the fixed workload (the best of a few rounds, so a stray interruption does not
// count); -1 when the captures cannot be read.
double calibrationMs(const QString &fixturesDir);

} // namespace bm::bench
