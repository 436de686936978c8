// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Reads the text of /proc/net/bonding/<bond> (drivers/net/bonding/bond_procfs.c) into a BondInfo.
// Handles what every kernel since the 2.6 era prints in every mode, as root and as an
// unprivileged reader (who sees no 802.3ad system/aggregator/LACPDU details). Lines it does not
// know are kept in BondInfo::extra or SlaveInfo::extra. Input is bounded (MaxInputBytes,
// MaxLineLength) and parsed in one linear pass, so no input can make it crash or hang.
#pragma once

#include "BondTypes.h"

#include <QByteArray>
#include <QString>

namespace bm {

class ProcBondingParser
{
public:
    static constexpr qsizetype MaxInputBytes = 1024 * 1024;
    static constexpr qsizetype MaxLineLength = 4096;

    struct Result {
        BondInfo bond;
        QString error; // one line, "line N: ..." when a line is at fault; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    // What the parser knows beyond the kernel's options: the file says nothing about the slave
    // state (active/backup) and rarely names the bond (only "bond X has no active aggregator").
    // arpIntervalMs is 0 when the file has no ARP section (the kernel prints it only when > 0).
    // "Primary Slave: None" and "Currently Active Slave: None" leave those options unset.
    static Result parse(const QByteArray &contents);
};

} // namespace bm
