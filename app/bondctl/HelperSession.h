// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The connection to the helper for one bondctl run: opens the bus the invocation names, holds the
// client, and turns call errors into bondctl's exit codes and one line on stderr.
#pragma once

#include "CommandLine.h"
#include "HelperClient.h"
#include "HelperConnection.h"
#include "PolkitTtyAgent.h"

#include <functional>
#include <memory>

namespace bondctl {

// 1 refused by helper/kernel, 3 not authorised, 4 unreachable / no bonding. (2, invalid input,
// is bondctl's own verdict before anything is sent.)
int exitCodeFor(bm::ClientError error);

class HelperSession
{
public:
    explicit HelperSession(const Invocation &invocation);

    // Opens the bus; on failure prints why and returns false (exit ExitUnreachable).
    bool open();
    bm::HelperClient &client() { return *m_client; }
    // For a change: Interactive when stdin is a terminal and --no-ask was not given; then, on
    // this machine's bus, a text agent is started so polkit can ask for a password.
    bm::HelperClient::Auth auth();

    // Prints the error and returns its exit code.
    static int report(const bm::CallError &error);

private:
    bm::HelperConnection m_connection;
    std::unique_ptr<bm::HelperClient> m_client;
    bm::HelperClient::Auth m_auth;
    PolkitTtyAgent m_agent;
};

// Opens the session the invocation names and runs body with it; when the bus cannot be opened,
// what open() printed and ExitUnreachable. Every helper command starts so.
int inSession(const Invocation &invocation, const std::function<int(HelperSession &)> &body);
// The same after parsing args for the named command (prepare(): --help and usage errors end it).
int withSession(const QStringList &args, const char *command,
                const std::function<int(const Invocation &, HelperSession &)> &body);

} // namespace bondctl
