// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// Argument handling shared by the commands that talk to the helper: where the helper is (--host,
// --lab), --json, --no-ask, and the bonding option flags generated from the OptionTable
// (--miimon 100, --arp_ip_target 192.0.2.1,192.0.2.2, spelled as `ip link` spells them).
// Everything here is checked before any connection is opened: bad input never reaches the helper.
#pragma once

#include "AddressFlags.h"
#include "HelperConnection.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace bondctl {

// What one command accepts besides the global options.
struct Syntax {
    const char *command;
    QStringList positionals;     // names shown in usage ("BOND", "IF"); all required...
    int optionalPositionals = 0; // ...except this many at the end
    bool optionFlags = false;    // --OPTION VALUE for every option of the table
    bool slaveFlag = false;      // --slave IF (repeatable)
    bool clearFlag = false;      // --clear stands for the last positional
    bool json = false;           // --json
    bool write = false;          // --no-ask
    bool addressFlags = false;   // --ip4, --gw4, --ip6, --gw6, --dns, --search, --mtu (AddressFlags.h)
    bool saveWithFlag = false;   // --save-with SERVICE
    bool trialFlag = false;      // --confirm-within SECONDS (a change the helper can make a trial)
};

// --confirm-within: 0 (no trial) or this range, as the helper's Try takes it.
inline constexpr uint MinConfirmWithin = 10;
inline constexpr uint MaxConfirmWithin = 600;

struct Invocation {
    QStringList positionals;
    // Option name as the table spells it (aliases resolved) -> the value given, as typed. List
    // options given more than once are joined with commas.
    QVariantMap options;
    QStringList slaves;
    AddressRequest address;
    std::optional<QString> saveWith;   // as sent: "" for auto
    std::optional<uint> confirmWithin; // --confirm-within SECONDS
    bool clear = false;
    bool json = false;
    bool noAsk = false;
    bool help = false; // --help / -h: print usage, nothing else
    bm::HelperTarget target;
    QString error; // usage error, one sentence; exit 2

    bool ok() const { return error.isEmpty(); }
};

// Global options also accepted before the command name: bondctl --host h list.
bool isGlobalOption(const QString &arg);
// Moves global options (and their values) found before the command name to after it.
void hoistGlobalOptions(QStringList &args);

// Parses args (after the command name) for syntax. Also checks bond and interface names and each
// option value on its own (OptionTable::parseValue); combinations are the caller's (validate()).
Invocation parseCommandLine(const QStringList &args, const Syntax &syntax);

// "usage: bondctl create BOND --mode MODE [--OPTION VALUE ...] [--slave IF ...] [--json] ..."
QString usageLine(const Syntax &syntax);
// Usage plus the option flags, for --help.
QString helpText(const Syntax &syntax, const char *summary);

// "--OPTION" spelling of a table option, and the placeholder shown for its value.
QString optionFlag(const char *name);
QString valuePlaceholder(const char *name);

} // namespace bondctl
