// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

// A polkit text agent (pkttyagent) for the length of one bondctl change, as systemctl does, so that
// polkit can ask for a password on the terminal when no graphical agent serves the session.
// --fallback leaves an agent that is already registered (a desktop's) in charge.
#pragma once

#include <sys/types.h>

namespace bondctl {

class PolkitTtyAgent
{
public:
    PolkitTtyAgent() = default;
    ~PolkitTtyAgent();
    PolkitTtyAgent(const PolkitTtyAgent &) = delete;
    PolkitTtyAgent &operator=(const PolkitTtyAgent &) = delete;

    // Starts pkttyagent when stdin and stderr are terminals and waits (bounded) until it has
    // registered. Without pkttyagent nothing happens: polkit then answers "not authorised".
    void start();

private:
    pid_t m_pid = -1;
};

} // namespace bondctl
