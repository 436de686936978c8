// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// The connection to the helper for one bondctl run: opens the bus the invocation names, holds the
// client, and turns call errors into bondctl's exit codes and one line on stderr.
#pragma once

#include "CommandLine.h"
#include "HelperClient.h"
#include "HelperConnection.h"
#include "PolkitTtyAgent.h"

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

} // namespace bondctl
