// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The failures that more than one request can meet, worded once.
#pragma once

#include "KernelBackend.h"
#include "Outcome.h"

#include <QStringList>

namespace bm::helper {

// InvalidArgument from validation phrases ("miimon and arp_interval cannot both be set"), joined
// into one sentence.
Failure invalidArgument(const QStringList &phrases);
Failure noSuchBond(const QString &name);
Failure noSuchInterface(const QString &name);
// The kernel's list of links could not be read.
Failure dumpFailed();
// KernelRefused: the step in the user's words ("add eth0 to bond0"), then the kernel's.
Failure kernelRefused(const QString &step, const KernelResult &result);

} // namespace bm::helper
