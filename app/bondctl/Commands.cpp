// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Commands.h"

#include "HelperCommands.h"
#include "ParseCommand.h"

namespace bondctl {

const QList<Command> &commands()
{
    static const QList<Command> table = {
            {"parse", "FILE",
             "print a /proc/net/bonding/<bond> file (or - for stdin) as JSON, without a helper", runParse},
            {"list", "[--json]", "the bonds, with mode, MII status, active slave and slaves", runList},
            {"show", "BOND [--json]", "one bond: its options and each slave's state", runShow},
            {"create",
             "BOND --mode MODE [--OPTION VALUE ...] [--slave IF ...] [ADDRESS FLAGS] [--save-with SERVICE]",
             "create a bond with these options, slaves and addresses, in one step, saved by the host's "
             "network service",
             runCreate},
            {"delete", "BOND", "delete a bond (its slaves are released)", runDelete},
            {"set", "BOND --OPTION VALUE ...", "change bonding options", runSet},
            {"set-ip", "BOND [ADDRESS FLAGS]", "change the bond's addresses, gateways, DNS or MTU", runSetIp},
            {"save", "BOND [--save-with SERVICE]",
             "save what runs (a bond saved nowhere, made elsewhere, or changed behind its service's back)",
             runSave},
            {"restore", "BOND", "make the bond match its saved configuration again", runRestore},
            {"add-slave", "BOND IF", "enslave an interface", runAddSlave},
            {"remove-slave", "BOND IF", "release a slave", runRemoveSlave},
            {"primary", "BOND IF|--clear", "set or clear the preferred slave", runPrimary},
            {"activate", "BOND IF", "make a slave the active one now", runActivate},
            {"drill", "BOND [--json]",
             "test the failover of an active-backup bond: the next backup made active, the gateway "
             "asked by ARP, the active slave restored",
             runDrill},
            {"interfaces", "[--json]", "interfaces that could become slaves", runInterfaces},
            {"counters", "BOND [--json]",
             "traffic counters of the bond and its slaves: bytes, packets, errors and drops each way",
             runCounters},
            {"monitor", "[BOND] [--json]",
             "print changes and failovers as they happen (JSON lines with --json) until interrupted",
             runMonitor},
            {"confirm", "[ID]", "keep a change made as a trial (the only pending one without ID)", runConfirm},
            {"rollback", "[ID]", "undo a change made as a trial now, before its deadline", runRollback},
            {"trials", "[--json]", "the pending trials: changes undone by themselves unless confirmed",
             runTrials},
    };
    return table;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

} // namespace bondctl
