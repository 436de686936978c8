// SPDX-FileCopyrightText: 2026 Bond Manager developers
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PolkitTtyAgent.h"

#include <QByteArray>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bondctl {

namespace {

// pkttyagent closes its notify fd once registered; a stuck agent must not hang bondctl.
constexpr int RegisterTimeoutMs = 10000;

} // namespace

void PolkitTtyAgent::start()
{
    // polkit never asks root.
    if (m_pid > 0 || geteuid() == 0 || !isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return;
    // The child's end, without close-on-exec, prepared before fork: after fork only exec is safe.
    const int notify = fcntl(fds[1], F_DUPFD, 3);
    if (notify < 0) {
        close(fds[0]);
        close(fds[1]);
        return;
    }
    const QByteArray notifyArg = QByteArray::number(notify);
    const char *argv[] = {"pkttyagent", "--notify-fd", notifyArg.constData(), "--fallback", nullptr};
    const pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], const_cast<char *const *>(argv));
        _exit(127);
    }
    close(notify);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return;
    }
    m_pid = pid;
    // Registered (pipe closed) or gone (exec failed): either way the pipe reports end of file.
    pollfd p {fds[0], POLLIN, 0};
    int r;
    do {
        r = poll(&p, 1, RegisterTimeoutMs);
    } while (r < 0 && errno == EINTR);
    close(fds[0]);
}

PolkitTtyAgent::~PolkitTtyAgent()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) { }
}

} // namespace bondctl
