// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// What the flap storm compares: per bond "bond/NAME" -> active slave ("-" for none), per slave
// "slave/BOND/NAME" -> MII status, in the trace's words (GuiTraceFormat.h: up, down, going-down,
// going-back), as the kernel, the helper and the traced GUI each see it.
#pragma once

#include <QString>
#include <QStringList>

#include <map>

class HelperProxy;

namespace bm::bench {

using BondState = std::map<QString, QString>;

// The kernel's view from /proc/net/bonding (bond-level "MII Status" comes before any slave).
BondState kernelState(const QStringList &bonds);
// The fake kernel's view, from the helper's GetBonds (in the same keys and words as kernelState):
// with the fake kernel there is no /proc to read behind the helper's back.
BondState helperState(HelperProxy &proxy);
// The first difference, for the report when the GUI never converges; empty when they are equal.
QString firstDifference(const BondState &kernel, const BondState &gui);

} // namespace bm::bench
