// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HelperSession.h"

#include "Command.h"
#include "HelperCommands.h"

#include <unistd.h>

namespace bondctl {

int exitCodeFor(bm::ClientError error)
{
    switch (error) {
    case bm::ClientError::None:
        return ExitOk;
    case bm::ClientError::NotAuthorized:
        return ExitNotAuthorized;
    case bm::ClientError::BondingUnavailable:
    case bm::ClientError::Unreachable:
        return ExitUnreachable;
    // The helper's InvalidArgument is a refusal in the light of the machine's state ("eth3 is not
    // a slave of bond0"): exit 2 stays reserved for input bondctl itself refused, unsent.
    case bm::ClientError::InvalidArgument:
    case bm::ClientError::NoSuchBond:
    case bm::ClientError::NoSuchInterface:
    case bm::ClientError::Busy:
    case bm::ClientError::KernelRefused:
    case bm::ClientError::ServiceRefused:
    case bm::ClientError::TrialRequired:
    case bm::ClientError::NoSuchTrial:
    case bm::ClientError::Failed:
        break;
    }
    return ExitRefused;
}

HelperSession::HelperSession(const Invocation &invocation)
    : m_connection(invocation.target)
    , m_auth(!invocation.noAsk && isatty(STDIN_FILENO) ? bm::HelperClient::Auth::Interactive
                                                       : bm::HelperClient::Auth::NonInteractive)
{ }

bool HelperSession::open()
{
    if (!m_connection.open()) {
        printError(m_connection.errorString());
        return false;
    }
    m_client = std::make_unique<bm::HelperClient>(m_connection.bus());
    return true;
}

bm::HelperClient::Auth HelperSession::auth()
{
    // An agent here cannot answer for another machine's polkit (--host, --lab).
    if (m_auth == bm::HelperClient::Auth::Interactive
        && m_connection.target().kind == bm::HelperTarget::Kind::SystemBus)
        m_agent.start();
    return m_auth;
}

int HelperSession::report(const bm::CallError &error)
{
    printError(error.message);
    return exitCodeFor(error.kind);
}

int inSession(const Invocation &invocation, const std::function<int(HelperSession &)> &body)
{
    HelperSession session(invocation);
    if (!session.open())
        return ExitUnreachable;
    return body(session);
}

int withSession(const QStringList &args, const char *command,
                const std::function<int(const Invocation &, HelperSession &)> &body)
{
    Invocation invocation;
    int rc = ExitOk;
    if (!prepare(args, command, &invocation, &rc))
        return rc;
    return inSession(invocation, [&](HelperSession &session) { return body(invocation, session); });
}

} // namespace bondctl
